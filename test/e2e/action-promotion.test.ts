/**
 * Promotion through pull requests with the Action, run as the runner runs it (the bundle, INPUT_*
 * variables, file commands, the event payload of each workflow) against the GitHub emulator:
 * register → promote (a pull request with a policy status) → merge → apply (push event), the
 * production gate waiting for an approval (check on pull_request, then on pull_request_review),
 * a pull request editing a registered field, a stage change pushed straight to the registry
 * branch, and a rollback. One registry for the whole file; the tests run in order.
 *
 * Each workflow has its own job (runner temp, workspace, registry cache): training, promotion,
 * check and apply, as they would be separate workflows in a repository (docs/workflows/).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Octokit } from '@octokit/rest'
import { versionFilePath } from '../../src/domain/layout.js'
import { readCheckoutVersion, rewriteVersions } from '../support/layout-checkout.js'
import type { ModelVersion } from '../../src/domain/types.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import {
  actionOutputNames,
  bundleAction,
  eventEnv,
  filesContaining,
  newJob,
  pushEvent,
  repositoryPayload,
  ROOT,
  runStep,
  withoutMaskCommands,
  type Bundle,
  type Job,
  type StepRun
} from './support/run-action.js'
import { gitIn, listTree, registryTip, showJson, writeModelFile } from './support/registry-state.js'

const NAME = 'theft-detector'
const BRANCH = 'model-registry'
const CONTEXT = 'model-registry/policy'
const WORKFLOWS = ['apply.yml', 'check.yml']
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

let bundle: Bundle
let gh: GitHubEmulator
let octokit: Octokit
/** One job per workflow: training (init, register), promotion, check, apply. */
let train: Job
let release: Job
let checks: Job
let deploy: Job
const runs: StepRun[] = []

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  // The reviewers have write access (only their approvals count).
  for (const reviewer of ['alice', 'bob']) gh.state.addCollaborator(reviewer, 'write')
  octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl, log: quiet })
  ;[train, release, checks, deploy] = await Promise.all([
    newJob(gh, { actor: 'octo-trainer', runId: '5001' }),
    newJob(gh, { actor: 'release-manager', runId: '5002' }),
    newJob(gh, { actor: 'github-actions[bot]', runId: '5003' }),
    newJob(gh, { actor: 'github-actions[bot]', runId: '5004' })
  ])
})

afterEach(() => {
  expect(gh.validationErrors).toEqual([])
})

afterAll(async () => {
  await Promise.all([train, release, checks, deploy].map(job => job?.dispose()))
  await gh?.close()
  await bundle?.dispose()
})

async function step(job: Job, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const run = await runStep(bundle, job, { inputs, env })
  runs.push(run)
  return run
}

/** The step exited 0 and printed no error annotation; its output is shown when it did not. */
function succeeded(run: StepRun, what: string): StepRun {
  if (run.code !== 0 || run.errors.length > 0)
    throw new Error(`step ${what} exited ${run.code}:\n${run.stdout}\n${run.stderr}`)
  return run
}

/** `::error::` / `::warning::` lines (workflow commands without properties: the step's own messages). */
const plain = (run: StepRun, level: 'error' | 'warning'): string[] =>
  run.stdout.split(/\r?\n/).filter(line => line.startsWith(`::${level}::`))

const policyStatuses = (sha: string): string[] =>
  gh.state.statuses.filter(s => s.sha === sha && s.context === CONTEXT).map(s => s.state)

async function pull(number: number) {
  return (await octokit.rest.pulls.get({ owner: gh.owner, repo: gh.repo, pull_number: number })).data
}

async function promote(reference: string, stage: string): Promise<StepRun> {
  return step(
    release,
    { command: 'promote', reference, stage },
    await dispatchEnv(release, { reference, stage })
  )
}

/** promote/rollback run from a workflow_dispatch on main. */
function dispatchEnv(job: Job, inputs: Record<string, string>): Promise<Record<string, string>> {
  return eventEnv(job, 'workflow_dispatch', {
    inputs,
    ref: 'refs/heads/main',
    repository: repositoryPayload(gh),
    sender: { login: job.actor, type: 'User' },
    workflow: '.github/workflows/promote.yml'
  })
}

