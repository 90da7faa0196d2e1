/**
 * Writing Git objects straight into `objects/`. isomorphic-git writes loose objects in place
 * (exists-check, then a plain write), so a concurrent process can see a half-written object and
 * commit on top of it; here every object goes to a temporary file first and is renamed into place,
 * which is how git itself publishes objects.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { fileSystemError } from '../stores/atomic-file.js'
import { zlib } from '../stores/lazy-zlib.js'
import { join } from 'node:path'

export type ObjectType = 'blob' | 'tree' | 'commit'

export interface TreeItem {
  /** Git's mode string: `100644`, `100755`, `120000`, `160000` or `40000`/`040000` for trees. */
  mode: string
  name: string
  oid: string
}

export interface Signature {
  name: string
  email: string
  /** Seconds since the epoch. */
  timestamp: number
  /** Minutes east of UTC (the opposite sign of Date#getTimezoneOffset). */
  offsetMinutes: number
}

export function hashObject(type: ObjectType, content: Uint8Array): { oid: string; raw: Buffer } {
  const raw = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content])
  return { oid: createHash('sha1').update(raw).digest('hex'), raw }
}

/**
 * Writes one object and returns its id. Synchronous on purpose: an object is a few hundred bytes,
 * and a registration writes a dozen; through the thread pool each of an object's four file-system
 * calls waited for a hand-off, and the whole write cost three to four times as long (measured in
 * docs/ARCHITECTURE.md, "Writing a commit"), even with the writes issued together.
 */
export function writeObject(gitdir: string, type: ObjectType, content: Uint8Array): string {
  const { oid, raw } = hashObject(type, content)
  const dir = join(gitdir, 'objects', oid.slice(0, 2))
  const target = join(dir, oid.slice(2))
  // No look first for an existing copy, and no mkdir first: a write's objects are new (the tree
  // writer keeps unchanged directories as they are), the fan-out directory usually exists, and
  // each check was a system call per object (docs/ARCHITECTURE.md, "Writing a commit"). Renaming
  // over an existing copy is harmless: same name, same bytes.
  const temp = join(gitdir, 'objects', `tmp_obj_${process.pid}_${randomBytes(6).toString('hex')}`)
  try {
    // level 1, as git's core.looseCompression default: loose objects are small and short-lived
    writeFileSync(temp, zlib().deflateSync(raw, { level: 1 }), { flag: 'wx', mode: 0o444 })
    try {
      renameSync(temp, target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      try {
        // not recursive: objects/ exists, and recursive mkdir reports EROFS as ENOENT
        mkdirSync(dir)
      } catch (again) {
        if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again
      }
      renameSync(temp, target)
    }
  } catch (error) {
    rmSync(temp, { force: true })
    // a full disk, a read-only objects directory: the user's to fix, said in one line
    throw fileSystemError(error, 'write a Git object into', join(gitdir, 'objects'))
  }
  return oid
}

const isTreeMode = (mode: string): boolean => mode === '40000' || mode === '040000'

/** Git orders tree entries by name, comparing a subtree as if its name ended in '/'. */
function sortKey(item: TreeItem): Buffer {
  return Buffer.from(isTreeMode(item.mode) ? `${item.name}/` : item.name)
}

export function encodeTree(items: TreeItem[]): Buffer {
  const sorted = [...items].sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)))
  const parts: Buffer[] = []
  for (const item of sorted) {
    const mode = isTreeMode(item.mode) ? '40000' : item.mode
    parts.push(Buffer.from(`${mode} ${item.name}\0`), Buffer.from(item.oid, 'hex'))
  }
  return Buffer.concat(parts)
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`
}

/** Git strips these from identities; a newline or angle bracket would corrupt the header. */
function clean(text: string): string {
  return text.replace(/[<>\n\r\0]/g, '').trim()
}

export function formatSignature(sig: Signature): string {
  return `${clean(sig.name) || 'unknown'} <${clean(sig.email)}> ${sig.timestamp} ${formatOffset(sig.offsetMinutes)}`
}

export function encodeCommit(options: {
  tree: string
  parents: string[]
  author: Signature
  committer: Signature
  message: string
}): Buffer {
  const lines = [`tree ${options.tree}`, ...options.parents.map(p => `parent ${p}`)]
  lines.push(`author ${formatSignature(options.author)}`, `committer ${formatSignature(options.committer)}`)
  const message = options.message.endsWith('\n') ? options.message : `${options.message}\n`
  return Buffer.from(`${lines.join('\n')}\n\n${message}`)
}

export function signatureAt(identity: { name: string; email: string }, date: Date): Signature {
  return {
    name: identity.name,
    email: identity.email,
    timestamp: Math.floor(date.getTime() / 1000),
    offsetMinutes: -date.getTimezoneOffset()
  }
}
