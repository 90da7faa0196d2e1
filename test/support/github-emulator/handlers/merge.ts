/**
 * PUT /pulls/{n}/merge: writes the merge into the bare repository and moves the base branch with
 * a compare-and-swap, so a concurrent push to the base is never lost.
 * https://docs.github.com/en/rest/pulls/pulls#merge-a-pull-request
 */
import { ApiError, notFound, type EmulatorContext, type Handler } from '../context.js'
import { timestamp, type PullRecord } from '../state.js'
import { livePull } from './pulls.js'
import { parseAuthorization } from '../auth.js'
import { mergeViolations } from '../git/push-rules.js'

function notMergeable(message = 'Pull Request is not mergeable'): ApiError {
  return new ApiError(405, message, { rule: 'pull-not-mergeable' })
}

/** Replay each commit of the pull request onto the base, keeping authors and messages. */
async function rebase(ctx: EmulatorContext, baseSha: string, commits: string[]): Promise<string | undefined> {
  let onto = baseSha
  for (const commit of commits) {
    const info = await ctx.git.commitInfo(commit)
    if (info.parents.length > 1) continue // GitHub's rebase merge drops merge commits
    const tree = await ctx.git.mergeTree(onto, commit, info.parents[0])
    if (!tree) return undefined
    onto = await ctx.git.commitTree(tree, [onto], info.message, {
      name: info.authorName,
      email: info.authorEmail
    })
  }
  return onto
}

async function mergeCommit(
  ctx: EmulatorContext,
  pull: PullRecord,
  method: string,
  headSha: string,
  baseSha: string,
  commits: string[],
  input: { commit_title?: string; commit_message?: string }
): Promise<string | undefined> {
  if (method === 'rebase') {
    // Already on top of the base: the base fast-forwards to the head.
    if (await ctx.git.isAncestor(baseSha, headSha)) return headSha
    return rebase(ctx, baseSha, commits)
  }
  const tree = await ctx.git.mergeTree(baseSha, headSha)
  if (!tree) return undefined
  if (method === 'squash') {
    const title = input.commit_title ?? `${pull.title} (#${pull.number})`
    const message = input.commit_message ?? ''
    return ctx.git.commitTree(tree, [baseSha], message ? `${title}\n\n${message}\n` : `${title}\n`)
  }
  const title = input.commit_title ?? `Merge pull request #${pull.number} from ${ctx.owner}/${pull.head}`
  const message = input.commit_message ?? pull.title
  return ctx.git.commitTree(tree, [baseSha, headSha], `${title}\n\n${message}\n`)
}

export const mergePull: Handler = async (ctx, req) => {
  const pull = ctx.state.pull(Number(req.params.pull_number))
  if (!pull) throw notFound()
  const input = (req.body ?? {}) as {
    commit_title?: string
    commit_message?: string
    sha?: string
    merge_method?: string
  }
  if (pull.state !== 'open') throw notMergeable()
  const live = await livePull(ctx, pull)
  if (input.sha !== undefined && input.sha !== live.headSha) {
    throw new ApiError(409, 'Head branch was modified. Review and try the merge again.')
  }
  if (!live.mergeable) throw notMergeable()
  const token = parseAuthorization(req.headers.authorization)?.token ?? ''
  const blocked = mergeViolations(
    ctx.pushRules,
    { base: pull.base, headSha: live.headSha, author: pull.user, token },
    ctx.state.reviews.filter(r => r.pullNumber === pull.number),
    ctx.state.statuses
  )
  if (blocked.length > 0) {
    throw new ApiError(405, `Repository rule violations found\n\n${blocked.join('\n\n')}\n\n`, {
      rule: 'merge-ruleset-violation'
    })
  }
  const commits = await ctx.git.commitsBetween(live.baseSha, live.headSha)
  const method = input.merge_method ?? 'merge'
  const merged = await mergeCommit(ctx, pull, method, live.headSha, live.baseSha, commits, input)
  if (!merged) throw notMergeable()
  if (!(await ctx.git.updateRef(`refs/heads/${pull.base}`, merged, live.baseSha))) {
    throw notMergeable('Base branch was modified. Review and try the merge again.')
  }
  const now = timestamp()
  Object.assign(pull, {
    state: 'closed',
    closedAt: now,
    mergedAt: now,
    updatedAt: now,
    mergedBy: ctx.state.viewer,
    mergeCommitSha: merged,
    headSha: live.headSha,
    baseSha: live.baseSha,
    mergedCommits: commits,
    // Rule pull-link-delay: the merged commits are linked to the pull request a while later.
    linkedFrom: Date.now() + ctx.state.pullLinkDelayMs
  })
  return { status: 200, body: { sha: merged, merged: true, message: 'Pull Request successfully merged' } }
}
