/**
 * Releases: create (drafts carry no tag until published), get by id, get by tag (published
 * only), latest, list, update (publish), delete. Immutable releases lock their tag and assets.
 */
import { randomBytes } from 'node:crypto'
import {
  ApiError,
  notFound,
  paginate,
  validationFailed,
  type EmulatorContext,
  type Handler
} from '../context.js'
import { release as renderRelease } from '../representations/releases.js'
import { timestamp, type ReleaseRecord } from '../state.js'
import { ZERO_SHA } from '../git/repo.js'

interface ReleaseInput {
  tag_name?: string
  target_commitish?: string
  name?: string
  body?: string
  draft?: boolean
  prerelease?: boolean
  make_latest?: 'true' | 'false' | 'legacy'
}

function findRelease(ctx: EmulatorContext, id: unknown): ReleaseRecord {
  const record = ctx.state.release(Number(id))
  if (!record) throw notFound()
  return record
}

async function checkTagName(ctx: EmulatorContext, tag: string): Promise<void> {
  const valid = (await ctx.git.run(['check-ref-format', `refs/tags/${tag}`])).code === 0
  if (!valid) throw validationFailed([{ resource: 'Release', code: 'invalid', field: 'tag_name' }])
}

/**
 * Rule immutable-tag-reserved: the tag of a deleted immutable release is never given to another
 * release, draft or not.
 */
function checkTagNotReserved(ctx: EmulatorContext, tag: string): void {
  if (ctx.state.burnedTags.has(tag)) {
    throw validationFailed(
      [
        {
          resource: 'Release',
          code: 'custom',
          field: 'tag_name',
          message: 'tag_name was used by an immutable release'
        }
      ],
      'immutable-tag-reserved'
    )
  }
}

