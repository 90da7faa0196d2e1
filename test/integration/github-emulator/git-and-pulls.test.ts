/**
 * The repository side: the real git CLI pushes over smart HTTP and the refs appear in the API;
 * refs made through the API are fetchable; a pull request is reviewed, checked and merged, and
 * the merge really moves the base branch in the bare repository.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fs from 'node:fs'
import type { Octokit } from '@octokit/rest'
import isogit from 'isomorphic-git'
import http from 'isomorphic-git/http/node'
import { basicHeader, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { client, failure, git } from './helpers.js'

describe('git over smart HTTP, refs and pull requests', () => {
  let gh: GitHubEmulator
  let octokit: Octokit
  let work: string
  let env: NodeJS.ProcessEnv
  const owner = 'acme'
  const repo = 'models'

  /** git with auth given the way actions/checkout does it: http.extraHeader. */
  const run = (...args: string[]): Promise<string> =>
    git(['-c', `http.extraHeader=${basicHeader(gh.token)}`, ...args], { cwd: work, env })

  async function commitFile(branch: string, file: string, content: string): Promise<string> {
    await run('checkout', '-q', '-B', branch, `origin/${branch}`)
    await writeFile(join(work, file), content)
    await run('add', file)
    await run('commit', '-q', '-m', `change ${file} on ${branch}`)
    return run('rev-parse', 'HEAD')
  }

  beforeAll(async () => {
    gh = await startGitHubEmulator()
    octokit = client(gh)
    work = await mkdtemp(join(tmpdir(), 'gh-emulator-work-'))
    // No auth header in the environment: each command passes it with -c.
    env = gh.gitEnv({ GIT_CONFIG_COUNT: '0' })
    // Top-level -c: `git clone -c` would persist the header into the clone's config.
    await git(['-c', `http.extraHeader=${basicHeader(gh.token)}`, 'clone', '-q', gh.gitUrl, work], {
      cwd: tmpdir(),
      env
    })
  })
  afterAll(async () => {
    await gh.close()
    await rm(work, { recursive: true, force: true })
  })
  afterEach(() => expect(gh.validationErrors).toEqual([]))

  test('a push over smart HTTP shows in the refs API, and API refs are fetchable', async () => {
    await run('checkout', '-q', '-b', 'model-registry')
    await writeFile(join(work, 'registry.json'), '{"schema_version":1}\n')
    await run('add', 'registry.json')
    await run('commit', '-q', '-m', 'init registry')
    const sha = await run('rev-parse', 'HEAD')
    await run('tag', 'theft-detector@v1.0.0')
    await run('push', '-q', 'origin', 'model-registry', 'theft-detector@v1.0.0')

    const { data: branch } = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/model-registry' })
    expect(branch).toMatchObject({ ref: 'refs/heads/model-registry', object: { sha, type: 'commit' } })
    const { data: tags } = await octokit.rest.git.listMatchingRefs({
      owner,
      repo,
      ref: 'tags/theft-detector@'
    })
    expect(tags.map(t => t.ref)).toEqual(['refs/tags/theft-detector@v1.0.0'])
    expect((await failure(octokit.rest.git.getRef({ owner, repo, ref: 'heads/nope' }))).status).toBe(404)

    // Unauthenticated git is refused.
    await expect(git(['ls-remote', gh.gitUrl], { cwd: work, env })).rejects.toThrow()

    const { data: created } = await octokit.rest.git.createRef({
      owner,
      repo,
      ref: 'refs/heads/from-api',
      sha
    })
    expect(created.object.sha).toBe(sha)
    expect(await run('ls-remote', 'origin', 'refs/heads/from-api')).toContain(sha)
    expect(
      (await failure(octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/from-api', sha }))).status
    ).toBe(422)

    const main = (await gh.state.refMap())['refs/heads/main'] as string
    const nonFastForward = await failure(
      octokit.rest.git.updateRef({ owner, repo, ref: 'heads/from-api', sha: main })
    )
    expect(nonFastForward.status).toBe(422)
    const { data: forced } = await octokit.rest.git.updateRef({
      owner,
      repo,
      ref: 'heads/from-api',
      sha: main,
      force: true
    })
    expect(forced.object.sha).toBe(main)
    await octokit.rest.git.deleteRef({ owner, repo, ref: 'heads/from-api' })
    await octokit.rest.git.deleteRef({ owner, repo, ref: 'tags/theft-detector@v1.0.0' })
    expect(await run('ls-remote', 'origin')).not.toContain('from-api')
  })

  test('pull request: create, review, status, check run, labels, comment, merge moves the base', async () => {
    await run('fetch', '-q', 'origin')
    const head = await run('rev-parse', 'origin/model-registry')
    await run('checkout', '-q', '-b', 'promote/theft-detector-1.0.0', 'origin/model-registry')
    await writeFile(join(work, 'stage.txt'), 'production\n')
    await run('add', 'stage.txt')
    await run('commit', '-q', '-m', 'promote theft-detector 1.0.0: staging → production')
    const change = await run('rev-parse', 'HEAD')
    await run('push', '-q', 'origin', 'promote/theft-detector-1.0.0')

    const { data: pull } = await octokit.rest.pulls.create({
      owner,
      repo,
      title: 'promote theft-detector 1.0.0 to production',
      head: 'promote/theft-detector-1.0.0',
      base: 'model-registry',
      body: '| metric | value |'
    })
    expect(pull).toMatchObject({ number: 1, state: 'open', head: { sha: change }, base: { sha: head } })
    const { data: detail } = await octokit.rest.pulls.get({ owner, repo, pull_number: pull.number })
    expect(detail).toMatchObject({ mergeable: true, commits: 1, changed_files: 1, additions: 1 })
    const { data: files } = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: pull.number })
    expect(files).toMatchObject([{ filename: 'stage.txt', status: 'added' }])
    const dup = await failure(
      octokit.rest.pulls.create({
        owner,
        repo,
        title: 'again',
        head: 'promote/theft-detector-1.0.0',
        base: 'model-registry'
      })
    )
    expect(dup.status).toBe(422)
    const open = await octokit.rest.pulls.list({
      owner,
      repo,
      base: 'model-registry',
      head: `${owner}:promote/theft-detector-1.0.0`
    })
    expect(open.data.map(p => p.number)).toEqual([pull.number])

    // The token opened it, so it cannot approve it; a human reviewer (test hook) does.
    const self = await failure(
      octokit.rest.pulls.createReview({ owner, repo, pull_number: pull.number, event: 'APPROVE' })
    )
    expect(self.status).toBe(422)
    gh.state.addCollaborator('alice', 'write')
    gh.state.addReview(pull.number, { user: 'alice', state: 'APPROVED' })
    const { data: reviews } = await octokit.rest.pulls.listReviews({ owner, repo, pull_number: pull.number })
    expect(reviews).toMatchObject([{ user: { login: 'alice' }, state: 'APPROVED', commit_id: change }])

    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha: change,
      state: 'pending',
      context: 'model-registry/check'
    })
    await octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha: change,
      state: 'success',
      context: 'model-registry/check',
      description: 'gates passed',
      target_url: 'https://example.com/run/1'
    })
    const { data: combined } = await octokit.rest.repos.getCombinedStatusForRef({
      owner,
      repo,
      ref: 'promote/theft-detector-1.0.0'
    })
    expect(combined).toMatchObject({ state: 'success', total_count: 1, sha: change })

    const { data: run1 } = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'policy',
      head_sha: change,
      status: 'in_progress'
    })
    expect(run1.pull_requests.map(p => p.number)).toEqual([pull.number])
    const { data: done } = await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: run1.id,
      conclusion: 'success',
      output: { title: 'policy', summary: 'all gates pass' }
    })
    expect(done).toMatchObject({ status: 'completed', conclusion: 'success' })

    await octokit.rest.issues.addLabels({
      owner,
      repo,
      issue_number: pull.number,
      labels: ['model-promotion']
    })
    const { data: labels } = await octokit.rest.issues.listLabelsOnIssue({
      owner,
      repo,
      issue_number: pull.number
    })
    expect(labels.map(l => l.name)).toEqual(['model-promotion'])
    const { data: comment } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: pull.number,
      body: 'verdict: pass'
    })
    expect(comment.body).toBe('verdict: pass')

    const { data: associated } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: change
    })
    expect(associated.map(p => p.number)).toEqual([pull.number])

    const { data: merged } = await octokit.rest.pulls.merge({
      owner,
      repo,
      pull_number: pull.number,
      sha: change
    })
    expect(merged.merged).toBe(true)
    await run('fetch', '-q', 'origin')
    expect(await run('rev-parse', 'origin/model-registry')).toBe(merged.sha)
    expect(await run('rev-parse', `${merged.sha}^1`, `${merged.sha}^2`)).toBe(`${head}\n${change}`)
    const { data: after } = await octokit.rest.pulls.get({ owner, repo, pull_number: pull.number })
    expect(after).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: merged.sha })
    const again = await failure(octokit.rest.pulls.merge({ owner, repo, pull_number: pull.number }))
    expect(again.status).toBe(405)
    const { data: byMerge } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: change
    })
    expect(byMerge.map(p => p.number)).toEqual([pull.number])
  })

  test('conflicting pull requests are not mergeable; squash merges write one commit', async () => {
    await run('fetch', '-q', 'origin')
    const a = await commitFile('model-registry', 'registry.json', '{"schema_version":2}\n')
    await run('push', '-q', 'origin', 'HEAD:refs/heads/conflict-a')
    await run('reset', '-q', '--hard', 'origin/model-registry')
    await run('checkout', '-q', '-b', 'conflict-b')
    await writeFile(join(work, 'registry.json'), '{"schema_version":3}\n')
    await run('commit', '-q', '-am', 'other change')
    await run('push', '-q', 'origin', 'conflict-b')
    // conflict-a lands first…
    const { data: first } = await octokit.rest.pulls.create({
      owner,
      repo,
      title: 'a',
      head: 'conflict-a',
      base: 'model-registry'
    })
    const { data: second } = await octokit.rest.pulls.create({
      owner,
      repo,
      title: 'b',
      head: 'conflict-b',
      base: 'model-registry'
    })
    const { data: squashed } = await octokit.rest.pulls.merge({
      owner,
      repo,
      pull_number: first.number,
      merge_method: 'squash'
    })
    await run('fetch', '-q', 'origin')
    expect(await run('rev-list', '--parents', '-n', '1', squashed.sha)).toBe(
      `${squashed.sha} ${await run('rev-parse', `${a}^`)}`
    )
    // …so conflict-b no longer merges.
    const { data: stale } = await octokit.rest.pulls.get({ owner, repo, pull_number: second.number })
    expect(stale).toMatchObject({ mergeable: false, mergeable_state: 'dirty' })
    expect(
      (await failure(octokit.rest.pulls.merge({ owner, repo, pull_number: second.number }))).status
    ).toBe(405)
    const { data: closed } = await octokit.rest.pulls.update({
      owner,
      repo,
      pull_number: second.number,
      state: 'closed'
    })
    expect(closed.state).toBe('closed')
  })

  test('isomorphic-git clones shallow and pushes with Basic x-access-token auth, as the product does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gh-emulator-iso-'))
    try {
      const onAuth = () => ({ username: 'x-access-token', password: gh.token })
      await isogit.clone({ fs, http, dir, url: gh.gitUrl, ref: 'main', singleBranch: true, depth: 1, onAuth })
      await writeFile(join(dir, 'iso.txt'), 'written by isomorphic-git\n')
      await isogit.add({ fs, dir, filepath: 'iso.txt' })
      const author = { name: 'ci-bot', email: 'ci@example.com' }
      const sha = await isogit.commit({ fs, dir, message: 'from isomorphic-git', author })
      const result = await isogit.push({
        fs,
        http,
        dir,
        url: gh.gitUrl,
        ref: 'main',
        remoteRef: 'refs/heads/iso',
        onAuth
      })
      expect(result.ok).toBe(true)
      const { data } = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/iso' })
      expect(data.object.sha).toBe(sha)
      const denied = isogit.push({
        fs,
        http,
        dir,
        url: gh.gitUrl,
        ref: 'main',
        remoteRef: 'refs/heads/iso2',
        onAuth: () => ({ username: 'x', password: 'wrong' }),
        onAuthFailure: () => ({ cancel: true })
      })
      await expect(denied).rejects.toThrow()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('the less travelled endpoints answer responses that match the description', async () => {
    const main = (await gh.state.refMap())['refs/heads/main'] as string
    const { data: none } = await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: main })
    expect(none).toMatchObject({ state: 'pending', total_count: 0 })
    expect((await failure(octokit.rest.repos.getLatestRelease({ owner, repo }))).status).toBe(404)
    const { data: release } = await octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: 'latest@v1.0.0'
    })
    expect((await octokit.rest.repos.getLatestRelease({ owner, repo })).data.id).toBe(release.id)
    const { data: asset } = await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: release.id,
      url: release.upload_url,
      name: 'a b.txt',
      label: 'first',
      data: 'hello' as string,
      headers: { 'content-type': 'text/plain', 'content-length': 5 }
    })
    expect(asset).toMatchObject({ name: 'a.b.txt', label: 'first', content_type: 'text/plain', size: 5 })
    const { data: relabelled } = await octokit.rest.repos.updateReleaseAsset({
      owner,
      repo,
      asset_id: asset.id,
      label: 'second'
    })
    expect(relabelled.label).toBe('second')
    expect((await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id })).data.label).toBe(
      'second'
    )

    await octokit.rest.repos.createCommitStatus({ owner, repo, sha: main, state: 'failure', context: 'a' })
    await octokit.rest.repos.createCommitStatus({ owner, repo, sha: main, state: 'success', context: 'b' })
    const { data: statuses } = await octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: 'main' })
    expect(statuses.map(s => s.context)).toEqual(['b', 'a'])
    expect((await octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: 'main' })).data.state).toBe(
      'failure'
    )
    const { data: check } = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'policy',
      head_sha: main,
      conclusion: 'neutral'
    })
    expect((await octokit.rest.checks.get({ owner, repo, check_run_id: check.id })).data.status).toBe(
      'completed'
    )
    const { data: runs } = await octokit.rest.checks.listForRef({
      owner,
      repo,
      ref: main,
      check_name: 'policy'
    })
    expect(runs.total_count).toBe(1)

    await run('fetch', '-q', 'origin')
    await run('checkout', '-q', '-B', 'side', 'origin/main')
    await writeFile(join(work, 'README.md'), '# models\nmore\n')
    await run('commit', '-q', '-am', 'side change')
    await run('push', '-q', 'origin', 'side')
    const { data: pull } = await octokit.rest.pulls.create({
      owner,
      repo,
      title: 't',
      head: 'side',
      base: 'main'
    })
    const { data: edited } = await octokit.rest.pulls.update({
      owner,
      repo,
      pull_number: pull.number,
      title: 'renamed',
      body: 'b'
    })
    expect(edited).toMatchObject({ title: 'renamed', body: 'b' })
    const { data: comment } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: pull.number,
      body: 'one'
    })
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: comment.id, body: 'two' })
    const { data: comments } = await octokit.rest.issues.listComments({
      owner,
      repo,
      issue_number: pull.number
    })
    expect(comments.map(c => c.body)).toEqual(['two'])
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: pull.number, labels: ['x', 'y'] })
    const { data: left } = await octokit.rest.issues.removeLabel({
      owner,
      repo,
      issue_number: pull.number,
      name: 'x'
    })
    expect(left.map(l => l.name)).toEqual(['y'])
    const { data: rebased } = await octokit.rest.pulls.merge({
      owner,
      repo,
      pull_number: pull.number,
      merge_method: 'rebase'
    })
    expect((await gh.state.refMap())['refs/heads/main']).toBe(rebased.sha)
    const { data: closed } = await octokit.rest.pulls.list({ owner, repo, state: 'closed', base: 'main' })
    expect(closed.map(p => p.number)).toContain(pull.number)
  })
})
