/**
 * The files under a directory whose Git ids differ between two snapshots, found by descending
 * only where the directories' ids differ: a commit that touched one version of a 100,000-version
 * model reads the few trees on the way to it, not the model's 4,096 fan-out directories.
 */
import type { RegistrySnapshot } from '../registry/backend.js'

/** Paths of the files added, changed or removed under `dir` between `before` and `after`, sorted. */
export async function changedFiles(
  before: RegistrySnapshot,
  after: RegistrySnapshot,
  dir: string
): Promise<string[]> {
  const found: string[] = []
  const walk = async (path: string): Promise<void> => {
    const [a, b] = await Promise.all([before.directoryEntries(path), after.directoryEntries(path)])
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter(name => {
      const x = a.get(name)
      const y = b.get(name)
      return x?.oid !== y?.oid || x?.type !== y?.type
    })
    // Sibling directories are read together: over the network each is a round trip of its own.
    await Promise.all(
      differing.map(async name => {
        const child = `${path}/${name}`
        const x = a.get(name)
        const y = b.get(name)
        if (x?.type === 'tree' || y?.type === 'tree') await walk(child)
        // A file that became a directory (or back) is both: the file's path differs too.
        if (x?.type === 'blob' || y?.type === 'blob') found.push(child)
      })
    )
  }
  await walk(dir)
  return found.sort()
}
