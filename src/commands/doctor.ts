/**
 * doctor: is the registry what it claims to be? Indexes against version files, versions the
 * history registered still there (src/commands/lost-versions.ts), every live artifact present
 * with its recorded SHA-256, and stored bytes nothing refers to.
 */
import { isRegistryError } from '../domain/errors.js'
import { rowOf, type ModelHead } from '../domain/layout.js'
import { deriveCatalog, deriveHead } from '../domain/model-head.js'
import { checkCatalog, checkDerivedFiles } from '../domain/layout-check.js'
import { checkIndexConsistency } from '../domain/model-index.js'
import { formatReference } from '../domain/references.js'
import type { ModelVersion } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { openStore } from './open-store.js'
import { readDerivedFiles } from './registry-reads.js'
import { lostVersions, vouchFor } from './lost-versions.js'
import { auditStore } from './store-audit.js'

export type FindingKind =
  | 'invalid-document'
  | 'index-mismatch'
  | 'missing-artifact'
  | 'checksum-mismatch'
  | 'corrupt-object'
  | 'lost-version'
  | 'orphan-object'
  | 'unfinished-artifact'

export interface Finding {
  kind: FindingKind
  /** A problem makes the registry untrustworthy; a warning is sweepable leftovers. */
  severity: 'problem' | 'warning'
  subject: string
  message: string
}

export interface DoctorOutcome {
  healthy: boolean
  checked: { models: number; versions: number; artifacts: number }
  findings: Finding[]
}

export async function doctor(ctx: CommandContext): Promise<DoctorOutcome> {
  const snapshot = await ctx.backend.snapshot()
  const findings: Finding[] = []
  const names = await snapshot.modelNames()
  const versions: ModelVersion[] = []
  const heads: ModelHead[] = []
  for (const name of names) {
    const mine = await checkModel(snapshot, name, findings)
    versions.push(...mine)
    const head = deriveHead(name, mine.map(rowOf))
    if (head) heads.push(head)
  }
  if (snapshot.layout === 2) {
    const catalog = await readOrReport(() => snapshot.readJson('catalog.json'), 'catalog.json', findings)
    for (const message of checkCatalog(catalog, deriveCatalog(heads))) {
      findings.push({ kind: 'index-mismatch', severity: 'problem', subject: 'catalog.json', message })
    }
  }

  for (const lost of await lostVersions(ctx, snapshot, new Set(versions.map(formatReference)))) {
    findings.push({ kind: 'lost-version', severity: 'problem', ...lost })
  }

  const store = await openStore(ctx)
  let artifacts = 0
  for (const version of versions) {
    if (version.artifact.deleted) continue
    artifacts++
    const subject = formatReference(version)
    // A directory version is checked file by file (the store's verifyFiles).
    const manifest = version.artifact.manifest
    for (const [i, result] of (await store.verifyFiles(version.artifact)).entries()) {
      const artifact = result.file
      const what = manifest ? `${version.artifact.file_name}: ${manifest[i]?.path}` : artifact.file_name
      // the store's own account of where and what (a replaced release asset, GitHub's digest)
      const where = result.where ? `; ${result.where}` : ''
      if (result.error) {
        // not a file of the recorded size (a symlink, FIFO, directory, truncated file): say what and where
        findings.push({ kind: 'corrupt-object', severity: 'problem', subject, message: result.error.message })
        continue
      }
      if (!result.present) {
        findings.push({
          kind: 'missing-artifact',
          severity: 'problem',
          subject,
          message: `artifact ${what} (sha256 ${artifact.sha256}) is missing from the ${store.kind} store${where}`
        })
      } else if (!result.ok) {
        const found =
          result.actual === null
            ? `do not match their recorded sha256 ${artifact.sha256}`
            : `have sha256 ${result.actual}, expected ${artifact.sha256}`
        findings.push({
          kind: 'checksum-mismatch',
          severity: 'problem',
          subject,
          message: `stored bytes of ${what} in the ${store.kind} store ${found}: the stored object was altered${where}`
        })
      }
    }
  }
  const audit = await auditStore(store, snapshot.policy, ctx.now(), versions)
  for (const item of audit?.unused ?? []) {
    findings.push({
      kind: 'orphan-object',
      severity: 'warning',
      subject: item.label,
      message: item.temporary
        ? `temporary file (${item.size} bytes) left by an interrupted write; 'mreg cleanup' sweeps it`
        : `stored ${item.owner ? 'release' : 'object'} (${item.size} bytes) no live version uses; cleanup sweeps it`
    })
  }
  for (const version of audit?.unfinished ?? []) {
    findings.push({
      kind: 'unfinished-artifact',
      severity: 'warning',
      subject: formatReference(version),
      message: `the registration was interrupted before its ${version.artifact.release ? `release ${version.artifact.release.tag} was published` : 'artifact was finished'}; 'mreg cleanup' finishes it`
    })
  }
  const healthy = findings.every(f => f.severity !== 'problem')
  if (healthy) await vouchFor(ctx, snapshot.commit)
  return {
    healthy,
    checked: { models: names.length, versions: versions.length, artifacts },
    findings
  }
}

/**
 * The version files are the truth: read each, then compare the derived files with what they
 * derive to (layout 2: head and row shards rebuilt and compared; layout 1: index.json).
 */
async function checkModel(
  snapshot: RegistrySnapshot,
  name: string,
  findings: Finding[]
): Promise<ModelVersion[]> {
  const files: ModelVersion[] = []
  for (const version of await snapshot.versionFileNames(name)) {
    const doc = await readOrReport(() => snapshot.readVersion(name, version), `${name}@${version}`, findings)
    if (doc) files.push(doc)
  }
  if (snapshot.layout === 2) {
    const committed = await readOrReport(() => readDerivedFiles(snapshot, name), name, findings)
    for (const message of committed ? checkDerivedFiles(name, files, committed) : []) {
      findings.push({ kind: 'index-mismatch', severity: 'problem', subject: name, message })
    }
    return files
  }
  const index = await readOrReport(() => snapshot.readIndex(name), name, findings)
  if (index) {
    for (const message of checkIndexConsistency(index, files)) {
      findings.push({ kind: 'index-mismatch', severity: 'problem', subject: name, message })
    }
  }
  return files
}

async function readOrReport<T>(
  read: () => Promise<T | null>,
  subject: string,
  findings: Finding[]
): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    if (!isRegistryError(error) || error.kind !== 'integrity') throw error
    findings.push({ kind: 'invalid-document', severity: 'problem', subject, message: error.message })
    return null
  }
}
