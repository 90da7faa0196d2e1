/**
 * Faults against the emulator (issue 11): every GitHub call the product makes, each fault kind
 * GitHub shows on a bad day, through `mreg --github` in this process (the emulator's faults are
 * armed between commands). After each faulted command the registry is audited with no fault armed:
 *
 * - the command completed correctly (what it reported is there: a registered version is listed,
 *   published and fetchable with its SHA-256; a fetched file matches), or it failed with a clear
 *   message (stderr, a few lines, no stack trace) and nothing it reported exists half-way;
 * - after one cleanup (orphans older than the grace period swept, interrupted publishes
 *   finished) doctor finds nothing, every live version's release is published with the recorded
 *   assets and digests, and no release of a model tag is left that no version owns;
 * - the token is in no stdout or stderr, no file of the cache or the working directory, no commit
 *   message of the repository, and no release, pull request or status text.
 *
 * Used by test/integration/github/fault-matrix.test.ts (one run per cell kind, in npm test) and
 * by the github phase of scripts/stress.mjs (every cell, several runs each).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Octokit } from '@octokit/rest'
import type { ModelVersion } from '../../src/domain/types.js'
import { resetGitHubClients } from '../../src/github/client.js'
import { githubCliArgs, modelFile, mreg, removeDir, tempDir, testEnv, type RunResult } from './cli-harness.js'
import type { RequestMatch } from './github-emulator/faults.js'
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator/index.js'

export const CALL_SITES = [
  'create-release',
  'upload',
  'publish',
  'download',
  'push',
  'pulls',
  'reviews',
  'statuses',
  'delete'
] as const
export type CallSite = (typeof CALL_SITES)[number]

export const FAULT_KINDS = [
  'http-500',
  'http-502-starter',
  'connection-reset',
  'secondary-403',
  'rate-429',
  'other-writer',
  'ruleset'
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

/** The requests of each call site, as the emulator records them (no /api/v3 or /uploads prefix). */
const MATCH: Record<CallSite, Required<Pick<RequestMatch, 'origin' | 'method' | 'path'>>> = {
  'create-release': { origin: 'api', method: 'POST', path: /^\/repos\/[^/]+\/[^/]+\/releases$/ },
  upload: { origin: 'uploads', method: 'POST', path: /\/releases\/\d+\/assets$/ },
  publish: { origin: 'api', method: 'PATCH', path: /\/releases\/\d+$/ },
  download: { origin: 'download', method: 'GET', path: /./ },
  // The registry branch is written through the Git Database API (src/github/git-database-backend.ts):
  // its ref update is the "push" (Octokit sends the ref's slash as %2F).
  push: { origin: 'api', method: 'PATCH', path: /\/git\/refs\/heads(\/|%2F)model-registry$/i },
  pulls: { origin: 'api', method: 'POST', path: /\/pulls$/ },
  reviews: { origin: 'api', method: 'GET', path: /\/pulls\/\d+\/reviews$/ },
  statuses: { origin: 'api', method: 'POST', path: /\/statuses\/[0-9a-f]{40}$/ },
  delete: { origin: 'api', method: 'DELETE', path: /\/releases\/\d+$/ }
}

/** A lost race and a ruleset are refusals of a branch update; the HTTP faults hit every call. */
export function applies(site: CallSite, kind: FaultKind): boolean {
  return kind === 'other-writer' || kind === 'ruleset' ? site === 'push' : true
}

export const CELLS: { site: CallSite; kind: FaultKind }[] = CALL_SITES.flatMap(site =>
  FAULT_KINDS.filter(kind => applies(site, kind)).map(kind => ({ site, kind }))
)

export interface FaultRun {
  site: CallSite
  kind: FaultKind
  /** How many times the fault is armed (a retried call may outlast it or not). */
  times: number
  outcome: 'completed' | 'failed-clearly'
  /** Whatever broke the rules above; empty when the run passed. */
  problems: string[]
  /** Whether the armed fault was met at all (false: the call was never made). */
  faultMet: boolean
  exitCode: number
  /** What the cleanup after the run swept: orphans the fault left (no version is deleted by it). */
  orphansSwept: number
}

const MODEL = 'meter'
const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

/** One emulator and registry for the runs of one call site. */
export class FaultBench {
  private runCount = 0
  private swept = 0
  private production?: { number: number; branch: string }
  private readonly fetchable: string[] = []

