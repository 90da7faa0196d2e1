/**
 * Who a local command commits as: git's identity from the user's global config (a temporary HOME
 * and XDG_CONFIG_HOME here), the environment, MREG_ACTOR for stage_history, and a one-line
 * notice, at the first commit only, when none is set.
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gitOutput, mreg, modelFile, removeDir, tempDir } from '../../support/cli-harness.js'

let root: string
let repo: string
let home: string
let xdg: string

beforeEach(async () => {
  root = await tempDir('mreg-identity-')
  repo = join(root, 'project')
  home = join(root, 'home')
  xdg = join(root, 'xdg')
  await Promise.all([repo, home, join(xdg, 'git')].map(dir => mkdir(dir, { recursive: true })))
  // A repository whose own config has no user: the project's first commit names its author inline.
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo })
  execFileSync(
    'git',
    [
      '-c',
      'user.name=Setup',
      '-c',
      'user.email=setup@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'initial'
    ],
    {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' }
    }
  )
})
afterEach(async () => removeDir(root))

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: home,
  XDG_CONFIG_HOME: xdg,
  GIT_CONFIG_NOSYSTEM: '1',
  ...extra
})

const lastCommit = (format: string) => gitOutput(repo, 'log', '-1', `--format=${format}`, 'model-registry')

async function registerOne(environment: NodeJS.ProcessEnv) {
  expect((await mreg(repo, ['init'], environment)).code).toBe(0)
  const model = await modelFile(root, 'model.pkl', 3)
  return mreg(repo, ['--json', 'register', model, '--type', 'detector'], environment)
}

test('~/.gitconfig user.name/user.email author the commits and stage_history', async () => {
  await writeFile(join(home, '.gitconfig'), '[user]\n\tname = Grace Hopper\n\temail = grace@example.com\n')
  const result = await registerOne(env())
  expect(result.code).toBe(0)
  expect(result.stderr).toBe('')
  expect(lastCommit('%an <%ae>|%cn <%ce>')).toBe(
    'Grace Hopper <grace@example.com>|Grace Hopper <grace@example.com>'
  )
  expect(JSON.parse(result.stdout)).toMatchObject({ stage_history: [{ by: 'Grace Hopper' }] })
})

test('$XDG_CONFIG_HOME/git/config too; GIT_COMMITTER_* sets the committer; MREG_ACTOR the actor', async () => {
  await writeFile(join(xdg, 'git', 'config'), '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n')
  const result = await registerOne(
    env({ GIT_COMMITTER_NAME: 'CI Bot', GIT_COMMITTER_EMAIL: 'ci@example.com', MREG_ACTOR: 'release-train' })
  )
  expect(result.code).toBe(0)
  expect(lastCommit('%an <%ae>|%cn <%ce>')).toBe('Ada Lovelace <ada@example.com>|CI Bot <ci@example.com>')
  expect(JSON.parse(result.stdout)).toMatchObject({ stage_history: [{ by: 'release-train' }] })
})

test('no identity anywhere: one notice per writing command, none for a read', async () => {
  expect((await mreg(repo, ['list'], env())).stderr).toMatch(/mreg init/) // no branch yet; and no identity notice
  const init = await mreg(repo, ['init'], env())
  expect(init.code).toBe(0)
  expect(init.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(
      /^mreg: no git identity set \(author name, author email, committer name, committer email\): commits use "mreg <mreg@localhost>"/
    )
  ])
  const listed = await mreg(repo, ['list'], env())
  expect(listed.code).toBe(0)
  expect(listed.stderr).toBe('')
  expect(lastCommit('%an <%ae>')).toBe('mreg <mreg@localhost>')
})
