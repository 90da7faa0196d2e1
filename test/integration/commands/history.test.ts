/** history answers "what was in production at time T" from the branch as it was then. */
import { beforeAll, expect, test } from '@jest/globals'
import { history } from '../../../src/commands/history.js'
import { init } from '../../../src/commands/init.js'
import { promote } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import { rollback } from '../../../src/commands/rollback.js'
import { localContext, testClock } from '../../support/command-context.js'
import { modelFile, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry({ init: false })
const clock = testClock('2026-11-01T09:00:00Z')

beforeAll(async () => {
  const ctx = localContext(project.repo, clock)
  await init(ctx)
  for (const [i, version] of ['1.0.0', '1.1.0'].entries()) {
    clock.advance(3_600_000)
    await register(ctx, {
      file: await modelFile(project.work, `m${i}.pkl`, i),
      modelType: 'detector',
      version
    })
  }
  // 1.0.0 reaches production on Nov 2, 1.1.0 replaces it on Nov 3.
  for (const [ref, day] of [
    ['detector@1.0.0', '02'],
    ['detector@1.1.0', '03']
  ] as const) {
    for (const stage of ['staging', 'canary', 'production']) {
      clock.set(`2026-11-${day}T1${['staging', 'canary', 'production'].indexOf(stage)}:00:00Z`)
      await promote(ctx, { reference: ref, to: stage })
    }
  }
})

test('what held each stage at a time in the past', async () => {
  const ctx = localContext(project.repo, clock)
  const onNov2 = await history(ctx, { target: 'detector', at: new Date('2026-11-02T18:00:00Z') })
  expect(onNov2.at?.holders).toEqual({ production: ['1.0.0'], development: ['1.1.0'] })
  const midNov3 = await history(ctx, { target: 'detector', at: new Date('2026-11-03T11:30:00Z') })
  expect(midNov3.at?.holders).toEqual({ production: ['1.0.0'], canary: ['1.1.0'] })
  const later = await history(ctx, { target: 'detector', at: new Date('2026-11-04T00:00:00Z') })
  expect(later.at?.holders).toEqual({ production: ['1.1.0'], deprecated: ['1.0.0'] })
})

test('version history lists its commits newest first with who and when', async () => {
  const outcome = await history(localContext(project.repo, clock), { target: 'detector@1.0.0' })
  expect(outcome.events.map(e => e.subject)).toEqual([
    'promote detector 1.1.0: canary → production',
    'promote detector 1.0.0: canary → production',
    'promote detector 1.0.0: staging → canary',
    'promote detector 1.0.0: development → staging',
    'register detector 1.0.0 (development)'
  ])
  expect(outcome.stages.map(s => [s.stage, s.from, s.until])).toEqual([
    ['development', '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z'],
    ['staging', '2026-11-02T10:00:00.000Z', '2026-11-02T11:00:00.000Z'],
    ['canary', '2026-11-02T11:00:00.000Z', '2026-11-02T12:00:00.000Z'],
    ['production', '2026-11-02T12:00:00.000Z', '2026-11-03T12:00:00.000Z'],
    ['deprecated', '2026-11-03T12:00:00.000Z', null]
  ])
})

test('rollback puts the previous production holder back, through the same path as promote', async () => {
  const ctx = localContext(project.repo, clock)
  clock.set('2026-11-05T09:00:00Z')
  const result = await rollback(ctx, { name: 'detector', stage: 'production' })
  expect(result.version.version).toBe('1.0.0')
  expect(result.from).toBe('deprecated')
  expect(result.demoted.map(v => [v.version, v.deployment_stage])).toEqual([['1.1.0', 'deprecated']])
  expect(result.version.stage_history.at(-1)).toMatchObject({ stage: 'production', via: 'rollback' })
})
