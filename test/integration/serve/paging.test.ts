/**
 * Pages of a model's versions read only as many rows as the page needs (registration order):
 * walking a model page by page with a cursor, in registration order, by metric and with a
 * filter, gives exactly what `mreg list` gives, over enough versions that a later page has to
 * widen its read several times.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { init } from '../../../src/commands/init.js'
import { listVersions } from '../../../src/commands/list.js'
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
  t = await serveRegistry({ registry: repo, actor: 'tester' })
}, 180_000)

afterAll(async () => {
  await t?.close()
  await removeDir(repo)
})

async function walk(query: string, limit: number): Promise<string[]> {
  const seen: string[] = []
  let cursor: string | null = null
  do {
    const url = `/api/v1/models/fraud/versions?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const page: { body: { versions: ModelVersion[]; next_cursor: string | null } } = await t.client.get(url)
    expect(page.body.versions.length).toBeLessThanOrEqual(limit)
    if (page.body.next_cursor !== null) expect(page.body.versions.length).toBe(limit)
    seen.push(...page.body.versions.map(v => v.version))
    cursor = page.body.next_cursor
  } while (cursor !== null)
  return seen
}

test('cursor pages walk the same order as list, however wide each read had to be', async () => {
  const ctx = localContext(repo, testClock())
  const listed = (await listVersions(ctx, { criteria: { name: 'fraud' } })).map(v => v.version)
  expect(listed).toHaveLength(VERSIONS)
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
