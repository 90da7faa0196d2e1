/**
 * Reads for the server's requests: a snapshot of the registry branch is immutable, so the one at
 * the tip the event hub last saw is kept (its parsed trees with it), instead of reopening
 * the branch (and, on GitHub, fetching it) for every request. The hub moves the pin when it sees
 * a new tip (at once locally; on GitHub at the next poll or webhook), before it tells the event.
 *
 * What a request reads is kept too: the heads, row days and model names of the pinned snapshot,
 * and version files parsed and validated once per Git object id — a blob never changes, so a
 * version file read at one tip is the same document at the next (only the files a commit
 * rewrote are read again). Kept documents are frozen: a command that tried to change one would
 * fail loudly instead of corrupting later answers.
 */
import { versionFilePath } from '../domain/layout.js'
import type { Catalog, ModelHead, VersionRow } from '../domain/layout.js'
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../domain/types.js'
import type {
  ChangeBuilder,
  CommitOutcome,
  LogEntry,
  LogOptions,
  ProposeOutcome,
  RegistryBackend,
  RegistrySnapshot
} from '../registry/backend.js'

/** Parsed version files kept across tips (a version file is ~1–2 KB parsed). */
const MAX_VERSION_DOCUMENTS = 20_000

/** Version documents by blob id, least recently used dropped first. */
class DocumentCache {
  private readonly docs = new Map<string, Promise<ModelVersion | null>>()

  get(oid: string, read: () => Promise<ModelVersion | null>): Promise<ModelVersion | null> {
    let doc = this.docs.get(oid)
    if (doc) {
      // Map order is insertion order: re-inserting marks it recently used.
      this.docs.delete(oid)
      this.docs.set(oid, doc)
      return doc
    }
    doc = read().then(found => (found === null ? null : deepFreeze(found)))
    doc.catch(() => this.docs.delete(oid))
    this.docs.set(oid, doc)
    if (this.docs.size > MAX_VERSION_DOCUMENTS) this.docs.delete(this.docs.keys().next().value as string)
    return doc
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** One commit's snapshot with what requests read of it kept. */
class KeptSnapshot implements RegistrySnapshot {
  private readonly heads = new Map<string, Promise<ModelHead | null>>()
  private readonly days = new Map<string, Promise<string[]>>()
  private names?: Promise<string[]>

  constructor(
    private readonly inner: RegistrySnapshot,
    private readonly documents: DocumentCache
  ) {}

  get commit(): string | null {
    return this.inner.commit
  }

  get policy(): RegistryPolicy {
    return this.inner.policy
  }

  get layout(): 1 | 2 {
    return this.inner.layout
  }

  modelNames(): Promise<string[]> {
    return (this.names ??= keep(this.inner.modelNames(), () => (this.names = undefined)))
  }

  readIndex(name: string): Promise<ModelIndex | null> {
    return this.inner.readIndex(name)
  }

  async readVersion(name: string, version: string): Promise<ModelVersion | null> {
    if (this.inner.layout !== 2) return this.inner.readVersion(name, version)
    // The inner read validates the name and version; a path that names no blob is read (and
    // refused or found absent) by it every time.
    const oid = await this.inner.objectId(versionFilePath(name, version)).catch(() => null)
    if (oid === null) return this.inner.readVersion(name, version)
    return this.documents.get(oid, () => this.inner.readVersion(name, version))
  }

  versionFileNames(name: string): Promise<string[]> {
    return this.inner.versionFileNames(name)
  }

  readCatalog(): Promise<Catalog> {
    return this.inner.readCatalog()
  }

  readHead(name: string): Promise<ModelHead | null> {
    return memo(this.heads, name, () => this.inner.readHead(name))
  }

  rowDays(name: string): Promise<string[]> {
    return memo(this.days, name, () => this.inner.rowDays(name))
  }

  readDay(name: string, day: string): Promise<{ paths: string[]; rows: VersionRow[] }> {
    return this.inner.readDay(name, day)
  }

  objectId(path: string): Promise<string | null> {
    return this.inner.objectId(path)
  }

  readJson(path: string): Promise<unknown | null> {
    return this.inner.readJson(path)
  }

  rootNames(): Promise<string[]> {
    return this.inner.rootNames()
  }

  directoryEntries(path: string): Promise<Map<string, { oid: string; type: 'tree' | 'blob' }>> {
    return this.inner.directoryEntries(path)
  }
}

/** A read kept unless it fails (a failure is not an answer to keep). */
function keep<T>(read: Promise<T>, forget: () => void): Promise<T> {
  read.catch(forget)
  return read
}

function memo<T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let found = map.get(key)
  if (!found) {
    found = keep(read(), () => map.delete(key))
    map.set(key, found)
  }
  return found
}

export class CachedReads implements RegistryBackend {
  private current: Promise<RegistrySnapshot> | null = null
  private readonly documents = new DocumentCache()

  constructor(private readonly inner: RegistryBackend) {}

  get description(): string {
    return this.inner.description
  }

  get branch(): string {
    return this.inner.branch
  }

  /** The tip moved to `commit`: later requests read it. */
  pin(commit: string): void {
    this.current = this.kept(this.inner.snapshotAt(commit))
    this.current.catch(() => (this.current = null))
  }

  private async kept(snapshot: Promise<RegistrySnapshot>): Promise<RegistrySnapshot> {
    return new KeptSnapshot(await snapshot, this.documents)
  }

  snapshot(): Promise<RegistrySnapshot> {
    if (!this.current) {
      this.current = this.kept(this.inner.snapshot())
      // A failure (no branch yet, network) is not kept: the next request tries again.
      this.current.catch(() => (this.current = null))
    }
    return this.current
  }

  snapshotAt(commit: string): Promise<RegistrySnapshot> {
    return this.inner.snapshotAt(commit)
  }

  init(policy: RegistryPolicy): Promise<{ created: boolean; commit: string }> {
    return this.inner.init(policy)
  }

  update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
    return this.inner.update(build)
  }

  log(options?: LogOptions): Promise<LogEntry[]> {
    return this.inner.log(options)
  }

  readJsonAt(commit: string, path: string): Promise<unknown | null> {
    return this.inner.readJsonAt(commit, path)
  }

  async propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>> {
    if (!this.inner.propose) throw new Error('propose: not supported by this backend')
    return this.inner.propose(build, branch)
  }

  async fetchCommit(ref: string, from?: string[]): Promise<string> {
    return this.inner.fetchCommit ? this.inner.fetchCommit(ref, from) : ref
  }

  async parents(commit: string): Promise<string[]> {
    return this.inner.parents ? this.inner.parents(commit) : []
  }
}
