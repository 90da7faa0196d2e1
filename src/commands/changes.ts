/**
 * What happened on the registry branch between two tips, as events for watchers (`watch()`,
 * `mreg serve`'s event stream): registered, stage changed, edited, deleted, archived, policy
 * changed — each with the commit that made it. The first-parent chain is walked commit by
 * commit, as the branch advanced; each step diffs the models whose directory changed: in layout
 * 2 only the version files whose Git ids changed (changedVersions), in layout 1 their indexes.
 */
import { isDeepStrictEqual } from 'node:util'
import { byRegistration } from '../domain/ordering.js'
import type { ChangeKind, RegistryChange } from '../domain/shapes.js'
import type { ModelIndex, ModelVersion } from '../domain/types.js'
import type { RegistryBackend, RegistrySnapshot } from '../registry/backend.js'
import { changedFiles } from './tree-diff.js'

export type { ChangeKind, RegistryChange }

/** A longer chain than this is judged as one step (a rewritten or long-unwatched branch). */
const MAX_STEPS = 200

export async function changesBetween(
  backend: RegistryBackend,
  before: string,
  after: string
): Promise<RegistryChange[]> {
  if (before === after) return []
  const changes: RegistryChange[] = []
  for (const step of await firstParentSteps(backend, before, after)) {
    const found = await stepChanges(
      await backend.snapshotAt(step.parent),
      await backend.snapshotAt(step.commit)
    )
    found.forEach((change, n) => changes.push({ id: `${step.commit}.${n}`, commit: step.commit, ...change }))
  }
  return changes
}

async function firstParentSteps(
  backend: RegistryBackend,
  before: string,
  after: string
): Promise<{ parent: string; commit: string }[]> {
  const whole = [{ parent: before, commit: after }]
  if (!backend.parents) return whole
  const steps: { parent: string; commit: string }[] = []
  let commit = after
  while (steps.length < MAX_STEPS) {
    const [parent] = await backend.parents(commit)
    if (parent === undefined) return whole
    steps.push({ parent, commit })
    if (parent === before) return steps.reverse()
    commit = parent
  }
  return whole
}

type Change = Omit<RegistryChange, 'id' | 'commit'>

async function stepChanges(before: RegistrySnapshot, after: RegistrySnapshot): Promise<Change[]> {
  const changes: Change[] = []
  if (!isDeepStrictEqual(before.policy, after.policy)) changes.push({ kind: 'policy-changed' })
  const names = [...new Set([...(await before.modelNames()), ...(await after.modelNames())])].sort()
  for (const name of names) {
    const path = `models/${name}`
    if (before.objectId && after.objectId && (await before.objectId(path)) === (await after.objectId(path)))
      continue
    if (before.layout === 2 && after.layout === 2) {
      changes.push(...diffIndexes(...(await changedVersions(before, after, `${path}/versions`))))
    } else changes.push(...diffIndexes(await before.readIndex(name), await after.readIndex(name)))
  }
  return changes
}

/**
 * Layout 2: the version files that differ between two snapshots (src/commands/tree-diff.ts), so
 * a commit that touched one version of a 100,000-version model reads two files, not 200,000. In
 * registration order, as an index holds them.
 */
async function changedVersions(
  before: RegistrySnapshot,
  after: RegistrySnapshot,
  dir: string
): Promise<[{ versions: ModelVersion[] }, { versions: ModelVersion[] }]> {
  const old: ModelVersion[] = []
  const now: ModelVersion[] = []
  for (const path of await changedFiles(before, after, dir)) {
    const version = /\/([^/]+)\.json$/.exec(path)?.[1]
    if (version === undefined) continue
    const name = path.split('/')[1] as string
    const [x, y] = await Promise.all([before.readVersion(name, version), after.readVersion(name, version)])
    if (x) old.push(x)
    if (y) now.push(y)
  }
  return [{ versions: old.sort(byRegistration) }, { versions: now.sort(byRegistration) }]
}

function diffIndexes(
  before: Pick<ModelIndex, 'versions'> | null,
  after: Pick<ModelIndex, 'versions'> | null
): Change[] {
  const old = new Map((before?.versions ?? []).map(v => [v.version, v]))
  const changes: Change[] = []
  const about = (v: ModelVersion) => ({ name: v.name, version: v.version, model_id: v.model_id })
  for (const v of after?.versions ?? []) {
    const previous = old.get(v.version)
    old.delete(v.version)
    if (!previous) changes.push({ kind: 'registered', ...about(v), to: v.deployment_stage })
    else if (previous.deployment_stage !== v.deployment_stage) {
      const kind = v.deployment_stage === 'archived' ? 'archived' : 'stage-changed'
      changes.push({ kind, ...about(v), from: previous.deployment_stage, to: v.deployment_stage })
    } else if (!isDeepStrictEqual(previous, v)) changes.push({ kind: 'edited', ...about(v) })
  }
  for (const v of old.values()) changes.push({ kind: 'deleted', ...about(v), from: v.deployment_stage })
  return changes
}
