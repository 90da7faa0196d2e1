// The Python registry's self-test, run for real with the bundled CLI (dist/cli.cjs) in a temporary
// Git repository, narrated step by step. `npm run demo`; set MREG_DEMO_KEEP=1 to keep the directory.
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs')
const root = mkdtempSync(join(tmpdir(), 'mreg-demo-'))
const repo = join(root, 'meters')
const env = { ...process.env, MREG_ACTOR: 'demo', GIT_AUTHOR_NAME: 'demo', GIT_AUTHOR_EMAIL: 'demo@example.com' }
let step = 0

function heading(text) {
  step += 1
  console.log(`\n\u001b[1m${step}. ${text}\u001b[0m`)
}

function mreg(...args) {
  console.log(`$ mreg ${args.map(a => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`)
  const output = execFileSync(process.execPath, [cli, '--registry', repo, ...args], { env, encoding: 'utf8' })
  process.stdout.write(output.replace(/^/gm, '  '))
  return output
}

function mregJson(...args) {
  return JSON.parse(execFileSync(process.execPath, [cli, '--registry', repo, '--json', ...args], { env, encoding: 'utf8' }))
}

function check(condition, message) {
  if (!condition) throw new Error(`demo check failed: ${message}`)
  console.log(`  \u2713 ${message}`)
}

try {
  heading('Create a registry (a Git repository with the model-registry branch)')
  mreg('init')

  heading('Register two isolation_forest models')
  const first = join(root, 'model_v1.pkl')
  const second = join(root, 'model_v2.pkl')
  writeFileSync(first, randomBytes(64 * 1024))
  writeFileSync(second, randomBytes(96 * 1024))
  mreg('register', first, '--type', 'isolation_forest', '--version', '1.0.0',
    '--metric', 'f1_score=0.85', '--metric', 'precision=0.82', '--metric', 'recall=0.88',
    '--tag', 'baseline', '--notes', 'Initial production model', '--dataset-version', '2026-11-01')
  mreg('register', second, '--type', 'isolation_forest', '--version', '1.1.0',
    '--metric', 'f1_score=0.90', '--metric', 'precision=0.87', '--metric', 'recall=0.93',
    '--tag', 'high_recall', '--notes', 'Improved recall for electricity theft detection',
    '--parent', 'isolation_forest@1.0.0', '--dataset-version', '2026-11-01')

  heading('List registered models')
  mreg('list')
  check(mregJson('list').length === 2, '2 versions listed, newest first')

  heading('Promote 1.1.0 through staging and canary to production')
  mreg('promote', 'isolation_forest@1.1.0', '--to', 'staging')
  mreg('promote', 'isolation_forest@1.1.0', '--to', 'canary')
  mreg('promote', 'isolation_forest@1.1.0', '--to', 'production')

  heading('Fetch the latest production model (tagged high_recall, f1 >= 0.85) and verify it')
  const out = join(root, 'serving')
  execFileSync('mkdir', ['-p', out])
  mreg('fetch', '--type', 'isolation_forest', '--stage', 'production', '--tag', 'high_recall', '--min', 'f1_score=0.85', '--out', out)
  const fetched = mregJson('fetch', 'isolation_forest@production', '--out', out)
  const digest = createHash('sha256').update(readFileSync(fetched.path)).digest('hex')
  check(fetched.version === '1.1.0', 'the production model is 1.1.0')
  check(digest === fetched.checksum, `checksum verified: sha256 ${digest.slice(0, 16)}…`)

  heading('Compare the two versions')
  mreg('compare', 'isolation_forest@1.0.0', 'isolation_forest@1.1.0')

  heading('Move production back to staging')
  mreg('promote', 'isolation_forest@production', '--to', 'staging')
  check(mregJson('show', 'isolation_forest@1.1.0').deployment_stage === 'staging', '1.1.0 is in staging again')

  heading('History: the registry branch is the audit log')
  mreg('history', 'isolation_forest@1.1.0')

  heading('Check the registry')
  mreg('doctor')

  console.log(`\nDemo complete: ${step} steps passed. Registry: ${repo} (branch model-registry)`)
} finally {
  if (!process.env.MREG_DEMO_KEEP) rmSync(root, { recursive: true, force: true })
}
