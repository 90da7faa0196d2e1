/**
 * One process at a time fetches into or pushes from a registry cache: isomorphic-git writes the
 * cache's refs, packs and `shallow` file without locks of its own, so two `mreg --github`
 * commands sharing ~/.cache/mreg could otherwise corrupt it. The lock is a file created
 * exclusively, holding the owner's pid; a lock whose process is gone is taken over.
 */
import { open, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { RegistryError } from '../domain/errors.js'
import { sleep } from './retry.js'

const LOCK_FILE = 'mreg-cache.lock'
const WAIT_LIMIT_MS = 5 * 60_000

export async function withCacheLock<T>(cacheDir: string, work: () => Promise<T>): Promise<T> {
  const path = join(cacheDir, LOCK_FILE)
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (await ownerIsGone(path)) {
        await unlink(path).catch(() => undefined)
        continue
      }
      if (Date.now() - started > WAIT_LIMIT_MS) {
        throw new RegistryError(
          'conflict',
          `the registry cache ${cacheDir} has been locked by another mreg process for 5 minutes (${path}); delete the lock file if no mreg is running`
        )
      }
      await sleep(Math.min(250, 10 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()))
    }
  }
  try {
    return await work()
  } finally {
    await unlink(path).catch(() => undefined)
  }
}

async function ownerIsGone(path: string): Promise<boolean> {
  let pid: number
  try {
    pid = Number.parseInt(await readFile(path, 'utf8'), 10)
  } catch {
    return false // being written, or already released: try again
  }
  if (!Number.isInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return false // this process holds it: wait for our own release
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