type CheckEvent =
  | { name: 'pull_request'; action: 'opened' | 'reopened' | 'synchronize'; sender: string }
  | { name: 'pull_request_review'; reviewer: string; state: 'approved' | 'changes_requested' }

/**
 * The check workflow on the event GitHub sends: `pull_request` (whose sender is a person: pull
 * requests opened with GITHUB_TOKEN trigger nothing) or `pull_request_review`.
 */
async function runCheck(number: number, event: CheckEvent): Promise<StepRun> {
  const pr = await pull(number)
  const common = { pull_request: pr, repository: repositoryPayload(gh) }
  const payload =
    event.name === 'pull_request'
      ? { action: event.action, number, ...common, sender: { login: event.sender, type: 'User' } }
      : {
          action: 'submitted',
          review: {
            id: gh.state.reviews.at(-1)?.id ?? 1,
            user: { login: event.reviewer, type: 'User' },
            state: event.state,
            commit_id: pr.head.sha,
            body: '',
            submitted_at: new Date().toISOString()
          },
          ...common,
          sender: { login: event.reviewer, type: 'User' }
        }
  const env = await eventEnv(checks, event.name, payload, {
    GITHUB_REF: `refs/pull/${number}/merge`,
    GITHUB_HEAD_REF: pr.head.ref,
    GITHUB_BASE_REF: pr.base.ref,
    GITHUB_SHA: pr.head.sha,
    GITHUB_ACTOR: event.name === 'pull_request' ? event.sender : event.reviewer
  })
  return step(checks, { command: 'check' }, env)
}

/** Merges through the API, as a reviewer pressing the button; the registry branch really moves. */
async function merge(
  number: number,
  method: 'merge' | 'squash' | 'rebase' = 'merge'
): Promise<{ before: string; after: string }> {
  const before = (await registryTip(gh)) as string
  const merged = await octokit.rest.pulls.merge({
    owner: gh.owner,
    repo: gh.repo,
    pull_number: number,
    merge_method: method
  })
  expect(merged.data.merged).toBe(true)
  expect(await registryTip(gh)).toBe(merged.data.sha)
  return { before, after: merged.data.sha }
}

/**
 * The apply workflow on the push that moved the registry branch from `before` to `after`, made by
 * a person (merging or pushing): pushes made with GITHUB_TOKEN trigger no workflows.
 */
async function runApply(before: string, after: string, pusher = 'alice'): Promise<StepRun> {
  const env = await eventEnv(
    deploy,
    'push',
    pushEvent(gh, { ref: `refs/heads/${BRANCH}`, before, after, actor: pusher }),
    { GITHUB_REF: `refs/heads/${BRANCH}`, GITHUB_REF_NAME: BRANCH, GITHUB_SHA: after, GITHUB_ACTOR: pusher }
  )
  return step(deploy, { command: 'apply' }, env)
}

interface Changed {
  name: string
  version: string
  model_id: string
  from: string | null
  to: string
  commit: string
}

/** A clone of the registry branch to edit by hand with the git CLI. */
async function cloneRegistry(): Promise<{ dir: string; done: () => Promise<void> }> {
  const dir = await mkdtemp(join(train.root, 'clone-'))
  await gitIn(gh, dir, ['clone', '--quiet', '--branch', BRANCH, gh.gitUrl, '.'])
  return { dir, done: () => rm(dir, { recursive: true, force: true }) }
}

/** Rewrites one version file and the derived files consistently with it, in a clone. */
async function editVersion(dir: string, version: string, edit: (v: ModelVersion) => ModelVersion) {
  const edited = edit(await readCheckoutVersion(dir, NAME, version))
  await rewriteVersions(dir, NAME, [edited])
  return edited
}

