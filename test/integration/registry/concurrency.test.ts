/**
 * The product promise that several writers (mreg processes and the git CLI) can update the
 * registry branch at the same time without losing a change. Real processes, not promises in one
 * event loop, because the races that matter are between processes on the same files.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { createRepo, git, GIT_ENV, makeTempDir, removeDir, type TestRepo } from '../../support/git-repo.js'
import { localBackend, POLICY } from './fixtures.js'
import { BANNER } from '../../../scripts/bundle-options.mjs'

const WORKERS = 8
const UPDATES_EACH = 5
const CLI_COMMITS = 10
const BRANCH = 'model-registry'

let bundleDir: string
let workerScript: string
let repo: TestRepo

beforeAll(async () => {
  bundleDir = await makeTempDir('mreg-bundle-')
  workerScript = join(bundleDir, 'worker.mjs')
  await build({
    entryPoints: [fileURLToPath(new URL('./concurrency-worker.ts', import.meta.url))],
    outfile: workerScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // ajv and others are CommonJS and call require(); an ESM bundle has none of its own.
    banner: { js: BANNER }
  })
  repo = await createRepo({ commit: true })
})

afterAll(async () => {
  await removeDir(bundleDir)
  if (repo) await removeDir(repo.dir)
})

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err}`))
    )
  })
}

/** Commits through plumbing with a private index, and moves the branch only if it still holds `old`. */
const CLI_WRITER = `
set -eu
export GIT_INDEX_FILE="$TMP_INDEX"
n=0
while [ "$n" -lt ${CLI_COMMITS} ]; do
  old=$(git rev-parse refs/heads/${BRANCH})
  blob=$(printf '{"cli": %d}\\n' "$n" | git hash-object -w --stdin)
  git read-tree "$old"
  git update-index --add --cacheinfo "100644,$blob,appends/cli-$n.json"
  tree=$(git write-tree)
  commit=$(git commit-tree "$tree" -p "$old" -m "cli commit $n")
  if git update-ref -m "cli $n" refs/heads/${BRANCH} "$commit" "$old" 2>/dev/null; then
    n=$((n + 1))
  else
    sleep 0.0$((RANDOM % 9 + 1))
  fi
done
`

describe('concurrent writers', () => {
  test(`${WORKERS} mreg processes and the git CLI all land their commits on one linear history`, async () => {
    const backend = localBackend(repo)
    await backend.init(POLICY)

    const workers = Array.from({ length: WORKERS }, (_, k) =>
      run(process.execPath, [workerScript, repo.dir, repo.gitdir, `w${k}`, String(UPDATES_EACH)], repo.dir)
    )
    const cli = run('bash', ['-c', `TMP_INDEX=${join(bundleDir, 'cli-index')}\n${CLI_WRITER}`], repo.dir)
    // Wait for every process before judging, so a failure does not leave writers running.
    const settled = await Promise.allSettled([...workers, cli])
    const failed = settled.find(s => s.status === 'rejected')
    if (failed) throw (failed as PromiseRejectedResult).reason
    const reports = settled
      .slice(0, WORKERS)
      .map(s => JSON.parse((s as PromiseFulfilledResult<string>).value) as { id: string; attempts: number[] })

    const files = git(repo.dir, ['ls-tree', '--name-only', `${BRANCH}:appends`]).split('\n')
    expect(files).toHaveLength(WORKERS * UPDATES_EACH + CLI_COMMITS)
    for (let k = 0; k < WORKERS; k++) {
      for (let i = 0; i < UPDATES_EACH; i++) expect(files).toContain(`w${k}-${i}.json`)
    }
    for (let n = 0; n < CLI_COMMITS; n++) expect(files).toContain(`cli-${n}.json`)
    // Every builder ran on the tip it committed onto: no increment was lost.
    expect(JSON.parse(git(repo.dir, ['show', `${BRANCH}:counter.json`]))).toEqual({
      n: WORKERS * UPDATES_EACH
    })

    expect(git(repo.dir, ['rev-list', '--merges', BRANCH])).toBe('')
    expect(git(repo.dir, ['rev-list', '--count', BRANCH])).toBe(
      String(1 + WORKERS * UPDATES_EACH + CLI_COMMITS)
    )
    expect(git(repo.dir, ['rev-list', '--count', '--grep=^Worker: ', BRANCH])).toBe(
      String(WORKERS * UPDATES_EACH)
    )
    git(repo.dir, ['fsck', '--full', '--strict', '--no-dangling'])

    expect((await backend.log()).length).toBe(1 + WORKERS * UPDATES_EACH + CLI_COMMITS)
    // The test only proves something if the writers really collided.
    expect(reports.flatMap(r => r.attempts).some(a => a > 1)).toBe(true)
  }, 60_000)
})
