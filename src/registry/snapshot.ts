/**
 * The registry branch at one commit, read lazily: one tree walk and one blob per document asked
 * for. Layout 2 (src/domain/layout.ts) is what the commands read and write; a layout 1 branch
 * (before `mreg migrate`) is readable through readIndex/readVersion only, and every layout 2
 * read says in one line that the registry needs migrating.
 */
import { RegistryError } from '../domain/errors.js'
import {
  CATALOG_PATH,
  headPath,
  rowsDir,
  versionFilePath,
  type Catalog,
  type ModelHead,
  type VersionRow
} from '../domain/layout.js'
import { deriveIndex } from '../domain/model-index.js'
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../domain/types.js'
import { checkPolicyConsistency } from '../domain/policy.js'
import {
  validateCatalog,
  validateModelHead,
  validateModelIndex,
  validateModelVersion,
  validatePolicy,
  validateRowShard
} from '../domain/validate.js'
import type { RegistrySnapshot } from './backend.js'
import type { Entry, GitReader } from './git-reader.js'

export const POLICY_PATH = 'registry.json'
export const MODELS_DIR = 'models'
const INDEX_FILE = 'index.json'
/** Days of rows a snapshot keeps parsed (GitSnapshot.readDay): what one write re-reads, not a listing. */
const DAYS_KEPT = 16

/** Snapshots shared per reader (GitSnapshot.open): the tip and the one before, across a lost race. */
const SNAPSHOTS_KEPT = 2

/** Names are used as path segments: anything else could read outside models/<name>/. */
const NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/

export class GitSnapshot implements RegistrySnapshot {
  private catalog?: Promise<Catalog>
  /**
   * A commit never changes: a day read once (register reads its day up to three times) is kept,
   * the last DAYS_KEPT of them, so that a listing of every day holds a bounded number of rows.
   */
  private readonly days = new Map<string, Promise<{ paths: string[]; rows: VersionRow[] }>>()

  private constructor(
    private readonly reader: GitReader,
    readonly commit: string,
    readonly tree: string,
    private readonly policyOrError: RegistryPolicy | RegistryError,
    readonly layout: 1 | 2
  ) {}

  /**
   * registry.json is read here but a bad one only fails when `policy` is read, so that a change
   * that repairs it (or a doctor that reports it) can still work from this snapshot.
   */
  static open(reader: GitReader, commit: string): Promise<GitSnapshot> {
    // A commit never changes, so a snapshot of it is shared: a write opens the tip to draft and
    // again to commit (src/registry/optimistic-writer.ts), and the second finds its catalog,
    // head and days already parsed when the tip has not moved.
    let recent = GitSnapshot.recent.get(reader)
    if (!recent) GitSnapshot.recent.set(reader, (recent = new Map()))
    let opening = recent.get(commit)
    if (!opening) {
      opening = GitSnapshot.openOnce(reader, commit)
      const kept = recent
      kept.set(commit, opening)
      opening.catch(() => kept.delete(commit))
      if (kept.size > SNAPSHOTS_KEPT) kept.delete(kept.keys().next().value as string)
    }
    return opening
  }

  /** The last SNAPSHOTS_KEPT snapshots opened per reader. */
  private static readonly recent = new WeakMap<GitReader, Map<string, Promise<GitSnapshot>>>()

  private static async openOnce(reader: GitReader, commit: string): Promise<GitSnapshot> {
    const { tree } = await reader.readCommit(commit)
    const readPolicy = async (): Promise<RegistryPolicy | RegistryError> => {
      try {
        const doc = await reader.readJson(tree, POLICY_PATH)
        if (doc === null) {
          throw new RegistryError(
            'integrity',
            `${POLICY_PATH}: missing on the registry branch at ${commit}`,
            {
              file: POLICY_PATH
            }
          )
        }
        return checkPolicyConsistency(validatePolicy(doc, POLICY_PATH, 'integrity'), POLICY_PATH)
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error
        return error
      }
    }
    // Asked together: over GitHub's API they are two requests, one round trip.
    const [policy, catalog] = await Promise.all([readPolicy(), reader.lookup(tree, CATALOG_PATH)])
    return new GitSnapshot(reader, commit, tree, policy, catalog ? 2 : 1)
  }