describe('promotion through pull requests, with the Action', () => {
  let modelId: string

  test('init, the check and apply workflows committed to the registry branch (as docs/workflows says), register 1.0.0', async () => {
    succeeded(await step(train, { command: 'init' }), 'init')
    // GitHub runs pull_request and push workflows from the registry branch's own commits.
    const clone = await cloneRegistry()
    try {
      await mkdir(join(clone.dir, '.github', 'workflows'), { recursive: true })
      for (const file of WORKFLOWS) {
        await copyFile(join(ROOT, 'docs', 'workflows', file), join(clone.dir, '.github', 'workflows', file))
      }
      await gitIn(gh, clone.dir, ['add', '.github'])
      await gitIn(gh, clone.dir, ['commit', '--quiet', '-m', 'workflows: check and apply'])
      await gitIn(gh, clone.dir, ['push', '--quiet', 'origin', BRANCH])
    } finally {
      await clone.done()
    }
    await writeModelFile(join(train.workspace, 'model.pkl'), 32 * 1024)
    const run = succeeded(
      await step(train, {
        command: 'register',
        'model-path': 'model.pkl',
        name: NAME,
        'model-type': 'isolation_forest',
        version: '1.0.0',
        metrics: '{"f1_score": 0.9}'
      }),
      'register'
    )
    modelId = run.outputs['model-id'] as string
    expect(run.outputs).toMatchObject({ version: '1.0.0', stage: 'development' })
  })

  /** promote → a pull request with a success status; the branch waits for the merge; apply reports the move. */
  async function throughPullRequest(
    number: number,
    from: string,
    to: string,
    method: 'merge' | 'squash'
  ): Promise<void> {
    const tip = await registryTip(gh)
    const run = succeeded(await promote(`${NAME}@1.0.0`, to), `promote ${to}`)
    const url = `${gh.serverUrl}/${gh.owner}/${gh.repo}/pull/${number}`
    expect(run.outputs).toMatchObject({
      'pull-request-number': String(number),
      'pull-request-url': url,
      'policy-status': 'success',
      version: '1.0.0',
      // What is true now: the pull request is open, the version still in `from`.
      stage: from,
      'proposed-stage': to
    })
    const result = run.json as { commit: string; pull_request: { branch: string; base: string } }
    const branch = `mreg/promote/${NAME}/1.0.0-to-${to}`
    expect(result.pull_request).toMatchObject({ branch, base: tip })

    // The pull request on GitHub: against the registry branch, from the proposal branch.
    const record = gh.state.pull(number)
    expect(record).toMatchObject({ base: BRANCH, head: branch, state: 'open', user: 'github-actions[bot]' })
    expect(record?.headSha).toBe(result.commit)
    expect((await pull(number)).title).toBe(`promote ${NAME} 1.0.0: ${from} → ${to}`)
    // The verdict on the head commit, and nothing landed yet.
    expect(policyStatuses(result.commit)).toEqual(['success'])
    expect(gh.state.statuses.at(-1)).toMatchObject({
      sha: result.commit,
      description: `policy passed: ${NAME} 1.0.0: ${from} → ${to}`,
      targetUrl: `${gh.serverUrl}/${gh.owner}/${gh.repo}/actions/runs/${release.runId}`
    })
    expect(await registryTip(gh)).toBe(tip)
    expect((await showJson<ModelVersion>(gh, versionFilePath(NAME, '1.0.0'))).deployment_stage).toBe(from)
    expect(run.summary).toContain(`in [pull request #${number}](${url})`)

    const { before, after } = await merge(number, method)
    const doc = await showJson<ModelVersion>(gh, versionFilePath(NAME, '1.0.0'))
    expect(doc.deployment_stage).toBe(to)
    expect(doc.stage_history.at(-1)).toMatchObject({
      stage: to,
      by: 'release-manager',
      via: `pull/${number}`
    })

    const applied = succeeded(await runApply(before, after), 'apply')
    expect(JSON.parse(applied.outputs.changed as string)).toEqual([
      { name: NAME, version: '1.0.0', model_id: modelId, from, to, commit: after }
    ])
    expect(applied.outputs.unreviewed).toBe('0')
    expect(plain(applied, 'warning')).toEqual([])
    expect(applied.summary).toContain('### Registry push: 1 stage change')
  }

  test('promote to staging opens pull request #1; merged, apply reports the move', async () => {
    await throughPullRequest(1, 'development', 'staging', 'merge')
  })

  test('promote to canary opens pull request #2; squash-merged, apply reports the move', async () => {
    await throughPullRequest(2, 'staging', 'canary', 'squash')
  })

  let production: { number: number; head: string }

  test('to production: pending until approved; check on pull_request keeps it pending, the step passes', async () => {
    const tip = await registryTip(gh)
    const run = succeeded(await promote(`${NAME}@1.0.0`, 'production'), 'promote production')
    expect(run.outputs).toMatchObject({ 'pull-request-number': '3', 'policy-status': 'pending' })
    const head = (run.json as { commit: string }).commit
    production = { number: 3, head }
    expect(policyStatuses(head)).toEqual(['pending'])
    expect(await registryTip(gh)).toBe(tip)

    // Opened with GITHUB_TOKEN, the pull request triggered nothing; the release manager reopens it.
    const checked = await runCheck(3, { name: 'pull_request', action: 'reopened', sender: 'release-manager' })
    expect(checked.code).toBe(0)
    expect(plain(checked, 'error')).toEqual([])
    // Waiting for review is no error: the missing approval is a notice on the version file.
    expect(checked.errors).toEqual([])
    expect(checked.stdout.split(/\r?\n/).filter(line => /^::(notice|warning)/.test(line))).toEqual([
      `::notice file=${versionFilePath(NAME, '1.0.0')}::${NAME}@1.0.0: production: 0 approval(s), 1 required; get the pull request approved`
    ])
    expect(checked.outputs).toMatchObject({ passed: 'false', status: 'pending' })
    expect(policyStatuses(head)).toEqual(['pending', 'pending'])
    expect(checked.summary).toContain('### ⏳ Registry policy: pending — waiting for review')
    expect(checked.summary).toContain('Approvals: none')
  })

  test('approvals that do not count: a reader, an older head, the one who asked for the promotion', async () => {
    gh.state.addCollaborator('reader-rita', 'read')
    gh.state.addCollaborator(release.actor, 'write')
    gh.state.addReview(production.number, { user: 'reader-rita', state: 'APPROVED' })
    gh.state.addReview(production.number, { user: 'bob', state: 'APPROVED', commitId: 'e'.repeat(40) })
    gh.state.addReview(production.number, { user: release.actor, state: 'APPROVED' })
    const checked = await runCheck(production.number, {
      name: 'pull_request_review',
      reviewer: 'reader-rita',
      state: 'approved'
    })
    expect(checked.code).toBe(0)
    expect(checked.outputs).toMatchObject({ passed: 'false', status: 'pending' })
    expect(checked.summary).toContain('Approvals: none')
    expect(policyStatuses(production.head)).toEqual(['pending', 'pending', 'pending'])
  })

  test('an approval by a reviewer, then check on pull_request_review posts success on the head', async () => {
    gh.state.addReview(production.number, { user: 'alice', state: 'APPROVED' })
    const checked = succeeded(
      await runCheck(production.number, {
        name: 'pull_request_review',
        reviewer: 'alice',
        state: 'approved'
      }),
      'check'
    )
    expect(checked.outputs).toMatchObject({ passed: 'true', status: 'success' })
    expect(policyStatuses(production.head)).toEqual(['pending', 'pending', 'pending', 'success'])
    expect(gh.state.statuses.at(-1)).toMatchObject({
      sha: production.head,
      state: 'success',
      description: `policy passed: ${NAME} 1.0.0: canary → production`,
      targetUrl: `${gh.serverUrl}/${gh.owner}/${gh.repo}/actions/runs/${checks.runId}`
    })
    expect(checked.summary).toContain('Approvals: alice')
  })

  test('merged, apply reports the production change, reviewed, though GitHub links the merge a moment later', async () => {
    // GitHub's commit → pull request lookup does not list the merge yet (rules.ts: pull-link-delay);
    // it does from the moment one lookup has been answered without it: apply must ask again.
    gh.state.pullLinkDelayMs = 60_000
    const { before, after } = await merge(production.number).finally(() => (gh.state.pullLinkDelayMs = 0))
    const pull = gh.state.pull(production.number)
    if (!pull) throw new Error('no pull request')
    const unlinked = gh.state.unlinkedAnswers
    const linker = setInterval(() => {
      if (gh.state.unlinkedAnswers > unlinked) pull.linkedFrom = Date.now()
    }, 10)
    const applied = succeeded(await runApply(before, after).finally(() => clearInterval(linker)), 'apply')
    expect(gh.state.unlinkedAnswers).toBeGreaterThan(unlinked)
    expect(JSON.parse(applied.outputs.changed as string)).toEqual([
      { name: NAME, version: '1.0.0', model_id: modelId, from: 'canary', to: 'production', commit: after }
    ])
    expect(applied.outputs.unreviewed).toBe('0')
  })

  test('a pull request editing a registered field fails the check: one-line error, file annotations, failure status', async () => {
    const clone = await cloneRegistry()
    let head: string
    try {
      await gitIn(gh, clone.dir, ['checkout', '--quiet', '-b', 'edit/metrics'])
      await editVersion(clone.dir, '1.0.0', v => ({ ...v, performance_metrics: { f1_score: 0.99 } }))
      await gitIn(gh, clone.dir, ['commit', '--quiet', '-am', 'better metrics, by hand'])
      await gitIn(gh, clone.dir, ['push', '--quiet', 'origin', 'edit/metrics'])
      head = (await gitIn(gh, clone.dir, ['rev-parse', 'HEAD'])).trim()
    } finally {
      await clone.done()
    }
    const opened = await octokit.rest.pulls.create({
      owner: gh.owner,
      repo: gh.repo,
      head: 'edit/metrics',
      base: BRANCH,
      title: 'Better metrics'
    })
    const number = opened.data.number
    expect(opened.data.head.sha).toBe(head)

    const checked = await runCheck(number, { name: 'pull_request', action: 'opened', sender: 'mallory' })
    expect(checked.code).toBe(1)
    expect(checked.outputs).toMatchObject({ passed: 'false', status: 'failure' })
    const file = versionFilePath(NAME, '1.0.0')
    const finding = `${NAME}@1.0.0: $.performance_metrics.f1_score changed; only deployment_stage, deployed_at, stage_history, tags, notes, archived_at, reason may change after registration`
    // The step's failure: exactly one line, saying why.
    expect(plain(checked, 'error')).toEqual([`::error::policy check failed: ${finding}`])
    // The finding as an annotation on the file (shown on the pull request's files).
    expect(checked.errors).toContain(`::error file=${file}::${finding}`)
    expect(checked.errors).toHaveLength(2)
    expect(policyStatuses(head)).toEqual(['failure'])
    // GitHub keeps 140 characters of a status description: the finding, cut with an ellipsis.
    const posted = gh.state.statuses.at(-1)!
    expect(posted).toMatchObject({ sha: head, state: 'failure' })
    expect(posted.description!.length).toBeLessThanOrEqual(140)
    expect(posted.description).toMatch(/…$/)
    expect(finding.startsWith(posted.description!.slice(0, -1))).toBe(true)
    expect(checked.summary).toContain('### ❌ Registry policy: failure')

    await octokit.rest.pulls.update({ owner: gh.owner, repo: gh.repo, pull_number: number, state: 'closed' })
  })

  test('a stage change pushed straight to the registry branch: apply warns, unreviewed 1', async () => {
    await writeModelFile(join(train.workspace, 'model.pkl'), 16 * 1024)
    const registered = succeeded(
      await step(train, {
        command: 'register',
        'model-path': 'model.pkl',
        name: NAME,
        'model-type': 'isolation_forest',
        version: '1.1.0',
        metrics: '{"f1_score": 0.93}'
      }),
      'register 1.1.0'
    )
    const clone = await cloneRegistry()
    let before: string
    let after: string
    try {
      before = (await gitIn(gh, clone.dir, ['rev-parse', 'HEAD'])).trim()
      expect(before).toBe(await registryTip(gh))
      await editVersion(clone.dir, '1.1.0', v => ({
        ...v,
        deployment_stage: 'staging',
        stage_history: [
          ...v.stage_history,
          { stage: 'staging', at: new Date().toISOString(), by: 'mallory', via: 'push' }
        ]
      }))
      await gitIn(gh, clone.dir, ['commit', '--quiet', '-am', 'move 1.1.0 to staging by hand'])
      await gitIn(gh, clone.dir, ['push', '--quiet', 'origin', BRANCH])
      after = (await gitIn(gh, clone.dir, ['rev-parse', 'HEAD'])).trim()
    } finally {
      await clone.done()
    }
    expect(await registryTip(gh)).toBe(after)

    const applied = await runApply(before, after, 'mallory')
    expect(applied.code).toBe(0)
    expect(applied.errors).toEqual([])
    const change = {
      name: NAME,
      version: '1.1.0',
      model_id: registered.outputs['model-id'],
      from: 'development',
      to: 'staging',
      commit: after
    }
    expect(JSON.parse(applied.outputs.changed as string)).toEqual([change])
    expect(applied.outputs.unreviewed).toBe('1')
    expect(plain(applied, 'warning')).toEqual([
      `::warning::${NAME}@1.1.0: development → staging in ${after.slice(0, 12)} did not come through a merged pull request (commit ${after.slice(0, 12)} moved ${NAME}@1.1.0 development → staging without a merged pull request: pushed directly (no pull request found after 7.5 s))`
    ])
    expect(applied.summary).toContain('⚠️ Not through a merged pull request:')
  })

  test('rollback of production goes through a pull request too', async () => {
    // 1.1.0 takes production (1.0.0 is demoted to deprecated), reviewed and rebase-merged.
    const promoted = succeeded(await promote(`${NAME}@1.1.0`, 'production'), 'promote 1.1.0')
    const number = Number(promoted.outputs['pull-request-number'])
    expect(promoted.outputs['policy-status']).toBe('pending')
    gh.state.addReview(number, { user: 'bob', state: 'APPROVED' })
    const { before, after } = await merge(number, 'rebase')
    const applied = succeeded(await runApply(before, after), 'apply')
    expect(
      (JSON.parse(applied.outputs.changed as string) as Changed[])
        .map(c => `${c.version} ${c.from} → ${c.to} ${c.commit}`)
        .sort()
    ).toEqual([`1.0.0 production → deprecated ${after}`, `1.1.0 staging → production ${after}`])
    expect(applied.outputs.unreviewed).toBe('0')

    const tip = await registryTip(gh)
    const run = succeeded(
      await step(
        release,
        { command: 'rollback', name: NAME, stage: 'production' },
        await dispatchEnv(release, { name: NAME, stage: 'production' })
      ),
      'rollback'
    )
    const rollbackNumber = Number(run.outputs['pull-request-number'])
    expect(rollbackNumber).toBeGreaterThan(number)
    expect(run.outputs).toMatchObject({
      'pull-request-url': `${gh.serverUrl}/${gh.owner}/${gh.repo}/pull/${rollbackNumber}`,
      'policy-status': 'pending',
      version: '1.0.0',
      stage: 'deprecated',
      'proposed-stage': 'production'
    })
    // The proposal branch of the earlier (merged) 1.0.0 → production is reused by a new pull request.
    const record = gh.state.pull(rollbackNumber)
    expect(record).toMatchObject({
      base: BRANCH,
      head: `mreg/promote/${NAME}/1.0.0-to-production`,
      state: 'open'
    })
    expect((await pull(rollbackNumber)).title).toBe(`rollback ${NAME} 1.0.0: deprecated → production`)
    expect(policyStatuses(record!.headSha)).toEqual(['pending'])
    expect(await registryTip(gh)).toBe(tip)
    expect((await showJson<ModelVersion>(gh, versionFilePath(NAME, '1.1.0'))).deployment_stage).toBe(
      'production'
    )
  })
})

