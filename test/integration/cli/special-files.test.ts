/**
 * Special files where mreg expects regular ones (issue 11, known defects 3, 5, 11 and the second
 * half of 12): a FIFO or a device at --out is refused and left alone; a FIFO, /dev/zero, a huge
 * or a deeply nested file as a JSON input is refused in bounded time and memory; a store object
 * replaced by a FIFO, a symlink to /dev/zero, a directory or a file of the wrong size is an
 * integrity failure (exit 3) for fetch and doctor, never a hang and never a temp file left behind.
 * The commands that could hang run as child processes with a deadline, so a hang fails the test.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { lstat, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import {
  bundleCli,
  modelFile,
  mreg,
  mregJson,
  objectPathOf,
  projectRegistry,
  runChild
} from '../../support/cli-harness.js'

const project = projectRegistry()
let bundle: string
let model: string

/** A hang shows as a timeout well below jest's own. */
const DEADLINE_MS = 20_000

beforeAll(async () => {
  bundle = await bundleCli(project.work)
  model = await modelFile(project.work, 'model.pkl', 11)
  expect((await mreg(project.repo, ['register', model, '--type', 'detector'])).code).toBe(0)
})

const mkfifo = (path: string) => execFileSync('mkfifo', [path])
const oneLine = (text: string) => expect(text.trim().split('\n')).toHaveLength(1)

describe('special files at --out', () => {
  test('a FIFO at --out is refused with exit 2 and stays a FIFO', async () => {
    const fifo = join(project.work, 'out.fifo')
    mkfifo(fifo)
    const result = await runChild(
      bundle,
      project.repo,
      ['fetch', 'detector@latest', '--out', fifo],
      undefined,
      {
        timeoutMs: DEADLINE_MS
      }
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/FIFO/)
    oneLine(result.stderr)
    expect((await lstat(fifo)).isFIFO()).toBe(true)
  })

  test('a character device at --out is refused with exit 2 and stays a device', async () => {
    // a null device of our own (mknod needs root; the suite runs as root here, as the defect was found)
    const device = join(project.work, 'null-device')
    execFileSync('mknod', [device, 'c', '1', '3'])
    const result = await mreg(project.repo, ['fetch', 'detector@latest', '--out', device])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/character device/)
    oneLine(result.stderr)
    expect((await lstat(device)).isCharacterDevice()).toBe(true)
  })

  test('a directory at --out still receives the file by its own name', async () => {
    const directory = join(project.work, 'serving')
    await mkdir(directory)
    expect((await mreg(project.repo, ['fetch', 'detector@latest', '--out', directory])).code).toBe(0)
    expect((await readdir(directory)).filter(n => n.endsWith('.pkl'))).toHaveLength(1)
  })
})

describe('JSON input files are read bounded', () => {
  const registerWith = (option: string, path: string) =>
    runChild(bundle, project.repo, ['register', model, '--type', 'detector', option, path], undefined, {
      timeoutMs: DEADLINE_MS
    })

  test.each(['--metrics-file', '--config-file', '--training-file'])(
    '%s naming a FIFO exits 2',
    async option => {
      const fifo = join(project.work, `input${option}.fifo`)
      mkfifo(fifo)
      const before = await mregJson<ModelVersion[]>(project.repo, ['list'])
      const result = await registerWith(option, fifo)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/not a regular file/)
      oneLine(result.stderr)
      expect(await mregJson<ModelVersion[]>(project.repo, ['list'])).toEqual(before)
    }
  )

  test('--config-file /dev/zero exits 2 without reading it', async () => {
    const result = await registerWith('--config-file', '/dev/zero')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/not a regular file/)
  })

  test('a 2 MiB --config-file exits 2 and states the 1 MiB limit', async () => {
    const big = join(project.work, 'big-config.json')
    await writeFile(big, JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }))
    const result = await mreg(project.repo, ['register', model, '--type', 'detector', '--config-file', big])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/larger than 1 MiB/)
    oneLine(result.stderr)
  })

  test('a 10,000-deep --training-file exits 2, not an internal error', async () => {
    const deep = join(project.work, 'deep.json')
    await writeFile(deep, '{"a":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}')
    const result = await mreg(project.repo, [
      'register',
      model,
      '--type',
      'detector',
      '--training-file',
      deep
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/nested more than 64 levels/)
    oneLine(result.stderr)
  })

  test('invalid UTF-8 in --metrics-file exits 2', async () => {
    const bad = join(project.work, 'latin1.json')
    await writeFile(bad, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]))
    const result = await mreg(project.repo, ['register', model, '--type', 'detector', '--metrics-file', bad])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/UTF-8/)
  })
})

describe('a store object that is not a regular file of the recorded size', () => {
  /** Registers fresh bytes under `name` and returns the version and its object path. */
  async function registered(name: string, fill: number): Promise<{ version: ModelVersion; object: string }> {
    const file = await modelFile(project.work, `${name}.bin`, fill)
    const version = await mregJson<ModelVersion>(project.repo, ['register', file, '--type', name])
    return { version, object: objectPathOf(project.repo, version.checksum) }
  }

  async function expectIntegrityFailure(name: string, what: RegExp): Promise<void> {
    const outDir = join(project.work, `out-${name}`)
    await mkdir(outDir)
    const fetched = await runChild(
      bundle,
      project.repo,
      ['fetch', `${name}@latest`, '--out', outDir],
      undefined,
      {
        timeoutMs: DEADLINE_MS
      }
    )
    expect(fetched.code).toBe(3)
    expect(fetched.stderr).toMatch(what)
    oneLine(fetched.stderr)
    expect(await readdir(outDir)).toEqual([]) // no temp file, no partial file
    const doctor = await runChild(bundle, project.repo, ['doctor'], undefined, { timeoutMs: DEADLINE_MS })
    expect(doctor.code).toBe(3)
    expect(doctor.stdout).toContain(`${name}@`)
    expect(doctor.stdout).toMatch(what)
  }

  async function replace(object: string, make: () => Promise<void> | void): Promise<void> {
    await rm(object, { force: true })
    await make()
  }

  test('a FIFO: fetch and doctor exit 3 at once', async () => {
    const { object } = await registered('fifo-object', 21)
    await replace(object, () => void mkfifo(object))
    await expectIntegrityFailure('fifo-object', /FIFO/)
    await rm(object)
  })

  test('a symlink to /dev/zero: fetch and doctor exit 3, nothing is read from it', async () => {
    const { object } = await registered('zero-link', 22)
    await replace(object, () => symlink('/dev/zero', object))
    await expectIntegrityFailure('zero-link', /symbolic link/)
    await rm(object)
  })

  test('a directory: exit 3, not 2', async () => {
    const { object } = await registered('dir-object', 23)
    await replace(object, () => mkdir(object))
    await expectIntegrityFailure('dir-object', /is a directory/)
    await rm(object, { recursive: true })
  })

  test('a regular file of the wrong size: exit 3 naming the path and both sizes', async () => {
    const { object } = await registered('short-object', 24)
    await replace(object, () => writeFile(object, Buffer.alloc(100, 1)))
    await expectIntegrityFailure('short-object', /has 100 bytes, the metadata records 4096/)
    await rm(object)
  })
})
