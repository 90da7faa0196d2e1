/** Where the CLI writes, injectable so tests run it in-process. */
export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Whether stderr is a terminal: progress lines only go there. */
  interactive: boolean
}

export const processIO = (): CliIO => ({
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY)
})
