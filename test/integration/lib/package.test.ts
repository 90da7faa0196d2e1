/**
 * The library as a consumer gets it: scripts/bundle.mjs builds dist/lib.js and the declarations;
 * the bundle runs from a directory with no node_modules (self-contained), and the declarations
 * type a consumer's code (a wrong call fails to compile).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeProjectRepo, modelFile, mreg, removeDir, tempDir } from '../../support/cli-harness.js'

let out: string
let repo: string

beforeAll(async () => {
  out = await tempDir('mreg-lib-')
  repo = await makeProjectRepo()
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--out', out], { stdio: 'pipe' })
  expect((await mreg(repo, ['init'])).code).toBe(0)
  const file = await modelFile(repo, 'm.bin', 5)
  expect((await mreg(repo, ['register', file, '--type', 'iforest', '--name', 'fraud'])).code).toBe(0)
}, 240_000)

afterAll(async () => {
  await removeDir(out)
  await removeDir(repo)
})

test('dist/lib.js runs with no dependencies installed', async () => {
  const alone = await tempDir('mreg-lib-alone-')
  try {
    await copyFile(join(out, 'lib.js'), join(alone, 'lib.mjs'))
    const script = `import { openRegistry } from './lib.mjs'
const registry = await openRegistry({ registry: ${JSON.stringify(repo)}, actor: 'consumer' })
const [v] = await registry.list({ criteria: { name: 'fraud' } })
try { await registry.show('fraud@9.9.9') } catch (e) { console.log(JSON.stringify({ version: v.version, kind: e.kind })) }`
    await writeFile(join(alone, 'use.mjs'), script)
    const run = spawnSync(process.execPath, ['use.mjs'], {
      cwd: alone,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME }
    })
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ version: '1.0.0', kind: 'not-found' })
  } finally {
    await removeDir(alone)
  }
})

test('the declarations type a consumer: a right call compiles, a wrong one does not', async () => {
  const consumer = await tempDir('mreg-lib-ts-')
  try {
    const types = join(out, 'types', 'lib', 'index.js')
    await writeFile(
      join(consumer, 'good.ts'),
      `import { openRegistry, type ModelVersion, type RegistryChange } from ${JSON.stringify(types)}
export async function main(): Promise<string> {
  const r = await openRegistry({ registry: '.' })
  const v: ModelVersion = await r.show('fraud@production')
  for await (const c of r.watch()) { const k: RegistryChange['kind'] = c.kind; return k + v.version }
  return v.checksum
}\n`
    )
    await writeFile(
      join(consumer, 'bad.ts'),
      `import { openRegistry } from ${JSON.stringify(types)}
export async function main(): Promise<void> { await (await openRegistry()).show(42) }\n`
    )
    const tsc = (file: string) =>
      spawnSync(
        process.execPath,
        [
          'node_modules/typescript/bin/tsc',
          '--noEmit',
          '--strict',
          '--module',
          'nodenext',
          '--target',
          'es2022',
          '--skipLibCheck',
          '--types',
          'node',
          join(consumer, file)
        ],
        { encoding: 'utf8' }
      )
    expect(tsc('good.ts').stdout).toBe('')
    const bad = tsc('bad.ts')
    expect(bad.status).not.toBe(0)
    expect(bad.stdout).toContain("Argument of type 'number' is not assignable to parameter of type 'string'")
  } finally {
    await removeDir(consumer)
  }
})
