/** A one-line progress display on a terminal, for files large enough to keep a user waiting. */
import { formatBytes } from '../domain/time.js'

export const PROGRESS_THRESHOLD_BYTES = 100 * 1024 * 1024
const REDRAW_MS = 200

export type ProgressCallback = (bytesDone: number, total: number) => void

export function terminalProgress(
  label: string,
  write: (text: string) => void,
  now = () => Date.now()
): ProgressCallback {
  let last = 0
  let finished = false
  return (done, total) => {
    if (total < PROGRESS_THRESHOLD_BYTES || finished) return
    const complete = done >= total
    if (!complete && now() - last < REDRAW_MS) return
    last = now()
    const percent = Math.floor((done / total) * 100)
    write(
      `\r${label} ${String(percent).padStart(3)}% (${formatBytes(done)} / ${formatBytes(total)})${complete ? '\n' : ''}`
    )
    finished = complete
  }
}
