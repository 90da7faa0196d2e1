/**
 * The dashboard in a real headless Chromium (test/support/browser.ts) against `mreg serve` run
 * from the package as `npm run package` builds it, over a real registry made with the CLI: each
 * view loads with no console error, the filters, compare and time travel work, hostile registry
 * text stays text, and a promotion made while a page is open shows up without a reload.
 * With MREG_SCREENSHOTS=1 it also saves each view at laptop and phone width to docs/screenshots.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { makeProjectRepo, modelFile, removeDir } from '../../support/cli-harness.js'
import {
  buildPackage,
  LAPTOP,
  launchChromium,
  PHONE,
  rows,
  servePackage,
  settle,
  text,
  type Browser,
  type PackagedServer
} from '../../support/browser.js'
import { fillDashboardRegistry, HOSTILE, mregOk } from '../../support/dashboard-registry.js'
import { ServeClient } from '../../support/serve.js'

const SHOTS = process.env.MREG_SCREENSHOTS ? 'docs/screenshots' : null

let repo: string
let pkg: string
let server: PackagedServer
let browser: Browser
let before: string // a moment when fraud@1.0.1 held production, before 1.0.3 took it

const ok = (args: string[]) => mregOk(repo, args)
const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

beforeAll(async () => {
  // Chromium first: without it every test here fails at once with the install command.
  browser = await launchChromium()
  ;[repo, pkg] = await Promise.all([makeProjectRepo(), buildPackage()])
  ;({ before } = await fillDashboardRegistry(repo))
  server = await servePackage(pkg, repo)
  if (SHOTS) await mkdir(SHOTS, { recursive: true })
}, 180_000)

afterAll(async () => {
  await server?.close()
  await browser?.close()
  if (repo) await removeDir(repo)
  if (pkg) await removeDir(join(pkg, '..')) // the temporary package around dist/
})

/** Opens a view, waits for `ready`, and fails on any console error; screenshots both widths if asked. */
async function open(hash: string, ready: string, shot?: string): Promise<{ page: Page; problems: string[] }> {
  if (SHOTS && shot) {
    const phone = await browser.page(PHONE)
    await phone.page.goto(`${server.url}/${hash}`)
    await phone.page.locator(ready).first().waitFor()
    await settle(phone.page)
    await phone.page.screenshot({ path: join(SHOTS, `${shot}-phone.png`), fullPage: true })
    expect(phone.problems).toEqual([])
    await phone.page.close()
  }
  const opened = await browser.page(LAPTOP)
  await opened.page.goto(`${server.url}/${hash}`)
  await opened.page.locator(ready).first().waitFor()
  await settle(opened.page)
  if (SHOTS && shot) await opened.page.screenshot({ path: join(SHOTS, `${shot}-laptop.png`), fullPage: true })
  expect(opened.problems).toEqual([])
  return opened
}

