/**
 * The repository setting "Allow GitHub Actions to create and approve pull requests" (rules.ts:
 * actions-pull-request-setting): off, it refuses the Actions token (GITHUB_TOKEN, acting as
 * github-actions[bot]) creating or approving a pull request, and concerns no other token — a
 * GitHub App's installation token opens the same pull request.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { ALL_WRITE, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { client, failure } from './helpers.js'

const APP_TOKEN = 'ghs_app_token_for_the_setting_test'
let gh: GitHubEmulator

beforeAll(async () => {
  gh = await startGitHubEmulator({ actionsCanCreatePullRequests: false })
  gh.tokens.add(APP_TOKEN, { login: 'mreg-registry[bot]', permissions: ALL_WRITE })
  const octokit = client(gh)
  const repo = { owner: gh.owner, repo: gh.repo }
  const main = await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })
  const parent = await octokit.rest.git.getCommit({ ...repo, commit_sha: main.data.object.sha })
  const tree = await octokit.rest.git.createTree({
    ...repo,
    base_tree: parent.data.tree.sha,
    tree: [{ path: 'change.txt', mode: '100644', type: 'blob', content: 'a change\n' }]
  })
  const commit = await octokit.rest.git.createCommit({
    ...repo,
    message: 'a change',
    tree: tree.data.sha,
    parents: [parent.data.sha]
  })
  await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/topic', sha: commit.data.sha })
})

afterAll(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
})

const open = (token: string) =>
  client(gh, { auth: token }).rest.pulls.create({
    owner: gh.owner,
    repo: gh.repo,
    head: 'topic',
    base: 'main',
    title: 'a change'
  })

test('the Actions token may not open a pull request with the setting off', async () => {
  const refused = await failure(open(gh.token))
  expect(refused.status).toBe(403)
  expect(refused.message).toContain('GitHub Actions is not permitted to create or approve pull requests.')
  expect(gh.requests.at(-1)?.rule).toBe('actions-pull-request-setting')
  expect(gh.state.pulls).toEqual([])
})

test('a GitHub App’s token opens it: the setting concerns the Actions token only', async () => {
  const opened = await open(APP_TOKEN)
  expect(opened.status).toBe(201)
  expect(gh.state.pulls).toHaveLength(1)
})
