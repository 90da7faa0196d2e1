/**
 * The mreg program: bundled as CommonJS to dist/cli-program-<hash>.cjs, which the binary
 * (src/cli/launcher.ts, dist/cli.cjs) runs from V8's code cache. No top-level await: CommonJS has none.
 */
import { reportCommandRan } from './compile-cache.js'
import { processIO } from './io.js'
import { runCli } from './program.js'
import { commandOf } from './words.js'

const argv = process.argv.slice(2)
void runCli(argv, processIO()).then(code => {
  process.exitCode = code
  if (code === 0) reportCommandRan(commandOf(argv).command ?? 'mreg')
})
