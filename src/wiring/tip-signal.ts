/**
 * Learning that the registry branch may have moved. Locally, git moves a branch by renaming
 * `refs/heads/<branch>.lock` over the ref file (or rewriting packed-refs on `git pack-refs`), so
 * watching the ref's directory and the gitdir notices a new tip at once; a poll backs fs.watch up
 * where it is unreliable (network filesystems, some containers). On GitHub, a conditional REST
 * request for the branch's ref (src/github/branch-tip.ts) asks at each interval whether the tip
 * moved, and only a moved tip makes the reader fetch; webhooks call `poke`. A signal says "look
 * again", never what changed: the reader compares tips.
 */
import { watch, type FSWatcher } from 'node:fs'
import { dirname, join } from 'node:path'

export interface TipSignal {
  /** Resolves at the next hint that the tip may have moved, or when the signal is closed. */
  next(): Promise<void>
  /** A hint from outside (a webhook). */
  poke(): void
  close(): void
}

class Signal implements TipSignal {
  private waiters: Array<() => void> = []
  private pending = false
  private closed = false
  private readonly cleanups: Array<() => void> = []

  /** Pokes at every interval; with `probe`, only when the probe says the tip may have moved. */
  constructor(intervalMs: number, probe?: () => Promise<boolean>) {
    if (!probe) {
      const timer = setInterval(() => this.poke(), intervalMs)
      timer.unref()
      this.cleanups.push(() => clearInterval(timer))
      return
    }
    // One probe at a time: the next is scheduled when the last has answered, so a slow server
    // never piles requests up.
    let timer: NodeJS.Timeout | undefined
    const schedule = (delay: number) => {
      if (this.closed) return
      timer = setTimeout(() => {
        probe().then(
          moved => {
            if (moved) this.poke()
            schedule(intervalMs)
          },
          () => {
            // The probe could not tell (network, refused): let the reader look, and report.
            this.poke()
            schedule(intervalMs)
          }
        )
      }, delay)
      timer.unref()
    }
    schedule(0)
    this.cleanups.push(() => clearTimeout(timer))
  }

  onClose(cleanup: () => void): void {
    this.cleanups.push(cleanup)
  }

  next(): Promise<void> {
    if (this.closed) return Promise.resolve()
    if (this.pending) {
      this.pending = false
      return Promise.resolve()
    }
    // Someone is waiting for the registry: that keeps the process alive (the poll timer and the
    // watchers do not, so a closed or abandoned signal never holds a process open).
    return new Promise(resolve => {
      const hold = setInterval(() => {}, 1 << 30)
      this.waiters.push(() => {
        clearInterval(hold)
        resolve()
      })
    })
  }

  poke(): void {
    const waiters = this.waiters
    this.waiters = []
    if (waiters.length === 0) this.pending = true
    for (const wake of waiters) wake()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const cleanup of this.cleanups) cleanup()
    this.poke()
  }
}

/**
 * A signal that asks `probe` at each interval whether the tip moved (true: look again). A probe
 * that fails pokes too, so the reader's own look reports the trouble.
 */
export function probingTipSignal(probe: () => Promise<boolean>, intervalMs: number): TipSignal {
  return new Signal(intervalMs, probe)
}

export function localTipSignal(gitdir: string, branch: string, pollIntervalMs: number): TipSignal {
  const signal = new Signal(pollIntervalMs)
  const refDir = dirname(join(gitdir, 'refs', 'heads', branch))
  const watchOne = (dir: string, relevant: (file: string) => boolean) => {
    let watcher: FSWatcher | undefined
    try {
      watcher = watch(dir, { persistent: false }, (_event, file) => {
        if (file === null || relevant(String(file))) signal.poke()
      })
      watcher.on('error', () => watcher?.close())
    } catch {
      // The directory may not exist yet (no branch); the poll covers it.
    }
    signal.onClose(() => watcher?.close())
  }
  const leaf = branch.slice(branch.lastIndexOf('/') + 1)
  watchOne(refDir, file => file === leaf || file === `${leaf}.lock`)
  watchOne(gitdir, file => file === 'packed-refs' || file === 'packed-refs.lock')
  return signal
}
