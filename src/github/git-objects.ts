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
  private readonly listings = new Map<string, Promise<Map<string, Entry> | null | 'too-long'>>()
  /** The listings answered: directory entries by commit and path (null: no directory there). */
  private readonly listed = new Map<string, Map<string, Entry> | null>()

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
   * From the deepest directory on the path already known (a tree read by id, or a listing), the
   * walk; when two or more trees below it remain unread, one contents-API listing of the path's
   * directory instead of a request per level (a day's rows are six levels below the root). A
   * directory GitHub lists only in part (1,000 entries or more) is walked tree by tree.
   */
  override async lookup(rootTree: string, path: string): Promise<Entry | null> {
    const commit = this.commitOfRoot.get(rootTree)
    if (commit === undefined) return super.lookup(rootTree, path)
    const segments = splitPath(path)
    const name = segments.at(-1) as string
    const known = this.knownDirectories(commit, rootTree, segments)
    const parent = known.at(-1)
    if (parent !== undefined) return parent?.get(name) ?? null
    let depth = known.length - 1
    while (depth >= 0 && known[depth] === undefined) depth--
    const from = depth < 0 ? undefined : known[depth]
    if (from === null) return null
    // One tree to read: by id, the same one request, and checked against its id.
    if (known.length - 1 - depth >= 2) {
      const dir = segments.slice(0, -1).join('/')
      const listing = await this.directory(commit, dir)
      if (listing !== 'too-long') return listing?.get(name) ?? null
    }
    let entries = from ?? (await this.readTree(rootTree))
    for (const segment of segments.slice(Math.max(depth, 0), -1)) {
      const entry = entries.get(segment)
      if (!entry || entry.type !== 'tree') return null
      entries = await this.readTree(entry.oid)
    }
    return entries.get(name) ?? null
  }

  /**
   * What is known without a request of each directory on the path to `segments`' last entry, root
   * first: its entries, null when it is not a directory, undefined when unknown.
   */
  private knownDirectories(
    commit: string,
    rootTree: string,
    segments: string[]
  ): (Map<string, Entry> | null | undefined)[] {
    let dir: Map<string, Entry> | null | undefined = this.cachedTree(rootTree)
    const known: (Map<string, Entry> | null | undefined)[] = [dir]
    for (let n = 1; n < segments.length; n++) {
      const listed = this.listed.get(`${commit}\0${segments.slice(0, n).join('/')}`)
      if (listed !== undefined) dir = listed
      else if (dir) {
        const entry = dir.get(segments[n - 1] as string)
        dir = entry?.type === 'tree' ? this.cachedTree(entry.oid) : null
      }
      known.push(dir)
    }
    return known
  }

  /**
   * Listings by commit and path, shared by lookups made together (a day's file and its hours);
   * once answered they are known directories too (knownDirectories), so a lookup deeper in the
   * same place starts from them.
   */
  private directory(commit: string, path: string): Promise<Map<string, Entry> | null | 'too-long'> {
    const key = `${commit}\0${path}`
    let listing = this.listings.get(key)
    if (!listing) {
      if (this.listings.size >= MAX_CACHED_FILES) {
        this.listings.clear()
        this.listed.clear()
      }
      listing = this.api.directory(commit, path).then(answer => {
        if (answer === 'too-long') return answer
        const entries =
          answer === null || answer === 'file'
            ? null
            : new Map(
                [...answer].map(([name, e]): [string, Entry] => [
                  name,
                  { mode: e.mode, oid: e.sha, type: e.type }
                ])
              )
        this.listed.set(key, entries)
        return entries
      })
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
