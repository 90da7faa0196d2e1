/**
 * The github phase of npm run stress: every GitHub call the product makes × every fault kind
 * (test/support/github-faults.ts), `runsPerCell` faulted `mreg --github` runs each against the
 * emulator, each followed by the audit (completed or failed clearly; after one cleanup nothing
 * dangling and nothing left over; the token nowhere). The TypeScript module is bundled first
 * (dependencies stay in node_modules), into .tmp/ so that its relative reads of the repository
 * resolve as from test/support.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'

/** Lost: a reported success that is not there; corrupt: metadata whose asset differs. */
const LOST = /cannot be fetched|points at release .* that does not exist|is missing or differs/
const CORRUPT = /fetched with another SHA-256|does not match/

/**
 * test/support/cli-harness.ts also offers jest fixtures (beforeAll/afterAll), which the matrix
 * does not use; outside jest those hooks must not exist, so they throw if ever called.
 */
const noJestHooks = {
  name: 'no-jest-hooks',
  setup(builder) {
    builder.onResolve({ filter: /^@jest\/globals$/ }, () => ({ path: 'jest-globals', namespace: 'no-jest' }))
    builder.onLoad({ filter: /.*/, namespace: 'no-jest' }, () => ({
      contents:
        "const outside = () => { throw new Error('jest hooks called outside jest') }\nexport const beforeAll = outside\nexport const afterAll = outside\n",
      loader: 'js'
    }))
  }
}

export async function githubFaultsScenario({ runsPerCell, sites, random, record, totals }) {
  const dir = join(process.cwd(), '.tmp', 'stress')
  await mkdir(dir, { recursive: true })
  const outfile = join(dir, 'github-faults.mjs')
  await build({
    entryPoints: ['test/support/github-faults.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    plugins: [noJestHooks]
  })
  const { runFaultMatrix, CELLS } = await import(outfile)
  const started = Date.now()
  // sites: a subset of the call sites (--github-sites), to rerun a part of the matrix alone
  const only = sites ? CELLS.filter(cell => sites.includes(cell.site)) : undefined
  if (only?.length === 0) throw new Error(`--github-sites ${sites.join(',')} names no call site`)
  const report = await runFaultMatrix({
    runsPerCell,
    only,
    random,
    onRun: run => {
      const detail = `${run.site} × ${run.kind} (armed ${run.times}×, exit ${run.exitCode}): ${run.problems.join('; ')}`
      record('github-faults', run.problems.length === 0, detail)
      // one line per run, so that a run that never ends shows where it stopped
      console.log(`github-faults ${run.site} × ${run.kind}: ${run.outcome}${run.problems.length ? ` — ${run.problems.join('; ')}` : ''}`)
      if (run.problems.some(p => LOST.test(p))) totals.lost++
      if (run.problems.some(p => CORRUPT.test(p))) totals.corrupt++
    }
  })
  const met = report.runs.filter(r => r.faultMet).length
  const swept = report.runs.reduce((sum, r) => sum + r.orphansSwept, 0)
  const cells = new Set(report.runs.map(r => `${r.site} × ${r.kind}`)).size
  console.log(
    `github-faults: ${report.runs.length} faulted runs over ${cells} cells (call site × fault kind), fault met in ${met}, ${swept} orphans swept by the cleanups after them; ${Math.round((Date.now() - started) / 1000)} s`
  )
  console.log('| call site | fault | runs | completed | failed clearly | bad |')
  console.log('| --- | --- | ---: | ---: | ---: | ---: |')
  for (const [key, cell] of report.cells) {
    const [site, kind] = key.split(' × ')
    console.log(
      `| ${site} | ${kind} | ${cell.runs} | ${cell.completed} | ${cell.failedClearly} | ${cell.bad} |`
    )
  }
}
