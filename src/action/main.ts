/** Entry point of the Action (bundled to dist/index.js). */
import { runAction } from './run-action.js'

await runAction(process.env)
