/**
 * `mreg migrate` at scale: a layout 1 registry (docs/ARCHITECTURE.md before layout 2:
 * models/<name>/<version>.json plus the derived models/<name>/index.json holding every version,
 * as test/fixtures/v1-registry.bundle was written) is made from a layout 2 registry the benchmark
 * built — the same version documents with the layout 1 metadata_path, the policy of that fixture —
 * in one `git fast-import` commit, then migrated by the bundled CLI as one measured process.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import type { Writable } from 'node:stream'
import { git, log, makeRepo, runMeasured, type BenchEnv, type MeasuredRun } from './harness.js'
import { fmt } from './scale-measure.js'

const BRANCH = 'model-registry'
const V1_FIXTURE = resolve('test/fixtures/v1-registry.bundle')

export interface MigrateRun {
  versions: number
  buildMs: number
  run: MeasuredRun
}

export async function measureMigrate(env: BenchEnv, layout2Repo: string, dir: string): Promise<MigrateRun> {
  const t0 = performance.now()
  const repo = await makeRepo(dir)
  git(repo, 'fetch', '-q', V1_FIXTURE, `${BRANCH}:refs/v1-fixture`)
  const policy = git(repo, 'show', 'refs/v1-fixture:registry.json')
  git(repo, 'update-ref', '-d', 'refs/v1-fixture')
  const versions = await writeLayout1(layout2Repo, repo, policy)
  const buildMs = performance.now() - t0
  log(
    `migrate: layout 1 registry of ${fmt(versions)} versions written in ${(buildMs / 1000).toFixed(1)} s; migrating`
  )
  const run = await runMeasured(process.execPath, [env.cli, '--registry', repo, '--json', 'migrate'], {
    cwd: repo
  })
  if (run.code !== 0) throw new Error(`mreg migrate exited ${run.code}: ${run.stderr.trim()}`)
  const outcome = JSON.parse(run.stdout) as { versions: number; changed: boolean }
  if (!outcome.changed || outcome.versions !== versions)
    throw new Error(`mreg migrate migrated ${outcome.versions} of ${versions} versions`)
  log(`migrate: ${(run.ms / 1000).toFixed(1)} s, peak RSS ${(run.peakRss / 1024 / 1024).toFixed(0)} MiB`)
  return { versions, buildMs, run }
}

/** Streams the layout 2 branch's version files through `git cat-file --batch` into a fast-import of layout 1. */
async function writeLayout1(from: string, to: string, policy: string): Promise<number> {
  const paths = git(from, 'ls-tree', '-r', '--name-only', BRANCH, 'models/')
    .split('\n')
    .filter(p => /\/versions\/.+\.json$/.test(p))
  const importer = spawn('git', ['fast-import', '--quiet'], {
    cwd: to,
    stdio: ['pipe', 'inherit', 'inherit']
  })
  const reader = spawn('git', ['cat-file', '--batch'], { cwd: from, stdio: ['pipe', 'pipe', 'inherit'] })
  const out = importer.stdin as Writable
  const write = async (chunk: string | Buffer): Promise<void> => {
    if (!out.write(chunk)) await once(out, 'drain')
  }
  let mark = 0
  const blob = async (text: string): Promise<number> => {
    const bytes = Buffer.from(text)
    await write(`blob\nmark :${++mark}\ndata ${bytes.length}\n`)
    await write(bytes)
    await write('\n')
    return mark
  }
  const entries: [string, number][] = [['registry.json', await blob(policy)]]
  const indexes = new Map<string, string[]>()
  const objects = readBatch(reader.stdout)
  for (const path of paths) {
    reader.stdin.write(`${BRANCH}:${path}\n`)
    const doc = JSON.parse((await objects.next()).value as string) as Record<string, unknown>
    const name = doc.name as string
    doc.schema_version = 1
    const path1 = `models/${name}/${doc.version as string}.json`
    doc.metadata_path = path1
    const text = JSON.stringify(doc, null, 2) + '\n'
    entries.push([path1, await blob(text)])
    if (!indexes.has(name)) indexes.set(name, [])
    indexes.get(name)?.push(text)
  }
  reader.stdin.end()
  for (const [name, docs] of indexes) {
    const index = `{"schema_version":1,"name":${JSON.stringify(name)},"versions":[${docs.join(',')}]}\n`
    entries.push([`models/${name}/index.json`, await blob(index)])
  }
  const message = 'layout 1 registry for the migrate benchmark'
  await write(`commit refs/heads/${BRANCH}\ncommitter mreg <mreg@localhost> 1700000000 +0000\n`)
  await write(`data ${Buffer.byteLength(message)}\n${message}\n`)
  for (const [path, m] of entries) await write(`M 100644 :${m} ${path}\n`)
  await write('\n')
  out.end()
  const [code] = (await once(importer, 'close')) as [number]
  if (code !== 0) throw new Error(`git fast-import exited ${code}`)
  return paths.length
}

/** The bodies of `git cat-file --batch` answers, in order. */
async function* readBatch(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  let buffer: Buffer = Buffer.alloc(0)
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk])
    for (;;) {
      const newline = buffer.indexOf(10)
      if (newline < 0) break
      const size = Number(buffer.subarray(0, newline).toString().split(' ')[2])
      if (buffer.length < newline + 1 + size + 1) break
      yield buffer.subarray(newline + 1, newline + 1 + size).toString()
      buffer = buffer.subarray(newline + 2 + size)
    }
  }
}
