/**
 * What a local registration can know about where it came from: the repository it runs in (its
 * `origin` URL without credentials, else its path), the commit HEAD points at, and whether the
 * working tree differed from that commit (tracked files modified, staged or deleted; untracked
 * files do not count, as for `git describe --dirty`). Read-only: the index is not refreshed.
 */
import fs from 'node:fs'
import { readFile } from 'node:fs/promises'
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
  const provenance: LocalProvenance = { repository: (await originUrl(location.gitdir)) ?? location.dir }
  const bare = location.dir === location.gitdir
  // A linked worktree keeps its own HEAD and index in the directory its `.git` file names.
  const dotGit = bare ? location.gitdir : join(location.dir, '.git')
  const git = await isomorphicGit()
  let commit: string
  try {
    commit = await git.resolveRef({ fs, dir: bare ? undefined : location.dir, gitdir: dotGit, ref: 'HEAD' })
  } catch {
    return provenance // no commit yet: nothing more is knowable
  }
  provenance.commit = commit
  if (bare) return provenance
  try {
    const rows = await git.statusMatrix({ fs, dir: location.dir, gitdir: dotGit, refresh: false })
    // [file, head, workdir, stage]: 1,1,1 is unchanged; head and stage both absent is untracked.
    provenance.dirty = rows.some(([, head, workdir, stage]) => {
      const untracked = head === 0 && stage === 0
      return !untracked && !(head === 1 && workdir === 1 && stage === 1)
    })
  } catch {
    // A layout isomorphic-git cannot walk (e.g. a linked worktree's shared object store): unknown,
    // so not recorded, rather than a guess.
  }
  return provenance
}

async function originUrl(gitdir: string): Promise<string | undefined> {
  let text: string
  try {
    text = await readFile(join(gitdir, 'config'), 'utf8')
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
