/**
 * Git references, read from and written to the real bare repository, so a tag pushed over smart
 * HTTP shows here and a branch created here can be fetched. Writes are compare-and-swap under
 * git's own ref locks.
 */
import { ApiError, notFound, validationFailed, type EmulatorContext, type Handler } from '../context.js'
import { gitRef } from '../representations/misc.js'
import { ZERO_SHA } from '../git/repo.js'
import { refuseByRulesets } from './ref-rules.js'

/**
 * Get a reference answers 404 for a ref that does not exist and 409 "Git Repository is empty."
 * in a repository without commits (https://docs.github.com/en/rest/git/refs#get-a-reference,
 * status codes 404 and 409): how a first run meets a repository without the registry branch.
 */
const EMPTY = 'Git Repository is empty.'

async function refuseEmpty(ctx: EmulatorContext): Promise<void> {
  if (await ctx.git.isEmpty()) throw new ApiError(409, EMPTY)
}

/** Rule immutable-release: the tag of a published immutable release cannot move or go. */
function refuseLocked(ctx: EmulatorContext, ref: string): void {
  if (ctx.state.lockedRefs().has(ref)) {
    throw new ApiError(422, `Cannot change ${ref}: it is the tag of an immutable release`, {
      rule: 'immutable-release'
    })
  }
}

function unprocessable(message: string): ApiError {
  return new ApiError(422, message)
}

export const getRef: Handler = async (ctx, req) => {
  await refuseEmpty(ctx)
  const entry = await ctx.git.readRef(`refs/${String(req.params.ref)}`)
  if (!entry) throw notFound()
  return { status: 200, body: gitRef(ctx, entry) }
}

/**
 * Every ref whose name starts with `refs/<ref>` (a string prefix, not a path prefix), all in one
 * answer: the operation takes no paging parameters
 * (https://docs.github.com/en/rest/git/refs#list-matching-references), and GitHub ignores
 * `per_page` there (https://github.com/github/docs/issues/3863; go-github dropped its list
 * options for it, https://github.com/google/go-github/pull/3924), so it has no 1,000 cap.
 */
export const listMatchingRefs: Handler = async (ctx, req) => {
  const prefix = `refs/${String(req.params.ref)}`
  const refs = (await ctx.git.listRefs()).filter(entry => entry.ref.startsWith(prefix))
  return { status: 200, body: refs.map(entry => gitRef(ctx, entry)) }
}

export const createRef: Handler = async (ctx, req) => {
  const { ref, sha } = req.body as { ref: string; sha: string }
  await refuseEmpty(ctx)
  if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
    throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.")
  }
  if ((await ctx.git.run(['check-ref-format', ref])).code !== 0)
    throw unprocessable(`${ref} is not a valid ref name.`)
  if (!(await ctx.git.objectExists(sha))) throw unprocessable('Object does not exist')
  if (await ctx.git.readRef(ref)) throw unprocessable('Reference already exists')
  refuseByRulesets(ctx, req, { ref, oldSha: null, newSha: sha })
  if (!(await ctx.git.updateRef(ref, sha, ZERO_SHA))) throw unprocessable('Reference already exists')
  const entry = await ctx.git.readRef(ref)
  if (!entry) throw notFound()
  return { status: 201, body: gitRef(ctx, entry), headers: { location: gitRef(ctx, entry).url as string } }
}

export const updateRef: Handler = async (ctx, req) => {
  const { sha, force } = req.body as { sha: string; force?: boolean }
  const ref = `refs/${String(req.params.ref)}`
  // Test hook (faults.ts beforeNextPush): another writer lands between this request's arrival
  // and its compare-and-swap, as it can before a git push is received.
  const race = ctx.faults.takePushRace()
  if (race) await race()
  const current = await ctx.git.readRef(ref)
  if (!current) throw unprocessable('Reference does not exist')
  refuseLocked(ctx, ref)
  if (!(await ctx.git.objectExists(sha))) throw unprocessable('Object does not exist')
  if (!force && current.sha !== sha && !(await ctx.git.isAncestor(current.sha, sha))) {
    throw unprocessable('Update is not a fast forward')
  }
  refuseByRulesets(ctx, req, { ref, oldSha: current.sha, newSha: sha })
  if (!(await ctx.git.updateRef(ref, sha, current.sha))) {
    throw validationFailed([
      { resource: 'Reference', code: 'custom', field: 'sha', message: 'Reference cannot be updated' }
    ])
  }
  const entry = await ctx.git.readRef(ref)
  if (!entry) throw notFound()
  return { status: 200, body: gitRef(ctx, entry) }
}

export const deleteRef: Handler = async (ctx, req) => {
  const ref = `refs/${String(req.params.ref)}`
  const current = await ctx.git.readRef(ref)
  if (!current) throw unprocessable('Reference does not exist')
  refuseLocked(ctx, ref)
  if (!(await ctx.git.deleteRef(ref, current.sha))) throw unprocessable('Reference cannot be deleted')
  return { status: 204 }
}
