/**
 * Reading commits, trees and blobs through isomorphic-git, with the caches that make repeated
 * reads cheap: isomorphic-git's own `cache` (parsed pack indexes) and a map of parsed trees, both
 * shared by every snapshot of one backend. Git objects never change, so nothing here goes stale.
 */
import fs from 'node:fs'
import git from 'isomorphic-git'
import { RegistryError } from '../domain/errors.js'

export interface Entry {
  mode: string
  oid: string
  type: 'blob' | 'tree' | 'commit'
}

export interface CommitInfo {
  oid: string
  tree: string
  parents: string[]
  message: string
  author: { name: string; email: string; timestamp: number; timezoneOffset: number }
  committer: { name: string; email: string; timestamp: number; timezoneOffset: number }
}

const MAX_CACHED_TREES = 20_000

export class GitReader {
  /** Handed to isomorphic-git on every call; it keeps parsed packfiles here. */
  readonly cache: object = {}
  private readonly trees = new Map<string, Map<string, Entry>>()
  private readonly commits = new Map<string, CommitInfo>()

  constructor(readonly gitdir: string) {}

  async readCommit(oid: string): Promise<CommitInfo> {
    const cached = this.commits.get(oid)
    if (cached) return cached
    const { commit } = await git.readCommit({ fs, gitdir: this.gitdir, oid, cache: this.cache })
    const info: CommitInfo = {
      oid,
      tree: commit.tree,
      parents: commit.parent,
      message: commit.message,
      author: commit.author,
      committer: commit.committer
    }
    if (this.commits.size >= MAX_CACHED_TREES) this.commits.clear()
    this.commits.set(oid, info)
    return info
  }

  async readTree(oid: string): Promise<Map<string, Entry>> {
    const cached = this.trees.get(oid)
    if (cached) return cached
    const { tree } = await git.readTree({ fs, gitdir: this.gitdir, oid, cache: this.cache })
    const entries = new Map<string, Entry>()
    for (const e of tree) entries.set(e.path, { mode: e.mode, oid: e.oid, type: e.type })
    if (this.trees.size >= MAX_CACHED_TREES) this.trees.clear()
    this.trees.set(oid, entries)
    return entries
  }

  /** The entry at `path` (slash-separated, relative to the root tree), or null. */
  async lookup(rootTree: string, path: string): Promise<Entry | null> {
    let entry: Entry = { mode: '040000', oid: rootTree, type: 'tree' }
    for (const segment of splitPath(path)) {
      if (entry.type !== 'tree') return null
      const next = (await this.readTree(entry.oid)).get(segment)
      if (!next) return null
      entry = next
    }
    return entry
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    const { blob } = await git.readBlob({ fs, gitdir: this.gitdir, oid, cache: this.cache })
    return blob
  }

  /**
   * The parsed JSON at `path` in `rootTree`, or null when absent. A file that is not JSON (or is a
   * directory) is a corrupt registry: an 'integrity' error naming the file.
   */
  async readJson(rootTree: string, path: string): Promise<unknown | null> {
    const entry = await this.lookup(rootTree, path)
    if (!entry) return null
    if (entry.type !== 'blob')
      throw new RegistryError('integrity', `${path}: expected a file, found a ${entry.type}`)
    const text = Buffer.from(await this.readBlob(entry.oid)).toString('utf8')
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      throw new RegistryError('integrity', `${path}: not valid JSON (${(error as Error).message})`, {
        file: path
      })
    }
  }
}

export function splitPath(path: string): string[] {
  const segments = path.split('/')
  if (path === '' || segments.some(s => s === '' || s === '.' || s === '..' || s.includes('\0'))) {
    throw new RegistryError('invalid-input', `not a valid registry path: "${path}"`)
  }
  return segments
}