  private constructor(
    readonly site: CallSite,
    private readonly gh: GitHubEmulator,
    private readonly work: string,
    private readonly cache: string
  ) {}

  static async open(site: CallSite): Promise<FaultBench> {
    // One token serves every run of a site within minutes: 35 runs (a push cell × 5) with their
    // audits make over 5,000 API requests, which exhausted the emulator's default primary limit
    // (GitHub's hourly budget) and ended the matrix with "rate limit exceeded … retry in 3461 s".
    // The primary limit is not what the matrix tests (the emulator's rate-limit rules have tests of
    // their own), so each bench gets room for its runs.
    const gh = await startGitHubEmulator({ rateLimit: { primaryLimit: 100_000 } })
    const bench = new FaultBench(site, gh, await tempDir('mreg-faults-'), await tempDir('mreg-faults-cache-'))
    await bench.prepare()
    return bench
  }

  async close(): Promise<void> {
    await this.gh.close()
    await removeDir(this.work)
    await removeDir(this.cache)
    resetGitHubClients()
  }

  /** Every command's output, for the token search. */
  private readonly outputs: string[] = []

  private async github(args: string[]): Promise<RunResult> {
    const gh = this.gh
    const result = await mreg(
      this.work,
      githubCliArgs(gh, ...args),
      testEnv({
        GITHUB_TOKEN: gh.token,
        XDG_CACHE_HOME: this.cache,
        MREG_ACTOR: 'release-manager'
      })
    )
    this.outputs.push(result.stdout, result.stderr)
    return result
  }

  private async ok(args: string[]): Promise<RunResult> {
    const result = await this.github(args)
    if (result.code !== 0) throw new Error(`mreg ${args.join(' ')} failed (${result.code}): ${result.stderr}`)
    return result
  }

  private async register(): Promise<ModelVersion> {
    const n = ++this.runCount
    const file = await modelFile(this.work, `m${n}.bin`, n, 2048 + n)
    return JSON.parse((await this.ok(['--json', 'register', file, '--type', MODEL])).stdout) as ModelVersion
  }

  private async prepare(): Promise<void> {
    await this.ok(['init'])
    if (this.site === 'download') this.fetchable.push((await this.register()).version)
    if (this.site === 'reviews' || this.site === 'statuses') {
      const version = (await this.register()).version
      const octokit = new Octokit({ auth: this.gh.token, baseUrl: this.gh.apiUrl })
      for (const stage of ['staging', 'canary', 'production']) {
        const promoted = await this.ok(['--json', 'promote', `${MODEL}@${version}`, '--to', stage])
        const number = (JSON.parse(promoted.stdout) as { pull_request: { number: number } }).pull_request
          .number
        if (stage === 'production') {
          this.production = { number, branch: this.gh.state.pull(number)?.head as string }
          this.gh.state.addCollaborator('alice', 'write')
          this.gh.state.addReview(number, { user: 'alice' })
        } else {
          await octokit.rest.pulls.merge({ owner: this.gh.owner, repo: this.gh.repo, pull_number: number })
        }
      }
    }
  }

  /** Arms `kind` on this site's call, `times` times. */
  private arm(kind: FaultKind, times: number): () => void {
    const disarm = this.armFault(kind, times)
    this.armedCount = this.gh.faults.pending()
    return disarm
  }

  private armedCount = 0

  private armFault(kind: FaultKind, times: number): () => void {
    const { faults, pushRules } = this.gh
    const match = MATCH[this.site]
    const apiOrigin = match.origin === 'api' || match.origin === 'uploads'
    switch (kind) {
      case 'http-500':
        faults.failNext({ ...match, status: 500, times })
        return () => undefined
      case 'http-502-starter':
        faults.failNext({ ...match, status: 502, times })
        // The upload that got the 502 left its asset behind in state `starter`.
        if (this.site === 'upload') faults.leaveStarterAsset(/./)
        return () => undefined
      case 'connection-reset':
        if (this.site === 'upload') faults.resetConnectionMidUpload({ times })
        else faults.resetNext({ ...match, times })
        return () => undefined
      case 'secondary-403':
      case 'rate-429': {
        const status = kind === 'rate-429' ? 429 : 403
        if (apiOrigin) faults.rateLimitNext('secondary', 1, { ...match, status, times })
        else
          faults.failNext({
            ...match,
            status,
            times,
            headers: { 'retry-after': '1' },
            body: { message: SECONDARY_MESSAGE }
          })
        return () => undefined
      }
      case 'other-writer':
        for (let i = 0; i < times; i++) faults.beforeNextPush(async () => this.otherWriterCommits())
        return () => undefined
      case 'ruleset': {
        const ruleset = {
          name: 'registry locked',
          branches: ['model-registry'],
          bypass: [],
          rules: [{ type: 'pull_request' as const }]
        }
        pushRules.addRuleset(ruleset)
        return () => void pushRules.rulesets.splice(pushRules.rulesets.indexOf(ruleset), 1)
      }
    }
  }

