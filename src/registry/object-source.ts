/**
 * Where raw Git objects come from. With the git CLI present, one long-lived `git cat-file --batch`
 * process per repository: each object is one pack-index lookup and one inflate, whatever the pack
 * size (isomorphic-git loads and checks a whole pack on first access, which costs memory in
 * proportion to the pack and fails above 2 GiB). Without git, isomorphic-git is the fallback.
 *
 * Both re-scan the object store once when an object is missing, as git does: a concurrent
 * `git gc` may have moved it from a loose file (or a temporary pack) into a new pack.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import type { Socket } from 'node:net'
import { isomorphicGit } from './isomorphic.js'

export type ObjectKind = 'blob' | 'tree' | 'commit' | 'tag'

export interface RawObject {
  type: ObjectKind
  data: Buffer
}

export interface ObjectSource {
  /**
   * Fails with an error whose `code` is 'NotFoundError' when the repository lacks the object.
   * `expected` is the type the caller asks for: a local store ignores it (an object file says
   * its own type), GitHub's Git Database API has one endpoint per type (src/github/git-objects.ts).
   */
  read(oid: string, expected: ObjectKind): Promise<RawObject>
  /** Ends helper processes; reading again restarts them. */
  close(): void
}

/**
 * A reader of a local repository, which can also resolve a path itself: `git cat-file --batch`
 * takes `<tree>:<path>` and walks the trees in C, so a listing that reads every version file
 * neither parses each fan-out directory in JavaScript nor waits for one round trip per level.
 */
export interface LocalObjectSource extends ObjectSource {
  /**
   * The object at `path` under `tree`, or null when the reader did not find it there. Null is not
   * proof of absence (a concurrent gc may have moved a tree): callers confirm by walking the trees.
   */
  readPath(tree: string, path: string): Promise<RawObject | null>
}

/** Which object reader a backend uses: `auto` takes the git CLI when it runs, else isomorphic-git. */
export type ObjectReaderChoice = 'auto' | 'git-cli' | 'isomorphic-git'

export function openObjectSource(gitdir: string, choice: ObjectReaderChoice = 'auto'): LocalObjectSource {
  if (choice === 'git-cli') return new CatFileSource(gitdir)
  if (choice === 'isomorphic-git') return new IsomorphicSource(gitdir)
  return new FirstAvailableSource(gitdir)
}

/**
 * `auto`: `git cat-file --batch`, and isomorphic-git from the first time git cannot be run. Finding
 * out by running the reader itself costs nothing when git is there; asking `git --version` first
 * cost every command a blocking process start.
 */
class FirstAvailableSource implements LocalObjectSource {
  private source: LocalObjectSource

  constructor(private readonly gitdir: string) {
    this.source = new CatFileSource(gitdir)
  }

  read(oid: string, expected: ObjectKind): Promise<RawObject> {
    return this.withFallback(source => source.read(oid, expected))
  }

  readPath(tree: string, path: string): Promise<RawObject | null> {
    return this.withFallback(source => source.readPath(tree, path))
  }

  private async withFallback<T>(use: (source: LocalObjectSource) => Promise<T>): Promise<T> {
    try {
      return await use(this.source)
    } catch (error) {
      if ((error as { code?: string }).code !== GIT_NOT_RUNNABLE) throw error
      this.source = new IsomorphicSource(this.gitdir)
      return use(this.source)
    }
  }

  close(): void {
    this.source.close()
  }
}

/** The code of the error a read fails with when the git executable cannot be started. */
const GIT_NOT_RUNNABLE = 'GitNotRunnable'

export function notFoundError(oid: string): Error {
  return Object.assign(new Error(`object ${oid} not found`), { code: 'NotFoundError' })
}

interface Pending {
  oid: string
  resolve: (object: RawObject) => void
  reject: (error: Error) => void
}

/** One `git cat-file --batch` per repository, requests answered in order. */
export class CatFileSource implements LocalObjectSource {
  private child: ChildProcessWithoutNullStreams | null = null
  private pending: Pending[] = []
  private buffer: Buffer = Buffer.alloc(0)
  /**
   * Requests not yet written: those made in one turn of the event loop go to git in one write
   * (a listing asks for dozens at once; one pipe write each cost more than the reads themselves).
   */
  private unsent = ''

  constructor(private readonly gitdir: string) {}

  async read(oid: string): Promise<RawObject> {
    try {
      return await this.request(oid)
    } catch (error) {
      if ((error as { code?: string }).code !== 'NotFoundError') throw error
      // A new process sees the packs a concurrent gc wrote since this one started.
      this.close()
      return this.request(oid)
    }
  }

  async readPath(tree: string, path: string): Promise<RawObject | null> {
    // A request is one line, and an answer for a missing one repeats it before ` missing`: a path
    // with white space (no registry path has any) is left to the tree walk.
    if (!/^[0-9a-f]{40}$/.test(tree) || /[\s]/.test(path)) return null
    try {
      return await this.request(`${tree}:${path}`)
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFoundError') return null
      throw error
    }
  }

