/**
 * The mreg program: bundled as CommonJS to dist/cli-program-<hash>.cjs, which the binary
 * (src/cli/launcher.ts, dist/cli.cjs) runs from V8's code cache. No top-level await: CommonJS has none.
 */
import { processIO } from './io.js'
import { runCli } from './program.js'

void runCli(process.argv.slice(2), processIO()).then(code => {
  process.exitCode = code
})
