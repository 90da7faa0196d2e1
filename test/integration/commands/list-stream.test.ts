/**
 * `list` streams (src/commands/select-rows.ts, src/commands/list.ts streamVersions): the order is
 * exactly what sorting every version document gives, for every sort, filter and limit, across
 * models; the first version comes after one day of rows per model and a few version files; and the
 * CLI's table, --json array and --csv carry every row in that order.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import type { CommandContext } from '../../../src/commands/context.js'
import { READ_AHEAD, streamVersions } from '../../../src/commands/list.js'
import { allVersions } from '../../../src/commands/resolve.js'
import { selectVersions, type Criteria, type SortKey } from '../../../src/domain/selection.js'
import type { ModelVersion } from '../../../src/domain/types.js'
import type { RegistrySnapshot } from '../../../src/registry/backend.js'
import { mreg } from '../../support/cli-harness.js'
import { importedRegistry } from '../../support/imported-registry.js'

const MODELS = ['dbscan', 'isolation_forest', 'lof']
const PER_MODEL = 150

// Round robin one minute apart: 450 rows over one day, in hour shards.
const registry = importedRegistry({ models: MODELS, versionsPerModel: PER_MODEL }, 200)
let everything: ModelVersion[]

beforeAll(async () => {
  everything = await allVersions(await registry.ctx.backend.snapshot())
})

async function collect(versions: AsyncIterable<ModelVersion>): Promise<string[]> {
  const ids: string[] = []
  for await (const v of versions) ids.push(v.model_id)
  return ids
}

const CRITERIA: Criteria[] = [
  {},
  { name: 'lof' },
  { stage: 'staging' },
  { stage: 'production' },
  { tags: ['high_recall'] },
  { min_metrics: { f1_score: 0.8 } },
  { model_type: 'dbscan', tags: ['validated'] }
]
const SORTS: SortKey[] = [
  { by: 'registered' },
  { by: 'version' },
  { by: 'metric', metric: 'f1_score' },
  { by: 'metric', metric: 'precision' }
]
const LIMITS = [undefined, 0, 1, 7, 200]

describe('the streamed selection is the sorted selection of every document', () => {
  for (const criteria of CRITERIA) {
    test(`criteria ${JSON.stringify(criteria)}`, async () => {
      const policy = (await registry.ctx.backend.snapshot()).policy
      for (const sort of SORTS) {
        for (const limit of LIMITS) {
          const expected = selectVersions(everything, criteria, sort, limit, policy).map(v => v.model_id)
          const { versions } = await streamVersions(registry.ctx, { criteria, sort, limit })
          expect({ sort, limit, ids: await collect(versions) }).toEqual({ sort, limit, ids: expected })
        }
      }
    })
  }
})

/** The context, with a snapshot that counts what is read through it. */
function counting(): { ctx: CommandContext; reads: { versions: number; days: number } } {
  const reads = { versions: 0, days: 0 }
  const ctx = registry.ctx
  const backend = ctx.backend
  const snapshot = async (): Promise<RegistrySnapshot> => {
    const real = await backend.snapshot()
    return Object.assign(Object.create(real) as RegistrySnapshot, {
      readVersion: (name: string, version: string) => (reads.versions++, real.readVersion(name, version)),
      readDay: (name: string, day: string) => (reads.days++, real.readDay(name, day))
    })
  }
  return {
    ctx: { ...ctx, backend: Object.assign(Object.create(backend) as typeof backend, { snapshot }) },
    reads
  }
}

test('the first version of a full list comes after one day per model and a window of version files', async () => {
  const { ctx: counted, reads } = counting()
  const { versions, metrics } = await streamVersions(counted, { criteria: {} })
  expect(metrics).toEqual(['f1_score', 'precision', 'recall'])
  const first = await versions.next()
  expect(first.done).toBe(false)
  // The version files in flight (src/commands/list.ts READ_AHEAD), not the 450 of the list.
  expect(reads.days).toBe(MODELS.length)
  expect(reads.versions).toBeLessThanOrEqual(READ_AHEAD)
  let rest = 0
  for await (const _ of versions) rest++
  expect(rest + 1).toBe(MODELS.length * PER_MODEL)
  expect(reads.versions).toBe(MODELS.length * PER_MODEL)
})

test('with --limit in registration order, reading stops at the limit', async () => {
  const { ctx: counted, reads } = counting()
  const { versions } = await streamVersions(counted, { criteria: {}, limit: 5 })
  expect(await collect(versions)).toHaveLength(5)
  expect(reads.versions).toBe(5)
})

describe('the CLI writes every row, in order, as it streams', () => {
  const expected = () => selectVersions(everything, {})

  test('--json is the whole array, byte for byte', async () => {
    const result = await mreg(registry.repo, ['--json', 'list'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(JSON.stringify(expected(), null, 2) + '\n')
  })

  test('--json of nothing is an empty array', async () => {
    const result = await mreg(registry.repo, ['--json', 'list', '--name', 'lof', '--stage', 'canary'])
    expect(result.stdout).toBe('[]\n')
  })

  test('the table has every row; the columns fit the first 100', async () => {
    const lines = (await mreg(registry.repo, ['list'])).stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^NAME +VERSION +STAGE +REGISTERED +SIZE +METRICS +TAGS$/)
    expect(lines).toHaveLength(MODELS.length * PER_MODEL + 2)
    expect(lines.at(-1)).toBe(`${MODELS.length * PER_MODEL} versions`)
    const versionColumn = (line: string) => line.indexOf(' 1.') + 1
    const rows = lines.slice(1, -1)
    expect(new Set(rows.map(versionColumn)).size).toBe(1)
    expect(rows.map(line => line.split(/ +/).slice(0, 2).join('@'))).toEqual(
      expected().map(v => `${v.name}@${v.version}`)
    )
  })

  test('--csv has the header and one line per version', async () => {
    const lines = (await mreg(registry.repo, ['list', '--csv'])).stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/,notes,f1_score,precision,recall$/)
    expect(lines.slice(1).map(line => line.split(',')[0])).toEqual(expected().map(v => v.model_id))
  })
})
