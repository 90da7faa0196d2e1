/**
 * `mreg serve` under load (in-process server over a registry built through the commands):
 * warm latency of one version, resolve and a page of 100 versions; resolve throughput with
 * autocannon; artifact download throughput against reading the file from disk; and how long
 * 200 connected event-stream clients wait for a registration's event.
 */
import { createReadStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { register } from '../src/commands/register.js'
import { startServer } from '../src/serve/server.js'
import { openContext } from '../src/wiring/open-registry.js'
import {
  makeRepo,
  measure,
  mib,
  ms,
  runBenchmark,
  stats,
  tinyModel,
  log,
  type Goal
} from './support/harness.js'
import { init } from '../src/commands/init.js'
import { localContext, testClock } from '../test/support/command-context.js'

// autocannon is a CommonJS package with worker files: load it from the repository's node_modules.
const autocannon = createRequire(join(process.cwd(), 'package.json'))('autocannon') as (
  options: Record<string, unknown>
) => Promise<{ requests: { average: number }; non2xx: number; errors: number }>

runBenchmark(async env => {
  const versions = env.quick ? 300 : 2000
  const repo = await makeRepo(join(env.tmp, 'repo'))
  const clock = testClock('2026-01-01T00:00:00Z')
  const ctx = localContext(repo, clock)
  await init(ctx)
  log(`registering ${versions} versions`)
  const model = await tinyModel(env.tmp, 'tiny.bin', 1)
  for (let i = 0; i < versions; i++) {
    clock.advance(1000)
    await register(ctx, {
      file: model,
      modelType: 'iforest',
      name: 'fraud',
      metrics: { f1_score: (i % 100) / 100 }
    })
  }
  const big = join(env.tmp, 'big.bin')
  const bigBytes = (env.quick ? 64 : 256) * 1024 * 1024
  await writeFile(big, Buffer.alloc(bigBytes, 7))
  clock.advance(1000)
  await register(ctx, { file: big, modelType: 'iforest', name: 'large' })

  const opened = await openContext({ registry: repo, actor: 'bench', pollIntervalMs: 1000 })
  const server = await startServer(opened, { port: 0 })
  const url = server.url
  const get = async (path: string) => {
    const res = await fetch(url + path)
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    await res.arrayBuffer()
  }
  const opts = { warmup: 20, minRuns: 200, maxRuns: 1000, budgetMs: 3000 }
  const one = await measure(() => get('/api/v1/versions/fraud%401.0.7'), opts)
  const resolve = await measure(() => get('/api/v1/resolve?name=fraud&min=f1_score:0.5'), opts)
  const page = await measure(() => get('/api/v1/models/fraud/versions?limit=100'), { ...opts, minRuns: 50 })

  log('autocannon: resolve for 5 s')
  const load = await autocannon({ url: `${url}/api/v1/resolve?name=fraud`, connections: 10, duration: 5 })

  log('artifact download vs disk read')
  const readDisk = () =>
    new Promise<void>((resolve, reject) =>
      createReadStream(big)
        .on('data', () => {})
        .on('end', resolve)
        .on('error', reject)
    )
  await get('/api/v1/versions/large%401.0.0/artifact') // warms the server's verified copy
  const disk = await measure(readDisk, { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 5000 })
  const download = await measure(() => get('/api/v1/versions/large%401.0.0/artifact'), {
    warmup: 1,
    minRuns: 3,
    maxRuns: 5,
    budgetMs: 5000
  })
  const mbps = (s: { median: number }) => bigBytes / 1024 / 1024 / (s.median / 1000)

  log('200 event-stream clients')
  const clients = 200
  const received: number[] = []
  const sockets: Array<() => void> = []
  await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<void>((ready, fail) => {
          const req = request(`${url}/api/v1/events`, res => {
            res.setEncoding('utf8')
            let buffer = ''
            res.once('data', () => ready())
            res.on('data', (chunk: string) => {
              buffer += chunk
              if (buffer.includes('event: registered')) {
                received.push(performance.now())
                buffer = ''
              }
            })
            sockets.push(() => res.destroy())
          })
          req.on('error', fail)
          req.end()
        })
    )
  )
  clock.advance(1000)
  const t0 = performance.now()
  await register(ctx, { file: model, modelType: 'iforest', name: 'fraud' })
  const registered = performance.now()
  while (received.length < clients && performance.now() - t0 < 10_000)
    await new Promise(r => setTimeout(r, 5))
  for (const close of sockets) close()
  await server.close()
  const latencies = stats(received.map(at => at - registered))

  const goals: Goal[] = [
    {
      goal: `serve: warm median ≤ 5 ms for one version (${versions} versions)`,
      measured: ms(one.median),
      met: one.median <= 5
    },
    {
      goal: `serve: warm median ≤ 5 ms for resolve (${versions} versions)`,
      measured: ms(resolve.median),
      met: resolve.median <= 5
    },
    {
      goal: 'serve: warm median ≤ 20 ms for a page of 100 versions',
      measured: ms(page.median),
      met: page.median <= 20
    },
    {
      goal: 'serve: ≥ 2,000 requests/s for resolve',
      measured: `${Math.round(load.requests.average)}/s`,
      met: load.requests.average >= 2000
    },
    {
      goal: 'serve: artifact download ≥ 0.8× disk read throughput',
      measured: `${(mbps(download) / mbps(disk)).toFixed(2)}×`,
      met: mbps(download) / mbps(disk) >= 0.8
    },
    {
      goal: `serve: ${clients} SSE clients get a registration's event within 1 s`,
      measured: `${received.length} got it, slowest ${ms(latencies.max)}`,
      met: received.length === clients && latencies.max <= 1000
    }
  ]
  return {
    name: 'serve',
    title: 'mreg serve: HTTP API, artifact download, event stream',
    measures: `An in-process \`mreg serve\` over ${versions} versions of one model: warm latency (fetch from the same process), resolve throughput (autocannon, 10 connections, 5 s), download of a ${mib(bigBytes)} MiB artifact (verified while streaming) against reading it from disk, and ${clients} event-stream clients' wait for a registration's event (measured from the end of the register call).`,
    tables: [
      {
        title: 'Latency and throughput',
        columns: ['measure', 'median', 'p95', 'runs'],
        rows: [
          ['GET /api/v1/versions/{ref}', ms(one.median), ms(one.p95), String(one.runs)],
          ['GET /api/v1/resolve', ms(resolve.median), ms(resolve.p95), String(resolve.runs)],
          ['GET /api/v1/models/{name}/versions?limit=100', ms(page.median), ms(page.p95), String(page.runs)],
          [
            'resolve, autocannon',
            `${Math.round(load.requests.average)} req/s`,
            '',
            `non-2xx ${load.non2xx}, errors ${load.errors}`
          ],
          ['disk read', `${mbps(disk).toFixed(0)} MiB/s`, '', String(disk.runs)],
          ['artifact download', `${mbps(download).toFixed(0)} MiB/s`, '', String(download.runs)],
          [
            `event latency, ${clients} clients`,
            ms(latencies.median),
            ms(latencies.p95),
            `${received.length} received`
          ]
        ]
      }
    ],
    goals,
    notes: [
      `Run at ${versions} versions (the 100,000-version layout is another issue's); the goals are the issue's.`,
      'Latencies include the client (undici fetch) in the same process as the server.'
    ],
    ok: received.length === clients && load.errors === 0 && load.non2xx === 0,
    seconds: 0
  }
})
