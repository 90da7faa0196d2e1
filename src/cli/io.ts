import type { GitHubTuning } from '../wiring/github.js'

/** Where the CLI writes, injectable so tests run it in-process. */
export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Whether stderr is a terminal: progress lines only go there. */
  interactive: boolean
  /**
   * GitHub client timings for --github; unset (the binary): the production defaults. Tests that
   * run the CLI in-process against the emulator inject shorter ones (no write spacing).
   */
  githubTuning?: GitHubTuning
}

export const processIO = (): CliIO => ({
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY)
})