  /** Another writer's commit lands on the registry branch first (same tree: it changes no version). */
  private otherWriterCommits(): void {
    const git = (...args: string[]) =>
      execFileSync('git', ['--git-dir', this.gh.repoDir, ...args], {
        env: {
          PATH: process.env.PATH,
          GIT_AUTHOR_NAME: 'Other Writer',
          GIT_AUTHOR_EMAIL: 'other@example.test',
          GIT_COMMITTER_NAME: 'Other Writer',
          GIT_COMMITTER_EMAIL: 'other@example.test'
        }
      })
        .toString()
        .trim()
    const tip = git('rev-parse', 'refs/heads/model-registry')
    const commit = git('commit-tree', `${tip}^{tree}`, '-p', tip, '-m', 'another writer')
    git('update-ref', 'refs/heads/model-registry', commit, tip)
  }

  /** Branch updates refused by a ruleset so far: the registry's ref update (API) or a git push. */
  private rulesetRefusals(): number {
    const match = MATCH.push
    return this.gh.requests.filter(
      r =>
        r.rule === 'push-ruleset-violation' ||
        (r.rule === 'api-ref-ruleset-violation' &&
          r.method === match.method &&
          (match.path as RegExp).test(r.path))
    ).length
  }

  /** One faulted run of this site with `kind`, armed `times` times, then the audit. */
  async run(kind: FaultKind, times: number): Promise<FaultRun> {
    const problems: string[] = []
    const refusals = this.rulesetRefusals()
    const { result, check, armed } = await this.faulted(kind, times)
    const faultMet = kind === 'ruleset' ? this.rulesetRefusals() > refusals : this.gh.faults.pending() < armed
    this.gh.faults.clear()
    const verdictOnly = this.site === 'reviews' || this.site === 'statuses'
    const completed =
      result.code === 0 || (verdictOnly && result.code === 1 && /"passed"/.test(result.stdout))
    if (!completed) problems.push(...unclear(result))
    problems.push(...(await check(completed)))
    problems.push(...(await this.audit()))
    problems.push(...(await this.secretsFound()))
    return {
      orphansSwept: this.swept,
      site: this.site,
      kind,
      times,
      outcome: completed ? 'completed' : 'failed-clearly',
      problems,
      faultMet,
      exitCode: result.code
    }
  }

