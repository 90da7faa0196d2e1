/**
 * What a local registration can know about where it came from: the repository it runs in (its
 * `origin` URL without credentials, else its path), the commit HEAD points at, and whether the
 * working tree differed from that commit (tracked files modified, staged or deleted; untracked
 * files do not count, as for `git describe --dirty`). Read-only: the index is not refreshed.
 * Asked of the git CLI where it runs, else of isomorphic-git.
 */
import { execFile } from 'node:child_process'
import fs, { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseGitConfig } from './git-identity.js'
import type { RepositoryLocation } from './repository.js'
import { isomorphicGit } from './isomorphic.js'

export interface LocalProvenance {
  repository: string
  commit?: string
  dirty?: boolean
}

export async function localProvenance(location: RepositoryLocation): Promise<LocalProvenance> {
  const provenance: LocalProvenance = { repository: originUrl(location.gitdir) ?? location.dir }
  const bare = location.dir === location.gitdir
  const state = (bare ? null : await stateByGit(location.dir)) ?? (await stateByIsomorphicGit(location, bare))
  return { ...provenance, ...state }
}

type TreeState = Omit<LocalProvenance, 'repository'>

/**
 * `git status` where the git CLI runs: it uses the index's stat cache (and fsmonitor) and never
 * walks untracked directories, so a project with a large `data/` or virtualenv costs what its
 * tracked files cost. `--no-optional-locks` keeps it from refreshing the index. Null when git
 * cannot run here or fails (e.g. a repository it calls unsafe): isomorphic-git answers instead.
 */
async function stateByGit(dir: string): Promise<TreeState | null> {
  const env = { ...process.env }
  // where the repository is comes from `dir`, as findRepository found it, not from the environment
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR']) delete env[name]
  const args = ['--no-optional-locks', 'status', '--porcelain=v2', '--branch', '--untracked-files=no', '-z']
  const output = await new Promise<string | null>(resolve => {
    execFile('git', args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      resolve(error ? null : stdout)
    )
  })
  if (output === null) return null
  const records = output.split('\0').filter(Boolean)
  const oid = records.find(r => r.startsWith('# branch.oid '))?.slice('# branch.oid '.length)
  if (!oid || oid === '(initial)') return {} // no commit yet: nothing more is knowable
  // every record that is not a header is a changed tracked entry (untracked ones were not asked for)
  return { commit: oid, dirty: records.some(r => !r.startsWith('# ')) }
}

async function stateByIsomorphicGit(location: RepositoryLocation, bare: boolean): Promise<TreeState> {
  // A linked worktree keeps its own HEAD and index in the directory its `.git` file names.
  const dotGit = bare ? location.gitdir : join(location.dir, '.git')
  const git = await isomorphicGit()
  let commit: string
  try {
    commit = await git.resolveRef({ fs, dir: bare ? undefined : location.dir, gitdir: dotGit, ref: 'HEAD' })
  } catch {
    return {} // no commit yet: nothing more is knowable
  }
  if (bare) return { commit }
  try {
    const rows = await git.statusMatrix({ fs, dir: location.dir, gitdir: dotGit, refresh: false })
    // [file, head, workdir, stage]: 1,1,1 is unchanged; head and stage both absent is untracked.
    const dirty = rows.some(([, head, workdir, stage]) => {
      const untracked = head === 0 && stage === 0
      return !untracked && !(head === 1 && workdir === 1 && stage === 1)
    })
    return { commit, dirty }
  } catch {
    // A layout isomorphic-git cannot walk (e.g. a linked worktree's shared object store): unknown,
    // so not recorded, rather than a guess.
    return { commit }
  }
}

function originUrl(gitdir: string): string | undefined {
  let text: string
  try {
    text = readFileSync(join(gitdir, 'config'), 'utf8')
  } catch {
    return undefined
  }
  const url = parseGitConfig(text)
    .filter(([key]) => key === 'remote.origin.url')
    .at(-1)?.[1]
  return url === undefined ? undefined : withoutCredentials(url)
}

/** `https://user:token@host/x.git` → `https://host/x.git`: a secret never goes into metadata. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1')
}
