/** Bounded parallelism for many small independent I/O steps (reading, hashing, storing files). */

/**
 * Runs `task` on every item with at most `limit` in flight; the first failure stops new tasks
 * from starting and is rethrown once the running ones have settled.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++
      try {
        await task(items[index] as T, index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failure !== undefined) throw failure.error
}

/**
 * How many registry reads a command keeps in flight: locally they go to git in one batch; over
 * GitHub's API each is a request, and GitHub asks for no more than 100 concurrent requests
 * (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api, secondary rate limits).
 */
export const READS_IN_FLIGHT = 32

/** `task` of every item with at most `limit` in flight; the results in the items' order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  await forEachLimited(items, limit, async (item, index) => {
    results[index] = await task(item, index)
  })
  return results
}