  close(): void {
    const child = this.child
    this.child = null
    this.buffer = Buffer.alloc(0)
    this.unsent = ''
    if (child) {
      child.stdin.end()
      child.kill()
    }
    const pending = this.pending
    this.pending = []
    for (const p of pending) p.reject(new Error('git cat-file was closed'))
  }

  /** `name`: an object id, or `<tree>:<path>` (readPath). */
  private request(name: string): Promise<RawObject> {
    if (!/^[0-9a-f]{40}(:.+)?$/.test(name)) return Promise.reject(notFoundError(name))
    const child = this.start()
    return new Promise<RawObject>((resolve, reject) => {
      this.pending.push({ oid: name, resolve, reject })
      // Keep the process (and so the event loop) referenced only while an answer is awaited.
      child.ref()
      ;(child.stdout as unknown as Socket).ref()
      if (this.unsent === '') setImmediate(() => this.send(child))
      this.unsent += `${name}\n`
    })
  }

  private send(child: ChildProcessWithoutNullStreams): void {
    // A process that ended took its requests with it (rejected); what is queued now is the next one's.
    if (this.child !== child) return
    const text = this.unsent
    this.unsent = ''
    if (text) child.stdin.write(text)
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child
    const child = spawn('git', ['cat-file', '--batch'], {
      env: { ...process.env, GIT_DIR: this.gitdir },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    this.child = child
    child.stdout.on('data', (chunk: Buffer) => {
      if (this.child !== child) return
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
      this.drain()
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)))
    const fail = (why: string, code?: string) => {
      if (this.child !== child) return
      this.child = null
      this.unsent = ''
      const pending = this.pending
      this.pending = []
      for (const p of pending)
        p.reject(
          Object.assign(new Error(`git cat-file --batch ${why}${stderr ? `: ${stderr.trim()}` : ''}`), {
            code
          })
        )
    }
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(`could not run (${error.message})`, error.code === 'ENOENT' ? GIT_NOT_RUNNABLE : undefined)
    )
    child.on('exit', code => fail(`exited with ${code}`))
    child.stdin.on('error', () => undefined)
    this.idle(child)
    return child
  }

  private idle(child: ChildProcessWithoutNullStreams): void {
    child.unref()
    ;(child.stdout as unknown as Socket).unref()
    ;(child.stderr as unknown as Socket).unref()
  }

  /** Answers: `<oid> <type> <size>\n<content>\n` or `<oid> missing\n`. */
  private drain(): void {
    for (;;) {
      const head = this.pending[0]
      if (!head) return
      const newline = this.buffer.indexOf(0x0a)
      if (newline < 0) return
      const header = this.buffer.subarray(0, newline).toString('utf8')
      const parts = header.split(' ')
      if (parts[1] === 'missing' || parts[1] === 'ambiguous') {
        this.buffer = this.buffer.subarray(newline + 1)
        this.pending.shift()
        head.reject(notFoundError(head.oid))
      } else {
        const size = Number(parts[2])
        if (this.buffer.length < newline + 1 + size + 1) return
        // A view, not a copy: a listing decodes 100,000 version files as they come, and copying
        // each first doubled the bytes the collector moves. Whoever keeps one copies it
        // (GitReader's blob cache), so a view never holds a chunk of the pipe for long.
        const data = this.buffer.subarray(newline + 1, newline + 1 + size)
        this.buffer = this.buffer.subarray(newline + 1 + size + 1)
        this.pending.shift()
        head.resolve({ type: parts[1] as ObjectKind, data })
      }
      if (this.pending.length === 0 && this.child) this.idle(this.child)
    }
  }
}

/** isomorphic-git's reader; its parsed-pack cache is dropped and rebuilt once on a missing object. */
export class IsomorphicSource implements LocalObjectSource {
  private cache: object = {}

  constructor(private readonly gitdir: string) {}

  async read(oid: string): Promise<RawObject> {
    try {
      return await this.readOnce(oid)
    } catch (error) {
      if (!isVanished(error)) throw error
      this.cache = {}
      try {
        return await this.readOnce(oid)
      } catch (again) {
        if (isVanished(again)) throw notFoundError(oid)
        throw again
      }
    }
  }

  async readPath(tree: string, path: string): Promise<RawObject | null> {
    const git = await isomorphicGit()
    try {
      const { type, object } = await git.readObject({
        fs,
        gitdir: this.gitdir,
        oid: tree,
        filepath: path,
        format: 'content',
        cache: this.cache
      })
      return { type: type as ObjectKind, data: Buffer.from(object as Uint8Array) }
    } catch {
      return null
    }
  }

  close(): void {
    this.cache = {}
  }

  private async readOnce(oid: string): Promise<RawObject> {
    const git = await isomorphicGit()
    const { type, object } = await git.readObject({
      fs,
      gitdir: this.gitdir,
      oid,
      format: 'content',
      cache: this.cache
    })
    return { type: type as ObjectKind, data: Buffer.from(object as Uint8Array) }
  }
}

/** Not found, or a pack or loose file that a concurrent gc removed while we read it. */
function isVanished(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return code === 'NotFoundError' || code === 'ENOENT' || /packfile|ENOENT/i.test(String(error))
}
