/**
 * doctor's lost-version check (src/commands/lost-versions.ts), bounded by the commit it last
 * vouched for: a version an ordinary commit dropped is reported whether it was registered before
 * or after that commit (issue 11, defect 7), versions removed on purpose (delete --force, cleanup
 * in remove mode, a delete merged from another branch) never are, and the marker really bounds
 * the walk.
 */
import { expect, test } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { versionFilePath } from '../../../src/domain/layout.js'
import type { ModelVersion } from '../../../src/domain/types.js'
import { gitOutput, modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry()

interface Outcome {
  healthy: boolean
  findings: { kind: string; subject: string; message: string }[]
}

let files = 0
async function register(name = 'detector'): Promise<ModelVersion> {
  const file = await modelFile(project.work, `m${++files}.bin`, files)
  return mregJson<ModelVersion>(project.repo, ['register', file, '--type', name])
}

async function doctor(): Promise<{ code: number; outcome: Outcome }> {
  const result = await mreg(project.repo, ['--json', 'doctor'])
  return { code: result.code, outcome: JSON.parse(result.stdout) as Outcome }
}

const tip = () => gitOutput(project.repo, 'rev-parse', 'model-registry')
const markerPath = () => join(project.repo, '.git', 'mreg', 'state', 'doctor-vouched')
const marker = async () => (await readFile(markerPath(), 'utf8')).trim()

/** What a commit from a worktree whose index still held `stale` records: that tree on the tip. */
function staleCommit(stale: string): string {
  const commit = gitOutput(project.repo, 'commit-tree', `${stale}^{tree}`, '-p', tip(), '-m', 'edit by hand')
  gitOutput(project.repo, 'update-ref', 'refs/heads/model-registry', commit)
  return commit
}

const lostOnly = (outcome: Outcome) =>
  outcome.findings.filter(f => f.kind === 'lost-version').map(f => f.subject)

test('a clean run vouches for the tip; a version dropped after it is still caught, and nothing new is vouched', async () => {
  await register()
  expect((await doctor()).code).toBe(0)
  const vouched = tip()
  expect(await marker()).toBe(`${vouched} model-registry`)

  const dropped = await register()
  staleCommit(vouched)
  const { code, outcome } = await doctor()
  expect(code).toBe(3)
  expect(outcome.healthy).toBe(false)
  expect(outcome.findings).toEqual([
    expect.objectContaining({
      kind: 'lost-version',
      subject: `detector@${dropped.version}`,
      message: expect.stringMatching(
        /^registered in commit [0-9a-f]{12} .*git checkout [0-9a-f]{12} -- models\//
      )
    })
  ])
  expect(await marker()).toBe(`${vouched} model-registry`)

  // undoing the commit that dropped it: healthy again, and the new tip is vouched
  gitOutput(project.repo, 'update-ref', 'refs/heads/model-registry', 'model-registry~1')
  expect((await doctor()).outcome.findings).toEqual([])
  expect(await marker()).toBe(`${tip()} model-registry`)
})

test('a version registered before the vouched commit and dropped after it is caught', async () => {
  const before = tip()
  const early = await register()
  expect((await doctor()).code).toBe(0)
  const vouched = tip()
  const late = await register()
  staleCommit(before)
  const { code, outcome } = await doctor()
  expect(code).toBe(3)
  expect(lostOnly(outcome).sort()).toEqual([`detector@${early.version}`, `detector@${late.version}`].sort())
  const earlyFinding = outcome.findings.find(f => f.subject === `detector@${early.version}`)
  expect(earlyFinding?.message).toContain(`present at commit ${vouched.slice(0, 12)}`)
  gitOutput(project.repo, 'update-ref', 'refs/heads/model-registry', 'model-registry~1')
  expect((await doctor()).code).toBe(0)
})

test('the marker bounds the walk: history before the vouched commit is not read again', async () => {
  const before = tip()
  const dropped = await register()
  const stale = staleCommit(before)
  expect(lostOnly((await doctor()).outcome)).toEqual([`detector@${dropped.version}`])
  // vouching for the commit that dropped it (by hand, as no clean run would) hides the older loss:
  // the run reads only what is present there and the commits since
  await writeFile(markerPath(), `${stale} model-registry\n`)
  expect((await doctor()).outcome.findings).toEqual([])
  // a marker the branch does not descend from says nothing about it: the whole history is read
  const elsewhere = gitOutput(project.repo, 'commit-tree', `${before}^{tree}`, '-m', 'unrelated')
  await writeFile(markerPath(), `${elsewhere} model-registry\n`)
  expect(lostOnly((await doctor()).outcome)).toEqual([`detector@${dropped.version}`])
  // a marker for another branch is not this one's
  await writeFile(markerPath(), `${stale} other-branch\n`)
  expect(lostOnly((await doctor()).outcome)).toEqual([`detector@${dropped.version}`])
  gitOutput(project.repo, 'update-ref', 'refs/heads/model-registry', 'model-registry~1')
  expect((await doctor()).code).toBe(0)
})

test('delete --force and cleanup in remove mode are never reported as lost, with or without a marker', async () => {
  const doomed = await register('scorer')
  expect((await mreg(project.repo, ['promote', `scorer@${doomed.version}`, '--to', 'staging'])).code).toBe(0)
  expect((await doctor()).code).toBe(0)
  expect((await mreg(project.repo, ['delete', `scorer@${doomed.version}`, '--force'])).code).toBe(0)

  for (let i = 0; i < 3; i++) await register('ranker')
  expect((await mreg(project.repo, ['policy', 'set', 'retention.mode', 'remove'])).code).toBe(0)
  const cleanup = await mreg(project.repo, ['cleanup', '--keep-last', '1'])
  expect(cleanup.code).toBe(0)
  expect(gitOutput(project.repo, 'log', '-1', '--format=%s', 'model-registry')).toMatch(
    /^cleanup: remove \d+ versions$/
  )
  expect(await mregJson<unknown[]>(project.repo, ['list', '--name', 'ranker'])).toHaveLength(1)

  expect((await doctor()).outcome.findings).toEqual([])
  await writeFile(markerPath(), '')
  expect((await doctor()).outcome.findings).toEqual([])
})

test('a delete that reaches the branch through a merge commit (a merged pull request) is not lost', async () => {
  const doomed = await register('merged')
  expect((await doctor()).code).toBe(0)
  const base = tip()
  gitOutput(project.repo, 'branch', 'side', base)
  expect((await mreg(project.repo, ['--branch', 'side', 'delete', `merged@${doomed.version}`])).code).toBe(0)
  const side = gitOutput(project.repo, 'rev-parse', 'side')
  const merge = gitOutput(
    project.repo,
    'commit-tree',
    `${side}^{tree}`,
    '-p',
    base,
    '-p',
    side,
    '-m',
    'Merge pull request #1 from acme/side'
  )
  gitOutput(project.repo, 'update-ref', 'refs/heads/model-registry', merge, base)
  const paths = gitOutput(project.repo, 'ls-tree', '-r', '--name-only', 'model-registry').split('\n')
  expect(paths).not.toContain(versionFilePath('merged', doomed.version))
  expect((await doctor()).outcome.findings).toEqual([])
  await writeFile(markerPath(), '')
  expect((await doctor()).outcome.findings).toEqual([])
})