/** Rule release-tag-unique: a published release's tag is its own. */
function checkTagFree(ctx: EmulatorContext, tag: string, self?: ReleaseRecord): void {
  checkTagNotReserved(ctx, tag)
  const holder = ctx.state.publishedRelease(tag)
  if (holder && holder !== self) {
    throw validationFailed(
      [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      'release-tag-unique'
    )
  }
}

/**
 * Rule make-latest: publishing makes a release the repository's latest unless `make_latest` is
 * "false" (default "true" for newly published releases); "legacy" leaves it to creation date.
 * Drafts and prereleases are never latest.
 */
function applyMakeLatest(
  ctx: EmulatorContext,
  record: ReleaseRecord,
  makeLatest: ReleaseInput['make_latest']
): void {
  if (record.draft || record.prerelease) return
  if (makeLatest === 'false') return
  if (makeLatest === 'legacy') ctx.state.latestReleaseId = null
  else ctx.state.latestReleaseId = record.id
}

/** Rule draft-has-no-tag: publishing creates the tag at target_commitish unless it exists. */
async function ensureTag(ctx: EmulatorContext, record: ReleaseRecord): Promise<void> {
  const ref = `refs/tags/${record.tagName}`
  if (await ctx.git.readRef(ref)) return
  const commit = await ctx.git.resolveCommit(record.targetCommitish)
  if (!commit) throw validationFailed([{ resource: 'Release', code: 'invalid', field: 'target_commitish' }])
  // A concurrent creator of the same tag wins; the tag then exists, which is all we need.
  await ctx.git.updateRef(ref, commit, ZERO_SHA)
}

async function checkTarget(ctx: EmulatorContext, tag: string, target: string): Promise<void> {
  if (await ctx.git.readRef(`refs/tags/${tag}`)) return // "Unused if the Git tag already exists"
  if (!(await ctx.git.resolveCommit(target))) {
    throw validationFailed([{ resource: 'Release', code: 'invalid', field: 'target_commitish' }])
  }
}

async function publish(ctx: EmulatorContext, record: ReleaseRecord): Promise<void> {
  checkTagFree(ctx, record.tagName, record)
  await ensureTag(ctx, record)
  record.draft = false
  record.publishedAt = timestamp()
  record.immutable = ctx.immutableReleases
  if (record.immutable) await ctx.state.syncLockedRefs()
}

export const createRelease: Handler = async (ctx, req) => {
  const input = req.body as ReleaseInput & { tag_name: string }
  const tag = input.tag_name
  await checkTagName(ctx, tag)
  checkTagNotReserved(ctx, tag)
  const target = input.target_commitish ?? ctx.defaultBranch
  await checkTarget(ctx, tag, target)
  const now = timestamp()
  const record: ReleaseRecord = {
    id: ctx.state.nextId(),
    tagName: tag,
    targetCommitish: target,
    name: input.name ?? null,
    body: input.body ?? null,
    draft: true,
    prerelease: input.prerelease ?? false,
    immutable: false,
    author: ctx.state.viewer,
    createdAt: now,
    publishedAt: null,
    updatedAt: now,
    untaggedName: `untagged-${randomBytes(10).toString('hex')}`,
    assets: []
  }
  if (input.draft !== true) await publish(ctx, record)
  ctx.state.releases.push(record)
  applyMakeLatest(ctx, record, input.make_latest ?? 'true')
  const body = renderRelease(ctx, record)
  return { status: 201, body, headers: { location: body.url as string } }
}

export const getRelease: Handler = (ctx, req) => ({
  status: 200,
  body: renderRelease(ctx, findRelease(ctx, req.params.release_id))
})

export const getReleaseByTag: Handler = (ctx, req) => {
  const tag = String(req.params.tag)
  const record = ctx.state.publishedRelease(tag)
  if (!record) {
    const draft = ctx.state.releases.some(r => r.draft && r.tagName === tag)
    throw new ApiError(404, 'Not Found', { rule: draft ? 'draft-hidden-by-tag' : 'generic-client-error' })
  }
  return { status: 200, body: renderRelease(ctx, record) }
}

/**
 * Rule make-latest: the release marked latest, else (none marked, or it was deleted) the most
 * recently created full (non-draft, non-pre) release.
 */
export const getLatestRelease: Handler = ctx => {
  const record = ctx.state.latestRelease()
  if (!record) throw notFound()
  return { status: 200, body: renderRelease(ctx, record) }
}

/** Rule pagination-cap: listing releases reaches the first 1000 only. */
const RELEASE_LIST_CAP = 1000

/** Newest first, drafts included (the token has push access). */
export const listReleases: Handler = (ctx, req) => {
  const all = [...ctx.state.releases].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
  const { page, headers } = paginate(req, all, RELEASE_LIST_CAP)
  return { status: 200, body: page.map(r => renderRelease(ctx, r)), headers }
}

export const updateRelease: Handler = async (ctx, req) => {
  const record = findRelease(ctx, req.params.release_id)
  const input = req.body as ReleaseInput
  const locked = record.immutable && !record.draft
  if (locked) {
    // Only title, notes, prerelease and latest may change on an immutable release.
    const moves =
      (input.tag_name !== undefined && input.tag_name !== record.tagName) ||
      (input.target_commitish !== undefined && input.target_commitish !== record.targetCommitish) ||
      input.draft === true
    if (moves)
      throw new ApiError(422, 'Cannot modify the tag of an immutable release', { rule: 'immutable-release' })
  }
  if (input.tag_name !== undefined && input.tag_name !== record.tagName) {
    await checkTagName(ctx, input.tag_name)
    if (!record.draft) checkTagFree(ctx, input.tag_name, record)
  }
  if (input.tag_name !== undefined && input.tag_name !== record.tagName)
    checkTagNotReserved(ctx, input.tag_name)
  const wasDraft = record.draft
  const previous = { tagName: record.tagName, targetCommitish: record.targetCommitish }
  if (input.tag_name !== undefined) record.tagName = input.tag_name
  if (input.target_commitish !== undefined) record.targetCommitish = input.target_commitish
  try {
    if (input.tag_name !== undefined || input.target_commitish !== undefined) {
      await checkTarget(ctx, record.tagName, record.targetCommitish)
    }
    if (record.draft && input.draft === false) await publish(ctx, record)
    else if (!record.draft && input.tag_name !== undefined) await ensureTag(ctx, record)
  } catch (error) {
    Object.assign(record, previous)
    throw error
  }
  if (!record.draft && input.draft === true) {
    record.draft = true
    record.publishedAt = null
  }
  if (input.name !== undefined) record.name = input.name
  if (input.body !== undefined) record.body = input.body
  if (input.prerelease !== undefined) record.prerelease = input.prerelease
  // "Defaults to true for newly published releases": an update that publishes; otherwise only when asked.
  applyMakeLatest(ctx, record, input.make_latest ?? (wasDraft && !record.draft ? 'true' : 'false'))
  record.updatedAt = timestamp()
  return { status: 200, body: renderRelease(ctx, record) }
}

/** Rule release-delete-keeps-tag; an immutable release's tag name is burned for good (immutable-release). */
export const deleteRelease: Handler = async (ctx, req) => {
  const record = findRelease(ctx, req.params.release_id)
  ctx.state.releases = ctx.state.releases.filter(r => r !== record)
  if (ctx.state.latestReleaseId === record.id) ctx.state.latestReleaseId = null
  if (record.immutable && !record.draft) {
    ctx.state.burnedTags.add(record.tagName)
    await ctx.state.syncLockedRefs()
  }
  return { status: 204 }
}
