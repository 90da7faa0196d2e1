/**
 * Layout 2's derived files: the incremental path a write takes (re-lay out the touched days,
 * update the head from what changed) gives byte for byte what a rebuild from all version files
 * gives, whatever the versions and the change; and the rebuild does not depend on input order.
 */
import fc from 'fast-check'
import {
  SHARD_ROWS,
  dayOf,
  layoutDay,
  layoutRows,
  rowOf,
  rowOrder,
  versionFilePath,
  type VersionRow
} from '../../../src/domain/layout.js'
import { deriveHead, deriveModelFiles, updateHead } from '../../../src/domain/model-head.js'
import { compareSemver } from '../../../src/domain/versions.js'
import { makeVersion } from './fixtures.js'

const STAGES = ['development', 'staging', 'production', 'deprecated', 'archived']
const BASE = Date.parse('2026-03-01T00:00:00Z')

/** Registration offsets bunched into few days and seconds, so days overflow and times collide. */
const rowSpec = fc.record({
  minute: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 * 24 * 60 })),
  second: fc.integer({ min: 0, max: 2 }),
  stage: fc.constantFrom(...STAGES),
  deleted: fc.boolean(),
  type: fc.constantFrom('a', 'b'),
  tag: fc.constantFrom('x', 'y', null)
})

type RowSpec = typeof rowSpec extends fc.Arbitrary<infer T> ? T : never

function rowsFrom(specs: RowSpec[]): VersionRow[] {
  return specs.map((s, i) =>
    rowOf(
      makeVersion({
        version: `1.${i % 7}.${i}`,
        registered_at: new Date(BASE + s.minute * 60_000 + s.second * 1000).toISOString(),
        stage: s.stage,
        deleted: s.deleted,
        model_type: s.type,
        tags: s.tag ? [s.tag] : []
      })
    )
  )
}

const bytes = (value: unknown): string => JSON.stringify(value, null, 2)

/** What layout-writes does, on rows held in memory. */
async function incremental(before: VersionRow[], removed: VersionRow[], added: VersionRow[]) {
  const gone = new Set(removed.map(r => r.version))
  const after = [...before.filter(r => !gone.has(r.version)), ...added]
  const files = new Map([...layoutRows('m', before)].map(([p, s]) => [p, bytes(s)]))
  for (const day of new Set([...removed, ...added].map(dayOf))) {
    for (const path of [...files.keys()]) if (path.startsWith(`models/m/rows/${day}`)) files.delete(path)
    const rows = after.filter(r => dayOf(r) === day)
    for (const [path, shard] of layoutDay('m', day, rows)) files.set(path, bytes(shard))
  }
  const byVersion = new Map(before.map(r => [r.version, r]))
  const newestFirst = [...after].sort(rowOrder).reverse()
  const head = await updateHead('m', deriveHead('m', before), removed, added, {
    row: async v => byVersion.get(v) as VersionRow,
    newest: async keep => newestFirst.find(keep) ?? null,
    highest: async keep =>
      after
        .filter(keep)
        .map(r => r.version)
        .sort(compareSemver)
        .at(-1) ?? null
  })
  return { files, head: bytes(head), after }
}

