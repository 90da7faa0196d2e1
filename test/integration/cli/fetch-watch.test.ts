/** `mreg fetch --if-changed` (exit 4 when nothing changed) and `--watch --exec` keeping a path at a stage's holder. */
import { beforeAll, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleCli, modelFile, mreg, projectRegistry, testEnv } from '../../support/cli-harness.js'

const project = projectRegistry({ init: false })
let files: string[]

async function ok(args: string[]): Promise<string> {
  const result = await mreg(project.repo, args)
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')

beforeAll(async () => {
  await ok(['init'])
  files = []
  for (let i = 0; i < 3; i++) {
    files.push(await modelFile(project.work, `m${i}.bin`, i + 11))
    await ok(['register', files[i] as string, '--type', 'iforest', '--name', 'fraud'])
  }
  await ok(['promote', 'fraud@1.0.0', '--to', 'staging'])
  await ok(['promote', 'fraud@1.0.0', '--to', 'production'])
}, 120_000)

test('--if-changed: downloads when the holder changed, exits 4 and touches nothing when not', async () => {
  const out = join(project.work, 'current.bin')
  expect((await mreg(project.repo, ['fetch', 'fraud@production', '--out', out, '--if-changed'])).code).toBe(0)
  expect(await sha(out)).toBe(await sha(files[0] as string))
  const again = await mreg(project.repo, [
    '--json',
    'fetch',
    'fraud@production',
    '--out',
    out,
    '--if-changed'
  ])
  expect(again.code).toBe(4)
  expect(JSON.parse(again.stdout)).toMatchObject({ version: '1.0.0', changed: false })
  await ok(['promote', 'fraud@1.0.1', '--to', 'staging'])
  await ok(['promote', 'fraud@1.0.1', '--to', 'production'])
  expect((await mreg(project.repo, ['fetch', 'fraud@production', '--out', out, '--if-changed'])).code).toBe(0)
  expect(await sha(out)).toBe(await sha(files[1] as string))
  expect((await mreg(project.repo, ['fetch', 'fraud@production', '--out', out, '--exec', 'true'])).code).toBe(
    2
  )
})

test('--watch --exec: the path follows production, the command runs with the version in its environment', async () => {
  const bundle = await bundleCli(project.work)
  const out = join(project.work, 'watched.bin')
  const log = join(project.work, 'hook.log')
  const child = spawn(
    process.execPath,
    [
      bundle,
      '--registry',
      project.repo,
      'fetch',
      'fraud@production',
      '--out',
      out,
      '--watch',
      '--exec',
      `echo "$MREG_VERSION $MREG_MODEL_ID" >> ${log}`
    ],
    { env: testEnv(), stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let stderr = ''
  child.stderr.on('data', chunk => (stderr += chunk))
  const closed = new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  const until = async (check: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 10_000
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${stderr}`)
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  }
  try {
    await until(async () => (await sha(out)) === (await sha(files[1] as string)), 'the first fetch')
    await ok(['promote', 'fraud@1.0.2', '--to', 'staging'])
    await ok(['promote', 'fraud@1.0.2', '--to', 'production'])
    await until(async () => (await sha(out)) === (await sha(files[2] as string)), 'the new production holder')
    await until(async () => (await readFile(log, 'utf8')).includes('1.0.2 fraud_'), 'the hook')
    const lines = (await readFile(log, 'utf8')).trim().split('\n')
    expect(lines.map(l => l.split(' ')[0])).toEqual(['1.0.1', '1.0.2'])
    expect(child.exitCode).toBeNull() // still watching
  } finally {
    child.kill('SIGTERM')
    await closed
  }
})