  get policy(): RegistryPolicy {
    if (this.policyOrError instanceof RegistryError) throw this.policyOrError
    return this.policyOrError
  }

  async modelNames(): Promise<string[]> {
    const models = await this.reader.lookup(this.tree, MODELS_DIR)
    if (!models || models.type !== 'tree') return []
    const names: string[] = []
    for (const [name, entry] of await this.reader.readTree(models.oid)) {
      if (entry.type === 'tree') names.push(name)
    }
    return names.sort()
  }

  /** Layout 1: index.json. Layout 2: every version file (costs the model's size; prefer heads and rows). */
  async readIndex(name: string): Promise<ModelIndex | null> {
    if (this.layout === 2) {
      const versions: ModelVersion[] = []
      for (const version of await this.versionFileNames(name)) {
        const doc = await this.readVersion(name, version)
        if (doc) versions.push(doc)
      }
      return versions.length === 0 ? null : deriveIndex(name, versions)
    }
    const path = `${MODELS_DIR}/${checkName(name)}/${INDEX_FILE}`
    const doc = await this.reader.readJson(this.tree, path)
    return doc === null ? null : validateModelIndex(doc, path, 'integrity')
  }

  async readVersion(name: string, version: string): Promise<ModelVersion | null> {
    checkVersion(version)
    const path =
      this.layout === 2
        ? versionFilePath(checkName(name), version)
        : `${MODELS_DIR}/${checkName(name)}/${version}.json`
    const doc = await this.reader.readJson(this.tree, path, { byPath: this.layout === 2 })
    return doc === null ? null : validateModelVersion(doc, path, 'integrity')
  }

  readCatalog(): Promise<Catalog> {
    this.catalog ??= (async () => {
      this.requireLayout2()
      return validateCatalog(await this.reader.readJson(this.tree, CATALOG_PATH), CATALOG_PATH)
    })()
    return this.catalog
  }

  async readHead(name: string): Promise<ModelHead | null> {
    this.requireLayout2()
    const path = headPath(checkName(name))
    const doc = await this.reader.readJson(this.tree, path)
    return doc === null ? null : validateModelHead(doc, path)
  }

  async rowDays(name: string): Promise<string[]> {
    this.requireLayout2()
    const dir = rowsDir(checkName(name))
    const days: string[] = []
    // A year's months are asked for at once (one round trip per year, not per month; at most
    // twelve requests in flight over GitHub's API).
    for (const year of await this.subdirs(dir)) {
      const months = await this.subdirs(`${dir}/${year}`)
      const entries = await Promise.all(months.map(month => this.entries(`${dir}/${year}/${month}`)))
      for (const [i, month] of months.entries()) {
        const names = new Set(
          [...(entries[i] as Map<string, Entry>).keys()].map(n => n.replace(/\.json$/, ''))
        )
        for (const day of names) days.push(`${year}/${month}/${day}`)
      }
    }
    return days.sort().reverse()
  }

  readDay(name: string, day: string): Promise<{ paths: string[]; rows: VersionRow[] }> {
    const key = `${name}\0${day}`
    let read = this.days.get(key)
    if (read) {
      // Most recently used last: Map keeps insertion order.
      this.days.delete(key)
      this.days.set(key, read)
      return read
    }
    read = this.readDayOnce(name, day)
    this.days.set(key, read)
    read.catch(() => this.days.delete(key))
    if (this.days.size > DAYS_KEPT) this.days.delete(this.days.keys().next().value as string)
    return read
  }

