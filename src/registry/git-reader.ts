/**
 * Reading commits, trees and blobs from an ObjectSource (`git cat-file --batch`, or
 * isomorphic-git without the git CLI: src/registry/object-source.ts), with a map of parsed trees
 * and commits shared by every snapshot of one backend. Git objects never change, so nothing here
 * goes stale.
 */
import { RegistryError } from '../domain/errors.js'
import {
  notFoundError,
  openObjectSource,
  type LocalObjectSource,
  type ObjectReaderChoice,
  type ObjectSource,
  type RawObject
} from './object-source.js'

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
/**
 * Entries of the parsed trees kept, in all: a tree costs about 200 bytes of heap per entry, and a
 * long write (an import's hundred commits) would otherwise keep up to 20,000 directories it has
 * already rewritten (about 100 MB at 100,000 versions). The oldest trees go first. Layout 1's
 * directory of every version, which migrate walks once per version, fits with room to spare at
 * 100,000 versions (the scale benchmark's size).
 */
const MAX_CACHED_TREE_ENTRIES = 200_000
/** Blobs above this are not kept (a version document is ~2 KB, an hour of rows tens of KB). */
const MAX_CACHED_BLOB = 64 * 1024
const MAX_CACHED_BLOB_BYTES = 4 * 1024 * 1024

export class GitReader {
  /** Handed to isomorphic-git where it is still called directly (ref and short-id lookups). */
  readonly cache: object = {}
  readonly objects: ObjectSource
  /** A local repository's reader resolves paths itself; GitHub's API is walked (or overridden). */
  private readonly paths: LocalObjectSource | null
  private readonly trees = new Map<string, Map<string, Entry>>()
  private treeEntries = 0
  private readonly commits = new Map<string, CommitInfo>()
  /**
   * Small blobs by id: a write reads the model's head and version files to draft and again to
   * commit, and after a lost race the new tip shares most files with the old one (parsed results a
   * snapshot keeps, its catalog and days, are shared with the snapshot: GitSnapshot.open). Callers
   * never modify the bytes they are given.
   */
  private readonly blobs = new Map<string, Buffer>()
  private readonly reading = new Map<string, Promise<Buffer>>()
  private blobBytes = 0

  /** `source`: which local reader (default `auto`), or a source of another kind (GitHub's API). */
  constructor(
    readonly gitdir: string,
    source: ObjectReaderChoice | ObjectSource = 'auto'
  ) {
    if (typeof source === 'string') {
      const local = openObjectSource(gitdir, source)
      this.objects = local
      this.paths = local
    } else {
      this.objects = source
      this.paths = null
    }
  }

  /**
   * One read per object at a time: reads issued together (a day's shards, a tree's directories,
   * two snapshots opening at once) would otherwise each ask for the same object before the first
   * answer is parsed and kept, which over GitHub's API is a request each.
   */
  private readTyped(oid: string, type: 'blob' | 'tree' | 'commit'): Promise<Buffer> {
    const key = `${type} ${oid}`
    let reading = this.reading.get(key)
    if (!reading) {
      reading = this.readTypedOnce(oid, type)
      this.reading.set(key, reading)
      const done = () => void this.reading.delete(key)
      reading.then(done, done)
    }
    return reading
  }

  private async readTypedOnce(oid: string, type: 'blob' | 'tree' | 'commit'): Promise<Buffer> {
    const object = await this.objects.read(oid, type)
    if (object.type !== type) {
      throw Object.assign(new Error(`object ${oid} is a ${object.type}, not a ${type}`), {
        code: 'ObjectTypeError'
      })
    }
    return object.data
  }

  async readCommit(oid: string): Promise<CommitInfo> {
    const cached = this.commits.get(oid)
    if (cached) return cached
    const info = parseCommit(oid, await this.readTyped(oid, 'commit'))
    if (this.commits.size >= MAX_CACHED_TREES) this.commits.clear()
    this.commits.set(oid, info)
    return info
  }

  async readTree(oid: string): Promise<Map<string, Entry>> {
    const cached = this.trees.get(oid)
    if (cached) return cached
    const entries = parseTree(await this.readTyped(oid, 'tree'))
    if (this.trees.has(oid)) return entries // read twice at once: kept (and counted) once
    if (this.trees.size >= MAX_CACHED_TREES) {
      this.trees.clear()
      this.treeEntries = 0
    }
    for (const [kept, tree] of this.trees) {
      if (this.treeEntries + entries.size <= MAX_CACHED_TREE_ENTRIES) break
      this.trees.delete(kept)
      this.treeEntries -= tree.size
    }
    this.trees.set(oid, entries)
    this.treeEntries += entries.size
    return entries
  }

  /** A tree already read (parsed), without reading it: a remote reader decides from it what to ask for. */
  protected cachedTree(oid: string): Map<string, Entry> | undefined {
    return this.trees.get(oid)
  }

  /** The entry at `path` (slash-separated, relative to the root tree), or null. */
  async lookup(rootTree: string, path: string): Promise<Entry | null> {
    let entry: Entry = { mode: '040000', oid: rootTree, type: 'tree' }
    for (const segment of splitPath(path)) {
      if (entry.type !== 'tree') return null
      // A cached tree is taken without an await: a path is six trees deep, a listing reads thousands.
      const next = (this.trees.get(entry.oid) ?? (await this.readTree(entry.oid))).get(segment)
      if (!next) return null
      entry = next
    }
    return entry
  }

