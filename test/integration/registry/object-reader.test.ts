/**
 * Both object readers (`git cat-file --batch` and the isomorphic-git fallback) give the same
 * registry; both survive a `git gc` that moves objects while a command runs; and with the git CLI
 * a command reads a registry in a pack far larger than its memory, so its cost follows the answer
 * and not the pack (isomorphic-git loads a whole pack, and fails above 2 GiB).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { listVersions } from '../../../src/commands/list.js'
import { promote } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import { init } from '../../../src/commands/init.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { LocalRegistryBackend } from '../../../src/registry/local-backend.js'
import { GitReader } from '../../../src/registry/git-reader.js'
import type { ObjectReaderChoice } from '../../../src/registry/object-source.js'
import { bundleCli, testEnv } from '../../support/cli-harness.js'
import { localContext, testClock } from '../../support/command-context.js'
import { createRepo, git, makeTempDir, removeDir, type TestRepo } from '../../support/git-repo.js'

let repo: TestRepo
let ctx: CommandContext

beforeAll(async () => {
  repo = await createRepo({ commit: true })
  const clock = testClock()
  ctx = localContext(repo.dir, clock)
  await init(ctx)
  const file = join(repo.dir, 'model.bin')
  for (let i = 0; i < 5; i++) {
    await writeFile(file, `bytes ${i}`)
    clock.advance(3_600_000)
    await register(ctx, { file, modelType: 'detector', metrics: { f1: 0.8 + i / 100 }, tags: [`t${i % 2}`] })
  }
  await promote(ctx, { reference: 'detector@1.0.1', to: 'staging' })
})

afterAll(async () => {
  await removeDir(repo.dir)
})

const withReader = (objects: ObjectReaderChoice): CommandContext => ({
  ...ctx,
  backend: new LocalRegistryBackend({ dir: repo.dir, gitdir: repo.gitdir, objects })
})

test('git cat-file and isomorphic-git read the same registry', async () => {
  const viaCli = await listVersions(withReader('git-cli'), { criteria: {} })
  const viaIsomorphic = await listVersions(withReader('isomorphic-git'), { criteria: {} })
  expect(viaCli).toHaveLength(5)
  expect(viaIsomorphic).toEqual(viaCli)
  const staging = await listVersions(withReader('isomorphic-git'), { criteria: { stage: 'staging' } })
  expect(staging.map(v => v.version)).toEqual(['1.0.1'])
})

test('auto: without a runnable git, reads go through isomorphic-git; git-cli alone fails', async () => {
  const path = process.env.PATH
  process.env.PATH = join(repo.dir, 'no-git-here')
  try {
    const viaAuto = await listVersions(withReader('auto'), { criteria: {} })
    expect(viaAuto.map(v => v.version)).toEqual(['1.0.4', '1.0.3', '1.0.2', '1.0.1', '1.0.0'])
    await expect(listVersions(withReader('git-cli'), { criteria: {} })).rejects.toThrow(
      /git cat-file --batch could not run/
    )
  } finally {
    process.env.PATH = path
  }
})

test.each(['git-cli', 'isomorphic-git'] as const)(
  '%s: a file read by path is the file git shows; a directory there is refused; an absent one is null',
  async objects => {
    const reader = new GitReader(repo.gitdir, objects)
    const tree = git(repo.dir, ['rev-parse', 'model-registry^{tree}']).trim()
    const bytes = await reader.readFile(tree, 'registry.json', { byPath: true })
    expect(
      Buffer.from(bytes as Uint8Array)
        .toString()
        .trimEnd()
    ).toBe(git(repo.dir, ['show', 'model-registry:registry.json']))
    await expect(reader.readFile(tree, 'models', { byPath: true })).rejects.toThrow(
      'models: expected a file, found a tree'
    )
    expect(await reader.readFile(tree, 'models/none/head.json', { byPath: true })).toBeNull()
    expect(await reader.readFile(tree, 'registry.json/inside', { byPath: true })).toBeNull()
    reader.objects.close()
  }
)

test('git-cli: a path read starts at the deepest directory already parsed, and finds the same file', async () => {
  const reader = new GitReader(repo.gitdir, 'git-cli')
  const tree = git(repo.dir, ['rev-parse', 'model-registry^{tree}']).trim()
  const path = git(repo.dir, ['ls-tree', '-r', '--name-only', 'model-registry', 'models/detector/versions'])
    .trim()
    .split('\n')[0] as string
  const asked: string[] = []
  const source = reader.objects as unknown as { readPath(tree: string, path: string): Promise<unknown> }
  const readPath = source.readPath.bind(source)
  source.readPath = (from, rest) => {
    asked.push(`${from}:${rest}`)
    return readPath(from, rest)
  }
  try {
    const fromRoot = await reader.readFile(tree, path, { byPath: true })
    expect(asked).toEqual([`${tree}:${path}`])
    // A walk to the model's head parses the root, models/ and models/detector/ on the way, so
    // the id of models/detector/versions/ is known.
    expect(await reader.readFile(tree, 'models/detector/head.json')).not.toBeNull()
    const versions = git(repo.dir, ['rev-parse', 'model-registry:models/detector/versions']).trim()
    const fromModel = await reader.readFile(tree, path, { byPath: true })
    expect(asked[1]).toBe(`${versions}:${path.slice('models/detector/versions/'.length)}`)
    expect(Buffer.from(fromModel as Uint8Array).equals(Buffer.from(fromRoot as Uint8Array))).toBe(true)
    // Absent below a parsed directory: still null, after the walk confirms it.
    expect(
      await reader.readFile(tree, 'models/detector/versions/0/0/0/9.9.9.json', { byPath: true })
    ).toBeNull()
  } finally {
    reader.objects.close()
  }
})

test.each([
  ['git-cli', '1.0.2', ['1.0.1', '1.0.2']],
  ['isomorphic-git', '1.0.3', ['1.0.1', '1.0.2', '1.0.3']]
] as const)(
  '%s: reads keep working after a git gc moved the objects into a new pack',
  async (objects, version, staged) => {
    const reading = withReader(objects)
    expect(await listVersions(reading, { criteria: {} })).toHaveLength(5)
    // New loose objects, then a gc that packs them and drops the pack the reader had seen.
    await promote(ctx, { reference: `detector@${version}`, to: 'staging' })
    git(repo.dir, ['gc', '--quiet', '--prune=now'])
    const after = await listVersions(reading, { criteria: { stage: 'staging' } })
    expect(after.map(v => v.version).sort()).toEqual(staged)
  }
)

/**
 * The pack: the registry plus incompressible blobs on another branch, stored uncompressed so it
 * is quick to build. MREG_BIG_PACK_MB sets its size (default 256 MiB). Measured here with a
 * 128 MiB pack: 53 MiB peak RSS through git cat-file, 312 MiB through isomorphic-git.
 */