  private async readDayOnce(name: string, day: string): Promise<{ paths: string[]; rows: VersionRow[] }> {
    this.requireLayout2()
    if (!/^[0-9]{4}\/[0-9]{2}\/[0-9]{2}$/.test(day))
      throw new RegistryError('invalid-input', `not a day: "${day}"`)
    const base = `${rowsDir(checkName(name))}/${day}`
    // The hour directories and the shard files are asked for together, in path order: the reader
    // batches requests made at once into one round trip to git (a day is up to 24 hours of shards).
    const collect = async (prefix: string): Promise<string[]> => {
      const entry = await this.reader.lookup(this.tree, prefix)
      if (!entry || entry.type !== 'tree') return []
      const children = [...(await this.reader.readTree(entry.oid))].sort(([a], [b]) => (a < b ? -1 : 1))
      const found = await Promise.all(
        children.map(([child, e]) =>
          e.type === 'tree'
            ? collect(`${prefix}/${child}`)
            : Promise.resolve(child.endsWith('.json') ? [`${prefix}/${child}`] : [])
        )
      )
      return found.flat()
    }
    const [whole, within] = await Promise.all([this.reader.lookup(this.tree, `${base}.json`), collect(base)])
    const paths = whole ? [`${base}.json`, ...within] : within
    const shards = await Promise.all(paths.map(path => this.reader.readJson(this.tree, path)))
    const rows = shards.flatMap((shard, i) => validateRowShard(shard, paths[i] as string).rows)
    return { paths, rows }
  }

  async objectId(path: string): Promise<string | null> {
    return (await this.reader.lookup(this.tree, path))?.oid ?? null
  }

  async rootNames(): Promise<string[]> {
    return [...(await this.reader.readTree(this.tree)).keys()].sort()
  }

  async readJson(path: string): Promise<unknown | null> {
    return this.reader.readJson(this.tree, path)
  }

  async directoryEntries(path: string): Promise<Map<string, { oid: string; type: 'tree' | 'blob' }>> {
    const found = new Map<string, { oid: string; type: 'tree' | 'blob' }>()
    for (const [name, entry] of await this.entries(path)) {
      if (entry.type === 'tree' || entry.type === 'blob')
        found.set(name, { oid: entry.oid, type: entry.type })
    }
    return found
  }

  async versionFileNames(name: string): Promise<string[]> {
    const dir = `${MODELS_DIR}/${checkName(name)}`
    const versions: string[] = []
    const files = async (path: string): Promise<void> => {
      for (const [file, entry] of await this.entries(path)) {
        if (entry.type === 'blob' && file.endsWith('.json') && file !== INDEX_FILE) {
          versions.push(file.slice(0, -'.json'.length))
        }
      }
    }
    if (this.layout === 1) await files(dir)
    else {
      for (const a of await this.subdirs(`${dir}/versions`)) {
        for (const b of await this.subdirs(`${dir}/versions/${a}`)) {
          for (const c of await this.subdirs(`${dir}/versions/${a}/${b}`))
            await files(`${dir}/versions/${a}/${b}/${c}`)
        }
      }
    }
    return versions.sort()
  }

  private async entries(path: string): Promise<Map<string, Entry>> {
    const dir = await this.reader.lookup(this.tree, path)
    return dir && dir.type === 'tree' ? this.reader.readTree(dir.oid) : new Map()
  }

  private async subdirs(path: string): Promise<string[]> {
    return [...(await this.entries(path))]
      .filter(([, e]) => e.type === 'tree')
      .map(([n]) => n)
      .sort()
  }

  private requireLayout2(): void {
    if (this.layout !== 2) throw needsMigrate()
  }
}

export function needsMigrate(): RegistryError {
  return new RegistryError(
    'refused',
    "this registry branch is in layout 1 (models/<name>/index.json); run 'mreg migrate' to upgrade it to layout 2"
  )
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new RegistryError('invalid-input', `not a valid model name: "${name}"`)
  return name
}

function checkVersion(version: string): string {
  if (version === '' || version === '.' || version === '..' || /[/\\\0]/.test(version)) {
    throw new RegistryError('invalid-input', `not a valid version: "${version}"`)
  }
  return version
}
