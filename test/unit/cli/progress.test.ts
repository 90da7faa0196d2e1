import { describe, expect, test } from '@jest/globals'
import { PROGRESS_THRESHOLD_BYTES, terminalProgress } from '../../../src/cli/progress.js'

describe('terminalProgress', () => {
  test('silent for files under the threshold', () => {
    const lines: string[] = []
    const progress = terminalProgress('hashing', text => lines.push(text))
    progress(10, PROGRESS_THRESHOLD_BYTES - 1)
    progress(PROGRESS_THRESHOLD_BYTES - 1, PROGRESS_THRESHOLD_BYTES - 1)
    expect(lines).toEqual([])
  })

  test('redraws at most every 200 ms and ends with a newline at 100 %', () => {
    let now = 1_000
    const lines: string[] = []
    const total = 200 * 1024 * 1024
    const progress = terminalProgress(
      'storing',
      text => lines.push(text),
      () => now
    )
    progress(total / 4, total)
    now += 50
    progress(total / 2, total) // too soon: skipped
    now += 200
    progress((total * 3) / 4, total)
    progress(total, total)
    progress(total, total) // after completion: nothing more
    expect(lines).toEqual([
      '\rstoring  25% (50.0 MiB / 200.0 MiB)',
      '\rstoring  75% (150.0 MiB / 200.0 MiB)',
      '\rstoring 100% (200.0 MiB / 200.0 MiB)\n'
    ])
  })
})
