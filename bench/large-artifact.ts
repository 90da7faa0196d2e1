/**
 * Large artifacts: a generated file (streamed to disk, never held in memory) registered and
 * fetched through the bundled CLI. Register hashes the file and copies it into the store while
 * hashing again; fetch copies it out while verifying the SHA-256. Each CLI process reports its
 * own peak RSS (process.resourceUsage().maxRSS, from a preloaded module), so memory can be
 * compared across file sizes: it must not grow with the file.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import type { ModelVersion } from '../src/domain/types.js'
import {
  cliEnv,
  log,
  makeRepo,
  mib,
  mreg,
  ms,
  runBenchmark,
  tinyModel,
  type BenchEnv,
  type BenchResult
} from './support/harness.js'

const MiB = 1024 * 1024
const RSS_GROWTH_LIMIT_MIB = 32

/** Writes `bytes` of incompressible data, one 1 MiB chunk at a time; every chunk differs. */
async function generateFile(path: string, bytes: number): Promise<number> {
  const t0 = performance.now()
  const chunk = randomBytes(MiB)
  const handle = await open(path, 'w')
  try {
    for (let offset = 0, i = 0; offset < bytes; offset += MiB, i++) {
      chunk.writeBigUInt64LE(BigInt(i), 0)
      const length = Math.min(MiB, bytes - offset)
      await handle.write(chunk, 0, length, offset)
    }
    // On disk before the clock starts, as a trained model would be: its writeback must not
    // compete with the store's own writes.
    await handle.sync()
  } finally {
    await handle.close()
  }
  return performance.now() - t0
}

/** One SHA-256 pass over the file in this process: what hashing alone costs on this machine. */
async function hashOnce(path: string): Promise<number> {
  const t0 = performance.now()
  const hash = createHash('sha256')
  for await (const data of createReadStream(path, { highWaterMark: MiB })) hash.update(data as Buffer)
  hash.digest('hex')
  return performance.now() - t0
}

interface Measured {
  ms: number
  maxRssMiB: number
  stdout: string
}

/** Runs the CLI with a preloaded module that writes the process's resource usage when it exits. */
async function measuredCli(env: BenchEnv, probe: string, repo: string, args: string[]): Promise<Measured> {
  const usageFile = join(env.tmp, 'usage.json')
  await rm(usageFile, { force: true })
  const result = await mreg(env, repo, args, {
    nodeArgs: ['--import', pathToFileURL(probe).href],
    env: cliEnv({ MREG_BENCH_USAGE: usageFile })
  })
  const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { maxRSS: number }
  // maxRSS is in kilobytes (KiB).
  return { ms: result.ms, maxRssMiB: usage.maxRSS / 1024, stdout: result.stdout }
}

const PROBE = `import { writeFileSync } from 'node:fs'
const out = process.env.MREG_BENCH_USAGE
process.on('exit', () => {
  if (out) writeFileSync(out, JSON.stringify(process.resourceUsage()))
})
`

interface SizeResult {
  label: string
  bytes: number
  generateMs: number
  hashMs: number
  register: Measured
  fetch: Measured
}

