/**
 * A new tree from a base tree and a list of blob writes and deletions at nested paths, as
 * `POST /git/trees` with `base_tree` makes it (handlers/git-database.ts): only the directories on
 * the named paths are read and written again; every other subtree keeps its id. The work grows
 * with the paths named, not with the repository: building it in an index instead (read-tree of
 * the base, update-index, write-tree) rewrote every entry of the branch for each request, over a
 * second at 100,000 files, a cost of that method and none of GitHub's API.
 *
 * Edits apply in request order with the index's `--replace` meaning: a file written where a
 * directory was replaces it, a path through a file turns that file into a directory; a directory
 * left empty disappears; deleting anything but an existing file is refused.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ObjectBatch } from './object-batch.js'

export type TreeEdit = { path: string; mode: string; sha: string } | { path: string; delete: true }

type Node = { kind: 'leaf'; mode: string; sha: string } | { kind: 'tree'; sha: string | null; dir?: Dir }

type Dir = Map<string, Node>

/** Thrown for a deletion of a path that holds no file. */
export class NoSuchFile extends Error {}

const TREE_MODE = '40000'

/**
 * Applies `edits` to `base` (null: the empty tree) and writes every tree that changed through
 * `writeTrees`; returns the new root tree's id.
 */
export async function editTree(
  objects: ObjectBatch,
  base: string | null,
  edits: TreeEdit[],
  writeTrees: (trees: Buffer[]) => Promise<string[]>
): Promise<string> {
  const load = async (node: Node & { kind: 'tree' }): Promise<Dir> => {
    if (!node.dir) node.dir = node.sha === null ? new Map() : parseTree((await objects.read(node.sha))?.data)
    return node.dir
  }
  const root: Node & { kind: 'tree' } = { kind: 'tree', sha: base }
  for (const edit of edits) {
    const segments = edit.path.split('/')
    const name = segments.pop() as string
    let dir = await load(root)
    for (const segment of segments) {
      let node = dir.get(segment)
      if (!node || node.kind !== 'tree') {
        if ('delete' in edit) throw new NoSuchFile(edit.path)
        node = { kind: 'tree', sha: null, dir: new Map() }
        dir.set(segment, node)
      }
      dir = await load(node)
      node.sha = null // changed: written again
    }
    if ('delete' in edit) {
      if (dir.get(name)?.kind !== 'leaf') throw new NoSuchFile(edit.path)
      dir.delete(name)
    } else {
      dir.set(name, { kind: 'leaf', mode: edit.mode, sha: edit.sha })
    }
  }
  // Children before parents: a tree's bytes hold its subtrees' ids.
  const written: Buffer[] = []
  const expected: string[] = []
  const write = (dir: Dir): string | null => {
    const entries: { name: string; mode: string; sha: string }[] = []
    for (const [name, node] of dir) {
      if (node.kind === 'leaf') entries.push({ name, mode: node.mode, sha: node.sha })
      else {
        const sha = node.sha ?? (node.dir ? write(node.dir) : null)
        if (sha !== null) entries.push({ name, mode: TREE_MODE, sha })
      }
    }
    if (entries.length === 0) return null
    const data = encodeTree(entries)
    const sha = createHash('sha1').update(`tree ${data.length}\0`).update(data).digest('hex')
    written.push(data)
    expected.push(sha)
    return sha
  }
  const top = write(root.dir ?? new Map()) ?? emptyTree()
  if (written.length > 0) {
    const ids = await writeTrees(written)
    if (ids.join(' ') !== expected.join(' '))
      throw new Error(`git wrote trees ${ids.join(' ')}, not ${expected.join(' ')}`)
  }
  return top
}

/** Writes tree objects with one `git hash-object -t tree -w --stdin-paths` (git checks each tree's form). */
export async function hashTrees(
  hashObjects: (args: string[], input: Buffer) => Promise<string>,
  trees: Buffer[]
): Promise<string[]> {
  const scratch = join(tmpdir(), `emulator-trees-${randomBytes(6).toString('hex')}`)
  try {
    await mkdir(scratch)
    const files = await Promise.all(
      trees.map(async (data, i) => {
        const file = join(scratch, String(i))
        await writeFile(file, data)
        return file
      })
    )
    const out = await hashObjects(
      ['hash-object', '-t', 'tree', '-w', '--stdin-paths'],
      Buffer.from(`${files.join('\n')}\n`, 'utf8')
    )
    return out.trim().split('\n')
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

function emptyTree(): string {
  return createHash('sha1').update('tree 0\0').digest('hex')
}

function parseTree(data: Buffer | undefined): Dir {
  const dir: Dir = new Map()
  if (!data) throw new Error('base tree unreadable')
  let at = 0
  while (at < data.length) {
    const space = data.indexOf(0x20, at)
    const nul = data.indexOf(0, space)
    const mode = data.subarray(at, space).toString('latin1')
    const name = data.subarray(space + 1, nul).toString('utf8')
    const sha = data.subarray(nul + 1, nul + 21).toString('hex')
    dir.set(name, mode === TREE_MODE ? { kind: 'tree', sha } : { kind: 'leaf', mode, sha })
    at = nul + 21
  }
  return dir
}

/** Git's order: by name bytes, a directory's name compared as if it ended in `/`. */
function encodeTree(entries: { name: string; mode: string; sha: string }[]): Buffer {
  const key = (e: { name: string; mode: string }): Buffer =>
    Buffer.from(e.mode === TREE_MODE ? `${e.name}/` : e.name, 'utf8')
  const sorted = entries.map(e => ({ ...e, key: key(e) })).sort((a, b) => Buffer.compare(a.key, b.key))
  return Buffer.concat(
    sorted.flatMap(e => [Buffer.from(`${e.mode} ${e.name}\0`, 'utf8'), Buffer.from(e.sha, 'hex')])
  )
}
