/**
 * What a token may do: GitHub's fine-grained permission model as the Actions GITHUB_TOKEN (a
 * GitHub App installation token) has it. A token holds a level per permission; each endpoint
 * accepts one or more permission sets, and a refused request gets 403 "Resource not accessible
 * by integration" with `x-accepted-github-permissions` naming the sets, separated by ";" (any one
 * suffices), the permissions within a set by ",".
 *   https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps
 *   https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
 *   https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors
 * Used by the REST pipeline (server.ts); git over HTTP (contents read to fetch, write to push)
 * can use the same `allows`.
 */
export type PermissionLevel = 'none' | 'read' | 'write'

/** The GITHUB_TOKEN's permissions, as a workflow's `permissions:` names them (with `_` for `-`). */
export type PermissionName =
  'actions' | 'checks' | 'contents' | 'issues' | 'metadata' | 'pull_requests' | 'statuses'

export type TokenPermissions = Partial<Record<PermissionName, PermissionLevel>>

/** One acceptable set: every listed permission at (at least) its level. */
export type PermissionSet = Partial<Record<PermissionName, 'read' | 'write'>>

/** A token without restrictions: what the emulator's token has unless a test says otherwise. */
export const ALL_WRITE: TokenPermissions = {
  actions: 'write',
  checks: 'write',
  contents: 'write',
  issues: 'write',
  metadata: 'read',
  pull_requests: 'write',
  statuses: 'write'
}

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 }

/** Metadata read is granted to every token that can see the repository. */
function level(token: TokenPermissions, name: PermissionName): PermissionLevel {
  if (name === 'metadata') return 'read'
  return token[name] ?? 'none'
}

export function allows(token: TokenPermissions, accepted: PermissionSet[]): boolean {
  return accepted.some(set =>
    Object.entries(set).every(([name, needed]) => RANK[level(token, name as PermissionName)] >= RANK[needed])
  )
}

/** `contents=write; pull_requests=write,contents=read`: GitHub's header value. */
export function acceptedHeader(accepted: PermissionSet[]): string {
  return accepted
    .map(set =>
      Object.entries(set)
        .map(([name, needed]) => `${name}=${needed}`)
        .join(',')
    )
    .join('; ')
}

const read = (name: PermissionName): PermissionSet[] => [{ [name]: 'read' }]
const write = (name: PermissionName): PermissionSet[] => [{ [name]: 'write' }]
/** Issue endpoints on a pull request accept either permission. */
const issuesOrPulls = (needed: 'read' | 'write'): PermissionSet[] => [
  { issues: needed },
  { pull_requests: needed }
]

/**
 * The sets each emulated operation accepts, from "Permissions required for GitHub Apps"
 * (https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps).
 * Every operation in handlers/index.ts must be listed: an unlisted one is an emulator error.
 */
export const REQUIRED: Record<string, PermissionSet[]> = {
  'repos/get': read('metadata'),
  'repos/get-collaborator-permission-level': read('metadata'),
  'repos/create-release': write('contents'),
  'repos/list-releases': read('contents'),
  'repos/get-release': read('contents'),
  'repos/update-release': write('contents'),
  'repos/delete-release': write('contents'),
  'repos/get-release-by-tag': read('contents'),
  'repos/get-latest-release': read('contents'),
  'repos/list-release-assets': read('contents'),
  'repos/upload-release-asset': write('contents'),
  'repos/get-release-asset': read('contents'),
  'repos/update-release-asset': write('contents'),
  'repos/delete-release-asset': write('contents'),
  'git/get-ref': read('contents'),
  'git/list-matching-refs': read('contents'),
  'git/create-ref': write('contents'),
  'git/update-ref': write('contents'),
  'git/delete-ref': write('contents'),
  // Git Database and contents (handlers/git-database.ts): "Contents" repository permissions
  'git/get-commit': read('contents'),
  'git/get-tree': read('contents'),
  'git/get-blob': read('contents'),
  'repos/get-content': read('contents'),
  'git/create-blob': write('contents'),
  'git/create-tree': write('contents'),
  'git/create-commit': write('contents'),
  'repos/list-pull-requests-associated-with-commit': read('pull_requests'),
  'pulls/create': write('pull_requests'),
  'pulls/list': read('pull_requests'),
  'pulls/get': read('pull_requests'),
  'pulls/update': write('pull_requests'),
  'pulls/merge': write('contents'),
  'pulls/list-files': read('pull_requests'),
  'pulls/list-reviews': read('pull_requests'),
  'pulls/create-review': write('pull_requests'),
  'repos/create-commit-status': write('statuses'),
  'repos/get-combined-status-for-ref': read('statuses'),
  'repos/list-commit-statuses-for-ref': read('statuses'),
  'checks/create': write('checks'),
  'checks/update': write('checks'),
  'checks/get': read('checks'),
  'checks/list-for-ref': read('checks'),
  'issues/create-comment': issuesOrPulls('write'),
  'issues/list-comments': issuesOrPulls('read'),
  'issues/update-comment': issuesOrPulls('write'),
  'issues/list-labels-on-issue': issuesOrPulls('read'),
  'issues/add-labels': issuesOrPulls('write'),
  'issues/remove-label': issuesOrPulls('write')
}

/** The 403 GitHub sends a token that lacks the permission, or undefined when it may proceed. */
export function permissionRefusal(
  token: TokenPermissions,
  operationId: string
): { accepted: PermissionSet[]; header: string } | undefined {
  const accepted = REQUIRED[operationId]
  if (!accepted) throw new Error(`no permission rule for ${operationId} in permissions.ts`)
  if (allows(token, accepted)) return undefined
  return { accepted, header: acceptedHeader(accepted) }
}
