/**
 * `mreg migrate` at scale: a layout 1 registry (docs/ARCHITECTURE.md before layout 2:
 * models/<name>/<version>.json plus the derived models/<name>/index.json holding every version,
 * as test/fixtures/v1-registry.bundle was written) is made from a layout 2 registry the benchmark
 * built — the same version documents with the layout 1 metadata_path, the policy of that fixture —
 * in one `git fast-import` commit, then migrated by the bundled CLI as one measured process.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join, resolve } from 'node:path'
import type { Writable } from 'node:stream'
import { openObjectSource } from '../../src/registry/object-source.js'
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

/** Streams the layout 2 branch's version files (the product's cat-file reader) into a fast-import of layout 1. */
async function writeLayout1(from: string, to: string, policy: string): Promise<number> {
  // `<mode> blob <oid>\t<path>` per file; the version files' object ids
  const oids = git(from, 'ls-tree', '-r', BRANCH, 'models/')
    .split('\n')
    .flatMap(line => /^\d+ blob ([0-9a-f]{40})\t.+\/versions\/.+\.json$/.exec(line)?.[1] ?? [])
  const importer = spawn('git', ['fast-import', '--quiet'], {
    cwd: to,
    stdio: ['pipe', 'inherit', 'inherit']
  })
  const objects = openObjectSource(join(from, '.git'), 'git-cli')
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
  for (const oid of oids) {
    const { data } = await objects.read(oid, 'blob')
    const doc = JSON.parse(data.toString('utf8')) as Record<string, unknown>
    const name = doc.name as string
    doc.schema_version = 1
    const path1 = `models/${name}/${doc.version as string}.json`
    doc.metadata_path = path1
    const text = JSON.stringify(doc, null, 2) + '\n'
    entries.push([path1, await blob(text)])
    if (!indexes.has(name)) indexes.set(name, [])
    indexes.get(name)?.push(text)
  }
  objects.close()
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
  return oids.length
}
