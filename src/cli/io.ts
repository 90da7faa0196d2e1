import type { GitHubTuning } from '../wiring/github.js'
import { EXIT_READER_GONE } from './exit-codes.js'

/** Where the CLI writes, injectable so tests run it in-process. */
export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /**
   * Resolves once stdout has taken what was written so far: a streamed listing waits here so
   * that a slow reader (a pipe into `head`, a terminal) bounds its memory.
   */
  drained: () => Promise<void>
  env: NodeJS.ProcessEnv
  /** Whether stderr is a terminal: progress lines only go there. */
  interactive: boolean
  /**
   * GitHub client timings for --github; unset (the binary): the production defaults. Tests that
   * run the CLI in-process against the emulator inject shorter ones (no write spacing).
   */
  githubTuning?: GitHubTuning
}

/**
 * The binary's output. A reader that closed stdout early ends the process as it would end git
 * (nothing more is worth computing for nobody, and an unheard EPIPE would print a stack trace);
 * every write mreg makes leaves the registry consistent wherever it stops, as the crash tests prove.
 */
export function processIO(): CliIO {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(EXIT_READER_GONE)
  })
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    drained: () =>
      process.stdout.writableNeedDrain
        ? new Promise(resolve => {
            // A reader that went away (EPIPE) never drains: stop waiting then too.
            const done = () => {
              process.stdout.off('drain', done).off('error', done).off('close', done)
              resolve()
            }
            process.stdout.once('drain', done).once('error', done).once('close', done)
          })
        : Promise.resolve(),
    env: process.env,
    interactive: Boolean(process.stderr.isTTY)
  }
}
