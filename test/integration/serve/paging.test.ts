/**
 * Pages of a model's versions read only as many rows as the page needs (registration order):
 * walking a model page by page with a cursor, in registration order, by metric and with a
 * filter, gives exactly what `mreg list` gives, over enough versions that a later page has to
 * widen its read several times. Every page's `total` is the number `list` gives for the same
 * filters (from the model's head without a tag or metric filter, from the rows with one).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { init } from '../../../src/commands/init.js'
import { listVersions } from '../../../src/commands/list.js'
import { promote } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import type { ModelVersion } from '../../../src/domain/types.js'
import { makeProjectRepo, modelFile, removeDir } from '../../support/cli-harness.js'
import { localContext, testClock } from '../../support/command-context.js'
import { serveRegistry, type TestServer } from '../../support/serve.js'

let repo: string
let t: TestServer
const VERSIONS = 70

beforeAll(async () => {
  repo = await makeProjectRepo()
  const clock = testClock()
  const ctx = localContext(repo, clock)
  await init(ctx)
  for (let i = 0; i < VERSIONS; i++) {
    // Some share a registration second, so the version breaks the tie.
    if (i % 3 !== 0) clock.advance(1000)
    await register(ctx, {
      file: await modelFile(repo, `m${i}.bin`, i + 1),
      modelType: 'iforest',
      name: 'fraud',
      metrics: { f1_score: ((i * 37) % 100) / 100 },
      tags: i % 4 === 0 ? ['gpu'] : []
    })
  }
  // Stages other than development, archived tombstones among them, for the totals to count.
  for (const i of [5, 9, 20]) await promote(ctx, { reference: `fraud@1.0.${i}`, to: 'staging' })
  for (const i of [3, 30]) {
    await promote(ctx, { reference: `fraud@1.0.${i}`, to: 'deprecated' })
    await promote(ctx, { reference: `fraud@1.0.${i}`, to: 'archived' })
  }
  t = await serveRegistry({ registry: repo, actor: 'tester' })
}, 180_000)

afterAll(async () => {
  await t?.close()
  await removeDir(repo)
})

interface Page {
  body: { versions: ModelVersion[]; next_cursor: string | null; total: number }
}

async function walk(query: string, limit: number): Promise<string[]> {
  const seen: string[] = []
  const totals = new Set<number>()
  let cursor: string | null = null
  do {
    const url = `/api/v1/models/fraud/versions?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const page: Page = await t.client.get(url)
    totals.add(page.body.total)
    expect(page.body.versions.length).toBeLessThanOrEqual(limit)
    if (page.body.next_cursor !== null) expect(page.body.versions.length).toBe(limit)
    seen.push(...page.body.versions.map(v => v.version))
    cursor = page.body.next_cursor
  } while (cursor !== null)
  // Every page tells the same total: how many the walk gave in all.
  expect([...totals]).toEqual([seen.length])
  return seen
}

test('cursor pages walk the same order as list, however wide each read had to be', async () => {
  const ctx = localContext(repo, testClock())
  const listed = (await listVersions(ctx, { criteria: { name: 'fraud' } })).map(v => v.version)
  expect(listed).toHaveLength(VERSIONS - 2) // the archived two are hidden
  for (const limit of [1, 3, 7, 70, 100]) expect(await walk('', limit)).toEqual(listed)

  const byMetric = await listVersions(ctx, {
    criteria: { name: 'fraud' },
    sort: { by: 'metric', metric: 'f1_score' }
  })
  expect(await walk('&sort=metric:f1_score', 4)).toEqual(byMetric.map(v => v.version))

  const tagged = await listVersions(ctx, { criteria: { name: 'fraud', tags: ['gpu'] } })
  expect(tagged.length).toBeGreaterThan(10)
  expect(await walk('&tag=gpu', 2)).toEqual(tagged.map(v => v.version))
}, 120_000)

test('total: every matching version, for each kind of filter, whatever the page size', async () => {
  const ctx = localContext(repo, testClock())
  const cases: Array<[string, Parameters<typeof listVersions>[1]['criteria']]> = [
    ['', {}],
    ['&include_archived=true', { include_archived: true }],
    ['&stage=staging', { stage: 'staging' }],
    ['&stage=archived', { stage: 'archived' }],
    ['&stage=development&tag=gpu', { stage: 'development', tags: ['gpu'] }],
    ['&min=f1_score:0.5', { min_metrics: { f1_score: 0.5 } }],
    ['&min=f1_score:0.5&include_archived=true', { min_metrics: { f1_score: 0.5 }, include_archived: true }],
    ['&tag=gpu&sort=version', { tags: ['gpu'] }],
    ['&min=f1_score:2', { min_metrics: { f1_score: 2 } }]
  ]
  const totals: number[] = []
  for (const [query, criteria] of cases) {
    const expected = (await listVersions(ctx, { criteria: { name: 'fraud', ...criteria } })).length
    for (const limit of [1, 10, 1000]) {
      const page: Page = await t.client.get(`/api/v1/models/fraud/versions?limit=${limit}${query}`)
      expect({ query, limit, total: page.body.total }).toEqual({ query, limit, total: expected })
      expect(page.body.versions).toHaveLength(Math.min(limit, expected))
    }
    totals.push(expected)
  }
  // The cases tell different totals (a count that ignored a filter would fail above).
  expect(totals.slice(0, 5)).toEqual([VERSIONS - 2, VERSIONS, 3, 2, expect.any(Number)])
  expect(totals.at(-1)).toBe(0)
}, 60_000)
