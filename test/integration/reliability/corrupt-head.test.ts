/**
 * A model's head.json edited outside the tool (issue 11): an empty-string version, no stages or
 * types at all (a model always has at least one version), or a stage holder naming a version
 * that has no version file. Reads and promotions of a model with a production holder answer exit 3 (a corrupt registry document) in one line naming head.json,
 * never an internal error (exit 70), and leave the branch where it was.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { headPath, versionFilePath } from '../../../src/domain/layout.js'
import { branchFile, commitOnBranch, resetBranch } from '../../support/branch-edit.js'
import { gitOutput, makeProjectRepo, mreg, modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { expectOneLineError } from '../../support/hostile.js'

let repo: string
let work: string
let good: string

beforeAll(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  expect((await mreg(repo, ['init'])).code).toBe(0)
  for (const fill of [1, 2]) {
    const model = await modelFile(work, `m${fill}.pkl`, fill)
    expect(
      (await mreg(repo, ['register', model, '--type', 'detector', '--metric', `f1_score=0.9${fill}`])).code
    ).toBe(0)
  }
  for (const stage of ['staging', 'production']) {
    const promoted = await mreg(repo, ['promote', 'detector@1.0.0', '--to', stage])
    expect(promoted.stderr).toBe('')
    expect(promoted.code).toBe(0)
  }
  good = gitOutput(repo, 'rev-parse', 'refs/heads/model-registry')
}, 60_000)

afterAll(async () => {
  await removeDir(repo)
  await removeDir(work)
})

type Head = Record<string, unknown> & { stages: Record<string, { count: number; newest: string }> }

/** Each edit, and the version file a message must also name (when the head points at one that is missing). */
const EDITS: [string, (head: Head) => void, string | undefined][] = [
  [
    'production holder ""',
    head => void ((head.stages.production as { newest: string }).newest = ''),
    undefined
  ],
  ['newest ""', head => void (head.newest = ''), undefined],
  ['highest ""', head => void (head.highest = ''), undefined],
  ['latest ""', head => void (head.latest = ''), undefined],
  ['stages {}', head => void (head.stages = {}), undefined],
  ['types {}', head => void (head.types = {}), undefined],
  [
    'production holder without a version file',
    head => void ((head.stages.production as { newest: string }).newest = '9.9.9'),
    versionFilePath('detector', '9.9.9')
  ]
]

const COMMANDS = [
  ['promote', 'detector@1.0.1', '--to', 'staging'],
  ['promote', 'detector@1.0.1', '--to', 'production'],
  ['show', 'detector@production']
]

describe('a corrupt head.json', () => {
  test.each(EDITS)(
    '%s: exit 3 naming head.json, branch unchanged',
    async (_what, edit, missingFile) => {
      const head = JSON.parse(branchFile(repo, headPath('detector'), good).toString()) as Head
      edit(head)
      resetBranch(repo, good)
      await commitOnBranch(repo, { [headPath('detector')]: JSON.stringify(head, null, 2) + '\n' })
      const edited = gitOutput(repo, 'rev-parse', 'refs/heads/model-registry')
      for (const argv of COMMANDS) {
        const result = await mreg(repo, argv)
        const context = `mreg ${argv.join(' ')}: ${result.stderr}`
        expect([context, result.code]).toEqual([context, 3])
        expectOneLineError(result.stderr, context)
        expect(result.stderr).toContain(headPath('detector'))
        if (missingFile !== undefined) expect(result.stderr).toContain(missingFile)
        expect(gitOutput(repo, 'rev-parse', 'refs/heads/model-registry')).toBe(edited)
      }
    },
    60_000
  )
})
