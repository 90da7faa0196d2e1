/**
 * check: the policy check of a proposed change to the registry branch (a pull request), base →
 * head. Both commits are read as data — JSON documents, validated by the domain — and nothing in
 * them is ever executed. Only the models whose directory differs are read, so the cost follows
 * the size of the change, not of the registry. With a review channel and a pull request number,
 * approvals and labels come from the pull request and the verdict is posted as a commit status.
 */
import { isRegistryError, RegistryError } from '../domain/errors.js'
import { CATALOG_PATH, headPath, versionFilePath } from '../domain/layout.js'
import {
  requestersOf,
  reviewChange,
  reviewVerdict,
  type BaseState,
  type DocumentAt,
  type HeadState,
  type ReviewResult,
  type VerdictState
} from '../domain/review.js'
import type { RegistryBackend, RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { POLICY_STATUS_CONTEXT } from './review-channel.js'

export interface CheckInput {
  /** The commit the change is judged against (the pull request's base), or a ref. */
  base: string
  /** The proposed commit (the pull request's head), or a ref. */
  head: string
  pullNumber?: number
  /** The branch carrying `head` on the remote (the pull request's head branch), fetched if needed. */
  headRef?: string
}

export interface PostedStatus {
  state: VerdictState
  description: string
  context: string
}

export interface CheckOutcome extends ReviewResult {
  base: string
  head: string
  /** 'not-applicable' without a review channel: approvals and labels were not judged. */
  review: 'pull-request' | 'not-applicable'
  pull_request: number | null
  approvals: string[] | null
  labels: string[] | null
  /** The verdict as a commit status; `posted` says whether it went to the review channel. */
  status: PostedStatus & { posted: boolean }
}

export async function check(ctx: CommandContext, input: CheckInput): Promise<CheckOutcome> {
  const from = input.pullNumber === undefined ? [] : [`refs/pull/${input.pullNumber}/head`]
  if (input.headRef) from.unshift(input.headRef)
  const base = await commitOf(ctx.backend, input.base)
  const head = await commitOf(ctx.backend, input.head, from)

  const review = ctx.review
  const pullNumber = input.pullNumber ?? null
  let approvals: string[] | null = null
  let labels: string[] | null = null
  if (review && pullNumber !== null) {
    ;[approvals, labels] = await Promise.all([
      review.approvals(pullNumber).then(a => a.approvers),
      review.labels(pullNumber)
    ])
  } else if (review) {
    // A review channel but no pull request: the change did not come through one.
    approvals = []
    labels = []
  }
  let result: ReviewResult
  if (await builtOn(ctx.backend, head, base)) {
    const change = await readChange(ctx.backend, base, head)
    // Nobody approves their own promotion: whoever asked for it (recorded in the proposal) is not counted.
    const requesters = new Set(
      requestersOf(change.base.versions, change.head.versions).map(u => u.toLowerCase())
    )
    approvals = approvals?.filter(user => !requesters.has(user.toLowerCase())) ?? null
    result = reviewChange({ ...change, approvals, labels, viaPullRequest: pullNumber !== null })
  } else {
    result = staleReview(base)
  }
  const verdict = reviewVerdict(result)
  let posted = false
  if (review && pullNumber !== null) {
    await review.setStatus({
      sha: head,
      state: verdict.state,
      description: verdict.description,
      context: POLICY_STATUS_CONTEXT,
      targetUrl: (await ctx.source)?.workflow_run
    })
    posted = true
  }
  return {
    ...result,
    base,
    head,
    review: review ? 'pull-request' : 'not-applicable',
    pull_request: pullNumber,
    approvals,
    labels,
    status: { ...verdict, context: POLICY_STATUS_CONTEXT, posted }
  }
}

/** How far back from the head the base is looked for; a proposal's parent is its base. */
const MAX_ANCESTRY_WALK = 200

/**
 * Whether `head` is built on `base`. When the registry moved on after the proposal was made, a
 * diff base → head would read as undoing whatever landed meanwhile; merging would not do that,
 * so the honest verdict is "rebuild", not a list of phantom reverts. Unknown (no parent lookup,
 * or history too long to walk) counts as built on it.
 */
async function builtOn(backend: RegistryBackend, head: string, base: string): Promise<boolean> {
  if (head === base || !backend.parents) return true
  const seen = new Set<string>([head])
  const queue = [head]
  while (queue.length > 0 && seen.size <= MAX_ANCESTRY_WALK) {
    for (const parent of await backend.parents(queue.shift() as string)) {
      if (parent === base) return true
      if (!seen.has(parent)) {
        seen.add(parent)
        queue.push(parent)
      }
    }
  }
  return queue.length > 0
}

function staleReview(base: string): ReviewResult {
  return {
    passed: false,
    findings: [
      {
        severity: 'error',
        kind: 'stale-base',
        subject: 'proposal',
        message: `the change is not built on ${base.slice(0, 12)}: the registry branch moved on since; run the promotion again (or rebase the branch) to rebuild it`
      }
    ],
    changes: [],
    gates: []
  }
}

/** A commit id or ref made readable (fetched, for a remote); backends without the hook take ids as given. */
export async function commitOf(backend: RegistryBackend, ref: string, from: string[] = []): Promise<string> {
  if (backend.fetchCommit) return backend.fetchCommit(ref, from)
  return ref
}

/** registry.json and every file of the models whose directory differs between the two commits. */
export async function readChange(
  backend: RegistryBackend,
  base: string,
  head: string
): Promise<{ base: BaseState; head: HeadState; models: string[]; otherPaths: string[] }> {
  const [before, after] = await Promise.all([backend.snapshotAt(base), backend.snapshotAt(head)])
  const models = await changedModels(before, after)
  const problems: { path: string; message: string }[] = []
  const baseState: BaseState = { policy: null, versions: [] }
  const headState: HeadState = { policy: null, versions: [], indexes: [], problems }
  const reader = (snapshot: RegistrySnapshot, commit: string) => (path: string) =>
    readDocument(backend, snapshot, commit, path)
  const readBase = reader(before, base)
  const readHead = reader(after, head)

  const policies = await Promise.all([readBase('registry.json'), readHead('registry.json')])
  ;[baseState.policy, baseState.policyError] = [policies[0].content, policies[0].error]
  ;[headState.policy, headState.policyError] = [policies[1].content, policies[1].error]

  if (after.layout === 2) {
    headState.derived = []
    if (before.layout === 2) baseState.catalog = await readBase(CATALOG_PATH)
    headState.catalog = await readHead(CATALOG_PATH)
  }
  for (const name of models) {
    const baseFiles = await listVersionFiles(before, name, null)
    const headFiles = await listVersionFiles(after, name, problems)
    for (const path of baseFiles) baseState.versions.push(await readBase(path))
    for (const path of headFiles) headState.versions.push(await readHead(path))
    if (headState.derived) {
      for (const path of await derivedPaths(after, name, problems))
        headState.derived.push(await readHead(path))
    } else if (headFiles.length > 0 || (await exists(after, `models/${name}/index.json`))) {
      const index = await readHead(`models/${name}/index.json`)
      if (index.content !== null || index.error !== undefined) headState.indexes.push(index)
    }
  }
  return { base: baseState, head: headState, models, otherPaths: await changedOtherPaths(before, after) }
}

/** Root entries other than registry.json and models/ whose object differs between the commits. */
async function changedOtherPaths(before: RegistrySnapshot, after: RegistrySnapshot): Promise<string[]> {
  if (!before.rootNames || !after.rootNames || !before.objectId || !after.objectId) return []
  const names = [...new Set([...(await before.rootNames()), ...(await after.rootNames())])].sort()
  const changed: string[] = []
  for (const name of names.filter(n => n !== 'registry.json' && n !== CATALOG_PATH && n !== 'models')) {
    if ((await before.objectId(name)) !== (await after.objectId(name))) changed.push(name)
  }
  return changed
}

/** Models whose directory is not the same object in both commits (all of them when ids are unknown). */
async function changedModels(before: RegistrySnapshot, after: RegistrySnapshot): Promise<string[]> {
  const names = [...new Set([...(await before.modelNames()), ...(await after.modelNames())])].sort()
  if (!before.objectId || !after.objectId) return names
  const changed: string[] = []
  for (const name of names) {
    const [a, b] = await Promise.all([before.objectId(`models/${name}`), after.objectId(`models/${name}`)])
    if (a !== b) changed.push(name)
  }
  return changed
}

async function listVersionFiles(
  snapshot: RegistrySnapshot,
  name: string,
  problems: { path: string; message: string }[] | null
): Promise<string[]> {
  try {
    return (await snapshot.versionFileNames(name)).map(version =>
      snapshot.layout === 2 ? versionFilePath(name, version) : `models/${name}/${version}.json`
    )
  } catch (error) {
    if (!isRegistryError(error) || error.kind !== 'invalid-input') throw error
    problems?.push({ path: `models/${name}`, message: `models/${name}: ${error.message}` })
    return []
  }
}

/** head.json and every row shard of a model: what its version files must derive to. */
async function derivedPaths(
  snapshot: RegistrySnapshot,
  name: string,
  problems: { path: string; message: string }[]
): Promise<string[]> {
  try {
    const paths = (await snapshot.objectId(headPath(name))) ? [headPath(name)] : []
    for (const day of await snapshot.rowDays(name)) paths.push(...(await snapshot.readDay(name, day)).paths)
    return paths
  } catch (error) {
    if (!isRegistryError(error)) throw error
    problems.push({ path: `models/${name}/rows`, message: error.message })
    return []
  }
}

async function exists(snapshot: RegistrySnapshot, path: string): Promise<boolean> {
  return snapshot.objectId ? (await snapshot.objectId(path)) !== null : true
}

async function readDocument(
  backend: RegistryBackend,
  snapshot: RegistrySnapshot,
  commit: string,
  path: string
): Promise<DocumentAt> {
  try {
    const content = snapshot.readJson ? await snapshot.readJson(path) : await backend.readJsonAt(commit, path)
    return { path, content }
  } catch (error) {
    // Not JSON, or a directory where a file belongs: the content is judged, not the read.
    if (error instanceof RegistryError && (error.kind === 'integrity' || error.kind === 'invalid-input')) {
      return { path, content: null, error: error.message }
    }
    throw error
  }
}
