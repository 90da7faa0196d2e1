/**
 * How many requests of a command waited for one another: the longest chain of recorded requests
 * (test/support/github-emulator) in which each arrived after the one before it had been answered.
 * Requests a client sends together overlap and count once; over a network each link of the chain
 * costs a round trip, however many requests run beside it.
 */
import type { RecordedRequest } from './github-emulator/types.js'

export function roundTrips(requests: readonly Pick<RecordedRequest, 'startedAt' | 'finishedAt'>[]): number {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt)
  const depth: number[] = []
  for (const [i, request] of sorted.entries()) {
    let before = 0
    for (let j = 0; j < i; j++) {
      const earlier = sorted[j] as RecordedRequest
      if (earlier.finishedAt <= request.startedAt) before = Math.max(before, depth[j] as number)
    }
    depth.push(before + 1)
  }
  return Math.max(0, ...depth)
}
