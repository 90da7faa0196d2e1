/** What the CLI prints: the printable forms of src/domain/printable.ts, and stderr's one line. */
import { oneLine, safeLine } from '../domain/printable.js'

export { oneLine, safeForTerminal, safeLine } from '../domain/printable.js'

/** What mreg writes to stderr: one line, nothing a terminal would act on. */
export function stderrLine(message: string): string {
  return `mreg: ${safeLine(oneLine(message))}\n`
}
