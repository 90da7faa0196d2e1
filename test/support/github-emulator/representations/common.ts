/**
 * JSON shapes shared by many responses: users, the repository, the GitHub Actions app. Every
 * field the description marks required is present; URLs follow GitHub's patterns on the
 * emulator's origins, percent-encoded so they are valid `format: uri` values.
 */
import { createHash } from 'node:crypto'
import type { EmulatorContext } from '../context.js'
import { timestamp } from '../state.js'

export type Json = Record<string, unknown>

/** Well-known ids, so `github-actions[bot]` looks like itself. */
const KNOWN_IDS: Record<string, number> = { 'github-actions[bot]': 41898282, github: 9919 }

export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '')
}

export function userId(login: string): number {
  return KNOWN_IDS[login] ?? createHash('sha256').update(login).digest().readUInt32BE(0) % 100_000_000
}

export function enc(value: string): string {
  return encodeURIComponent(value)
}

/** `/repos/{owner}/{repo}` on the API origin. */
export function repoApi(ctx: EmulatorContext): string {
  return `${ctx.apiUrl}/repos/${enc(ctx.owner)}/${enc(ctx.repo)}`
}

/** `/{owner}/{repo}` on the web origin. */
export function repoWeb(ctx: EmulatorContext): string {
  return `${ctx.serverUrl}/${enc(ctx.owner)}/${enc(ctx.repo)}`
}

/** A `simple-user`. Logins ending in `[bot]` are bots, `github` an organization. */
export function user(ctx: EmulatorContext, login: string): Json {
  const id = userId(login)
  const api = `${ctx.apiUrl}/users/${enc(login)}`
  const bot = login.endsWith('[bot]')
  return {
    login,
    id,
    node_id: nodeId(bot ? 'Bot' : 'User', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: bot
      ? `${ctx.serverUrl}/apps/${enc(login.replace(/\[bot\]$/, ''))}`
      : `${ctx.serverUrl}/${enc(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: bot ? 'Bot' : login === 'github' ? 'Organization' : 'User',
    user_view_type: 'public',
    site_admin: false
  }
}

/** How GitHub relates a user to the repository in author_association. */
/**
 * `author_association` (rule collaborator-permission): OWNER, COLLABORATOR for a user with a role
 * on the repository, NONE for anyone else. It says nothing about the role's level.
 * https://docs.github.com/en/graphql/reference/enums#commentauthorassociation
 */
export function association(ctx: EmulatorContext, login: string): string {
  if (login.toLowerCase() === ctx.owner.toLowerCase()) return 'OWNER'
  return ctx.state.roleOf(login) ? 'COLLABORATOR' : 'NONE'
}

/**
 * The repository, with the union of the fields `full-repository`, `repository` and
 * `minimal-repository` require (none of them forbids extra properties).
 */
export function repository(ctx: EmulatorContext): Json {
  const api = repoApi(ctx)
  const web = repoWeb(ctx)
  const openIssues = ctx.state.pulls.filter(p => p.state === 'open').length
  return {
    id: ctx.repoId,
    node_id: nodeId('Repository', ctx.repoId),
    name: ctx.repo,
    full_name: `${ctx.owner}/${ctx.repo}`,
    owner: user(ctx, ctx.owner),
    private: true,
    visibility: 'private',
    html_url: web,
    description: 'Repository served by the GitHub emulator',
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `${ctx.serverUrl.replace(/^http/, 'git')}/${enc(ctx.owner)}/${enc(ctx.repo)}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@127.0.0.1:${ctx.owner}/${ctx.repo}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${web}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: web,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    subscribers_count: 1,
    network_count: 0,
    size: 0,
    default_branch: ctx.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: timestamp(),
    created_at: ctx.createdAt,
    updated_at: ctx.createdAt,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    allow_forking: false,
    web_commit_signoff_required: false,
    license: null
  }
}

/** The GitHub Actions app, which owns check runs made with GITHUB_TOKEN (`nullable-integration`). */
export function actionsApp(ctx: EmulatorContext): Json {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: nodeId('App', 15368),
    owner: user(ctx, 'github'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${ctx.serverUrl}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: { checks: 'write', contents: 'write', issues: 'write', metadata: 'read' },
    events: []
  }
}
