/**
 * One competing writer for the concurrency test, run as its own Node process from an esbuild
 * bundle: `node worker.mjs <dir> <gitdir> <id> <count>`. Each update appends a file of its own and
 * increments a shared counter, so a change applied to a stale tip would show as a lost increment.
 */
import { LocalRegistryBackend } from '../../../src/registry/local-backend.js'

const [dir, gitdir, id, count] = process.argv.slice(2) as [string, string, string, string]
const backend = new LocalRegistryBackend({
  dir,
  gitdir,
  author: { name: `worker ${id}`, email: `${id}@example.test` }
})

const attempts: number[] = []
for (let i = 0; i < Number(count); i++) {
  const outcome = await backend.update(async snapshot => {
    const counter = (await backend.readJsonAt(snapshot.commit as string, 'counter.json')) as {
      n: number
    } | null
    return {
      change: {
        subject: `worker ${id} update ${i}`,
        trailers: { Worker: id },
        files: [
          { path: `appends/${id}-${i}.json`, content: { id, i } },
          { path: 'counter.json', content: { n: (counter?.n ?? 0) + 1 } }
        ]
      },
      result: null
    }
  })
  attempts.push(outcome.attempts)
}
process.stdout.write(JSON.stringify({ id, attempts }) + '\n')
