/** The criteria of list and fetch, the Action-named flags folded in. */
import type { Criteria } from '../../domain/selection.js'
import { criteriaFrom, metricsFromAssignments, type CriteriaOptions } from '../options.js'
import { either, minimumsFrom, tagsFrom } from '../vocabulary.js'

export async function criteriaOf(o: CriteriaOptions): Promise<Criteria> {
  const criteria = criteriaFrom({
    ...o,
    type: either(o, 'type', 'model-type'),
    tag: tagsFrom(o),
    min: undefined
  })
  const minimums = await minimumsFrom(o, metricsFromAssignments(o.min))
  if (minimums !== undefined) criteria.min_metrics = minimums
  return criteria
}
