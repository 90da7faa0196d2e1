/**
 * User-caused repository states are user errors, never internal errors (issue 11, known defect
 * 8): a registry ref that is symbolic, garbage, empty, or names a blob, a tree or a missing
 * commit or tree; a check against the zero commit; a 100 KB --branch; a full disk while writing
 * Git objects; a read-only objects directory or refs/heads. Each gets one line and exit 1–3, and
 * leaves the branch where it was.
 *
 * The disk cases mount small tmpfs filesystems (root with CAP_SYS_ADMIN, as on this machine);
 * where mounting is not allowed they cannot be staged and are reported as skipped.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gitOutput, makeProjectRepo, mreg, modelFile, removeDir, tempDir } from '../../support/cli-harness.js'

let repo: string
let work: string
let model: string
let tip: string
const mounted: string[] = []

const refFile = () => join(repo, '.git', 'refs', 'heads', 'model-registry')

function canMount(): boolean {
  const probe = execFileSync('mktemp', ['-d']).toString().trim()
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' })
    execFileSync('umount', [probe])
    return true
  } catch {
    return false
  } finally {
    execFileSync('rmdir', [probe])
  }
}
const mountTest = canMount() ? test : test.skip

/** Mounts a tmpfs of `size` at `dir` holding a copy of what `dir` holds (which the mount hides, untouched). */
async function mountTmpfs(dir: string, size: string): Promise<void> {
  const saved = await tempDir('mreg-saved-')
  await cp(dir, saved, { recursive: true })
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])
  mounted.push(dir)
  await cp(saved, dir, { recursive: true })
  await removeDir(saved)
}

function unmount(dir: string): void {
  execFileSync('umount', [dir])
  mounted.splice(mounted.indexOf(dir), 1)
}

beforeAll(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  model = await modelFile(work, 'model.bin', 3)
  expect((await mreg(repo, ['init'])).code).toBe(0)
  expect((await mreg(repo, ['register', model, '--type', 'detector'])).code).toBe(0)
  tip = gitOutput(repo, 'rev-parse', 'model-registry')
})

afterAll(async () => {
  for (const dir of [...mounted].reverse()) execFileSync('umount', [dir])
  await removeDir(repo)
  await removeDir(work)
})

function expectUserError(result: { code: number; stderr: string }, codes: number[], message: RegExp) {
  expect(codes).toContain(result.code)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).not.toMatch(/internal error/)
  expect(result.stderr).toMatch(message)
}

describe('a damaged registry ref', () => {
  afterAll(async () => writeFile(refFile(), `${tip}\n`))

  const blob = () => gitOutput(repo, 'hash-object', '-w', model)
  const tree = () => gitOutput(repo, 'rev-parse', `${tip}^{tree}`)
  const commitWithMissingTree = () =>
    execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], {
      cwd: repo,
      input: `tree ${'1'.repeat(40)}\nauthor a <a@b> 1 +0000\ncommitter a <a@b> 1 +0000\n\nx\n`
    })
      .toString()
      .trim()

  const states: [string, () => string, RegExp][] = [
    ['symbolic', () => 'ref: refs/heads/main', /is a symbolic ref/],
    ['garbage', () => 'garbage', /holds "garbage", not a commit id/],
    ['empty', () => '', /is empty/],
    ['a blob', blob, /which is not a commit/],
    ['a tree', tree, /which is not a commit/],
    ['a missing commit', () => '1234567890'.repeat(4), /whose objects are missing/],
    ['a commit whose tree is missing', commitWithMissingTree, /whose objects are missing/]
  ]

  test.each(states)('%s: list, register and doctor exit 3 with one line', async (_label, value, message) => {
    await writeFile(refFile(), `${value()}\n`)
    for (const args of [['list'], ['register', model, '--type', 'detector'], ['doctor']]) {
      expectUserError(await mreg(repo, args), [3], message)
    }
  })
})

describe('bad names', () => {
  test('check against the zero commit exits 1', async () => {
    expectUserError(await mreg(repo, ['check', '0'.repeat(40), 'model-registry']), [1], /no commit/)
  })

  test('a 100 KB --branch exits 2', async () => {
    expectUserError(
      await mreg(repo, ['--branch', 'a'.repeat(100_000), 'list']),
      [2],
      /branch name is too long/
    )
  })
})

describe('the disk refuses writes', () => {
  mountTest('a full disk under .git/objects: exit 1 "no space left", branch unchanged', async () => {
    const objects = join(repo, '.git', 'objects')
    await mountTmpfs(objects, '2m')
    try {
      // fill it up, leaving less than one object's worth
      execFileSync('sh', ['-c', `dd if=/dev/zero of=${join(objects, 'filler')} bs=64k 2>/dev/null || true`])
      const store = join(work, 'store-elsewhere')
      const other = await modelFile(work, 'other.bin', 9)
      const result = await mreg(repo, ['--store', store, 'register', other, '--type', 'detector'])
      expectUserError(result, [1], /no space left/)
      expect(gitOutput(repo, 'rev-parse', 'model-registry')).toBe(tip)
    } finally {
      unmount(objects) // the objects underneath the mount were never touched
    }
  })

  mountTest('a read-only .git/objects: exit 2 naming the directory, branch unchanged', async () => {
    const objects = join(repo, '.git', 'objects')
    await mountTmpfs(objects, '64m')
    execFileSync('mount', ['-o', 'remount,ro', objects])
    try {
      const other = await modelFile(work, 'ro-objects.bin', 10)
      const result = await mreg(repo, ['register', other, '--type', 'detector'])
      expectUserError(result, [2], /objects.*permission denied/)
      expect(gitOutput(repo, 'rev-parse', 'model-registry')).toBe(tip)
    } finally {
      unmount(objects)
    }
  })

  mountTest('a read-only refs/heads: exit 2 naming the lock file, branch unchanged', async () => {
    const heads = join(repo, '.git', 'refs', 'heads')
    await mkdir(heads, { recursive: true })
    await mountTmpfs(heads, '1m')
    execFileSync('mount', ['-o', 'remount,ro', heads])
    try {
      const other = await modelFile(work, 'ro-refs.bin', 11)
      const result = await mreg(repo, ['register', other, '--type', 'detector'])
      expectUserError(result, [2], /model-registry\.lock.*permission denied/)
      expect(gitOutput(repo, 'rev-parse', 'model-registry')).toBe(tip)
    } finally {
      unmount(heads)
    }
  })
})
