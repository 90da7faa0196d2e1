/**
 * docs/examples/python-service with the system python3: `mreg serve` (the bundled CLI) and the
 * service as real processes; a promotion reaches the service through the event stream within 2 s.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleCli, makeProjectRepo, mreg, removeDir, tempDir, testEnv } from '../../support/cli-harness.js'

let repo: string
let work: string
const children: ChildProcess[] = []

async function ok(args: string[]): Promise<void> {
  const result = await mreg(repo, args)
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')}: ${result.stderr}`)
}

/** Starts a process and resolves with the first match of `ready` in its output. */
function start(command: string, args: string[], ready: RegExp, stream: 'stdout' | 'stderr'): Promise<string> {
  const child = spawn(command, args, { env: testEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let seen = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} not ready: ${seen}`)), 30_000)
    for (const s of ['stdout', 'stderr'] as const) {
      child[s]?.on('data', chunk => {
        seen += chunk
        const match = s === stream ? ready.exec(seen) : null
        if (match) {
          clearTimeout(timer)
          resolve(match[1] as string)
        }
      })
    }
    child.on('close', code => reject(new Error(`${command} exited ${code}: ${seen}`)))
  })
}

beforeAll(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  await ok(['init'])
  for (const [i, weights] of [
    [0.5, -0.5],
    [2, 1]
  ].entries()) {
    const file = join(work, `model${i}.json`)
    await writeFile(file, JSON.stringify({ weights, bias: 0 }))
    await ok(['register', file, '--type', 'isolation_forest', '--metric', `f1_score=${0.8 + i / 10}`])
  }
  await ok(['promote', 'isolation_forest@1.0.0', '--to', 'staging'])
  await ok(['promote', 'isolation_forest@1.0.0', '--to', 'production'])
}, 120_000)

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM')
  await removeDir(repo)
  await removeDir(work)
})

test('the service loads production, answers, and follows a promotion within 2 s', async () => {
  const cli = await bundleCli(work)
  const api = await start(
    process.execPath,
    [cli, '--registry', repo, 'serve', '--port', '0'],
    /listening on (http:\/\/\S+)/,
    'stderr'
  )
  const port = await start(
    'python3',
    [
      'docs/examples/python-service/service.py',
      '--registry-url',
      api,
      '--model-type',
      'isolation_forest',
      '--port',
      '0'
    ],
    /listening on (\d+)/,
    'stdout'
  )
  const service = `http://127.0.0.1:${port}`
  const current = async () =>
    (await (await fetch(`${service}/models/current`)).json()) as { version: string; checksum: string }
  expect((await current()).version).toBe('1.0.0')
  const predict = async () =>
    (await (
      await fetch(`${service}/predict`, { method: 'POST', body: JSON.stringify({ features: [[1, 1]] }) })
    ).json()) as {
      anomaly_scores: number[]
      version: string
    }
  expect(await predict()).toEqual({ anomaly_scores: [0.5], model_id: expect.any(String), version: '1.0.0' })
  const compared = (await (
    await fetch(`${service}/models/compare`, {
      method: 'POST',
      body: JSON.stringify({ model_ids: ['isolation_forest@1.0.0', 'isolation_forest@1.0.1'] })
    })
  ).json()) as { comparison: { metrics: { metric: string; best: number }[] } }
  expect(compared.comparison.metrics.find(m => m.metric === 'f1_score')?.best).toBe(1)

  await ok(['promote', 'isolation_forest@1.0.1', '--to', 'staging'])
  await ok(['promote', 'isolation_forest@1.0.1', '--to', 'production'])
  const promoted = Date.now()
  while ((await current()).version !== '1.0.1') {
    if (Date.now() - promoted > 2000)
      throw new Error('the service did not load 1.0.1 within 2 s of the promotion')
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  const scored = await predict()
  expect(scored.version).toBe('1.0.1')
  expect(scored.anomaly_scores[0]).toBeCloseTo(1 / (1 + Math.exp(-3)), 10)
  const reload = (await (await fetch(`${service}/models/reload`, { method: 'POST' })).json()) as {
    version: string
  }
  expect(reload).toEqual({ status: 'reloaded', version: '1.0.1' })
})
