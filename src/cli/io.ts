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
}

export const processIO = (): CliIO => ({
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
})
