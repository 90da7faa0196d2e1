/**
 * The Action's entry point for the end-to-end tests: src/action/main.ts, with the GitHub client's
 * timings shortened for the emulator (no spacing of writes, quick retries) through the Action's
 * composition instead of test-only environment variables. MREG_E2E_DIST=1 runs the committed
 * dist/index.js instead, at the production timings.
 */
import { runAction } from '../../../src/action/run-action.js'

await runAction(process.env, { githubTuning: { writeSpacingMs: 0, retryBaseMs: 20 } })
