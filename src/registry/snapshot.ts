/** The registry branch at one commit, read lazily: one tree walk and one blob per document asked for. */
import { RegistryError } from '../domain/errors.js'
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../domain/types.js'
import { checkPolicyConsistency } from '../domain/policy.js'
import { validateModelIndex, validateModelVersion, validatePolicy } from '../domain/validate.js'
import type { RegistrySnapshot } from './backend.js'
import type { GitReader } from './git-reader.js'

export const POLICY_PATH = 'registry.json'
export const MODELS_DIR = 'models'
const INDEX_FILE = 'index.json'

/** Names are used as path segments: anything else could read outside models/<name>/. */
const NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/

export class GitSnapshot implements RegistrySnapshot {
  private constructor(
    private readonly reader: GitReader,
    readonly commit: string,
    readonly tree: string,
    private readonly policyOrError: RegistryPolicy | RegistryError
  ) {}

  /**
   * registry.json is read here but a bad one only fails when `policy` is read, so that a change
   * that repairs it (or a doctor that reports it) can still work from this snapshot.
   */
  static async open(reader: GitReader, commit: string): Promise<GitSnapshot> {
    const { tree } = await reader.readCommit(commit)
    let policy: RegistryPolicy | RegistryError
    try {
      const doc = await reader.readJson(tree, POLICY_PATH)
      if (doc === null) {
        throw new RegistryError('integrity', `${POLICY_PATH}: missing on the registry branch at ${commit}`, {
          file: POLICY_PATH
        })
      }
      policy = checkPolicyConsistency(validatePolicy(doc, POLICY_PATH, 'integrity'), POLICY_PATH)
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error
      policy = error
    }
    return new GitSnapshot(reader, commit, tree, policy)
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

  async readIndex(name: string): Promise<ModelIndex | null> {
    const path = `${MODELS_DIR}/${checkName(name)}/${INDEX_FILE}`
    const doc = await this.reader.readJson(this.tree, path)
    return doc === null ? null : validateModelIndex(doc, path, 'integrity')
  }

  async readVersion(name: string, version: string): Promise<ModelVersion | null> {
    const path = `${MODELS_DIR}/${checkName(name)}/${checkVersion(version)}.json`
    const doc = await this.reader.readJson(this.tree, path)
    return doc === null ? null : validateModelVersion(doc, path, 'integrity')
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

  async versionFileNames(name: string): Promise<string[]> {
    const dir = await this.reader.lookup(this.tree, `${MODELS_DIR}/${checkName(name)}`)
    if (!dir || dir.type !== 'tree') return []
    const versions: string[] = []
    for (const [file, entry] of await this.reader.readTree(dir.oid)) {
      if (entry.type === 'blob' && file.endsWith('.json') && file !== INDEX_FILE) {
        versions.push(file.slice(0, -'.json'.length))
      }
    }
    return versions.sort()
  }
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
