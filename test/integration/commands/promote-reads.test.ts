/**
 * promote reads the holders of the target stage only when they matter (src/commands/promote.ts):
 * to demote them (an exclusive stage), to beat them (a must_beat gate) or to name them in a pull
 * request. Entering a stage many versions hold reads no holder's version file.
 */
import { expect, test } from '@jest/globals'
import type { CommandContext } from '../../../src/commands/context.js'
import { setPolicy } from '../../../src/commands/policy.js'
import { promote } from '../../../src/commands/promote.js'
import { importedRegistry } from '../../support/imported-registry.js'
import { recordingContext } from '../../support/recording-context.js'

// Every 4th of 60 versions is staged: 14 hold staging, the newest of them production.
const registry = importedRegistry({ models: ['lof'], versionsPerModel: 60, stagingEvery: 4 })

/** The context, with the snapshots a write builds on recording which version files are read. */
function counting(): { ctx: CommandContext; versions: string[] } {
  const { ctx, reads } = recordingContext(registry.ctx)
  return { ctx, versions: reads.versions }
}

test('promoting into a stage 14 versions hold, without a must_beat gate, reads none of the older holders', async () => {
  const { ctx: counted, versions } = counting()
  const result = await promote(counted, { reference: 'lof@1.0.1', to: 'staging' })
  expect(result.version.deployment_stage).toBe('staging')
  // The candidate, and what the head names (newest, highest, each stage's newest holder) when
  // layoutWrites updates it: a bounded set, whatever the number of holders.
  expect(versions).toContain('1.0.1')
  expect(new Set(versions).size).toBeLessThanOrEqual(5)
  const olderHolders = ['1.0.0', '1.0.4', '1.0.8', '1.0.12', '1.0.16', '1.0.20', '1.0.24', '1.0.28']
  expect(versions.filter(v => olderHolders.includes(v))).toEqual([])
})

test('with a must_beat gate on the stage, every holder is read and must be beaten', async () => {
  await setPolicy(registry.ctx, { key: 'gates.staging.must_beat', value: 'f1_score' })
  const { ctx: counted, versions } = counting()
  await expect(promote(counted, { reference: 'lof@1.0.2', to: 'staging' })).rejects.toThrow(/does not beat/)
  // The candidate and the 15 holders (14 imported, 1.0.1 promoted above).
  expect(new Set(versions).size).toBe(16)
})

test('an exclusive stage reads its holder to demote it', async () => {
  const { ctx: counted, versions } = counting()
  const result = await promote(counted, { reference: 'lof@1.0.4', to: 'production' })
  expect(result.demoted.map(v => v.version)).toEqual(['1.0.56'])
  expect(versions).toContain('1.0.56')
})

test('an older version taking an exclusive stage is its only holder: the rows are not scanned back to it', async () => {
  const { ctx, reads } = recordingContext(registry.ctx)
  const result = await promote(ctx, { reference: 'lof@1.0.8', to: 'production' })
  expect(result.demoted.map(v => v.version)).toEqual(['1.0.4'])
  // The head's production holder went (1.0.4): its successor, 1.0.8, is the one row added to
  // production, so no day of rows is read whole looking for a newer one.
  expect(reads.days).toEqual([])
})
