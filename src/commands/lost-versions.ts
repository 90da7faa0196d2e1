/**
 * Versions that vanished from the registry branch although nothing removed them on purpose: what
 * an ordinary commit does in a working tree that had the branch checked out with a stale index
 * (issue 11, defect 7). The version files alone cannot show that loss; the history can.
 *
 * Removals on purpose are mreg's own commits: `delete NAME VERSION (STAGE)` and the body lines
 * `remove NAME@VERSION: …` of a `cleanup: remove …` commit. A pull request never removes a
 * version file (check refuses it: src/domain/review.ts, removed-version), and the log follows
 * every parent, so a delete or cleanup commit that reached the branch through a merge is seen.
 *
 * Bounded: after a run that found nothing lost, the tip is remembered on this machine
 * (ctx.state, VOUCHED_KEY: derived, never on the branch). The next run reads the versions present
 * at that commit of the models whose tree changed since, and walks only the commits since
 * (`log({ since })`), so its cost follows what changed since the last clean run, not the
 * branch's age. Without the marker (a fresh clone;
 * GitHub mode keeps no local state), or when the branch no longer descends from it (reset,
 * force-push), the whole history is walked.
 */
import { versionPath } from '../domain/model-index.js'
import type { LogEntry, RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'

export const VOUCHED_KEY = 'doctor-vouched'

export interface LostVersion {
  /** name@version */
  subject: string
  message: string
}

/** Where the version was last known to exist: the commit that registered it, or the vouched commit. */
interface Known {
  commit: string
  how: 'registered' | 'present'
}

export async function lostVersions(
  ctx: CommandContext,
  snapshot: RegistrySnapshot,
  present: Set<string>
): Promise<LostVersion[]> {
  const tip = snapshot.commit
  if (!tip) return []
  const vouched = await readVouched(ctx)
  // Nothing was lost at the vouched commit, and the snapshot is that commit.
  if (vouched === tip) return []
  let since = vouched
  let entries = await ctx.backend.log(since ? { since } : {})
  if (since && !entries.some(entry => entry.parents.includes(since as string))) {
    since = null
    entries = await ctx.backend.log()
  }
  entries = upToSnapshot(entries, tip)

  const known = new Map<string, Known>()
  if (since) {
    const then = await ctx.backend.snapshotAt(since)
    for (const name of await then.modelNames()) {
      // The same tree at both commits: every version the model had then is still there.
      const path = `models/${name}`
      if ((await then.objectId(path)) === (await snapshot.objectId(path))) continue
      for (const version of await then.versionFileNames(name)) {
        known.set(`${name}@${version}`, { commit: since, how: 'present' })
      }
    }
  }
  for (const entry of ancestorsFirst(entries)) {
    const register = /^register (\S+) (\S+) \(/.exec(entry.subject)
    if (register) known.set(`${register[1]}@${register[2]}`, { commit: entry.commit, how: 'registered' })
    for (const reference of removedBy(entry)) known.delete(reference)
  }

  const lost: LostVersion[] = []
  for (const [reference, { commit, how }] of known) {
    if (present.has(reference)) continue
    const [name, version] = reference.split('@') as [string, string]
    const short = commit.slice(0, 12)
    lost.push({
      subject: reference,
      message: `${how === 'registered' ? 'registered in' : 'present at'} commit ${short} but its version file is gone and no delete or cleanup removed it; restore it with 'git checkout ${short} -- ${versionPath(name, version)}' on the registry branch`
    })
  }
  if (lost.length === 0) await ctx.state?.write(VOUCHED_KEY, `${tip} ${ctx.backend.branch}`)
  return lost
}

/**
 * The entries with every commit after its parents. Committer times alone cannot order them: a
 * delete on a merged branch often has the same second as the registration on the other parent.
 */
function ancestorsFirst(entries: LogEntry[]): LogEntry[] {
  const byCommit = new Map(entries.map(entry => [entry.commit, entry]))
  const ordered: LogEntry[] = []
  const done = new Set<string>()
  for (const start of entries) {
    const stack: { entry: LogEntry; next: number }[] = [{ entry: start, next: 0 }]
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { entry: LogEntry; next: number }
      if (done.has(top.entry.commit)) {
        stack.pop()
        continue
      }
      const parent = byCommit.get(top.entry.parents[top.next++] ?? '')
      if (top.next <= top.entry.parents.length) {
        if (parent && !done.has(parent.commit)) stack.push({ entry: parent, next: 0 })
        continue
      }
      done.add(top.entry.commit)
      ordered.push(top.entry)
      stack.pop()
    }
  }
  return ordered
}

/** The versions an mreg delete or cleanup (remove mode) commit took out on purpose. */
function removedBy(entry: LogEntry): string[] {
  const deleted = /^delete (\S+) (\S+) \(/.exec(entry.subject)
  if (deleted) return [`${deleted[1]}@${deleted[2]}`]
  if (!entry.subject.startsWith('cleanup: remove ')) return []
  return entry.body
    .split('\n')
    .map(line => /^remove (\S+@\S+): /.exec(line)?.[1])
    .filter((reference): reference is string => reference !== undefined)
}

/** The commit doctor last vouched for on this branch, or null. */
async function readVouched(ctx: CommandContext): Promise<string | null> {
  const [commit, branch] = ((await ctx.state?.read(VOUCHED_KEY)) ?? '').split(' ')
  return commit && /^[0-9a-f]{40,64}$/.test(commit) && branch === ctx.backend.branch ? commit : null
}

/**
 * The log reads the branch's current tip; a write that landed after doctor took its snapshot
 * would otherwise look like a registration whose file is gone. mreg's writes move the tip
 * forward one commit at a time, so those are the entries before the snapshot's own commit.
 */
function upToSnapshot(entries: LogEntry[], tip: string): LogEntry[] {
  const at = entries.findIndex(entry => entry.commit === tip)
  return at > 0 ? entries.slice(at) : entries
}
