/**
 * Memory must not grow with the model size: a large file goes through hashFile, put and fetch in
 * a child process whose peak RSS is compared with the file size. A control child that reads the
 * whole file into memory proves the measurement would catch a regression.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'

const run = promisify(execFile)

const FILE_BYTES = 512 * 1024 * 1024
// Node itself takes ~45 MB and lazily collected 1 MiB read buffers add a constant ~45 MB more;
// 200 MB leaves room for that on other machines while staying far below the file size.
const RSS_BOUND_KB = 200 * 1024

const CHILD = `
import { readFile } from 'node:fs/promises'
import { LocalArtifactStore, hashFile } from './store.mjs'

const [mode, source, root, out] = process.argv.slice(2)
let result
if (mode === 'control') {
  const bytes = await readFile(source)
  result = { size: bytes.length }
} else {
  const digest = await hashFile(source)
  const store = new LocalArtifactStore({ root })
  const put = await store.put(source, {
    name: 'big', version: '1.0.0', model_id: 'big_1', file_name: 'big_1.bin', media_type: 'application/octet-stream'
  }, digest)
  const fetched = await store.fetch(put.artifact, out)
  result = { digest, stored: put.artifact.sha256, fetched }
}
// maxRSS is in kilobytes
console.log(JSON.stringify({ ...result, maxRSS: process.resourceUsage().maxRSS }))
`

let dir: string
let source: string

async function child(mode: 'stream' | 'control'): Promise<Record<string, unknown> & { maxRSS: number }> {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const { stdout } = await run(
    process.execPath,
    [join(dir, 'child.mjs'), mode, source, join(dir, 'store'), join(dir, 'out.bin')],
    { env, cwd: dir, maxBuffer: 1024 * 1024 }
  )
  return JSON.parse(stdout.trim()) as Record<string, unknown> & { maxRSS: number }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mreg-memory-'))
  await build({
    stdin: {
      contents: `export * from './src/stores/local/local-store.ts'\nexport { hashFile } from './src/stores/hashing.ts'\n`,
      resolveDir: resolve('.'),
      loader: 'ts'
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(dir, 'store.mjs'),
    logLevel: 'silent'
  })
  await writeFile(join(dir, 'child.mjs'), CHILD)
  source = join(dir, 'big.bin')
  // sparse: created instantly, yet every byte is read and hashed like real data
  await writeFile(source, '')
  await truncate(source, FILE_BYTES)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('memory stays flat with file size', () => {
  test('hashFile, put and fetch of a 512 MiB file peak below 200 MB RSS', async () => {
    const result = await child('stream')
    const digest = result.digest as { sha256: string; size: number }
    expect(digest.size).toBe(FILE_BYTES)
    expect(result.stored).toBe(digest.sha256)
    expect(result.fetched).toEqual({ path: join(dir, 'out.bin'), sha256: digest.sha256, size: FILE_BYTES })
    expect(result.maxRSS).toBeLessThan(RSS_BOUND_KB)
  })

  test('control: buffering the whole file does exceed the bound, so the measurement can fail', async () => {
    const result = await child('control')
    expect(result.size).toBe(FILE_BYTES)
    expect(result.maxRSS).toBeGreaterThan(RSS_BOUND_KB)
  })
})
