/**
 * The package as users get it: `npm pack` of the current source (bundled as scripts/bundle.mjs
 * does), installed into an empty project with no network (it has no dependencies, so none is
 * needed), then `npx mreg` run as README.md says. Proves the bundles need no node_modules.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { bundleFronts, PACKAGE_VERSION } from '../../support/bundle-define.js'
import { modelFile, removeDir, tempDir } from '../../support/cli-harness.js'

const run = promisify(execFile)
const ROOT = resolve('.')

let root: string
let project: string
let tarball: string
let installLog: string
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  root = await tempDir('mreg-pack-')
  const source = join(root, 'package')
  project = join(root, 'project')
  await mkdir(project)
  env = {
    PATH: process.env.PATH,
    HOME: join(root, 'home'),
    npm_config_cache: join(root, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Packer',
    GIT_AUTHOR_EMAIL: 'packer@example.com',
    GIT_COMMITTER_NAME: 'Packer',
    GIT_COMMITTER_EMAIL: 'packer@example.com'
  }
  // What package.json's "files" ships, with dist/ freshly bundled from the source under test.
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }
  for (const entry of manifest.files.filter(name => name !== 'dist'))
    await cp(join(ROOT, entry), join(source, entry), { recursive: true })
  await cp(join(ROOT, 'package.json'), join(source, 'package.json'))
  await bundleFronts(source)
  const packed = await run('npm', ['pack', '--json', '--pack-destination', root], { cwd: source, env })
  tarball = join(root, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename as string)

  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true })
  )
  const installed = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
    cwd: project,
    env
  })
  installLog = installed.stdout + installed.stderr
}, 120_000)

afterAll(async () => removeDir(root))

test('the package installs with zero dependencies and no engine warning', async () => {
  expect(installLog).not.toMatch(/EBADENGINE/)
  expect(installLog).toMatch(/added 1 package/)
  expect((await readdir(join(project, 'node_modules'))).filter(name => !name.startsWith('.'))).toEqual([
    'git-model-registry'
  ])
  const installedManifest = JSON.parse(
    await readFile(join(project, 'node_modules', 'git-model-registry', 'package.json'), 'utf8')
  ) as Record<string, unknown>
  expect(installedManifest.dependencies).toBeUndefined()
})

test('npx mreg --version prints the package version', async () => {
  const { stdout } = await run('npx', ['mreg', '--version'], { cwd: project, env })
  expect(stdout).toBe(`${PACKAGE_VERSION}\n`)
})

test('npx mreg init, register and fetch work from the installed package', async () => {
  await run('git', ['init', '-q', '-b', 'main'], { cwd: project, env })
  await run('git', ['commit', '-q', '--allow-empty', '-m', 'initial'], { cwd: project, env })
  const model = await modelFile(root, 'model.pkl', 5)
  await run('npx', ['mreg', 'init'], { cwd: project, env })
  await run('npx', ['mreg', 'register', model, '--type', 'detector', '--metric', 'f1=0.9'], {
    cwd: project,
    env
  })
  const out = join(root, 'fetched.pkl')
  const fetched = await run('npx', ['mreg', '--json', 'fetch', 'detector@latest', '--out', out], {
    cwd: project,
    env
  })
  expect(JSON.parse(fetched.stdout)).toMatchObject({ name: 'detector', version: '1.0.0', path: out })
  expect(await readFile(out)).toEqual(await readFile(model))
})

test("the Action's bundle loads from the installed package too (no node_modules beside it)", async () => {
  const outputs = join(root, 'github-output')
  await writeFile(outputs, '')
  const result = await run(
    process.execPath,
    [join(project, 'node_modules', 'git-model-registry', 'dist', 'index.js')],
    { cwd: project, env: { ...env, INPUT_COMMAND: 'deploy', INPUT_TOKEN: 't', GITHUB_OUTPUT: outputs } }
  ).catch((error: { code: number; stdout: string }) => error)
  expect(result.stdout).toMatch(/^::error::input "command" is "deploy"/m)
  expect(await readFile(outputs, 'utf8')).toContain(PACKAGE_VERSION)
})
