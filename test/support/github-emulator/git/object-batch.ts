/**
 * One long-lived `git cat-file --batch` over the emulated repository, so the Git Database and
 * contents endpoints (handlers/git-database.ts) answer a read without starting git processes:
 * a request is `<object>` or `<rev>:<path>` and the answer is its type and bytes. Objects never
 * change and refs are resolved by cat-file on each request, so a long-lived process stays right.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { isolatedGitEnv } from './repo.js'

export interface BatchObject {
  oid: string
  type: string
  data: Buffer
}

interface Pending {
  resolve: (object: BatchObject | null) => void
  reject: (error: Error) => void
}

export class ObjectBatch {
  private child: ChildProcessWithoutNullStreams | null = null
  private pending: Pending[] = []
  private buffer = Buffer.alloc(0)

  constructor(private readonly gitdir: string) {}

  /** `name` is an object id or `<rev>:<path>`; null when git says it is missing. */
  read(name: string): Promise<BatchObject | null> {
    if (/[\n\0]/.test(name)) return Promise.resolve(null)
    const child = this.start()
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject })
      child.stdin.write(`${name}\n`)
    })
  }

  close(): void {
    const child = this.child
    this.child = null
    child?.stdin.end()
    child?.kill()
    for (const p of this.pending.splice(0)) p.reject(new Error('object batch closed'))
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: this.gitdir,
      env: isolatedGitEnv({ GIT_DIR: this.gitdir }),
      stdio: ['pipe', 'pipe', 'pipe']
    })
    this.child = child
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      this.drain()
    })
    child.stderr.resume()
    child.stdin.on('error', () => undefined)
    child.on('exit', () => {
      if (this.child !== child) return
      this.child = null
      for (const p of this.pending.splice(0)) p.reject(new Error('git cat-file --batch exited'))
    })
    // The emulator closes on its own; an idle batch must not keep the test process alive.
    child.unref()
    ;(child.stdout as unknown as { unref(): void }).unref()
    ;(child.stderr as unknown as { unref(): void }).unref()
    ;(child.stdin as unknown as { unref?(): void }).unref?.()
    return child
  }

  /** `<oid> <type> <size>\n<data>\n`, or `<name> missing\n` (also `ambiguous`). */
  private drain(): void {
    for (;;) {
      const head = this.pending[0]
      if (!head) return
      const newline = this.buffer.indexOf(0x0a)
      if (newline < 0) return
      const header = this.buffer.subarray(0, newline).toString('utf8')
      if (/ (missing|ambiguous)$/.test(header)) {
        this.buffer = this.buffer.subarray(newline + 1)
        this.pending.shift()
        head.resolve(null)
        continue
      }
      const [oid = '', type = '', size = '0'] = header.split(' ')
      const end = newline + 1 + Number(size)
      if (this.buffer.length < end + 1) return
      const data = Buffer.from(this.buffer.subarray(newline + 1, end))
      this.buffer = this.buffer.subarray(end + 1)
      this.pending.shift()
      head.resolve({ oid, type, data })
    }
  }
}

const batches = new WeakMap<object, ObjectBatch>()

/** The batch of one emulated repository (keyed by its GitRepo), started on first use. */
export function objectBatch(repo: { dir: string }): ObjectBatch {
  let batch = batches.get(repo)
  if (!batch) {
    batch = new ObjectBatch(repo.dir)
    batches.set(repo, batch)
  }
  return batch
}
