/**
 * models/<name>/index.json: derived from the version files, which are the truth. Derivation is
 * deterministic (independent of input order) so that a rebuilt index is byte-identical and a
 * consistency check can compare it field by field.
 */
import { integrityError } from './errors.js'
import { firstDifference } from './json-diff.js'
import { parseName } from './names.js'
import { byKey, byRegistration, newestFirst } from './ordering.js'
import { versionFilePath } from './layout.js'
import type { ModelIndex, ModelVersion } from './types.js'

/** Where a version file lives (layout 2): also its `metadata_path`. */
export function versionPath(name: string, version: string): string {
  return versionFilePath(name, version)
}

/** Layout 1's derived file, kept for reading a registry before `mreg migrate`. */
export function indexPath(name: string): string {
  return `models/${parseName(name)}/index.json`
}

/** Stage → versions holding it, newest registration first; stage keys in alphabetical order. */
export function deriveStages(sorted: ModelVersion[]): Record<string, string[]> {
  const stages = new Map<string, string[]>()
  for (const v of [...sorted].sort(newestFirst)) {
    const list = stages.get(v.deployment_stage) ?? []
    list.push(v.version)
    stages.set(v.deployment_stage, list)
  }
  return Object.fromEntries([...stages.entries()].sort(byKey))
}

export function deriveIndex(name: string, versions: ModelVersion[]): ModelIndex {
  const seen = new Set<string>()
  for (const v of versions) {
    if (v.name !== name) {
      throw integrityError(
        `${versionPath(name, v.version)}: name is "${v.name}" but the file is under models/${name}/; fix the document or move it`
      )
    }
    if (seen.has(v.version)) {
      throw integrityError(
        `${indexPath(name)}: version ${v.version} appears twice; keep one document per version`
      )
    }
    seen.add(v.version)
  }
  const sorted = [...versions].sort(byRegistration)
  return { schema_version: 1, name, versions: sorted, stages: deriveStages(sorted) }
}

/** Replaces documents with the same version and adds new ones, then re-derives. */
export function upsertVersions(index: ModelIndex | null, name: string, changed: ModelVersion[]): ModelIndex {
  const replaced = new Set(changed.map(v => v.version))
  const kept = (index?.versions ?? []).filter(v => !replaced.has(v.version))
  return deriveIndex(name, [...kept, ...changed])
}

/** Versions not in the index are ignored: removing twice is the same as removing once. */
export function removeVersions(index: ModelIndex, versions: string[]): ModelIndex {
  const removed = new Set(versions)
  return deriveIndex(
    index.name,
    index.versions.filter(v => !removed.has(v.version))
  )
}

/** Human-readable problems, empty when index.json is exactly what the version files derive. */
export function checkIndexConsistency(index: ModelIndex, versionFiles: ModelVersion[]): string[] {
  const where = indexPath(index.name)
  const problems: string[] = []
  const files = new Map(versionFiles.map(v => [v.version, v]))
  const listed = new Map<string, ModelVersion>()
  for (const entry of index.versions) {
    if (listed.has(entry.version)) problems.push(`${where}: lists version ${entry.version} more than once`)
    listed.set(entry.version, entry)
  }
  for (const [version, doc] of files) {
    const file = `models/${index.name}/${version}.json`
    if (doc.name !== index.name) problems.push(`${file}: name is "${doc.name}", expected "${index.name}"`)
    const entry = listed.get(version)
    if (!entry) {
      problems.push(`${where}: version ${version} is missing (${file} exists)`)
      continue
    }
    const diff = firstDifference(entry, doc)
    if (diff) problems.push(`${where}: the entry for ${version} differs from ${file} at ${diff}`)
  }
  for (const version of listed.keys()) {
    if (!files.has(version)) {
      problems.push(
        `${where}: lists version ${version} but models/${index.name}/${version}.json does not exist`
      )
    }
  }
  const order = index.versions.map(v => v.version)
  const expectedOrder = [...index.versions].sort(byRegistration).map(v => v.version)
  if (order.join('\n') !== expectedOrder.join('\n')) {
    problems.push(`${where}: versions are not in registration order (expected ${expectedOrder.join(', ')})`)
  }
  const expected = deriveStages([...files.values()])
  for (const stage of [...new Set([...Object.keys(index.stages), ...Object.keys(expected)])].sort()) {
    const show = (stages: Record<string, string[]>): string =>
      Object.hasOwn(stages, stage) ? `[${(stages[stage] ?? []).join(', ')}]` : 'absent'
    const have = show(index.stages)
    const want = show(expected)
    if (have !== want) problems.push(`${where}: stages.${stage} is ${have} but the version files say ${want}`)
  }
  return problems
}
