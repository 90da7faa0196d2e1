/** The operations the emulator implements, by OpenAPI operationId. */
import { notFound, type Handler } from '../context.js'
import { repository } from '../representations/common.js'
import { getCollaboratorPermission } from './collaborators.js'
import { deleteReleaseAsset, getReleaseAsset, listReleaseAssets, updateReleaseAsset } from './assets.js'
import { addLabels, createComment, listComments, listLabels, removeLabel, updateComment } from './issues.js'
import { mergePull } from './merge.js'
import { createPull, getPull, listPullFiles, listPulls, pullsForCommit, updatePull } from './pulls.js'
import { GIT_DATABASE_HANDLERS } from './git-database.js'
import { createRef, deleteRef, getRef, listMatchingRefs, updateRef } from './refs.js'
import {
  createRelease,
  deleteRelease,
  getLatestRelease,
  getRelease,
  getReleaseByTag,
  listReleases,
  updateRelease
} from './releases.js'
import { createReview, listReviews } from './reviews.js'
import {
  combinedStatusForRef,
  createCheckRun,
  createStatus,
  getCheckRun,
  listCheckRunsForRef,
  listStatusesForRef,
  updateCheckRun
} from './statuses.js'
import { uploadReleaseAsset } from './upload.js'

const getRepo: Handler = ctx => ({ status: 200, body: repository(ctx) })

export const HANDLERS: Record<string, Handler> = {
  'repos/get': getRepo,
  'repos/get-collaborator-permission-level': getCollaboratorPermission,
  'repos/create-release': createRelease,
  'repos/list-releases': listReleases,
  'repos/get-release': getRelease,
  'repos/update-release': updateRelease,
  'repos/delete-release': deleteRelease,
  'repos/get-release-by-tag': getReleaseByTag,
  'repos/get-latest-release': getLatestRelease,
  'repos/list-release-assets': listReleaseAssets,
  'repos/upload-release-asset': uploadReleaseAsset,
  'repos/get-release-asset': getReleaseAsset,
  'repos/update-release-asset': updateReleaseAsset,
  'repos/delete-release-asset': deleteReleaseAsset,
  'git/get-ref': getRef,
  'git/list-matching-refs': listMatchingRefs,
  'git/create-ref': createRef,
  'git/update-ref': updateRef,
  'git/delete-ref': deleteRef,
  ...GIT_DATABASE_HANDLERS,
  'repos/list-pull-requests-associated-with-commit': pullsForCommit,
  'pulls/create': createPull,
  'pulls/list': listPulls,
  'pulls/get': getPull,
  'pulls/update': updatePull,
  'pulls/merge': mergePull,
  'pulls/list-files': listPullFiles,
  'pulls/list-reviews': listReviews,
  'pulls/create-review': createReview,
  'repos/create-commit-status': createStatus,
  'repos/get-combined-status-for-ref': combinedStatusForRef,
  'repos/list-commit-statuses-for-ref': listStatusesForRef,
  'checks/create': createCheckRun,
  'checks/update': updateCheckRun,
  'checks/get': getCheckRun,
  'checks/list-for-ref': listCheckRunsForRef,
  'issues/create-comment': createComment,
  'issues/list-comments': listComments,
  'issues/update-comment': updateComment,
  'issues/list-labels-on-issue': listLabels,
  'issues/add-labels': addLabels,
  'issues/remove-label': removeLabel
}

/** Operations whose body is a raw stream, not JSON (read by the handler itself). */
export const STREAMING = new Set(['repos/upload-release-asset'])

/** Only this repository exists; any other owner/repo is 404, as for a token without access. */
export function checkRepository(owner: unknown, repo: unknown, ctx: { owner: string; repo: string }): void {
  if (
    String(owner).toLowerCase() !== ctx.owner.toLowerCase() ||
    String(repo).toLowerCase() !== ctx.repo.toLowerCase()
  ) {
    throw notFound()
  }
}