async function main(env: BenchEnv): Promise<BenchResult> {
  const started = Date.now()
  const sizes = env.quick ? [64 * MiB, 512 * MiB] : [128 * MiB, 1024 * MiB]
  const probe = join(env.tmp, 'usage-probe.mjs')
  await writeFile(probe, PROBE)
  const repo = await makeRepo(join(env.tmp, 'repo'))
  await mreg(env, repo, ['init'])
  const out = join(env.tmp, 'fetched')
  await mkdir(out)

  // A tiny file first: the memory any mreg register/fetch needs regardless of the file.
  const tiny = await tinyModel(env.tmp, 'tiny.bin', 1)
  const tinyRegister = await measuredCli(env, probe, repo, [
    '--json',
    'register',
    tiny,
    '--type',
    'blob',
    '--name',
    'tiny'
  ])
  const tinyFetch = await measuredCli(env, probe, repo, ['--json', 'fetch', 'tiny@latest', '--out', out])

  const results: SizeResult[] = []
  const problems: string[] = []
  for (const bytes of sizes) {
    const label = bytes >= 1024 * MiB ? `${bytes / 1024 / MiB} GiB` : `${bytes / MiB} MiB`
    const name = `big-${bytes / MiB}m`
    const source = join(env.tmp, `${name}.bin`)
    const generateMs = await generateFile(source, bytes)
    const hashMs = await hashOnce(source)
    log(`${label}: generated in ${ms(generateMs)} ms, one SHA-256 pass ${ms(hashMs)} ms`)
    const register = await measuredCli(env, probe, repo, [
      '--json',
      'register',
      source,
      '--type',
      'blob',
      '--name',
      name
    ])
    const registered = JSON.parse(register.stdout) as ModelVersion
    if (registered.artifact.size !== bytes)
      problems.push(`${label}: registered size ${registered.artifact.size}`)
    await rm(source)
    const fetch = await measuredCli(env, probe, repo, ['--json', 'fetch', `${name}@latest`, '--out', out])
    const fetched = JSON.parse(fetch.stdout) as ModelVersion & { path: string }
    const fetchedSize = (await stat(fetched.path)).size
    if (fetchedSize !== bytes || fetched.checksum !== registered.checksum) {
      problems.push(`${label}: fetched ${fetchedSize} bytes, sha256 ${fetched.checksum}`)
    }
    await rm(fetched.path)
    log(
      `${label}: register ${ms(register.ms)} ms (${mib(register.maxRssMiB * MiB)} MiB RSS), fetch ${ms(fetch.ms)} ms (${mib(fetch.maxRssMiB * MiB)} MiB RSS)`
    )
    results.push({ label, bytes, generateMs, hashMs, register, fetch })
  }

  const rate = (bytes: number, millis: number) => (bytes / MiB / (millis / 1000)).toFixed(0)
  const [small, large] = results as [SizeResult, SizeResult]
  const growth = {
    register: large.register.maxRssMiB - small.register.maxRssMiB,
    fetch: large.fetch.maxRssMiB - small.fetch.maxRssMiB
  }
  const ok = problems.length === 0
  return {
    name: 'large-artifact',
    title: 'Large artifact',
    measures: `a generated file (${results.map(r => r.label).join(' and ')}; written 1 MiB at a time, never held in memory) registered (hash, then copy into the store while hashing again, fsync) and fetched (verified copy out) through the bundled CLI; throughput in MiB/s (wall time of the process, Node start-up included) and the peak RSS of that process (\`process.resourceUsage().maxRSS\` from a preloaded module), against a tiny file.`,
    tables: [
      {
        title: 'Throughput and peak memory of the mreg process',
        columns: [
          'file',
          'register s',
          'register MiB/s',
          'register peak RSS MiB',
          'fetch s',
          'fetch MiB/s',
          'fetch peak RSS MiB',
          'one SHA-256 pass MiB/s (reference)'
        ],
        rows: [
          [
            'tiny (31 B)',
            (tinyRegister.ms / 1000).toFixed(2),
            '–',
            tinyRegister.maxRssMiB.toFixed(1),
            (tinyFetch.ms / 1000).toFixed(2),
            '–',
            tinyFetch.maxRssMiB.toFixed(1),
            '–'
          ],
          ...results.map(r => [
            r.label,
            (r.register.ms / 1000).toFixed(2),
            rate(r.bytes, r.register.ms),
            r.register.maxRssMiB.toFixed(1),
            (r.fetch.ms / 1000).toFixed(2),
            rate(r.bytes, r.fetch.ms),
            r.fetch.maxRssMiB.toFixed(1),
            rate(r.bytes, r.hashMs)
          ])
        ]
      }
    ],
    goals: [
      {
        goal: `memory does not grow with file size: peak RSS at ${large.label} within ${RSS_GROWTH_LIMIT_MIB} MiB of ${small.label} (register and fetch)`,
        measured: `register ${small.register.maxRssMiB.toFixed(0)} → ${large.register.maxRssMiB.toFixed(0)} MiB (${signed(growth.register)}), fetch ${small.fetch.maxRssMiB.toFixed(0)} → ${large.fetch.maxRssMiB.toFixed(0)} MiB (${signed(growth.fetch)})`,
        met: growth.register < RSS_GROWTH_LIMIT_MIB && growth.fetch < RSS_GROWTH_LIMIT_MIB
      },
      {
        goal: `${large.label} registered and fetched intact (size and SHA-256)`,
        measured: ok ? 'yes' : problems.join('; '),
        met: ok
      }
    ],
    notes: [
      'The source file was just written and the store object just stored, so reads mostly come from the page cache: the numbers are CPU (SHA-256) and write/fsync bound, not a cold-disk measurement. Register reads the file twice (hash once, then copy while hashing).',
      `Generating the ${large.label} file took ${(large.generateMs / 1000).toFixed(1)} s (not counted).`
    ],
    ok,
    seconds: (Date.now() - started) / 1000
  }
}

const signed = (mibs: number) => `${mibs >= 0 ? '+' : ''}${mibs.toFixed(1)} MiB`

runBenchmark(main)
