/**
 * A representative part of the GitHub fault matrix (test/support/github-faults.ts), every fault
 * kind and every call site at least once, times fixed: each faulted `mreg --github` command
 * completes correctly or fails clearly, leaves no metadata pointing at a missing or mismatching
 * asset, leaves nothing the cleanup sweep does not remove, and writes the token nowhere. The
 * whole matrix runs in `npm run stress` (docs/RELIABILITY.md).
 */
import { expect, test } from '@jest/globals'
import { runFaultMatrix, type CallSite, type FaultKind } from '../../support/github-faults.js'

const SUBSET: { site: CallSite; kind: FaultKind }[] = [
  { site: 'create-release', kind: 'secondary-403' },
  { site: 'upload', kind: 'http-502-starter' },
  { site: 'upload', kind: 'connection-reset' },
  { site: 'publish', kind: 'http-500' },
  { site: 'download', kind: 'connection-reset' },
  { site: 'push', kind: 'other-writer' },
  { site: 'push', kind: 'ruleset' },
  { site: 'pulls', kind: 'rate-429' },
  { site: 'reviews', kind: 'secondary-403' },
  { site: 'statuses', kind: 'http-502-starter' },
  { site: 'delete', kind: 'http-500' }
]

test('every fault kind at every call site: completed or failed clearly, nothing dangling, no token anywhere', async () => {
  // times 3 outlasts the client's retries for the HTTP faults: the failure paths are exercised too.
  let draw = 0
  const report = await runFaultMatrix({
    runsPerCell: 1,
    only: SUBSET,
    random: () => [0.9, 0.1][draw++ % 2] as number
  })
  const summary = report.runs.map(run => ({
    cell: `${run.site} × ${run.kind}`,
    met: run.faultMet,
    problems: run.problems
  }))
  expect(summary).toEqual(
    SUBSET.map(({ site, kind }) => ({ cell: `${site} × ${kind}`, met: true, problems: [] }))
  )
  // Both ends are reached: some runs complete despite the fault, some fail with a clear message.
  expect(new Set(report.runs.map(r => r.outcome))).toEqual(new Set(['completed', 'failed-clearly']))
}, 300_000)
