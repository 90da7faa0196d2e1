/**
 * A listing prints from the version files and checks each against the row that selected it
 * (src/commands/registry-reads.ts): a row shard edited outside mreg is named, field by field; a
 * row that says the same in another key order is not a disagreement.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { branchFile, branchPaths, commitOnBranch, resetBranch } from '../../support/branch-edit.js'
import { gitOutput, makeProjectRepo, mreg, modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { expectOneLineError } from '../../support/hostile.js'

let repo: string
let work: string
let good: string
let shardPath: string

interface Shard {
  rows: Record<string, unknown>[]
}

beforeAll(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  expect((await mreg(repo, ['init'])).code).toBe(0)
  const model = await modelFile(work, 'm.pkl', 1)
  const args = ['register', model, '--type', 'detector', '--tag', 'alpha', '--tag', 'beta']
  expect((await mreg(repo, [...args, '--metric', 'f1_score=0.91', '--metric', 'accuracy=0.8'])).code).toBe(0)
  good = gitOutput(repo, 'rev-parse', 'refs/heads/model-registry')
  shardPath = branchPaths(repo).find(path => path.startsWith('models/detector/rows/')) as string
}, 60_000)

afterAll(async () => {
  await removeDir(repo)
  await removeDir(work)
})

async function withRow(edit: (row: Record<string, unknown>) => void) {
  resetBranch(repo, good)
  const shard = JSON.parse(branchFile(repo, shardPath, good).toString()) as Shard
  edit(shard.rows[0] as Record<string, unknown>)
  await commitOnBranch(repo, { [shardPath]: `${JSON.stringify(shard, null, 2)}\n` })
  return mreg(repo, ['list', '--name', 'detector'])
}

test.each([
  ['tags', (row: Record<string, unknown>) => void (row.tags = ['alpha'])],
  ['tags', (row: Record<string, unknown>) => void (row.tags = ['beta', 'alpha'])],
  ['metrics', (row: Record<string, unknown>) => void (row.metrics = { f1_score: 0.99, accuracy: 0.8 })],
  ['metrics', (row: Record<string, unknown>) => void (row.metrics = { f1_score: 0.91 })],
  ['stage', (row: Record<string, unknown>) => void (row.stage = 'production')]
])('a row that differs on %s: exit 3, the field named', async (field, edit) => {
  const result = await withRow(edit)
  expect(result.code).toBe(3)
  expectOneLineError(result.stderr, 'list')
  expect(result.stderr).toContain(`disagrees with the version file`)
  expect(result.stderr).toContain(` on ${field} `)
})

test('the same row with its keys in another order is no disagreement', async () => {
  const result = await withRow(row => {
    const metrics = row.metrics as Record<string, number>
    row.metrics = Object.fromEntries(Object.entries(metrics).reverse())
    const copy = { ...row }
    for (const key of Object.keys(row)) delete row[key]
    Object.assign(row, Object.fromEntries(Object.entries(copy).reverse()))
  })
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  expect(result.stdout).toContain('1.0.0')
})
