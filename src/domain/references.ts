/**
 * References: how users name a version anywhere (`name@1.2.0`, `name@latest`, `name@newest`,
 * `name@production`, a model_id, or a bare name meaning latest), and their resolution against a
 * model's index. `latest` is the highest version as semver orders them (a pre-release only when
 * the model has no release), as with package managers; `newest` is the most recent registration,
 * whatever its version. Both skip archived versions.
 */
import { invalidInput, notFound, isRegistryError, type FrontWords } from './errors.js'
import { isModelId, nameFromModelId } from './model-id.js'
import { parseName, parseStage } from './names.js'
import { isArchived, newestFirst } from './ordering.js'
import { compareSemver, isPrerelease, parseVersion } from './versions.js'
import type { ModelIndex, ModelVersion, RegistryPolicy } from './types.js'

export type Reference =
  | { kind: 'version'; name: string; version: string }
  | { kind: 'latest'; name: string }
  | { kind: 'newest'; name: string }
  | { kind: 'stage'; name: string; stage: string }
  | { kind: 'model_id'; model_id: string; name: string }

const FORMS =
  'use name, name@1.2.0, name@latest (highest version), name@newest (last registered), name@<stage> or a model_id such as name_20261127_143000'
const STAGE_WORD = /^[a-z][a-z0-9_-]{0,31}$/

function reason(error: unknown): string {
  if (isRegistryError(error)) return error.message
  throw error
}

export function parseReference(input: string): Reference {
  if (input === '') throw invalidInput(`empty reference: ${FORMS}`)
  const at = input.indexOf('@')
  if (at < 0) {
    if (isModelId(input)) return { kind: 'model_id', model_id: input, name: nameFromModelId(input) }
    try {
      return { kind: 'latest', name: parseName(input) }
    } catch (error) {
      throw invalidInput(`invalid reference "${input}" (${reason(error)}); ${FORMS}`)
    }
  }
  let name: string
  try {
    name = parseName(input.slice(0, at))
  } catch (error) {
    throw invalidInput(`invalid reference "${input}" (${reason(error)}); ${FORMS}`)
  }
  const selector = input.slice(at + 1)
  if (selector === 'latest') return { kind: 'latest', name }
  if (selector === 'newest') return { kind: 'newest', name }
  // Anything that starts like a version is one, so `x@1.2` gets the version hint instead of
  // being taken for a stage named "1.2".
  if (/^v?\d/.test(selector)) {
    const literal = selector.startsWith('v') ? selector.slice(1) : selector
    try {
      return { kind: 'version', name, version: parseVersion(literal) }
    } catch (error) {
      throw invalidInput(`invalid reference "${input}" (${reason(error)}); ${FORMS}`)
    }
  }
  if (STAGE_WORD.test(selector)) return { kind: 'stage', name, stage: selector }
  throw invalidInput(`invalid reference "${input}": ${FORMS}`)
}

export function formatReference(v: ModelVersion): string {
  return `${v.name}@${v.version}`
}

function describeReference(ref: Reference): string {
  switch (ref.kind) {
    case 'version':
      return `${ref.name}@${ref.version}`
    case 'latest':
    case 'newest':
      return `${ref.name}@${ref.kind}`
    case 'stage':
      return `${ref.name}@${ref.stage}`
    case 'model_id':
      return ref.model_id
  }
}

export function resolveReference(
  ref: Reference,
  index: ModelIndex | null,
  policy: RegistryPolicy
): ModelVersion {
  if (ref.kind === 'stage') parseStage(policy, ref.stage)
  if (!index)
    throw notFound(w => `no model named "${ref.name}"; ${w.command('list')} shows the registered models`, {
      field: 'reference',
      value: ref.name,
      reason: 'no-such-model'
    })
  const versions = index.versions
  const hint = (w: FrontWords): string => `${w.command('list', { name: index.name })} shows its versions`
  switch (ref.kind) {
    case 'version': {
      const found = versions.find(v => v.version === ref.version)
      if (!found)
        throw notFound(w => `"${index.name}" has no version ${ref.version}; ${hint(w)}`, {
          field: 'reference',
          value: describeReference(ref),
          reason: 'no-such-version'
        })
      return found
    }
    case 'model_id': {
      const found = versions.find(v => v.model_id === ref.model_id)
      if (!found)
        throw notFound(w => `no version of "${index.name}" has model_id ${ref.model_id}; ${hint(w)}`, {
          field: 'reference',
          value: ref.model_id,
          reason: 'no-such-model-id'
        })
      return found
    }
    case 'latest':
    case 'newest': {
      const live = versions.filter(v => !isArchived(v))
      const found = ref.kind === 'newest' ? live.sort(newestFirst)[0] : highestVersion(live)
      if (!found) throw notFound(`"${index.name}" has no version that is not archived; register a new one`)
      return found
    }
    case 'stage': {
      const found = versions.filter(v => v.deployment_stage === ref.stage).sort(newestFirst)[0]
      if (!found) {
        throw notFound(
          w =>
            `no version of "${index.name}" is in stage "${ref.stage}" (${describeReference(ref)}); ${hint(w)}`,
          { field: 'reference', value: describeReference(ref), reason: 'stage-empty' }
        )
      }
      return found
    }
  }
}

/** The highest release; the highest pre-release only when there is no release. */
export function highestVersion(versions: ModelVersion[]): ModelVersion | undefined {
  const releases = versions.filter(v => !isPrerelease(v.version))
  const pool = releases.length > 0 ? releases : versions
  return [...pool].sort((a, b) => compareSemver(b.version, a.version) || newestFirst(a, b))[0]
}
