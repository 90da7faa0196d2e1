/** Waits until `ready()` holds, checking every 20 ms; fails the test after `timeoutMs`. */
export async function waitFor(ready: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}
