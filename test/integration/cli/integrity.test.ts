/** A tampered stored artifact is caught: fetch fails with exit 3 and writes nothing; doctor names it. */
import { beforeAll, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { access, chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { gitOutput, modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry()
let version: ModelVersion
let objectPath: string

beforeAll(async () => {
  version = await mregJson<ModelVersion>(project.repo, [
    'register',
    await modelFile(project.work, 'm.onnx', 3),
    '--type',
    'ranker'
  ])
  objectPath = join(
    project.repo,
    '.git',
    'mreg',
    'objects',
    'sha256',
    version.checksum.slice(0, 2),
    version.checksum
  )
  const bytes = await readFile(objectPath)
  bytes[100] = (bytes[100] as number) ^ 0xff
  await chmod(objectPath, 0o644)
  await writeFile(objectPath, bytes)
})

test('fetch of a tampered artifact exits 3, names both checksums, leaves nothing at --out', async () => {
  const out = join(project.work, 'fetched.onnx')
  const actual = createHash('sha256')
    .update(await readFile(objectPath))
    .digest('hex')
  const result = await mreg(project.repo, ['fetch', 'ranker@latest', '--out', out])
  expect(result.code).toBe(3)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).toContain(version.checksum)
  expect(result.stderr).toContain(actual)
  await expect(access(out)).rejects.toThrow()
})

test('fetch does not clobber an existing file at --out when verification fails', async () => {
  const out = join(project.work, 'existing.onnx')
  await writeFile(out, 'previous content')
  expect((await mreg(project.repo, ['fetch', 'ranker@latest', '--out', out])).code).toBe(3)
  expect(await readFile(out, 'utf8')).toBe('previous content')
})

test('doctor reports the mismatch and exits 3', async () => {
  const result = await mreg(project.repo, ['doctor'])
  expect(result.code).toBe(3)
  expect(result.stdout).toMatch(/checksum-mismatch/)
  expect(result.stdout).toContain(version.checksum)
})

test('promote into a protected stage verifies the artifact first: exit 3, stage unchanged (issue 11 defect 12)', async () => {
  const tipBefore = gitOutput(project.repo, 'rev-parse', 'model-registry')
  const result = await mreg(project.repo, ['promote', 'ranker@latest', '--to', 'staging'])
  expect(result.code).toBe(3)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).toMatch(
    /cannot promote ranker@1\.0\.0 to staging: its stored artifact has sha256 [0-9a-f]{64}/
  )
  expect(gitOutput(project.repo, 'rev-parse', 'model-registry')).toBe(tipBefore)
  expect((await mregJson<ModelVersion>(project.repo, ['show', 'ranker@latest'])).deployment_stage).toBe(
    'development'
  )
})

test('promote into an unprotected stage does not need the bytes (deprecating a broken version works)', async () => {
  expect((await mreg(project.repo, ['promote', 'ranker@latest', '--to', 'deprecated'])).code).toBe(0)
})