  private async faulted(
    kind: FaultKind,
    times: number
  ): Promise<{ result: RunResult; check: (completed: boolean) => Promise<string[]>; armed: number }> {
    const n = this.runCount + 1
    switch (this.site) {
      case 'create-release':
      case 'upload':
      case 'publish':
      case 'push': {
        this.runCount = n
        const file = await modelFile(this.work, `m${n}.bin`, n, 2048 + n)
        const sha256 = await sha256Of(file)
        const disarm = this.arm(kind, times)
        const result = await this.github(['--json', 'register', file, '--type', MODEL]).finally(disarm)
        return {
          result,
          armed: this.armedCount,
          check: async completed => {
            if (!completed) return []
            const version = (JSON.parse(result.stdout) as ModelVersion).version
            this.fetchable.push(version)
            return this.fetchProblems(version, sha256)
          }
        }
      }
      case 'download': {
        const version = this.fetchable[0] as string
        const out = join(this.work, `out-${n}.bin`)
        this.runCount = n
        const disarm = this.arm(kind, times)
        const result = await this.github(['--json', 'fetch', `${MODEL}@${version}`, '--out', out]).finally(
          disarm
        )
        return {
          result,
          armed: this.armedCount,
          check: async completed => {
            if (!completed) {
              const left = (await readdir(this.work)).filter(name => name.startsWith(`out-${n}`))
              return left.length > 0 ? [`a failed fetch left ${left.join(', ')} at its destination`] : []
            }
            const listed = await this.versionsListed()
            const expected = listed.find(v => v.version === version)?.artifact.sha256
            return (await sha256Of(out)) === expected ? [] : [`fetched ${out} does not match ${expected}`]
          }
        }
      }
      case 'pulls': {
        const version = (await this.register()).version
        const disarm = this.arm(kind, times)
        const result = await this.github([
          '--json',
          'promote',
          `${MODEL}@${version}`,
          '--to',
          'staging'
        ]).finally(disarm)
        return {
          result,
          armed: this.armedCount,
          check: async completed => {
            if (!completed) return []
            const number = (JSON.parse(result.stdout) as { pull_request?: { number: number } }).pull_request
              ?.number
            const pull = number === undefined ? undefined : this.gh.state.pull(number)
            return pull?.state === 'open' ? [] : [`promote reported pull request #${number} that is not open`]
          }
        }
      }
      case 'reviews':
      case 'statuses': {
        const pull = this.production as { number: number; branch: string }
        const statuses = this.gh.state.statuses.length
        const disarm = this.arm(kind, times)
        const result = await this.github([
          '--json',
          'check',
          'model-registry',
          pull.branch,
          '--pull',
          String(pull.number)
        ]).finally(disarm)
        return {
          result,
          armed: this.armedCount,
          check: async completed => {
            if (!completed) return []
            const verdict = JSON.parse(result.stdout) as { passed: boolean; status?: { posted?: boolean } }
            const problems: string[] = []
            if (!verdict.passed) problems.push('check with an approval by a writer did not pass')
            if (this.gh.state.statuses.length === statuses)
              problems.push('check reported success but posted no status')
            return problems
          }
        }
      }
      case 'delete': {
        const version = (await this.register()).version
        const disarm = this.arm(kind, times)
        const result = await this.github(['--json', 'delete', `${MODEL}@${version}`, '--force']).finally(
          disarm
        )
        return {
          result,
          armed: this.armedCount,
          check: async completed => {
            if (!completed) return []
            const listed = await this.versionsListed()
            return listed.some(v => v.version === version) ? [`deleted ${version} is still listed`] : []
          }
        }
      }
    }
  }

  private async versionsListed(): Promise<ModelVersion[]> {
    return JSON.parse((await this.ok(['--json', 'list', '--name', MODEL])).stdout) as ModelVersion[]
  }

  private async fetchProblems(version: string, sha256: string): Promise<string[]> {
    const out = join(this.work, `check-${version}.bin`)
    const fetched = await this.github(['--json', 'fetch', `${MODEL}@${version}`, '--out', out])
    if (fetched.code !== 0) return [`registered ${version} cannot be fetched: ${fetched.stderr.trim()}`]
    return (await sha256Of(out)) === sha256 ? [] : [`registered ${version} fetched with another SHA-256`]
  }

  /**
   * With no fault armed: one cleanup (time moved past the orphan grace period), then doctor
   * finds nothing and the releases are exactly the live versions', published, as recorded.
   */
  private async audit(): Promise<string[]> {
    const problems: string[] = []
    const past = new Date(Date.now() - 3 * 3_600_000).toISOString()
    for (const release of this.gh.state.releases) release.createdAt = past
    const swept = await this.github(['--json', 'cleanup', '--keep-last', '100000'])
    if (swept.code !== 0) problems.push(`cleanup after the fault failed: ${swept.stderr.trim()}`)
    this.swept =
      swept.code === 0 ? ((JSON.parse(swept.stdout) as { swept?: unknown[] }).swept?.length ?? 0) : 0
    const doctor = await this.github(['--json', 'doctor'])
    // a doctor that fails (no findings in its output) is a problem of the run, not the end of the matrix
    let findings: { kind: string; subject: string }[] = []
    try {
      const parsed = JSON.parse(doctor.stdout || '{"findings":[]}') as { findings?: unknown }
      if (!Array.isArray(parsed.findings)) throw new Error('no findings')
      findings = parsed.findings as { kind: string; subject: string }[]
    } catch {
      problems.push(
        `doctor after cleanup: exit ${doctor.code}: ${doctor.stderr.trim() || doctor.stdout.trim().slice(0, 400)}`
      )
    }
    for (const f of findings) problems.push(`doctor after cleanup: ${f.kind} ${f.subject}`)
    const live = await this.versionsListed()
    const owned = new Set<number>()
    for (const version of live) {
      const recorded = version.artifact.release
      const release = recorded && this.gh.state.release(recorded.id)
      if (!release) {
        problems.push(`${MODEL}@${version.version} points at release ${recorded?.id} that does not exist`)
        continue
      }
      owned.add(release.id)
      if (release.draft) problems.push(`${MODEL}@${version.version}'s release is still a draft after cleanup`)
      for (const asset of version.artifact.assets ?? []) {
        const stored = release.assets.find(a => a.id === asset.id)
        if (!stored || stored.state !== 'uploaded' || stored.sha256 !== asset.sha256)
          problems.push(
            `${MODEL}@${version.version}: asset ${asset.name} is missing or differs from its record`
          )
      }
    }
    for (const release of this.gh.state.releases) {
      if (release.tagName.startsWith(`${MODEL}@`) && !owned.has(release.id))
        problems.push(`release ${release.tagName} (id ${release.id}) is left over after cleanup`)
    }
    return problems
  }

