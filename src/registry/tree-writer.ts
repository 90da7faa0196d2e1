/**
 * A new root tree from a base tree plus file writes and deletions, written as objects only: no
 * working tree and no index are involved, so a user's checkout is never disturbed. Only the
 * directories on the changed paths are rewritten; everything else keeps its object id.
 */
import { RegistryError } from '../domain/errors.js'
import { documentValue, type FileSource, type FileWrite } from './backend.js'
import { splitPath, type Entry, type GitReader } from './git-reader.js'
import { encodeTree, writeObject } from './objects.js'

const TREE_MODE = '040000'
const FILE_MODE = '100644'

/** A directory being edited: entries not yet loaded stay as their tree's object id. */
interface Dir {
  entries: Map<string, Entry>
  /** Subdirectories opened for editing; written back (or dropped when empty) at the end. */
  open: Map<string, Dir>
}

export function serialiseJson(value: unknown): Buffer {
  const text = JSON.stringify(value, null, 2)
  if (text === undefined) throw new RegistryError('invalid-input', 'cannot serialise this value as JSON')
  return Buffer.from(`${text}\n`)
}

/**
 * Returns the new root tree's object id. `baseTree` null starts from an empty tree. The
 * directories on the changed paths are read first, all at once (one batch per depth); `files`
 * is then asked again for the files to write.
 */
export async function buildTree(
  reader: GitReader,
  baseTree: string | null,
  files: FileSource
): Promise<string> {
  if (baseTree) {
    // each directory once (a migration writes 200,000 files into a few thousand directories)
    const directories = new Set<string>()
    for (const { path } of files())
      if (path.lastIndexOf('/') > 0) directories.add(path.slice(0, path.lastIndexOf('/')))
    await readDirectories(
      reader,
      baseTree,
      [...directories].map(directory => directory.split('/'))
    )
  }
  const root: Dir = {
    entries: baseTree ? new Map(await reader.readTree(baseTree)) : new Map(),
    open: new Map()
  }
  for (const file of files()) {
    const segments = splitPath(file.path)
    const leaf = segments.pop() as string
    const parent = await openDir(reader, root, segments, file)
    if (!parent) continue // deleting under a directory that does not exist
    const existing = parent.entries.get(leaf)
    if (file.content === null) {
      if (existing?.type === 'tree' || parent.open.has(leaf)) throw pathConflict(file.path, 'is a directory')
      parent.entries.delete(leaf)
      continue
    }
    if (existing?.type === 'tree' || parent.open.has(leaf)) throw pathConflict(file.path, 'is a directory')
    const oid = writeObject(reader.gitdir, 'blob', serialiseJson(await documentValue(file.content)))
    parent.entries.set(leaf, { mode: FILE_MODE, oid, type: 'blob' })
  }
  return writeDir(reader.gitdir, root, true) as string
}

/**
 * Reads every existing directory on `directories` (each as its segments), the directories of one
 * depth together: the reader batches the requests made in one turn into one round trip. A name
 * that is not there (a new directory, or one the write will refuse) is simply not read.
 */
async function readDirectories(reader: GitReader, tree: string, directories: string[][]): Promise<void> {
  const entries = await reader.readTree(tree)
  const below = new Map<string, string[][]>()
  for (const segments of directories) {
    if (segments.length === 0) continue
    const [name, ...rest] = segments as [string, ...string[]]
    const group = below.get(name)
    if (group) group.push(rest)
    else below.set(name, [rest])
  }
  await Promise.all(
    [...below].map(([name, rest]) => {
      const entry = entries.get(name)
      return entry?.type === 'tree' ? readDirectories(reader, entry.oid, rest) : undefined
    })
  )
}

async function openDir(
  reader: GitReader,
  root: Dir,
  segments: string[],
  file: FileWrite
): Promise<Dir | null> {
  let dir = root
  for (const [i, name] of segments.entries()) {
    let child = dir.open.get(name)
    if (!child) {
      const entry = dir.entries.get(name)
      if (entry && entry.type !== 'tree') {
        throw pathConflict(file.path, `goes through ${segments.slice(0, i + 1).join('/')}, which is a file`)
      }
      if (!entry && file.content === null) return null
      child = { entries: entry ? new Map(await reader.readTree(entry.oid)) : new Map(), open: new Map() }
      dir.open.set(name, child)
    }
    dir = child
  }
  return dir
}

/** Writes opened subdirectories bottom-up; an emptied directory disappears, as git has no empty trees. */
function writeDir(gitdir: string, dir: Dir, isRoot: boolean): string | null {
  for (const [name, child] of dir.open) {
    const oid = writeDir(gitdir, child, false)
    if (oid === null) dir.entries.delete(name)
    else dir.entries.set(name, { mode: TREE_MODE, oid, type: 'tree' })
  }
  if (dir.entries.size === 0 && !isRoot) return null
  const items = [...dir.entries].map(([name, e]) => ({ name, mode: e.mode, oid: e.oid }))
  return writeObject(gitdir, 'tree', encodeTree(items))
}

function pathConflict(path: string, why: string): RegistryError {
  return new RegistryError('invalid-input', `cannot write ${path}: it ${why}`)
}
