/**
 * Bad input gets a one-line error, exit 2 (or 1 where policy refuses or nothing matches), and
 * leaves the registry branch and the artifact store exactly as they were.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  makeProjectRepo,
  modelFile,
  mreg,
  projectRegistry,
  registryState,
  removeDir,
  tempDir
} from '../../support/cli-harness.js'

const project = projectRegistry()
let model: string

beforeAll(async () => {
  model = await modelFile(project.work, 'model.pkl', 7)
  await writeFile(join(project.work, 'broken.json'), '{"f1": 0.9,')
  await writeFile(join(project.work, 'strings.json'), '{"f1": "high"}')
  await writeFile(join(project.work, 'array.json'), '[1, 2]')
  await mkdir(join(project.work, 'a-directory'))
  expect(
    (await mreg(project.repo, ['register', model, '--type', 'detector', '--version', '1.0.0'])).code
  ).toBe(0)
})

const register = (...extra: string[]) => ['register', '__MODEL__', '--type', 'detector', ...extra]

const cases: [string, string[], number, RegExp][] = [
  ['name with a slash', register('--name', 'a/b'), 2, /invalid model name "a\/b"/],
  ['name with ..', register('--name', '..'), 2, /invalid model name/],
  ['name with spaces', register('--name', 'has space'), 2, /invalid model name/],
  ['uppercase name', register('--name', 'Detector'), 2, /invalid model name/],
  ['empty name', register('--name', ''), 2, /model name is empty/],
  ['type with a slash', ['register', '__MODEL__', '--type', 'x/y'], 2, /invalid model type/],
  ['version that is not semver', register('--version', '1.2'), 2, /version/],
  ['version word', register('--version', 'latest'), 2, /version/],
  ['version that exists', register('--version', '1.0.0'), 2, /already exists/],
  [
    'version and bump together',
    register('--version', '2.0.0', '--bump', 'major'),
    2,
    /either --version or --bump/
  ],
  ['unknown bump', register('--bump', 'huge'), 2, /huge/],
  ['metric that is not a number', register('--metric', 'f1=abc'), 2, /f1/],
  ['metric without a value', register('--metric', 'f1='), 2, /f1/],
  ['metric without a name', register('--metric', '=0.5'), 2, /metric/],
  ['metric that is infinite', register('--metric', 'f1=1e999'), 2, /f1/],
  ['bad tag', register('--tag', 'no spaces'), 2, /tag/],
  ['missing metrics file', register('--metrics-file', '__WORK__/nope.json'), 2, /not found/],
  ['invalid JSON metrics file', register('--metrics-file', '__WORK__/broken.json'), 2, /not valid JSON/],
  ['metrics that are strings', register('--metrics-file', '__WORK__/strings.json'), 2, /f1/],
  ['config that is an array', register('--config-file', '__WORK__/array.json'), 2, /JSON object/],
  ['missing model file', ['register', '__WORK__/missing.pkl', '--type', 'detector'], 2, /not found/],
  ['directory as model file', ['register', '__WORK__/a-directory', '--type', 'detector'], 2, /directory/],
  ['unknown stage at registration', register('--stage', 'prod'), 2, /stage/],
  [
    'registering straight into production',
    register('--stage', 'production'),
    1,
    /cannot register straight into "production"/
  ],
  ['parent that does not exist', register('--parent', 'detector@9.9.9'), 1, /parent/],
  ['unknown stage on promote', ['promote', 'detector@1.0.0', '--to', 'prod'], 2, /stage/],
  [
    'illegal transition',
    ['promote', 'detector@1.0.0', '--to', 'production'],
    1,
    /cannot move from "development" to "production"/
  ],
  ['reference to a missing version', ['show', 'detector@9.9.9'], 1, /9\.9\.9/],
  [
    'reference to a missing model',
    ['fetch', 'ghost@latest', '--out', '__WORK__/out.pkl'],
    1,
    /no model named "ghost"/
  ],
  ['reference to an empty stage', ['show', 'detector@production'], 1, /production/],
  ['malformed reference', ['show', 'Bad Ref@@'], 2, /reference/],
  ['unknown option', ['list', '--colour'], 2, /unknown option/],
  ['missing required option', ['promote', 'detector@1.0.0'], 2, /--to/],
  ['keep-last zero', ['cleanup', '--keep-last', '0'], 2, /--keep-last/],
  ['min metric that is not a number', ['list', '--min', 'f1=high'], 2, /f1/],
  ['unknown sort key', ['list', '--sort', 'size'], 2, /sort/],
  [
    'unknown stage on list',
    ['list', '--stage', 'prod'],
    2,
    /unknown stage "prod": use one of development, staging/
  ],
  [
    'unknown stage in fetch criteria',
    ['fetch', '--stage', 'prod', '--out', '__WORK__/out.pkl'],
    2,
    /unknown stage "prod": use one of development/
  ],
  ['sort by a metric no version records', ['list', '--sort', 'metric:nope'], 2, /metric "nope"/],
  ['minimum on a metric no version records', ['list', '--min', 'nope=1'], 2, /metric "nope"/],
  [
    'fetch into a directory that does not exist',
    ['fetch', 'detector@1.0.0', '--out', '__WORK__/missing/deeper/'],
    2,
    /--mkdir/
  ],
  [
    'fetch --mkdir creates only the last directory',
    ['fetch', 'detector@1.0.0', '--mkdir', '--out', '__WORK__/missing/deeper/'],
    2,
    /only the last directory/
  ],
  ['compare with one reference', ['compare', 'detector@1.0.0'], 2, /at least two/],
  ['history at a nonsense time', ['history', 'detector', '--at', 'soonish'], 2, /time/],
  ['delete of a missing version', ['delete', 'detector@3.0.0'], 1, /3\.0\.0/]
]

describe('bad input', () => {
  test.each(cases)('%s', async (_label, args, expectedCode, message) => {
    const argv = args.map(a => a.replace('__MODEL__', model).replace('__WORK__', project.work))
    const before = await registryState(project.repo)
    const result = await mreg(project.repo, argv)
    expect(result.code).toBe(expectedCode)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(message)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(await registryState(project.repo)).toEqual(before)
  })

  test('outside any Git repository: a one-line hint, exit 1', async () => {
    const empty = await tempDir()
    try {
      const result = await mreg(empty, ['list'])
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/no Git repository/)
    } finally {
      await removeDir(empty)
    }
  })

  test('a repository without the registry branch: told to run init', async () => {
    const bare = await makeProjectRepo()
    try {
      const result = await mreg(bare, ['list'])
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/mreg init/)
    } finally {
      await removeDir(bare)
    }
  })
})
