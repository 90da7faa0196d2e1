/**
 * Compare-and-swap of a ref with git's own lock protocol, so `git` and mreg can update the same
 * repository at the same time: `<ref>.lock` is created exclusively (whoever holds it owns the ref),
 * the current value is checked against the expected one, the new value is written into the lock
 * file, flushed, and the lock is renamed over the ref. isomorphic-git's writeRef skips all of this.
 */
import {
  appendFileSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { RegistryError } from '../domain/errors.js'
import { fileSystemError } from '../stores/atomic-file.js'
import { formatSignature, type Signature } from './objects.js'

const ZERO_OID = '0'.repeat(40)
const OID = /^[0-9a-f]{40}$/

/** A lock older than this is probably left by a crashed process; reported, never deleted. */
export const STALE_LOCK_MS = 10 * 60 * 1000

export type RefSwapResult =
  | { swapped: true; current: string }
  | { swapped: false; reason: 'mismatch'; current: string | null }
  | { swapped: false; reason: 'locked'; lockPath: string; lockAgeMs: number; stale: boolean }

export interface ReflogEntry {
  who: Signature
  message: string
}

/** Reads a ref (e.g. `refs/heads/model-registry`): the loose file first, then packed-refs. */
export async function readRef(gitdir: string, ref: string): Promise<string | null> {
  return readRefSync(gitdir, ref)
}

function readRefSync(gitdir: string, ref: string): string | null {
  const loosePath = join(gitdir, ref)
  const loose = readOptional(loosePath)
  if (loose !== null) return checkedRefValue(loose.trim(), loosePath, ref)
  const packedPath = join(gitdir, 'packed-refs')
  const packed = readOptional(packedPath)
  if (packed === null) return null
  for (const line of packed.split('\n')) {
    if (line.startsWith('#') || line.startsWith('^')) continue
    const space = line.indexOf(' ')
    if (space > 0 && line.slice(space + 1).trim() === ref) {
      return checkedRefValue(line.slice(0, space), packedPath, ref)
    }
  }
  return null
}

/**
 * A ref file someone edited by hand or a crash truncated: a corrupt registry (exit 3) with what to
 * do, never an internal error. A symbolic ref is refused rather than followed: the registry branch
 * only ever moves by compare-and-swap, which a ref pointing elsewhere would silently redirect.
 */
function checkedRefValue(value: string, file: string, ref: string): string {
  if (OID.test(value)) return value
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value
  const what = value.startsWith('ref:')
    ? `is a symbolic ref (${shown}), not a branch`
    : value === ''
      ? 'is empty'
      : `holds "${shown}", not a commit id`
  throw new RegistryError(
    'integrity',
    `${ref} in ${file} ${what}; point it at the right commit (see 'git reflog ${ref.replace(/^refs\/heads\//, '')}') or delete it`,
    { ref, file }
  )
}

/**
 * Sets `ref` to `next` only if it currently holds `expected` (null: must not exist).
 * A lock held by someone else is a conflict for the caller to retry, not an error.
 */
export async function compareAndSwapRef(
  gitdir: string,
  ref: string,
  expected: string | null,
  next: string,
  options: { reflog?: ReflogEntry; staleAfterMs?: number } = {}
): Promise<RefSwapResult> {
  if (!OID.test(next)) throw new Error(`not an object id: "${next}"`)
  if (!/^refs\/[^\s~^:?*[\\]+$/.test(ref) || ref.split('/').some(s => s === '' || s === '.' || s === '..')) {
    throw new Error(`not a valid ref name: "${ref}"`)
  }
  const refPath = join(gitdir, ref)
  const lockPath = `${refPath}.lock`
  // Synchronous throughout: a handful of calls on tiny files, each of which cost a thread-pool
  // hand-off when asynchronous (src/registry/objects.ts says why, with the measurement).
  let handle: number
  try {
    mkdirSync(dirname(refPath), { recursive: true })
    handle = openSync(lockPath, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw fileSystemError(error, 'lock the branch (create a lock file) at', lockPath)
    }
    const age = lockAge(lockPath)
    return {
      swapped: false,
      reason: 'locked',
      lockPath,
      lockAgeMs: age,
      stale: age >= (options.staleAfterMs ?? STALE_LOCK_MS)
    }
  }

  let closed = false
  let renamed = false
  try {
    const current = readRefSync(gitdir, ref)
    if (current !== expected) return { swapped: false, reason: 'mismatch', current }
    try {
      writeSync(handle, `${next}\n`)
      fsyncSync(handle)
      closeSync(handle)
      closed = true
      if (options.reflog) appendReflog(gitdir, ref, current, next, options.reflog)
      renameSync(lockPath, refPath)
    } catch (error) {
      throw fileSystemError(error, 'move the branch', refPath)
    }
    renamed = true
    return { swapped: true, current: next }
  } finally {
    if (!closed) ignoreFailure(() => closeSync(handle))
    if (!renamed) ignoreFailure(() => unlinkSync(lockPath))
  }
}

function ignoreFailure(action: () => void): void {
  try {
    action()
  } catch {
    // releasing what is already gone
  }
}

/** Written while the ref is locked, as git does; a failure here is not worth losing the commit for. */
function appendReflog(
  gitdir: string,
  ref: string,
  previous: string | null,
  next: string,
  entry: ReflogEntry
): void {
  const path = join(gitdir, 'logs', ref)
  const message = entry.message.split('\n')[0] ?? ''
  const line = `${previous ?? ZERO_OID} ${next} ${formatSignature(entry.who)}\t${message}\n`
  try {
    mkdirSync(dirname(path), { recursive: true })
    appendFileSync(path, line)
  } catch {
    // The reflog is a convenience for `git reflog`; the ref itself is what matters.
  }
}

function lockAge(path: string): number {
  try {
    return Math.max(0, Date.now() - statSync(path).mtimeMs)
  } catch {
    return 0 // released between our open and stat: a fresh conflict
  }
}

function readOptional(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw fileSystemError(error, 'read', path)
  }
}