describe('assets from the package', () => {
  test('the page, its script and stylesheet: the built files, with content types, caching and the CSP', async () => {
    const client = new ServeClient(server.url)
    const page = await client.get<string>('/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect(page.text).not.toMatch(/<script>|<style>| style=|https?:\/\//)
    expect(page.text).toBe(await readFile(join(pkg, 'dashboard', 'index.html'), 'utf8'))
    const again = await client.get('/', { 'if-none-match': page.headers.get('etag') as string })
    expect(again.status).toBe(304)

    const built = (await readdir(join(pkg, 'dashboard'))).filter(name => name !== 'index.html')
    expect(built.map(name => name.replace(/-[0-9a-f]{12}\./, '.')).sort()).toEqual(['app.js', 'style.css'])
    for (const name of built) {
      expect(page.text).toContain(`/dashboard/${name}`)
      const asset = await client.get<string>(`/dashboard/${name}`)
      expect(asset.status).toBe(200)
      expect(asset.headers.get('content-type')).toBe(
        name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8'
      )
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(asset.text).toBe(await readFile(join(pkg, 'dashboard', name), 'utf8'))
    }
    for (const path of ['/dashboard/nope-1234.js', '/dashboard/index.html', '/dashboard/%2e%2e%2fcli.js'])
      expect((await client.get(path)).status).toBe(404)
  })
})

describe('views', () => {
  test('overview: every model with its stage holders, newest and count', async () => {
    const { page } = await open('', '.model-card', 'overview')
    const fraud = page.locator('.model-card[data-model="fraud"]')
    expect(await fraud.locator('.count').textContent()).toBe('5')
    expect(await fraud.locator('.holders li', { hasText: 'production' }).textContent()).toContain('1.0.3')
    expect(await page.locator('.model-card[data-model="churn"] .holders').textContent()).toContain('staging')
    await fraud.locator('h2 a').click()
    await page.locator('table.versions tbody tr').first().waitFor()
    expect(page.url()).toContain('#/models/fraud')
    await page.close()
  })

  test('a model: versions table with stage, tag and metric filters and sorting; charts; timeline', async () => {
    const { page, problems } = await open('#/models/fraud', 'table.versions tbody tr', 'model')
    expect(await rows(page)).toEqual(['1.0.4', '1.0.3', '1.0.2', '1.0.1', '1.0.0'])
    expect(await text(page, '.shown-count')).toBe('Showing 5 of 5 versions')
    expect(await page.locator('button.load-more').count()).toBe(0)
    expect(await text(page, '.chart-scope')).toBe('Charts show all 5 versions.')
    expect(await page.locator('.timeline-scope').count()).toBe(0)
    expect(await page.getByRole('list', { name: 'stage holders' }).textContent()).toMatch(
      /production\s*1\.0\.3/
    )
    // One chart per metric, each drawn; the stage timeline drawn too.
    expect(
      await page.locator('.metric-chart').evaluateAll(f => f.map(x => x.getAttribute('data-metric')))
    ).toEqual(['f1_score', 'latency_ms', 'precision'])
    const drawn = await page
      .locator('canvas')
      .evaluateAll(canvases => canvases.map(c => (c as HTMLCanvasElement).toDataURL().length))
    expect(drawn).toHaveLength(4)
    const blank = await page.evaluate(() => {
      const c = document.createElement('canvas')
      c.width = 10
      c.height = 10
      return c.toDataURL().length
    })
    for (const size of drawn) expect(size).toBeGreaterThan(blank * 5)

    const filter = async (fields: Record<string, string>, expected: string[]) => {
      const form = page.locator('form.filters')
      const clear = form.getByRole('button', { name: 'Clear' })
      if ((await clear.count()) > 0) {
        await clear.click()
        await page.waitForFunction(() => !location.hash.includes('?'))
      }
      for (const [name, value] of Object.entries(fields)) {
        const field = form.locator(`[name="${name}"]`)
        if ((await field.evaluate(el => el.tagName)) === 'SELECT') await field.selectOption(value)
        else await field.fill(value)
      }
      await form.getByRole('button', { name: 'Apply' }).click()
      const shown = () => rows(page).then(r => JSON.stringify(r))
      for (let tries = 0; tries < 200 && (await shown()) !== JSON.stringify(expected); tries++)
        await pause(100)
      expect(await rows(page)).toEqual(expected)
      for (const [name, value] of Object.entries(fields))
        expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get(name)).toBe(value)
    }
    await filter({ stage: 'development' }, ['1.0.4', '1.0.2', '1.0.0'])
    await filter({ tag: 'high_recall' }, ['1.0.3', '1.0.1'])
    await filter({ min: 'f1_score:0.88' }, ['1.0.4', '1.0.3', '1.0.2'])
    await filter({ sort: 'metric:f1_score' }, ['1.0.4', '1.0.2', '1.0.3', '1.0.1', '1.0.0'])
    await filter({ sort: 'metric:latency_ms' }, ['1.0.1', '1.0.3', '1.0.2', '1.0.0', '1.0.4'])
    await filter({ stage: 'development', min: 'precision:0.73' }, ['1.0.4', '1.0.2'])

    await page.locator('details.timeline-list summary').click()
    const timeline = await page.locator('ol.timeline').textContent()
    expect(timeline).toMatch(/1\.0\.3 entered production/)
    expect(timeline).toMatch(/1\.0\.1 entered deprecated/)
    expect(problems).toEqual([])
    await page.close()
  })

  test('a model larger than a page: showing N of M, load more, filters and sort by the server', async () => {
    // The page size and the charted window come from the route, as a link can set them.
    const { page, problems } = await open('#/models/fraud?limit=2&chart=1', 'table.versions tbody tr')
    expect(await rows(page)).toEqual(['1.0.4', '1.0.3'])
    expect(await text(page, '.shown-count')).toBe('Showing 2 of 5 versions')
    const more = async (label: string, expected: string[]) => {
      await page.getByRole('button', { name: label }).click()
      await page.waitForFunction(
        n => document.querySelectorAll('table.versions tbody tr').length === n,
        expected.length
      )
      await settle(page)
      expect(await rows(page)).toEqual(expected)
    }
    await more('Load 2 more', ['1.0.4', '1.0.3', '1.0.2', '1.0.1'])
    expect(await text(page, '.shown-count')).toBe('Showing 4 of 5 versions')
    await more('Load 1 more', ['1.0.4', '1.0.3', '1.0.2', '1.0.1', '1.0.0'])
    expect(await text(page, '.shown-count')).toBe('Showing 5 of 5 versions')
    expect(await page.locator('button.load-more').count()).toBe(0)

    // The charts draw the latest version only, and say so; the holders still come from all of them.
    expect(await text(page, '.chart-scope')).toBe('Charts show the latest 1 of 5 versions (by registration).')
    expect(await text(page, '.timeline-scope')).toBe('Stage changes of the latest 1 of 5 versions.')
    expect(await text(page, 'details.timeline-list summary')).toBe('Stage changes of these versions (1)')
    expect(await page.getByRole('list', { name: 'stage holders' }).textContent()).toMatch(
      /production\s*1\.0\.3/
    )

    // A filter is the server's: M is what matches, and the table starts again at its first page.
    const apply = async (fields: Record<string, string>, count: string, expected: string[]) => {
      const form = page.locator('form.filters')
      for (const [name, value] of Object.entries(fields))
        await form.locator(`[name="${name}"]`).selectOption(value)
      await form.getByRole('button', { name: 'Apply' }).click()
      await page.waitForFunction(
        want => document.querySelector('.shown-count')?.textContent?.replace(/\s+/g, ' ').trim() === want,
        count
      )
      await settle(page)
      expect(await rows(page)).toEqual(expected)
      const hash = new URLSearchParams(new URL(page.url()).hash.split('?')[1])
      expect([hash.get('limit'), hash.get('chart')]).toEqual(['2', '1'])
    }
    await apply({ stage: 'development' }, 'Showing 2 of 3 matching versions', ['1.0.4', '1.0.2'])
    await more('Load 1 more', ['1.0.4', '1.0.2', '1.0.0'])
    expect(await text(page, '.shown-count')).toBe('Showing 3 of 3 matching versions')
    // Sorted over every version, not over the rows loaded: the best two f1 scores of all five.
    await apply({ stage: '', sort: 'metric:f1_score' }, 'Showing 2 of 5 versions', ['1.0.4', '1.0.2'])
    await more('Load 2 more', ['1.0.4', '1.0.2', '1.0.3', '1.0.1'])
    expect(problems).toEqual([])
    await page.close()
  })

  test('a version: metadata, lineage, checksum, download, stage history, commits; notes stay text', async () => {
    const shown = JSON.parse(await ok(['--json', 'show', 'fraud@1.0.2'])) as {
      artifact: { sha256: string }
      parent_model_id: string
    }
    const { page, problems } = await open(
      `#/versions/${encodeURIComponent('fraud@1.0.2')}`,
      '.commits li',
      'version'
    )
    expect(await page.locator('.checksum').textContent()).toBe(shown.artifact.sha256)
    expect(await page.locator('.notes').textContent()).toBe(HOSTILE)
    expect(await page.locator('.notes *').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('.pairs').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('txns-2026-11')])
    )
    expect(await page.locator('table.history tbody tr').count()).toBe(1)
    expect(await page.locator('.commits li').first().textContent()).toContain('register fraud 1.0.2')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download' }).click()
    ])
    const bytes = await readFile(await download.path())
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown.artifact.sha256)

    await page.getByRole('link', { name: 'Compare with production' }).click()
    await page.locator('table.compare tbody tr').first().waitFor()
    expect(await page.locator('table.compare thead th a').allTextContents()).toEqual([
      'fraud@1.0.3',
      'fraud@1.0.2'
    ])
    await page.goBack()
    await page.locator('h1', { hasText: '1.0.2' }).waitFor()

    // A directory version lists its files, each downloaded on its own.
    await page.goto(`${server.url}/#/versions/${encodeURIComponent('embedder@1.0.0')}`)
    await page.locator('.manifest summary').click()
    expect(await page.locator('.manifest summary').textContent()).toBe('2 files')
    expect(await page.getByRole('link', { name: 'Download' }).count()).toBe(0)
    const vocab = await readFile(join(repo, 'embedder', 'vocab.txt'))
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'vocab.txt' }).click()
    ])
    expect((await readFile(await file.path())).equals(vocab)).toBe(true)
    expect(file.suggestedFilename()).toBe('vocab.txt')
    await page.goBack()
    await page.locator('h1', { hasText: '1.0.2' }).waitFor()
    await page.locator('a.parent').click()
    await page.locator('h1', { hasText: '1.0.1' }).waitFor()
    expect(decodeURIComponent(page.url())).toContain(`#/versions/${shown.parent_model_id}`)
    expect(await page.locator('table.history tbody tr').count()).toBe(4)
    expect(problems).toEqual([])
    await page.close()
  })

  test('compare: picked on the model page; deltas from the first, the best per metric marked', async () => {
    const { page, problems } = await open('#/models/fraud', 'table.versions tbody tr')
    for (const version of ['1.0.1', '1.0.3', '1.0.4'])
      await page.getByRole('checkbox', { name: `pick ${version}` }).check()
    await page.getByRole('button', { name: /Compare/ }).click()
    await page.locator('table.compare tbody tr').first().waitFor()
    const cells = (metric: string) => page.locator(`table.compare tr[data-metric="${metric}"] td`)
    const best = (metric: string) =>
      cells(metric).evaluateAll(tds => tds.map(td => td.getAttribute('data-best')))
    expect(await cells('f1_score').locator('.value').allTextContents()).toEqual(['0.86', '0.88', '0.93'])
    expect(await best('f1_score')).toEqual(['false', 'false', 'true'])
    expect(await cells('f1_score').locator('.delta').allTextContents()).toEqual([
      '+0.02 (+2.3%)',
      '+0.07 (+8.1%)'
    ])
    expect(await best('precision')).toEqual(['false', 'true', 'false'])
    // The policy says smaller latency is better: the best is the lowest, a rise shown as a loss.
    const latency = page.locator('table.compare tr[data-metric="latency_ms"]')
    expect(await latency.locator('th').textContent()).toContain('lower is better')
    expect(await best('latency_ms')).toEqual(['true', 'false', 'false'])
    expect(await latency.locator('td .delta.down').allTextContents()).toEqual(['+1 (+11.1%)', '+4 (+44.4%)'])
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'compare-laptop.png'), fullPage: true })
    const hash = new URL(page.url()).hash
    await page.setViewportSize(PHONE)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'compare-phone.png'), fullPage: true })
    expect(hash).toBe('#/compare?ref=fraud%401.0.1&ref=fraud%401.0.3&ref=fraud%401.0.4')
    expect(problems).toEqual([])
    await page.close()
  })

  test('a model that does not exist: the error the API gives, on the page', async () => {
    const { page, problems } = await browser.page(LAPTOP)
    await page.goto(`${server.url}/#/models/nope`)
    const alert = page.getByRole('alert').first()
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/^not-found: no model named "nope"/)
    // The browser reports the 404 itself; nothing else may go wrong.
    expect(problems.filter(p => !p.includes('404'))).toEqual([])
    await page.close()
  })

  test('time travel: what held production at a past moment', async () => {
    const { page, problems } = await open('', '.model-card')
    const fraud = page.locator('.model-card[data-model="fraud"]')
    const local = before.slice(0, 19) // the browser runs in UTC (test/support/browser.ts)
    await page.locator('form.time-travel input[name="at"]').fill(local)
    await page.locator('form.time-travel').getByRole('button', { name: 'Show' }).click()
    await fraud.locator('.holders[data-at]').waitFor()
    const past = await fraud.locator('.holders[data-at] li', { hasText: 'production' }).textContent()
    expect(past).toContain('1.0.1')
    expect(past).not.toContain('1.0.3')
    expect(await page.locator('.note').textContent()).toContain('as it was at')
    await page.getByRole('button', { name: 'Now' }).click()
    await page.waitForFunction(() => !document.querySelector('.holders[data-at]'))
    expect(await fraud.locator('.holders li', { hasText: 'production' }).textContent()).toContain('1.0.3')
    // The model's page takes the same moment from its URL.
    await page.goto(`${server.url}/#/models/fraud?at=${encodeURIComponent(before)}`)
    const then = page.locator('.then .holders[data-at] li', { hasText: 'production' })
    await then.waitFor()
    expect(await then.textContent()).toMatch(/production\s*1\.0\.1$/)
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('live', () => {
  test('a promotion made while the page is open appears without a reload', async () => {
    const { page, problems } = await open('#/models/fraud', 'table.versions tbody tr')
    const row = page.locator('table.versions tr[data-version="1.0.4"] .badge')
    expect(await row.textContent()).toBe('development')
    await page.evaluate(() => ((window as unknown as { __same?: boolean }).__same = true))
    await ok(['promote', 'fraud@1.0.4', '--to', 'staging'])
    await page.waitForFunction(
      () =>
        document.querySelector('table.versions tr[data-version="1.0.4"] .badge')?.textContent === 'staging',
      undefined,
      { timeout: 10_000 }
    )
    expect(await page.locator('.notice').first().textContent()).toBe('fraud@1.0.4: development → staging')
    expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  })

  test('a registration made while the overview is open adds its model', async () => {
    const { page, problems } = await open('', '.model-card')
    expect(await page.locator('.model-card[data-model="ranker"]').count()).toBe(0)
    await ok(['register', await modelFile(repo, 'ranker.bin', 21), '--type', 'lightgbm', '--name', 'ranker'])
    await page.locator('.model-card[data-model="ranker"]').waitFor({ timeout: 10_000 })
    expect(await page.locator('.notice', { hasText: 'ranker@1.0.0 registered' }).count()).toBe(1)
    expect(problems).toEqual([])
    await page.close()
  })

  test('a --token server: the page asks for the token, then browses and follows events with it', async () => {
    const guarded = await servePackage(pkg, repo, ['--token', 'dashboard-secret'])
    try {
      const { page, problems } = await browser.page(LAPTOP)
      await page.goto(guarded.url + '/')
      await page.locator('input[name="token"]').fill('dashboard-secret')
      await page.getByRole('button', { name: 'Open' }).click()
      await page.locator('.model-card[data-model="fraud"]').waitFor()
      await page.locator('[data-live="live"]').waitFor()
      // The one 401 was the page asking whether it needs the token.
      expect(problems.filter(p => !p.includes('401'))).toEqual([])
      expect(guarded.stderr()).not.toContain('dashboard-secret')
      await page.close()
    } finally {
      await guarded.close()
    }
  })
})

describe('a policy with its own stages', () => {
  test('a partial chart window shows the holders of every stage the registry has, not the default ones', async () => {
    // A stage the default policy lacks, held by the oldest version: outside a window of one.
    await ok(['policy', 'set', 'stages[7]', 'live'])
    await ok(['policy', 'set', 'transitions.development[3]', 'live'])
    await ok(['promote', 'fraud@1.0.0', '--to', 'live'])
    const { page, problems } = await open('#/models/fraud?chart=1', 'table.versions tbody tr')
    const holders = page.getByRole('list', { name: 'stage holders' })
    await holders.waitFor()
    expect(await text(page, '.chart-scope')).toMatch(/^Charts show the latest 1 of \d+ versions/)
    expect(await holders.locator('li', { hasText: 'live' }).textContent()).toMatch(/live\s*1\.0\.0$/)
    expect(await holders.textContent()).toMatch(/production\s*1\.0\.3/)
    expect(problems).toEqual([])
    await page.close()
  })
})