  /**
   * The bytes of the file at `path`, null when absent; a directory there is an 'integrity' error.
   * A reader over a remote API may answer this in one request instead of one per directory.
   * `byPath`: every directory on the path is small (layout 2's fan-out), so a local reader lets git
   * resolve it (`<tree>:<path>`). Git scans a tree's entries for each such request, so a path
   * through a directory of thousands (layout 1's versions) is walked here, where the parsed
   * directory is kept.
   */
  async readFile(rootTree: string, path: string, { byPath = false } = {}): Promise<Uint8Array | null> {
    let direct: RawObject | null = null
    if (byPath && this.paths) {
      const from = this.deepestParsed(rootTree, splitPath(path)) // splitPath: git is never handed `..` or an empty part
      direct = await this.paths.readPath(from.tree, from.rest)
    }
    if (direct) {
      if (direct.type !== 'blob')
        throw new RegistryError('integrity', `${path}: expected a file, found a ${direct.type}`)
      return direct.data
    }
    // Not found by path (or no path reader): the walk decides, and sees objects a gc moved.
    const entry = await this.lookup(rootTree, path)
    if (!entry) return null
    if (entry.type !== 'blob')
      throw new RegistryError('integrity', `${path}: expected a file, found a ${entry.type}`)
    return this.readBlob(entry.oid)
  }

  /**
   * Where git should start resolving `segments`: the deepest directory on the path whose id a
   * directory parsed here names, and the rest of the path from it. Git inflates and scans every
   * tree on a `<tree>:<path>` request anew, and `models/` (one entry per model) is the costliest:
   * 100,000 version files of 100 models cost git 12.6 s read from the root, 1.7 s from each
   * model's `versions/` (docs/ARCHITECTURE.md, "Reading Git objects"). A listing has parsed the
   * model's own directory already (its rows are under it), so this costs no round trip.
   */
  private deepestParsed(rootTree: string, segments: string[]): { tree: string; rest: string } {
    let tree = rootTree
    let depth = 0
    for (; depth < segments.length - 1; depth++) {
      const next = this.trees.get(tree)?.get(segments[depth] as string)
      if (!next || next.type !== 'tree') break
      tree = next.oid
    }
    return { tree, rest: segments.slice(depth).join('/') }
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    const cached = this.blobs.get(oid)
    if (cached) return cached
    const data = await this.readTyped(oid, 'blob')
    if (data.length <= MAX_CACHED_BLOB) {
      if (this.blobBytes + data.length > MAX_CACHED_BLOB_BYTES) {
        this.blobs.clear()
        this.blobBytes = 0
      }
      // A copy: the object source may hand out views of a larger buffer (src/registry/object-source.ts).
      this.blobs.set(oid, Buffer.from(data))
      this.blobBytes += data.length
    }
    return data
  }

  /**
   * The parsed JSON at `path` in `rootTree`, or null when absent. A file that is not JSON (or is a
   * directory) is a corrupt registry: an 'integrity' error naming the file.
   */
  async readJson(
    rootTree: string,
    path: string,
    options: { byPath?: boolean } = {}
  ): Promise<unknown | null> {
    const bytes = await this.readFile(rootTree, path, options)
    if (bytes === null) return null
    // a view, not a copy: a listing parses 150 MB of version files
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
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

function parseTree(data: Buffer): Map<string, Entry> {
  const entries = new Map<string, Entry>()
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    const nul = data.indexOf(0, space)
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new Error('corrupt tree object')
    const mode = data.subarray(at, space).toString('latin1').padStart(6, '0')
    const name = data.subarray(space + 1, nul).toString('utf8')
    const oid = data.subarray(nul + 1, nul + 21).toString('hex')
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob'
    entries.set(name, { mode, oid, type })
    at = nul + 21
  }
  return entries
}

function parseSignature(text: string): CommitInfo['author'] {
  const match = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(text)
  if (!match) return { name: text, email: '', timestamp: 0, timezoneOffset: 0 }
  const [, name, email, seconds, sign, hours, minutes] = match as unknown as string[]
  const east = (Number(hours) * 60 + Number(minutes)) * (sign === '-' ? -1 : 1)
  // isomorphic-git's convention, which callers were written against: Date#getTimezoneOffset's sign.
  return {
    name: name as string,
    email: email as string,
    timestamp: Number(seconds),
    timezoneOffset: -east || 0
  }
}

function parseCommit(oid: string, data: Buffer): CommitInfo {
  const text = data.toString('utf8')
  const split = text.indexOf('\n\n')
  const headers = split < 0 ? text : text.slice(0, split)
  const info: CommitInfo = {
    oid,
    tree: '',
    parents: [],
    message: split < 0 ? '' : text.slice(split + 2),
    author: parseSignature(''),
    committer: parseSignature('')
  }
  for (const line of headers.split('\n')) {
    if (line.startsWith(' ')) continue // continuation of a multi-line header (gpgsig)
    const space = line.indexOf(' ')
    const key = line.slice(0, space)
    const value = line.slice(space + 1)
    if (key === 'tree') info.tree = value
    else if (key === 'parent') info.parents.push(value)
    else if (key === 'author') info.author = parseSignature(value)
    else if (key === 'committer') info.committer = parseSignature(value)
  }
  if (!info.tree) throw notFoundError(oid)
  return info
}
