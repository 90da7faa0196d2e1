/**
 * The scale benchmark's GitHub-mode rows (issue 7: `show`/`fetch` resolution and `register` on a
 * fresh cache against the emulator — bytes, requests, time). They belong with the Git Database
 * transfer (src/github), which is not in this build: until it is, nothing is measured and the
 * report says so. The hook is here so that bench/scale.ts needs no change when it lands.
 */
import type { BenchEnv, Goal, Table } from './harness.js'
import type { Built } from './scale-measure.js'

export interface GitHubModeResult {
  table: Table
  goals: Goal[]
  note: string
}

export type GitHubModeMeasure = (env: BenchEnv, builds: Built[]) => Promise<GitHubModeResult>

/** null: GitHub mode is not measured by this build of the benchmark. */
export const measureGitHubMode: GitHubModeMeasure | null = null
