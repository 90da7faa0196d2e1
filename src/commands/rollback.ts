/**
 * rollback: put back the version that held a stage before its current holder. The previous
 * holder is found from the versions' stage history; the promotion itself is an ordinary one,
 * except that must_beat is waived (src/domain/gates.ts): the version it would have to beat is
 * the one being rolled back.
 */
import { notFound } from '../domain/errors.js'
import { ROLLBACK_VIA } from '../domain/gates.js'
import { previousHolder } from '../domain/history.js'
import { parseName, parseStage } from '../domain/names.js'
import { formatReference } from '../domain/references.js'
import type { CommandContext } from './context.js'
import { promote, type PromoteResult } from './promote.js'

export interface RollbackInput {
  name: string
  stage: string
}

export async function rollback(ctx: CommandContext, input: RollbackInput): Promise<PromoteResult> {
  const name = parseName(input.name)
  const snapshot = await ctx.backend.snapshot()
  const stage = parseStage(snapshot.policy, input.stage)
  const index = await snapshot.readIndex(name)
  if (!index)
    throw notFound(w => `no model named "${name}"; ${w.command('list')} shows the registered models`, {
      field: 'name',
      value: name,
      reason: 'no-such-model'
    })
  const current = index.stages[stage]?.[0]
  if (current === undefined) throw notFound(`nothing holds ${name}@${stage}: there is nothing to roll back`)
  const previous = previousHolder(index.versions, stage, current)
  if (!previous)
    throw notFound(`no version of ${name} held ${stage} before ${name}@${current}: nothing to roll back to`)
  return promote(ctx, {
    reference: formatReference(previous),
    to: stage,
    via: ROLLBACK_VIA,
    skipTransitionCheck: true
  })
}
