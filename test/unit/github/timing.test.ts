import { describe, expect, test } from '@jest/globals'
import { backoffDelayMs, IdleWatchdog, WriteBucket } from '../../../src/github/timing.js'

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

describe('WriteBucket', () => {
  /** A clock the test moves; waiting moves it by the time asked. */
  function fakeTime() {
    let now = 0
    const waits: number[] = []
    return {
      now: () => now,
      wait: async (ms: number) => {
        waits.push(ms)
        now += ms
      },
      advance: (ms: number) => void (now += ms),
      waits
    }
  }

  test('a burst goes at once, then one write per spacing, in order', async () => {
    const time = fakeTime()
    const bucket = new WriteBucket(10, 1000, time.now, time.wait)
    const order: number[] = []
    await Promise.all(Array.from({ length: 13 }, (_, i) => bucket.schedule(() => order.push(i))))
    expect(order).toEqual([...Array(13).keys()])
    expect(time.waits).toEqual([1000, 1000, 1000])
  })

  test('never more than burst + one per spacing in any minute (GitHub: 80 content-creating requests a minute)', async () => {
    const time = fakeTime()
    const bucket = new WriteBucket(10, 1000, time.now, time.wait)
    const at: number[] = []
    for (let i = 0; i < 200; i++) await bucket.schedule(() => at.push(time.now()))
    for (let i = 0; i < at.length; i++) {
      const inMinute = at.filter(t => t >= (at[i] as number) && t < (at[i] as number) + 60_000).length
      expect(inMinute).toBeLessThanOrEqual(70)
    }
  })

  test('refills while idle, up to the burst', async () => {
    const time = fakeTime()
    const bucket = new WriteBucket(3, 1000, time.now, time.wait)
    for (let i = 0; i < 3; i++) await bucket.schedule(() => undefined)
    time.advance(60_000)
    for (let i = 0; i < 4; i++) await bucket.schedule(() => undefined)
    expect(time.waits).toEqual([1000])
  })

  test('spacing 0 never waits', async () => {
    const time = fakeTime()
    const bucket = new WriteBucket(1, 0, time.now, time.wait)
    for (let i = 0; i < 5; i++) await bucket.schedule(() => undefined)
    expect(time.waits).toEqual([])
  })

  test('a failing job does not stop the ones after it', async () => {
    const bucket = new WriteBucket(5, 0)
    await expect(bucket.schedule(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(bucket.schedule(() => 'next')).resolves.toBe('next')
  })
})