  /** Every place the token could leak to: outputs, files written, commits, GitHub-side texts. */
  private async secretsFound(): Promise<string[]> {
    const token = this.gh.token
    const problems: string[] = []
    if (this.outputs.some(text => text.includes(token)))
      problems.push('the token appears in stdout or stderr')
    this.outputs.length = 0
    for (const dir of [this.work, this.cache]) {
      for (const file of await filesUnder(dir)) {
        if ((await readFile(file, 'latin1')).includes(token)) problems.push(`the token is in ${file}`)
      }
    }
    const log = execFileSync('git', [
      '--git-dir',
      this.gh.repoDir,
      'log',
      '--all',
      '--format=%an %ae %B'
    ]).toString()
    if (log.includes(token)) problems.push('the token is in a commit message')
    const texts = [
      ...this.gh.state.releases.flatMap(r => [r.name, r.body]),
      ...this.gh.state.pulls.flatMap(p => [p.title, p.body]),
      ...this.gh.state.statuses.map(s => JSON.stringify(s))
    ]
    if (texts.some(text => text?.includes(token)))
      problems.push('the token is in a release, pull request or status')
    return problems
  }
}

/** What makes a failure message unclear: none, a stack trace, many lines. */
function unclear(result: RunResult): string[] {
  const lines = result.stderr.trim().split('\n').filter(Boolean)
  const problems: string[] = []
  if (lines.length === 0) problems.push(`exit ${result.code} with nothing on stderr`)
  if (lines.some(line => /^\s+at .+:\d+:\d+\)?$/.test(line))) problems.push('a stack trace on stderr')
  if (lines.length > 3) problems.push(`a ${lines.length}-line failure message`)
  if (result.code === 70) problems.push(`internal error (exit 70): ${lines.at(-1)}`)
  return problems
}

async function sha256Of(path: string): Promise<string> {
  if (!existsSync(path)) return ''
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(e => e.isFile()).map(e => join(e.parentPath, e.name))
}

export interface MatrixReport {
  runs: FaultRun[]
  /** `site × kind` → counts. */
  cells: Map<string, { runs: number; completed: number; failedClearly: number; bad: number }>
}

/** `runsPerCell` runs of every cell (or of `only`), `times` drawn from `random` in 1..3. */
export async function runFaultMatrix(options: {
  runsPerCell: number
  random: () => number
  only?: { site: CallSite; kind: FaultKind }[]
  onRun?: (run: FaultRun) => void
}): Promise<MatrixReport> {
  const cells = options.only ?? CELLS
  const report: MatrixReport = { runs: [], cells: new Map() }
  for (const site of CALL_SITES) {
    const kinds = cells.filter(c => c.site === site).map(c => c.kind)
    if (kinds.length === 0) continue
    const bench = await FaultBench.open(site)
    try {
      for (const kind of kinds) {
        for (let i = 0; i < options.runsPerCell; i++) {
          const times = 1 + Math.floor(options.random() * 3)
          const run = await bench.run(kind, times)
          report.runs.push(run)
          const key = `${site} × ${kind}`
          const cell = report.cells.get(key) ?? { runs: 0, completed: 0, failedClearly: 0, bad: 0 }
          cell.runs += 1
          if (run.problems.length > 0) cell.bad += 1
          else if (run.outcome === 'completed') cell.completed += 1
          else cell.failedClearly += 1
          report.cells.set(key, cell)
          options.onRun?.(run)
        }
      }
    } finally {
      await bench.close()
    }
  }
  return report
}
