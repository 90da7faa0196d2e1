/**
 * A real headless Chromium for the dashboard tests: Debian's `chromium` package driven by
 * playwright-core (which never downloads a browser of its own), with a fresh profile directory
 * per launch. Missing Chromium fails the tests with the command that installs it — in CI
 * (.ci/run installs it) and locally alike, since a skipped browser test would hide a broken page.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { buildDashboard } from '../../scripts/bundle-dashboard.mjs'
import { bundleFronts } from './bundle-define.js'
import { removeDir, tempDir, testEnv } from './cli-harness.js'

export const CHROMIUM = '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface Browser {
  context: BrowserContext
  /** A new page whose console errors, uncaught exceptions and failed requests land in `problems`. */
  page(viewport?: { width: number; height: number }): Promise<{ page: Page; problems: string[] }>
  close(): Promise<void>
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the dashboard tests need Chromium at ${CHROMIUM}: install Debian's package with ` +
        '`apt-get update && apt-get install -y chromium` (.ci/run does this in CI)'
    )
  const profile = await tempDir('mreg-chromium-')
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    // Time-travel inputs are local time: UTC makes them the ISO times the tests compute.
    timezoneId: 'UTC',
    viewport: LAPTOP
  })
  return {
    context,
    page: async (viewport = LAPTOP) => {
      const page = await context.newPage()
      await page.setViewportSize(viewport)
      const problems: string[] = []
      page.on('console', message => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`)
      })
      page.on('pageerror', error => problems.push(`page error: ${error.message}`))
      page.on('requestfailed', request => {
        // The event stream is cut when the page goes away; that is not a failure of the page.
        if (!request.url().endsWith('/api/v1/events')) problems.push(`request failed: ${request.url()}`)
      })
      return { page, problems }
    },
    close: async () => {
      await context.close()
      await removeDir(profile)
    }
  }
}

/** Waits until nothing on the dashboard is loading and its event stream is connected. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy]'))
  await page.locator('[data-live="live"]').waitFor()
}

/** An element's text with its white space folded, as a reader sees it. */
export const text = (page: Page, selector: string): Promise<string | undefined> =>
  page
    .locator(selector)
    .textContent()
    .then(t => t?.replace(/\s+/g, ' ').trim())

/** The versions table's rows, by version. */
export const rows = (page: Page): Promise<Array<string | null>> =>
  page.locator('table.versions tbody tr').evaluateAll(trs => trs.map(tr => tr.getAttribute('data-version')))

export const LAPTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }

/**
 * The package's `dist/` as `npm run package` builds it — the CLI bundle (bundle-define.ts mirrors
 * scripts/bundle.mjs) and the dashboard by the very script it runs — in a temporary directory.
 * (Not bundle.mjs itself: it rewrites src/domain/generated, which other test files are reading.)
 */
export async function buildPackage(): Promise<string> {
  const out = await tempDir('mreg-package-')
  await bundleFronts(out)
  await buildDashboard(join(out, 'dist'))
  return join(out, 'dist')
}

export interface PackagedServer {
  url: string
  child: ChildProcess
  stderr: () => string
  close(): Promise<void>
}

/** `mreg serve` from a built package, as a user runs it; resolves once it says where it listens. */
export function servePackage(
  packageDir: string,
  registry: string,
  extra: string[] = []
): Promise<PackagedServer> {
  const child = spawn(
    process.execPath,
    [join(packageDir, 'cli.cjs'), '--registry', registry, 'serve', '--port', '0', ...extra],
    { env: testEnv(), stdio: ['ignore', 'ignore', 'pipe'] }
  )
  let stderr = ''
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`mreg serve did not start: ${stderr}`)), 30_000)
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk
      const url = /listening on (http:\/\/\S+)/.exec(stderr)?.[1]
      if (!url) return
      clearTimeout(timer)
      resolvePromise({
        url,
        child,
        stderr: () => stderr,
        close: () =>
          new Promise(done => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          })
      })
    })
    child.once('exit', code => {
      clearTimeout(timer)
      reject(new Error(`mreg serve exited (${code}): ${stderr}`))
    })
  })
}
