/**
 * Git objects read one at a time from GitHub's Git Database API, so a command on a fresh runner
 * transfers the trees on the paths it walks and the files it reads, never the registry.
 *
 * Trees and blobs are rebuilt byte for byte from the API's answer and checked against their id
 * (a tree id that names a commit answers with the commit's tree: a different id, so the reader
 * reports the wrong type, as git would). A commit is rebuilt from its fields: the parsed result
 * (tree, parents, message, signatures with their UTC offset) is exact, its bytes are not hashed
 * (a signed commit's gpgsig header is not part of the API's answer).
 *
 * A file is read with one contents-API request at the snapshot's commit instead of one tree per
 * directory on its path (show: 6 requests, not 12); an entry deeper than the trees already read
 * is found in one listing of its directory, also at the commit.
 */
import { GitReader, splitPath, type CommitInfo, type Entry } from '../registry/git-reader.js'
import {
  notFoundError,
  type ObjectKind,
  type ObjectSource,
  type RawObject
} from '../registry/object-source.js'
import { encodeTree, hashObject } from '../registry/objects.js'
import { RegistryError } from '../domain/errors.js'
import type { ApiPerson, GitDatabase } from './git-database.js'

const MAX_CACHED_FILES = 2_000

export class GitDatabaseObjects implements ObjectSource {
  constructor(private readonly api: GitDatabase) {}

  async read(oid: string, expected: ObjectKind): Promise<RawObject> {
    if (!/^[0-9a-f]{40}$/.test(oid)) throw notFoundError(oid)
    if (expected === 'tree') {
      const tree = await this.api.tree(oid)
      if (!tree) throw notFoundError(oid)
      const data = encodeTree(tree.entries.map(e => ({ mode: e.mode, name: e.path, oid: e.sha })))
      return checked(oid, tree.sha === oid ? 'tree' : 'commit', data)
    }
    if (expected === 'blob') {
      const data = await this.api.blob(oid)
      if (!data) throw notFoundError(oid)
      return checked(oid, 'blob', data)
    }
    if (expected === 'commit') {
      const commit = await this.api.commit(oid)
      if (!commit) throw notFoundError(oid)
      const lines = [`tree ${commit.tree}`, ...commit.parents.map(p => `parent ${p}`)]
      lines.push(`author ${signature(commit.author)}`, `committer ${signature(commit.committer)}`)
      return { type: 'commit', data: Buffer.from(`${lines.join('\n')}\n\n${commit.message}`, 'utf8') }
    }
    throw notFoundError(oid)
  }

  /** Nothing is held open between requests. */
  close(): void {}
}

/**
 * The reader of a GitHub-mode snapshot: trees and commits through GitDatabaseObjects (cached by
 * GitReader), files through the contents API at the commit whose root tree is asked.
 */
export class GitHubReader extends GitReader {
  /** Root tree → a commit holding it: the contents API addresses files by commit. */
  private readonly commitOfRoot = new Map<string, string>()
  /**
   * Files read, by commit and path: a commit never changes, and a write reads the same files
   * again on the snapshot it builds on (register: registry.json, head, catalog, today's rows).
   */
  private readonly files = new Map<string, Promise<Uint8Array | null>>()
  private readonly listings = new Map<string, ReturnType<GitDatabase['directory']>>()

  constructor(
    private readonly api: GitDatabase,
    /** Where resolveIdentity would look for a git config; GitHub mode always passes an identity. */
    gitdir: string
  ) {
    super(gitdir, new GitDatabaseObjects(api))
  }

  override async readCommit(oid: string): Promise<CommitInfo> {
    const info = await super.readCommit(oid)
    this.commitOfRoot.set(info.tree, oid)
    return info
  }

  /**
   * As far as the trees already read reach, the walk; past them, when two or more trees remain
   * unread, one contents-API listing of the path's directory instead of a request per level (a
   * day's rows are six levels below the root). A directory GitHub lists only in part (1,000
   * entries or more) is walked tree by tree.
   */
  override async lookup(rootTree: string, path: string): Promise<Entry | null> {
    const commit = this.commitOfRoot.get(rootTree)
    if (commit === undefined) return super.lookup(rootTree, path)
    const segments = splitPath(path)
    let entry: Entry = { mode: '040000', oid: rootTree, type: 'tree' }
    let depth = 0
    for (; depth < segments.length; depth++) {
      if (entry.type !== 'tree') return null
      const tree = this.cachedTree(entry.oid)
      if (!tree) break
      const next = tree.get(segments[depth] as string)
      if (!next) return null
      entry = next
    }
    if (depth === segments.length) return entry
    if (entry.type !== 'tree') return null
    // One tree left to read: reading it by id costs the same request and is checked against its id.
    if (segments.length - depth < 2) return super.lookup(rootTree, path)
    const listing = await this.directory(commit, segments.slice(0, -1).join('/'))
    if (listing === 'too-long') return super.lookup(rootTree, path)
    if (listing === null || listing === 'file') return null
    const found = listing.get(segments.at(-1) as string)
    return found ? { mode: found.mode, oid: found.sha, type: found.type } : null
  }

  /** Listings by commit and path, shared by lookups made together (a day's file and its hours). */
  private directory(commit: string, path: string): ReturnType<GitDatabase['directory']> {
    const key = `${commit}\0${path}`
    let listing = this.listings.get(key)
    if (!listing) {
      if (this.listings.size >= MAX_CACHED_FILES) this.listings.clear()
      listing = this.api.directory(commit, path)
      this.listings.set(key, listing)
      listing.catch(() => this.listings.delete(key))
    }
    return listing
  }

  /** `byPath` does not matter here: the contents API takes a path whatever the trees' sizes. */
  override async readFile(rootTree: string, path: string): Promise<Uint8Array | null> {
    const commit = this.commitOfRoot.get(rootTree)
    // A tree that is no commit's root (never a snapshot's) is walked directory by directory.
    if (commit === undefined) return super.readFile(rootTree, path)
    const key = `${commit}\0${path}`
    let read = this.files.get(key)
    if (!read) {
      if (this.files.size >= MAX_CACHED_FILES) this.files.clear()
      read = this.api.file(commit, path).then(answer => {
        if (answer === 'directory')
          throw new RegistryError('integrity', `${path}: expected a file, found a tree`)
        return answer
      })
      this.files.set(key, read)
      read.catch(() => this.files.delete(key))
    }
    return read
  }
}

function checked(oid: string, type: 'blob' | 'tree' | 'commit', data: Buffer): RawObject {
  if (type !== 'commit' && hashObject(type, data).oid !== oid) {
    throw new RegistryError('integrity', `GitHub answered object ${oid} with content of another id`)
  }
  return { type, data }
}

/** `Name <email> <epoch seconds> <±hhmm>` from the API's ISO 8601 date with its offset. */
function signature(person: ApiPerson): string {
  const match = /([+-])(\d\d):?(\d\d)$/.exec(person.date)
  const offset = match ? `${match[1]}${match[2]}${match[3]}` : '+0000'
  const seconds = Math.floor(Date.parse(person.date) / 1000) || 0
  return `${person.name} <${person.email}> ${seconds} ${offset}`
}
