/**
 * The branch history as an audit log. A commit "touches" a path when the object at that path
 * differs from every parent's (so a merge that only brings in a side branch's change is not
 * listed twice, the side branch's own commit is). Commits come newest first by committer time,
 * never a parent before its child. With `since`, commits reachable from it are walked alongside
 * as excluded (as git does for `since..tip`) and the walk ends when only excluded ones remain.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { LogEntry, LogOptions } from './backend.js'
import { parseCommitMessage } from './commit-message.js'
import type { CommitInfo, GitReader } from './git-reader.js'

export async function readLog(reader: GitReader, tip: string, options: LogOptions = {}): Promise<LogEntry[]> {
  const shallow = await readShallow(reader.gitdir)
  const untilSeconds = options.until ? Math.floor(options.until.getTime() / 1000) : Infinity
  const entries: LogEntry[] = []
  const seen = new Set<string>([tip])
  const pending: CommitInfo[] = [await reader.readCommit(tip)]
  const excluded = new Set<string>()
  if (options.since === tip) return []
  const since = options.since === undefined ? null : await readIfPresent(reader, options.since)
  if (since) {
    excluded.add(since.oid)
    seen.add(since.oid)
    pending.push(since)
  }

  while (pending.some(c => !excluded.has(c.oid))) {
    const commit = takeNewest(pending)
    const parents: CommitInfo[] = []
    if (!shallow.has(commit.oid)) {
      for (const oid of commit.parents) {
        const parent = await readIfPresent(reader, oid)
        if (parent) parents.push(parent)
      }
    }
    if (excluded.has(commit.oid)) {
      for (const parent of parents) {
        excluded.add(parent.oid)
        if (!seen.has(parent.oid)) {
          seen.add(parent.oid)
          pending.push(parent)
        }
      }
      continue
    }
    const touched = await touches(reader, commit, parents, options.path)
    if (commit.committer.timestamp <= untilSeconds && touched !== 'no') {
      entries.push(toEntry(commit))
      if (options.limit !== undefined && entries.length >= options.limit) break
    }
    if (touched === 'created' && options.sinceCreation) continue
    for (const parent of parents) {
      if (!seen.has(parent.oid)) {
        seen.add(parent.oid)
        pending.push(parent)
      }
    }
  }
  return entries
}

/** The newest pending commit; of two in the same second, a child before its parent (a merged side branch). */
function takeNewest(pending: CommitInfo[]): CommitInfo {
  let best = pending[0] as CommitInfo
  let at = 0
  for (let i = 1; i < pending.length; i++) {
    const candidate = pending[i] as CommitInfo
    const newer = candidate.committer.timestamp > best.committer.timestamp
    const childOfBest =
      candidate.committer.timestamp === best.committer.timestamp && candidate.parents.includes(best.oid)
    if (newer || childOfBest) {
      best = candidate
      at = i
    }
  }
  pending.splice(at, 1)
  return best
}

/** Whether `commit` changed `path` against every parent, and whether it created it. */
async function touches(
  reader: GitReader,
  commit: CommitInfo,
  parents: CommitInfo[],
  path: string | undefined
): Promise<'no' | 'changed' | 'created'> {
  if (path === undefined) return 'changed'
  const here = (await reader.lookup(commit.tree, path))?.oid ?? null
  if (parents.length === 0) return here === null ? 'no' : 'created'
  let presentBefore = false
  for (const parent of parents) {
    const there = (await reader.lookup(parent.tree, path))?.oid ?? null
    if (there === here) return 'no'
    if (there !== null) presentBefore = true
  }
  return here !== null && !presentBefore ? 'created' : 'changed'
}

function toEntry(commit: CommitInfo): LogEntry {
  const { subject, body, trailers } = parseCommitMessage(commit.message)
  return {
    commit: commit.oid,
    subject,
    body,
    trailers,
    parents: [...commit.parents],
    author: {
      name: commit.author.name,
      email: commit.author.email,
      timestamp: new Date(commit.author.timestamp * 1000).toISOString()
    }
  }
}

/** A missing parent is the edge of a shallow or partial history, not an error in the log. */
async function readIfPresent(reader: GitReader, oid: string): Promise<CommitInfo | null> {
  try {
    return await reader.readCommit(oid)
  } catch (error) {
    if ((error as { code?: string }).code === 'NotFoundError') return null
    throw error
  }
}

async function readShallow(gitdir: string): Promise<Set<string>> {
  try {
    const text = await readFile(join(gitdir, 'shallow'), 'utf8')
    return new Set(
      text
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean)
    )
  } catch {
    return new Set()
  }
}
