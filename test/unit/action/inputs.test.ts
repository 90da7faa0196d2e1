import { describe, expect, test } from '@jest/globals'
import { RegistryError } from '../../../src/domain/errors.js'
import { list, parseActionInputs, type ActionInputs } from '../../../src/action/inputs.js'
import { metricsOrFile, parseMetricsText } from '../../../src/domain/json-input.js'

/** core.getInput over a map: absent inputs read as '' (as they do on a runner). */
const parse = (values: Record<string, string>): ActionInputs => parseActionInputs(name => values[name] ?? '')

const base = { command: 'list', token: 'ghs_secret' }

function refusal(values: Record<string, string>): RegistryError {
  try {
    parse(values)
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError)
    expect((error as RegistryError).kind).toBe('invalid-input')
    expect((error as Error).message).not.toMatch(/\n/)
    return error as RegistryError
  }
  throw new Error(`expected ${JSON.stringify(values)} to be refused`)
}

describe('parseActionInputs', () => {
  test('the minimum: a command and a token; everything else at its default', () => {
    expect(parse(base)).toEqual({
      command: 'list',
      token: 'ghs_secret',
      registryBranch: 'model-registry',
      modelPath: undefined,
      name: undefined,
      modelType: undefined,
      version: undefined,
      bump: undefined,
      metrics: undefined,
      config: undefined,
      trainingMetadata: undefined,
      tags: [],
      addTags: [],
      removeTags: [],
      notes: undefined,
      parent: undefined,
      datasetVersion: undefined,
      references: [],
      stage: undefined,
      minMetrics: undefined,
      path: undefined,
      at: undefined,
      dryRun: false,
      keepLast: undefined,
      minAgeDays: undefined,
      force: false
    })
  })

  test('a full register, values trimmed', () => {
    const inputs = parse({
      command: ' register ',
      token: 'ghs_secret',
      'registry-branch': 'registry/models',
      'model-path': 'out/model.pkl',
      name: 'theft-detector',
      'model-type': 'isolation_forest',
      version: '1.2.0',
      metrics: '{"f1_score": 0.9, "recall": 1}',
      config: '{"contamination": 0.1}',
      'training-metadata': 'training.json',
      tags: 'high_recall, nightly\nv2',
      notes: '  Better recall  ',
      parent: 'theft-detector@1.1.0',
      'dataset-version': '2026-11-01',
      stage: 'shadow'
    })
    expect(inputs).toMatchObject({
      command: 'register',
      registryBranch: 'registry/models',
      modelPath: 'out/model.pkl',
      name: 'theft-detector',
      modelType: 'isolation_forest',
      version: '1.2.0',
      metrics: { metrics: { f1_score: 0.9, recall: 1 } },
      config: { json: { contamination: 0.1 } },
      trainingMetadata: { file: 'training.json' },
      tags: ['high_recall', 'nightly', 'v2'],
      notes: 'Better recall',
      parent: 'theft-detector@1.1.0',
      datasetVersion: '2026-11-01',
      stage: 'shadow'
    })
  })

  test('references: one per line or comma-separated', () => {
    expect(
      parse({ ...base, command: 'compare', reference: 'm@1.0.0\nm@latest, m@production\n' }).references
    ).toEqual(['m@1.0.0', 'm@latest', 'm@production'])
    expect(parse({ ...base, reference: 'm_20261127_143000' }).references).toEqual(['m_20261127_143000'])
  })

  test('metrics and min-metrics as k=v lines', () => {
    expect(parse({ ...base, metrics: 'f1_score=0.9\nprecision = 0.8' }).metrics).toEqual({
      metrics: { f1_score: 0.9, precision: 0.8 }
    })
    expect(parse({ ...base, 'min-metrics': 'f1_score=0.85' }).minMetrics).toEqual({
      metrics: { f1_score: 0.85 }
    })
  })

  test('metrics and min-metrics as a path to a JSON file, like config', () => {
    expect(parse({ ...base, metrics: 'eval/metrics.json' }).metrics).toEqual({ file: 'eval/metrics.json' })
    expect(parse({ ...base, 'min-metrics': 'gates.json' }).minMetrics).toEqual({ file: 'gates.json' })
  })

  test('booleans, counts and ages', () => {
    expect(parse({ ...base, 'dry-run': 'true', force: 'TRUE' })).toMatchObject({ dryRun: true, force: true })
    expect(parse({ ...base, 'dry-run': 'false', force: '' })).toMatchObject({ dryRun: false, force: false })
    expect(parse({ ...base, 'keep-last': '10', 'min-age-days': '0.5' })).toMatchObject({
      keepLast: 10,
      minAgeDays: 0.5
    })
    expect(parse({ ...base, 'min-age-days': '0' }).minAgeDays).toBe(0)
  })

  test('at: an ISO time or an age, kept as given', () => {
    expect(parse({ ...base, at: '3d' }).at).toBe('3d')
    expect(parse({ ...base, at: '2026-11-27T14:30:00Z' }).at).toBe('2026-11-27T14:30:00Z')
  })

  test('a config file path whose name starts with a digit is a path', () => {
    expect(parse({ ...base, config: '2026-config.json' }).config).toEqual({ file: '2026-config.json' })
  })

  test.each([
    ['command', { command: '' }],
    ['command', { command: 'deploy' }],
    ['token', { token: '  ' }],
    ['registry-branch', { 'registry-branch': 'a..b' }],
    ['registry-branch', { 'registry-branch': 'x.lock' }],
    ['registry-branch', { 'registry-branch': '-x' }],
    ['registry-branch', { 'registry-branch': 'dir/' }],
    ['name', { name: 'Upper' }],
    ['model-type', { 'model-type': 'a b' }],
    ['version', { version: '1' }],
    ['version', { version: '1.0.0', bump: 'minor' }],
    ['bump', { bump: 'micro' }],
    ['metrics', { metrics: '{"f1": "x"}' }],
    ['metrics', { metrics: '{"f1": 1' }],
    ['metrics', { metrics: '[1]' }],
    ['metrics', { metrics: 'true' }],
    ['metrics', { metrics: 'f1=Infinity' }],
    ['min-metrics', { 'min-metrics': 'f1=abc' }],
    ['config', { config: '{"a": ' }],
    ['config', { config: '[1, 2]' }],
    ['config', { config: '"text"' }],
    ['config', { config: 'null' }],
    ['training-metadata', { 'training-metadata': '{bad}' }],
    ['tags', { tags: 'ok, not ok' }],
    ['parent', { parent: 'a@' }],
    ['reference', { reference: 'ok@1.0.0\nBAD@@' }],
    ['stage', { stage: 'Prod' }],
    ['at', { at: 'yesterday' }],
    ['dry-run', { 'dry-run': 'yes' }],
    ['force', { force: '1' }],
    ['keep-last', { 'keep-last': '0' }],
    ['keep-last', { 'keep-last': '2.5' }],
    ['keep-last', { 'keep-last': '-3' }],
    ['min-age-days', { 'min-age-days': '-1' }],
    ['min-age-days', { 'min-age-days': 'week' }]
  ])('refuses a bad %s, naming it: %j', (input, values) => {
    const error = refusal({ ...base, ...values })
    expect(error.message).toMatch(new RegExp(`^(input "${input}"|inputs "${input}" and "[a-z-]+")[ :]`))
  })

  test('the token is never part of a message', () => {
    const error = refusal({ command: 'nope', token: 'ghs_secret' })
    expect(error.message).not.toContain('ghs_secret')
  })
})

describe('parseMetricsText', () => {
  test('JSON object or k=v pairs, comma- or newline-separated', () => {
    expect(parseMetricsText('{"a": 1}', 'metrics')).toEqual({ a: 1 })
    expect(parseMetricsText('a=1,b=2\nc=3', 'metrics')).toEqual({ a: 1, b: 2, c: 3 })
  })

  test('metricsOrFile: text without "=" or "{" names a file', () => {
    expect(metricsOrFile('a = 1', '--metrics')).toEqual({ metrics: { a: 1 } })
    expect(metricsOrFile('metrics.json', '--metrics')).toEqual({ file: 'metrics.json' })
    expect(() => metricsOrFile('[1]', '--metrics')).toThrow(/^--metrics must be a JSON object/)
  })
})

describe('list', () => {
  test('splits on newlines and commas, trims, drops empties', () => {
    expect(list(undefined)).toEqual([])
    expect(list(' a ,\n\nb,, c\r\n')).toEqual(['a', 'b', 'c'])
  })
})