describe('the whole run', () => {
  test('the workflows on the registry branch survived every change, and doctor finds the registry healthy', async () => {
    expect(await listTree(gh, '.github')).toEqual(WORKFLOWS.map(file => `.github/workflows/${file}`))
    const doctor = succeeded(await step(train, { command: 'doctor' }), 'doctor')
    expect(doctor.json).toMatchObject({ healthy: true })
  })

  test('every output written is declared in action.yml', async () => {
    const declared = await actionOutputNames()
    const written = new Set(runs.flatMap(run => Object.keys(run.outputs)))
    expect([...written].filter(name => !declared.includes(name))).toEqual([])
  })

  test('the token never appears in logs, outputs, summaries or runner files', async () => {
    expect(runs.length).toBeGreaterThanOrEqual(15)
    for (const run of runs) {
      expect(run.stdout.split(/\r?\n/)[0]).toBe(`::add-mask::${gh.token}`)
      expect(withoutMaskCommands(run.stdout)).not.toContain(gh.token)
      expect(run.stderr).not.toContain(gh.token)
      expect(JSON.stringify(run.outputs)).not.toContain(gh.token)
      expect(run.summary).not.toContain(gh.token)
    }
    for (const job of [train, release, checks, deploy]) {
      expect(await filesContaining(job.root, gh.token)).toEqual([])
    }
    const bodies = gh.state.pulls.map(p => `${p.title}\n${p.body ?? ''}`).join('\n')
    expect(bodies).not.toContain(gh.token)
  })
})
