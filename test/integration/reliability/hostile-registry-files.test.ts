/**
 * Hostile JSON in every file the registry reads from its branch (issue 11): registry.json, the
 * catalog, a model's head, a row shard and a version file, each replaced by hostile bytes (invalid
 * UTF-8, 10,000-deep nesting, NaN, 1e400, prototype-pollution keys, 2 MiB strings…) or by the
 * real document with one field set to a hostile value (property-based), committed outside the
 * tool. Then every read path and two writes run in-process: each answers (exit 0, 1 not found or
 * refused, 2 bad input, 3 integrity: a corrupt registry document) with at most one line on stderr,
 * never an internal error or a hang, and a command that failed leaves the ref and store as they were.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { join } from 'node:path'
import { CATALOG_PATH, headPath, rowsDir, versionFilePath } from '../../../src/domain/layout.js'
import { branchFile, branchPaths, commitOnBranch, resetBranch } from '../../support/branch-edit.js'
import {
  gitOutput,
  makeProjectRepo,
  mreg,
  modelFile,
  registryState,
  removeDir,
  tempDir
} from '../../support/cli-harness.js'
import {
  expectNoPollution,
  expectOneLineError,
  FUZZ_RUNS,
  HOSTILE_JSON_BYTES,
  hostileJsonValue,
  within
} from '../../support/hostile.js'

let repo: string
let work: string
let good: string
let targets: string[]
let newModel: string

beforeAll(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  expect((await mreg(repo, ['init'])).code).toBe(0)
  for (const fill of [1, 2]) {
    const model = await modelFile(work, `m${fill}.pkl`, fill)
    const registered = await mreg(repo, [
      'register',
      model,
      '--type',
      'detector',
      '--metric',
      `f1_score=0.${fill}`
    ])
    expect(registered.code).toBe(0)
  }
  newModel = await modelFile(work, 'new.pkl', 3)
  good = gitOutput(repo, 'rev-parse', 'refs/heads/model-registry')
  const shard = branchPaths(repo).find(p => p.startsWith(`${rowsDir('detector')}/`)) as string
  targets = ['registry.json', CATALOG_PATH, headPath('detector'), shard, versionFilePath('detector', '1.0.0')]
}, 60_000)

afterAll(async () => {
  await removeDir(repo)
  await removeDir(work)
})

/** Every read path, and two writes (`writes`: success may move the branch). */
const COMMANDS: { argv: () => string[]; writes?: boolean }[] = [
  { argv: () => ['list'] },
  { argv: () => ['list', '--stage', 'development', '--min', 'f1_score=0.1'] },
  { argv: () => ['show', 'detector@1.0.0'] },
  { argv: () => ['show', 'detector@latest'] },
  { argv: () => ['fetch', 'detector@1.0.0', '--out', join(work, 'out.bin')] },
  { argv: () => ['history', 'detector'] },
  { argv: () => ['doctor'] },
  { argv: () => ['check', good, 'model-registry'] },
  { argv: () => ['policy', 'show'] },
  { argv: () => ['promote', 'detector@1.0.0', '--to', 'staging'], writes: true },
  { argv: () => ['register', newModel, '--type', 'detector'], writes: true }
]

async function judgeBranch(path: string, content: Buffer | string, what: string): Promise<void> {
  resetBranch(repo, good)
  await commitOnBranch(repo, { [path]: content })
  for (const command of COMMANDS) {
    const argv = command.argv()
    const before = await registryState(repo)
    const context = `${path} = ${what}: mreg ${argv.join(' ')}`
    const result = await within(20_000, context, mreg(repo, argv))
    if (![0, 1, 2, 3].includes(result.code))
      throw new Error(`${context}: exit ${result.code}: ${result.stderr.slice(0, 400)}`)
    if (result.stderr !== '') expectOneLineError(result.stderr, context)
    if (result.code !== 0 || !command.writes) {
      const after = await registryState(repo)
      if (after.ref !== before.ref) throw new Error(`${context}: exit ${result.code} but the branch moved`)
      if (result.code !== 0 && JSON.stringify(after) !== JSON.stringify(before))
        throw new Error(`${context}: a failed command changed the store`)
    }
    expectNoPollution()
  }
}

/** A copy of `doc` with the value at a path chosen by `picks` replaced (or a new key added). */
function mutate(doc: unknown, picks: number[], value: unknown, newKey: string | null): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown
  let node = copy as Record<string, unknown>
  for (const pick of picks) {
    const keys = node !== null && typeof node === 'object' ? Object.keys(node) : []
    if (keys.length === 0) break
    const key = keys[pick % keys.length] as string
    const child = node[key]
    if (child === null || typeof child !== 'object' || pick % 3 === 0) {
      if (newKey !== null) Object.defineProperty(node, newKey, { value, enumerable: true, writable: true })
      else node[key] = value
      return copy
    }
    node = child as Record<string, unknown>
  }
  if (node !== null && typeof node === 'object')
    Object.defineProperty(node, newKey ?? 'extra', { value, enumerable: true, writable: true })
  return copy
}

describe('hostile files on the registry branch', () => {
  test('named hostile bytes in each file the registry reads', async () => {
    // npm test: each content in one file (rotating); stress: every content in every file
    for (const [i, bytes] of HOSTILE_JSON_BYTES.entries()) {
      const files = FUZZ_RUNS === undefined ? [targets[i % targets.length] as string] : targets
      for (const path of files) await judgeBranch(path, bytes, `hostile bytes #${i}`)
    }
  }, 1_200_000)

  test('property: the real document with one field hostile', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        hostileJsonValue(),
        fc.option(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'polluted'), {
          nil: null
        }),
        async (which, picks, value, newKey) => {
          const path = targets[which] as string
          const doc = JSON.parse(branchFile(repo, path, good).toString()) as unknown
          const text = JSON.stringify(mutate(doc, picks, value, newKey), null, 2)
          await judgeBranch(
            path,
            text,
            `field ${JSON.stringify(picks)} := ${JSON.stringify(value)?.slice(0, 60)}`
          )
        }
      ),
      { numRuns: FUZZ_RUNS === undefined ? 15 : Math.ceil(FUZZ_RUNS / 4) }
    )
  }, 1_200_000)

  test('a path on the branch that is a directory where a file belongs, and a file where a directory belongs', async () => {
    const version = versionFilePath('detector', '1.0.0')
    // the version file becomes a tree holding a file; the model's versions tree becomes a blob
    resetBranch(repo, good)
    await judgeBranch(`${version}/inner.json`, '{}', 'a directory')
    await judgeBranch(`models/detector/head.json/x`, '{}', 'head as a directory')
  }, 120_000)
})