test('with git, list reads a registry in a pack several times larger than its memory bound', async () => {
  const work = await makeTempDir('mreg-bigpack-')
  try {
    const big = await createRepo({ commit: true })
    const bigCtx = localContext(big.dir, testClock())
    await init(bigCtx)
    const file = join(big.dir, 'model.bin')
    await writeFile(file, 'small model')
    await register(bigCtx, { file, modelType: 'detector' })
    const megabytes = Number(process.env.MREG_BIG_PACK_MB ?? 256)
    const blobs = Math.ceil(megabytes / 64)
    const script = [
      'set -e',
      `for i in $(seq 1 ${blobs}); do head -c 67108864 /dev/urandom > "${work}/blob"; git -c core.compression=0 hash-object -w "${work}/blob" >> "${work}/oids"; done`,
      `while read oid; do printf '100644 blob %s\\tb%s\\n' "$oid" "$RANDOM$RANDOM"; done < "${work}/oids" | git mktree > "${work}/tree"`,
      `git update-ref refs/heads/ballast "$(git commit-tree "$(cat ${work}/tree)" -m ballast)"`,
      'git -c pack.compression=0 -c core.bigFileThreshold=1m repack -a -d -q --window=0',
      'git count-objects -v'
    ].join('\n')
    const counted = execFileSync('bash', ['-c', script], {
      cwd: big.dir,
      env: { ...process.env },
      encoding: 'utf8'
    })
    const packKiB = Number(/size-pack: (\d+)/.exec(counted)?.[1])
    expect(packKiB).toBeGreaterThan(megabytes * 1024 * 0.95)
    expect(Number(/^count: (\d+)/m.exec(counted)?.[1])).toBe(0) // every object is in the one pack

    const bundle = await bundleCli(work)
    // Peak RSS of the node process, reported by the process itself as it exits.
    const probe = resolve(work, 'rss-probe.mjs')
    await writeFile(
      probe,
      "process.on('exit', () => process.stderr.write(`maxrss-kib ${process.resourceUsage().maxRSS}\\n`))\n"
    )
    const run = spawnSync(
      process.execPath,
      ['--import', probe, bundle, '--registry', big.dir, '--json', 'list'],
      {
        env: testEnv(),
        encoding: 'utf8'
      }
    )
    expect(run.status).toBe(0)
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(1)
    const rssMiB = Number(/maxrss-kib (\d+)/.exec(run.stderr)?.[1]) / 1024
    const packMiB = packKiB / 1024
    // A whole-pack load holds at least the whole pack (isomorphic-git reads it into one buffer:
    // measured 312 MiB RSS at a 128 MiB pack), so a reader under three quarters of the pack is
    // not loading it. (Peak RSS of `list` here is 110–150 MiB, mostly Node and the bundle: above
    // the 100 MB goal of the scale issue, which the benchmark, not this test, tracks.)
    expect(rssMiB).toBeLessThan(packMiB * 0.75)
    await removeDir(big.dir)
  } finally {
    await removeDir(work)
  }
}, 240_000)