describe('layout 2 derived files', () => {
  test('a write touching some days and the head equals a full rebuild, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowSpec, { minLength: 0, maxLength: 160 }),
        fc.array(rowSpec, { maxLength: 6 }),
        fc.array(fc.record({ pick: fc.nat(), restage: fc.option(fc.constantFrom(...STAGES)) }), {
          maxLength: 6
        }),
        async (initial, fresh, edits) => {
          const before = rowsFrom(initial)
          const newRows = rowsFrom([...initial, ...fresh]).slice(before.length)
          const removed: VersionRow[] = []
          const added: VersionRow[] = [...newRows]
          const picked = new Set<string>()
          for (const edit of edits) {
            const row = before[edit.pick % Math.max(1, before.length)]
            if (!row || picked.has(row.version)) continue
            picked.add(row.version)
            removed.push(row)
            // A stage change (promote, demote, archive) or, without a stage, a deletion.
            if (edit.restage) added.push({ ...row, stage: edit.restage })
          }
          const { files, head, after } = await incremental(before, removed, added)
          const rebuilt = new Map([...layoutRows('m', after)].map(([p, s]) => [p, bytes(s)]))
          expect(files).toEqual(rebuilt)
          expect(head).toBe(bytes(deriveHead('m', after)))
        }
      ),
      { numRuns: 300 }
    )
  })

  test('the rebuild does not depend on the order of the version files', () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { maxLength: 120 }), fc.nat(), (specs, fill) => {
        const rows = rowsFrom(specs)
        const docs = rows.map((r, i) =>
          makeVersion({
            version: r.version,
            registered_at: r.registered_at,
            stage: r.stage,
            model_id: `m_2026${i}`
          })
        )
        const shuffled = [...docs].sort(
          (a, b) =>
            ((a.version.length * fill) % 7) - ((b.version.length * fill) % 7) ||
            (a.version < b.version ? 1 : -1)
        )
        expect(bytes([...deriveModelFiles('m', shuffled)])).toBe(bytes([...deriveModelFiles('m', docs)]))
      }),
      { numRuns: 100 }
    )
  })

  test('a crowded day is split into hours, minutes, seconds; every shard stays within SHARD_ROWS when it can', () => {
    const at = (h: number, m: number, s: number) =>
      `2026-03-01T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.000Z`
    const rows: VersionRow[] = []
    // 70 in one second (cannot split further), 70 over one minute, 10 in another hour.
    for (let i = 0; i < 70; i++)
      rows.push(rowOf(makeVersion({ version: `1.0.${i}`, registered_at: at(1, 0, 0) })))
    for (let i = 0; i < 70; i++)
      rows.push(rowOf(makeVersion({ version: `2.0.${i}`, registered_at: at(2, 5, i % 60) })))
    for (let i = 0; i < 10; i++)
      rows.push(rowOf(makeVersion({ version: `3.0.${i}`, registered_at: at(3, i, 0) })))
    const shards = layoutDay('m', '2026/03/01', rows)
    const sizes = Object.fromEntries(
      [...shards].map(([p, s]) => [p.replace('models/m/rows/2026/03/01', ''), s.rows.length])
    )
    expect(sizes['/01.json']).toBeUndefined()
    expect(sizes['/01/00/00.json']).toBe(70)
    expect(sizes['/03.json']).toBe(10)
    expect(Object.keys(sizes).filter(k => k.startsWith('/02/05/'))).toHaveLength(60)
    for (const [path, size] of Object.entries(sizes))
      if (path !== '/01/00/00.json') expect(size).toBeLessThanOrEqual(SHARD_ROWS)
  })

  test('a head is derived in time linear in its rows, however many hold one stage', () => {
    // migrate derives each model's head from every row at once: 100,000 in one stage once took
    // minutes and gigabytes of garbage (a copy of the stage's holders per row)
    const rows: VersionRow[] = []
    for (let i = 0; i < 100_000; i++) {
      rows.push({
        version: `1.${Math.floor(i / 1000)}.${i % 1000}`,
        model_id: `m_20260301_${String(i).padStart(6, '0')}`,
        model_type: 'a',
        registered_at: new Date(BASE + i * 1000).toISOString(),
        stage: 'development',
        deleted: false,
        tags: [],
        metrics: {}
      })
    }
    const started = performance.now()
    const head = deriveHead('m', rows)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(head?.stages).toEqual({ development: { count: 100_000, newest: '1.99.999' } })
  })

  test('version files fan out over three levels of one hex digit', () => {
    expect(versionFilePath('fraud', '1.0.0')).toMatch(
      /^models\/fraud\/versions\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/1\.0\.0\.json$/
    )
  })
})
