/**
 * `mreg check BASE HEAD` on a local repository: the policy check of a change between two commits
 * of the registry branch, with the git CLI playing someone who edits the branch by hand. Locally
 * there is no review channel: approvals and the policy label are reported as not applicable.
 */
import { versionFilePath } from '../../../src/domain/layout.js'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckOutcome } from '../../../src/commands/check.js'
import type { ModelVersion } from '../../../src/domain/types.js'
import { gitOutput, modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'
import { editJson, handCommit } from '../../support/hand-edit.js'

const project = projectRegistry()
const commits: Record<string, string> = {}
const tip = () => gitOutput(project.repo, 'rev-parse', 'model-registry')

beforeAll(async () => {
  commits.init = tip()
  await mregJson(project.repo, [
    'register',
    await modelFile(project.work, 'a.pkl', 1),
    '--type',
    'fraud',
    '--metric',
    'f1=0.9'
  ])
  commits.registered = tip()
  await mregJson(project.repo, ['promote', 'fraud@1.0.0', '--to', 'staging'])
  commits.staging = tip()
  await mregJson(project.repo, ['promote', 'fraud@1.0.0', '--to', 'production'])
  commits.production = tip()
})

/** A commit on the registry branch made by hand with the git CLI. */
const handEdit = (message: string, edit: (dir: string) => Promise<void>): Promise<string> =>
  handCommit(project.repo, 'model-registry', message, edit)

describe('mreg check', () => {
  test('a change outside registry.json and models/ is found (locally a warning: no label to ask for)', async () => {
    // Beside the branch (detached): the later tests build on the branch as it is.
    const head = await handCommit(project.repo, commits.production!, 'replace the check', async dir => {
      await mkdir(join(dir, '.github', 'workflows'), { recursive: true })
      await writeFile(join(dir, '.github', 'workflows', 'check.yml'), 'on: push\n')
    })
    const outcome = await mregJson<CheckOutcome>(project.repo, ['check', commits.production!, head])
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        kind: 'other-file',
        subject: '.github',
        file: '.github'
      })
    ])
  })

  test('a promotion mreg made passes; commits and branch names both project.work', async () => {
    const result = await mreg(project.repo, ['check', commits.registered!, commits.staging!])
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        `Checked ${commits.registered!.slice(0, 12)} → ${commits.staging!.slice(0, 12)}\n` +
        '  fraud@1.0.0: development → staging\n\n' +
        'No review channel here: approvals and the policy label are not checked.\n\n' +
        'Passed: policy passed: fraud 1.0.0: development → staging\n'
    })
    const json = await mregJson<CheckOutcome>(project.repo, ['check', commits.init!, 'model-registry'])
    expect(json).toMatchObject({
      passed: true,
      base: commits.init,
      head: commits.production,
      review: 'not-applicable',
      approvals: null,
      labels: null,
      pull_request: null,
      status: { state: 'success', context: 'model-registry/policy', posted: false }
    })
    expect(json.changes).toEqual([
      { name: 'fraud', version: '1.0.0', model_id: expect.any(String), from: null, to: 'production' }
    ])
  })

  test('gates that need a review channel are reported, not ignored, and do not fail the check', async () => {
    const json = await mregJson<CheckOutcome>(project.repo, ['check', commits.staging!, commits.production!])
    expect(json.passed).toBe(true)
    expect(json.findings.map(f => [f.severity, f.kind, f.gate])).toEqual([
      ['warning', 'gate', 'min_approvals'],
      ['warning', 'gate', 'require_pull_request']
    ])
    const human = await mreg(project.repo, ['check', commits.staging!, commits.production!])
    expect(human.stdout).toContain(
      'warning   gate  fraud@1.0.0  production: 1 approval(s) required: no review channel locally; enforced on pull requests to the registry branch'
    )
  })

  test('a hand edit of a registered field fails with exit 1 and a table of findings', async () => {
    const edited = await handEdit('tamper with the checksum', async dir => {
      const bump = (v: ModelVersion) => (v.checksum = 'f'.repeat(64))
      // The checksum is in no derived file: only the version file changes.
      await editJson<ModelVersion>(join(dir, versionFilePath('fraud', '1.0.0')), bump)
    })
    const result = await mreg(project.repo, ['check', commits.production!, edited])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('SEVERITY  KIND             SUBJECT      DETAIL')
    expect(result.stdout).toContain(
      'error     immutable-field  fraud@1.0.0  $.checksum changed; only deployment_stage, deployed_at, stage_history, tags, notes, archived_at, reason may change after registration'
    )
    expect(result.stdout).toMatch(/\nFailed: fraud@1\.0\.0: \$\.checksum changed; /)
    const json = await mreg(project.repo, ['--json', 'check', commits.production!, edited])
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ passed: false, status: { state: 'failure' } })
    commits.edited = edited
  })

  test('derived rows that no longer match and a policy edit are found; the policy edit is only a warning here', async () => {
    const edited = await handEdit('edit tags and policy by hand', async dir => {
      // Tags may change after registration, but the row shard must follow them.
      await editJson<ModelVersion>(join(dir, versionFilePath('fraud', '1.0.0')), v => (v.tags = ['edited']))
      await editJson<{ retention: { keep_last: number } }>(
        join(dir, 'registry.json'),
        p => (p.retention.keep_last = 3)
      )
    })
    const result = await mreg(project.repo, ['--json', 'check', commits.edited!, edited])
    expect(result.code).toBe(1)
    const outcome = JSON.parse(result.stdout) as CheckOutcome
    expect(outcome.findings.map(f => [f.severity, f.kind])).toEqual([
      ['warning', 'policy-change'],
      ['error', 'index-mismatch']
    ])
  })

  test('a head that is not built on the base is stale: rebuild it rather than read it as reverts', async () => {
    const result = await mreg(project.repo, ['--json', 'check', commits.production!, commits.registered!])
    expect(result.code).toBe(1)
    expect((JSON.parse(result.stdout) as CheckOutcome).findings).toEqual([
      expect.objectContaining({ kind: 'stale-base', subject: 'proposal' })
    ])
  })

  test('an unknown ref is a one-line not-found error', async () => {
    const result = await mreg(project.repo, ['check', 'no-such-ref', 'model-registry'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('mreg: no commit, branch or tag "no-such-ref" in the registry repository\n')
  })
})
