import { describe, expect, test } from '@jest/globals'
import { backoffDelayMs, IdleWatchdog } from '../../../src/github/timing.js'

describe('backoffDelayMs', () => {
  test('grows exponentially, between half and all of each step', () => {
    expect(backoffDelayMs(1, 100, 30_000, () => 0)).toBe(50)
    expect(backoffDelayMs(1, 100, 30_000, () => 1)).toBe(100)
    expect(backoffDelayMs(3, 100, 30_000, () => 0)).toBe(200)
    expect(backoffDelayMs(3, 100, 30_000, () => 1)).toBe(400)
  })

  test('is capped', () => {
    expect(backoffDelayMs(30, 1000, 5000, () => 1)).toBe(5000)
  })

  test('jitter spreads concurrent retries', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelayMs(4, 1000)))
    expect(delays.size).toBeGreaterThan(1)
  })
})

describe('IdleWatchdog', () => {
  test('aborts after the idle time with a timeout error, unless touched', async () => {
    const watchdog = new IdleWatchdog(60)
    for (let i = 0; i < 4; i++) {
      await new Promise(resolve => setTimeout(resolve, 30))
      watchdog.touch()
    }
    expect(watchdog.signal.aborted).toBe(false)
    await new Promise(resolve => setTimeout(resolve, 120))
    expect(watchdog.signal.aborted).toBe(true)
    expect(watchdog.signal.reason).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' })
  })

  test('stop() cancels it', async () => {
    const watchdog = new IdleWatchdog(20)
    watchdog.stop()
    await new Promise(resolve => setTimeout(resolve, 60))
    expect(watchdog.signal.aborted).toBe(false)
  })
})
