/**
 * The registry branch checked out in a working tree (issue 11, known defect 7): mreg refuses to
 * move it, as `git branch -f` refuses, instead of leaving that tree's index behind so that the
 * next ordinary commit there drops the new versions; and doctor, comparing with the history,
 * reports versions that vanished without a delete or cleanup instead of calling them healthy.
 */
import { beforeAll, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { gitOutput, modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry()

beforeAll(async () => {
  expect(
    (await mreg(project.repo, ['register', await modelFile(project.work, 'a.bin', 1), '--type', 'detector']))
      .code
  ).toBe(0)
})

test('register refuses to move the branch under a linked worktree that has it checked out', async () => {
  const worktree = join(project.work, 'registry-tree')
  gitOutput(project.repo, 'worktree', 'add', '-q', worktree, 'model-registry')
  try {
    const tip = gitOutput(project.repo, 'rev-parse', 'model-registry')
    const result = await mreg(project.repo, [
      'register',
      await modelFile(project.work, 'b.bin', 2),
      '--type',
      'detector'
    ])
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain(`checked out in the working tree ${worktree}`)
    expect(gitOutput(project.repo, 'rev-parse', 'model-registry')).toBe(tip)
    expect(gitOutput(worktree, 'status', '--porcelain')).toBe('')
  } finally {
    gitOutput(project.repo, 'worktree', 'remove', '--force', worktree)
  }
  // with the worktree gone, registering works again
  expect(
    (await mreg(project.repo, ['register', await modelFile(project.work, 'c.bin', 3), '--type', 'detector']))
      .code
  ).toBe(0)
})

test('register refuses when the main working tree has the branch checked out', async () => {
  gitOutput(project.repo, 'checkout', '-q', 'model-registry')
  try {
    const result = await mreg(project.repo, [
      'register',
      await modelFile(project.work, 'd.bin', 4),
      '--type',
      'detector'
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`checked out in the working tree ${project.repo}`)
  } finally {
    gitOutput(project.repo, 'checkout', '-q', 'main')
  }
})

test('doctor reports versions an ordinary commit dropped (no delete or cleanup), exit 3', async () => {
  const before = gitOutput(project.repo, 'rev-parse', 'model-registry')
  expect(
    (await mreg(project.repo, ['register', await modelFile(project.work, 'e.bin', 5), '--type', 'detector']))
      .code
  ).toBe(0)
  const after = gitOutput(project.repo, 'rev-parse', 'model-registry')
  const lost = (await mregJson<{ version: string }[]>(project.repo, ['list']))[0]?.version
  // what a commit from a worktree whose index still held the old tip records: the old tree on the new tip
  const stale = gitOutput(
    project.repo,
    'commit-tree',
    `${before}^{tree}`,
    '-p',
    after,
    '-m',
    'edit notes by hand'
  )
  gitOutput(project.repo, 'update-ref', 'refs/heads/model-registry', stale, after)

  const result = await mreg(project.repo, ['--json', 'doctor'])
  expect(result.code).toBe(3)
  const outcome = JSON.parse(result.stdout) as {
    healthy: boolean
    findings: { kind: string; subject: string }[]
  }
  expect(outcome.healthy).toBe(false)
  expect(outcome.findings).toEqual([
    expect.objectContaining({ kind: 'lost-version', subject: `detector@${lost}` })
  ])
  expect((await mreg(project.repo, ['doctor'])).stdout).toMatch(
    /git checkout [0-9a-f]{12} -- models\/detector\//
  )
})

test('a version removed by delete is not reported as lost', async () => {
  gitOutput(
    project.repo,
    'update-ref',
    'refs/heads/model-registry',
    gitOutput(project.repo, 'rev-parse', 'model-registry~1')
  )
  const [latest] = await mregJson<{ version: string }[]>(project.repo, ['list'])
  expect((await mreg(project.repo, ['delete', `detector@${latest?.version}`, '--force'])).code).toBe(0)
  expect((await mregJson<{ findings: unknown[] }>(project.repo, ['doctor'])).findings).toEqual([])
})
