/**
 * GitHub's Git Database API and the contents API, as the registry branch needs them: read a ref,
 * a commit, one tree (never recursive), one blob or the file at a path of a commit; write a tree
 * on a base tree (blobs inline), a commit, and move a branch without force.
 *
 * https://docs.github.com/en/rest/git/trees — "The tree creation API accepts nested entries":
 * one POST writes every file of a change, the unchanged directories keep their ids.
 * https://docs.github.com/en/rest/git/refs#update-a-reference — `force: false` (the default)
 * "will make sure you're not overwriting work": the server refuses (422) an update that is not
 * a fast-forward, which is the compare-and-swap the optimistic writer needs.
 * https://docs.github.com/en/rest/repos/contents#get-repository-content — the raw media type
 * returns a file's bytes (up to 100 MB) in one request, whatever its depth.
 */
import { RegistryError } from '../domain/errors.js'
import { repoSlug, type RepoRef } from './call.js'
import type { GitHubClient } from './client.js'
import { gitHubMessage, httpStatus } from './errors.js'

export interface ApiTreeEntry {
  path: string
  mode: string
  type: string
  sha: string
}

export interface ApiCommit {
  sha: string
  tree: string
  parents: string[]
  message: string
  author: ApiPerson
  committer: ApiPerson
}

export interface ApiPerson {
  name: string
  email: string
  /** ISO 8601 with the signature's UTC offset, e.g. `2014-08-09T08:02:04+12:00`. */
  date: string
}

/** One file of a new tree: its content, or null to delete it (it must exist: GitHub refuses otherwise). */
export interface TreeWrite {
  path: string
  content: string | null
}

export type RefUpdate = 'updated' | 'moved'

/**
 * An entry of a contents-API directory listing, as a tree entry: the listing gives no file mode,
 * so a file is 100644 (the registry branch holds no executables or symlinks; its readers never
 * re-encode a listed directory, only trees read by id).
 */
export interface ApiDirectoryEntry {
  sha: string
  mode: string
  type: 'blob' | 'tree' | 'commit'
}

/** https://docs.github.com/en/rest/repos/contents#get-repository-content */
const CONTENTS_DIRECTORY_LIMIT = 1000

const CONTENT_TYPES: Record<string, Omit<ApiDirectoryEntry, 'sha'>> = {
  file: { mode: '100644', type: 'blob' },
  dir: { mode: '040000', type: 'tree' },
  symlink: { mode: '120000', type: 'blob' },
  submodule: { mode: '160000', type: 'commit' }
}

export class GitDatabase {
  private readonly slug: string

  constructor(
    private readonly client: GitHubClient,
    private readonly ref: RepoRef
  ) {
    this.slug = repoSlug(ref)
  }

  private get git() {
    return this.client.octokit.rest.git
  }

  private fail(error: unknown, action: string): RegistryError {
    return this.client.fail(error, action, this.slug)
  }

  /** The commit a branch points at; null when the branch (or every branch: an empty repository) is absent. */
  async branchTip(branch: string): Promise<string | null> {
    try {
      const { data } = await this.git.getRef({ ...this.ref, ref: `heads/${branch}` })
      return data.object.sha
    } catch (error) {
      // 409 "Git Repository is empty." (https://docs.github.com/en/rest/git/refs#get-a-reference)
      const status = httpStatus(error)
      if (status === 404 || status === 409) return null
      throw this.fail(error, `reading branch ${branch}`)
    }
  }

  /** The commit a ref (`heads/x`, `pull/3/head`, `tags/v1`, peeled) points at; null when absent. */
  async refTarget(ref: string): Promise<string | null> {
    try {
      const { data } = await this.git.getRef({ ...this.ref, ref })
      if (data.object.type !== 'tag') return data.object.sha
      const { data: tag } = await this.git.getTag({ ...this.ref, tag_sha: data.object.sha })
      return tag.object.sha
    } catch (error) {
      const status = httpStatus(error)
      if (status === 404 || status === 409) return null
      throw this.fail(error, `reading ref ${ref}`)
    }
  }

  /** Null when the repository has no such commit. */
  async commit(sha: string): Promise<ApiCommit | null> {
    try {
      const { data } = await this.git.getCommit({ ...this.ref, commit_sha: sha })
      return {
        sha: data.sha,
        tree: data.tree.sha,
        parents: data.parents.map(p => p.sha),
        message: data.message,
        author: person(data.author),
        committer: person(data.committer)
      }
    } catch (error) {
      if (httpStatus(error) === 404 || httpStatus(error) === 422) return null
      throw this.fail(error, `reading commit ${sha}`)
    }
  }

  /** One tree's own entries (not recursive), and the id GitHub answered for (a commit's tree for a commit id). */
  async tree(sha: string): Promise<{ sha: string; entries: ApiTreeEntry[] } | null> {
    try {
      const { data } = await this.git.getTree({ ...this.ref, tree_sha: sha })
      if (data.truncated) {
        throw new RegistryError('integrity', `tree ${sha} on ${this.slug} is too large for GitHub's tree API`)
      }
      const entries = data.tree.map(e => ({
        path: String(e.path),
        mode: String(e.mode),
        type: String(e.type),
        sha: String(e.sha)
      }))
      return { sha: data.sha, entries }
    } catch (error) {
      if (httpStatus(error) === 404 || httpStatus(error) === 422) return null
      throw this.fail(error, `reading tree ${sha}`)
    }
  }

  /** A blob's bytes (the raw media type: no base64 on the wire); null when absent. */
  async blob(sha: string): Promise<Buffer | null> {
    try {
      const response = await this.git.getBlob({ ...this.ref, file_sha: sha, mediaType: { format: 'raw' } })
      return rawBytes(response.data, `blob ${sha}`)
    } catch (error) {
      if (httpStatus(error) === 404 || httpStatus(error) === 422) return null
      throw this.fail(error, `reading blob ${sha}`)
    }
  }

  /**
   * The file at `path` in `commit`, raw; null when absent. A directory there answers with its
   * listing (JSON, whatever the media type asked): 'directory'.
   */
  async file(commit: string, path: string): Promise<Buffer | 'directory' | null> {
    try {
      const response = await this.client.octokit.rest.repos.getContent({
        ...this.ref,
        path,
        ref: commit,
        mediaType: { format: 'raw' }
      })
      if (Array.isArray(response.data)) return 'directory'
      return rawBytes(response.data, path)
    } catch (error) {
      if (httpStatus(error) === 404) return null
      throw this.fail(error, `reading ${path} at ${commit}`)
    }
  }

  /**
   * The entries of the directory at `path` in `commit` (contents API, one request whatever the
   * depth); null when nothing is there, 'file' when a file is. GitHub lists at most 1,000
   * entries of a directory ("This API has an upper limit of 1,000 files for a directory. If you
   * need to retrieve more files, use the Git Trees API."): a listing that long is 'too-long',
   * since what it leaves out cannot be told from what is absent.
   */
  async directory(
    commit: string,
    path: string
  ): Promise<Map<string, ApiDirectoryEntry> | 'file' | 'too-long' | null> {
    let data: unknown
    try {
      ;({ data } = await this.client.octokit.rest.repos.getContent({ ...this.ref, path, ref: commit }))
    } catch (error) {
      if (httpStatus(error) === 404) return null
      throw this.fail(error, `listing ${path} at ${commit}`)
    }
    if (!Array.isArray(data)) return 'file'
    if (data.length >= CONTENTS_DIRECTORY_LIMIT) return 'too-long'
    const entries = new Map<string, ApiDirectoryEntry>()
    for (const item of data as unknown[]) {
      const { name, sha, type } = (item ?? {}) as { name?: unknown; sha?: unknown; type?: unknown }
      const kind = typeof type === 'string' ? CONTENT_TYPES[type] : undefined
      if (typeof name !== 'string' || typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha) || !kind) {
        throw new RegistryError('integrity', `${path} at ${commit}: GitHub listed an entry that is not one`)
      }
      entries.set(name, { sha, ...kind })
    }
    return entries
  }

  /** A tree: `base` with `files` written or deleted (nested paths); returns the new root tree's id. */
  async createTree(base: string | null, files: TreeWrite[]): Promise<string> {
    const tree = files.map(file =>
      file.content === null
        ? { path: file.path, mode: '100644' as const, type: 'blob' as const, sha: null }
        : { path: file.path, mode: '100644' as const, type: 'blob' as const, content: file.content }
    )
    try {
      const { data } = await this.git.createTree({ ...this.ref, tree, ...(base ? { base_tree: base } : {}) })
      return data.sha
    } catch (error) {
      throw this.fail(error, 'writing the registry tree')
    }
  }

  async createCommit(commit: {
    message: string
    tree: string
    parents: string[]
    author: ApiPerson
    committer: ApiPerson
  }): Promise<string> {
    try {
      const { data } = await this.git.createCommit({ ...this.ref, ...commit })
      return data.sha
    } catch (error) {
      throw this.fail(error, 'writing the registry commit')
    }
  }

  /**
   * Moves `branch` to `sha` only as a fast-forward (`force: false`): 'moved' when the branch no
   * longer holds an ancestor of `sha` (someone else's update landed first). A ruleset's refusal
   * ("Repository rule violations found") is an error, not a lost race.
   */
  async fastForward(branch: string, sha: string): Promise<RefUpdate> {
    try {
      await this.git.updateRef({ ...this.ref, ref: `heads/${branch}`, sha, force: false })
      return 'updated'
    } catch (error) {
      if (httpStatus(error) === 422 && isLostRace(error)) return 'moved'
      throw this.refused(error, branch)
    }
  }

  /** Creates `branch` at `sha`; 'moved' when it exists already. */
  async createBranch(branch: string, sha: string): Promise<RefUpdate> {
    try {
      await this.git.createRef({ ...this.ref, ref: `refs/heads/${branch}`, sha })
      return 'updated'
    } catch (error) {
      if (httpStatus(error) === 422 && /already exists/i.test(gitHubMessage(error) ?? '')) return 'moved'
      throw this.refused(error, branch)
    }
  }

  /** Points `branch` at `sha` whatever it held (a proposal branch), creating it when absent. */
  async setBranch(branch: string, sha: string): Promise<void> {
    try {
      await this.git.updateRef({ ...this.ref, ref: `heads/${branch}`, sha, force: true })
    } catch (error) {
      if (httpStatus(error) === 422 && /does not exist/i.test(gitHubMessage(error) ?? '')) {
        if ((await this.createBranch(branch, sha)) === 'updated') return
        return this.setBranch(branch, sha)
      }
      throw this.refused(error, branch)
    }
  }

  private refused(error: unknown, branch: string): RegistryError {
    const said = gitHubMessage(error) ?? ''
    if (httpStatus(error) === 422 && PROTECTION.test(said)) {
      return new RegistryError(
        'refused',
        `GitHub refused to move branch ${branch} on ${this.slug}: ${said.replace(/\s+/g, ' ').trim()}; add the registry's token (a GitHub App) to the rule's bypass list, or change the registry through a pull request`,
        { field: 'registry-branch', value: branch, reason: 'ruleset' }
      )
    }
    return this.fail(error, `moving branch ${branch}`)
  }
}

/**
 * A branch protection's refusal of a ref update: a ruleset's "Repository rule violations found"
 * with its rules, classic protection's "Protected branch update failed for <ref>.", or a rule's
 * own line alone ("Required status check … is expected.", "Changes must be made through a pull
 * request.", "Cannot update this protected ref.", "At least 1 approving review is required…"),
 * the wordings GitHub uses for these rules
 * (https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/available-rules-for-rulesets).
 */
const PROTECTION =
  /rule violations|protected branch|protected ref|required status check|through a pull request|approving review/i

/** GitHub's answers to a non-forced update whose base moved (the emulator's too: handlers/refs.ts). */
function isLostRace(error: unknown): boolean {
  return /not a fast forward|cannot be updated/i.test(gitHubMessage(error) ?? '')
}

function person(value: { name?: string; email?: string; date?: string }): ApiPerson {
  return { name: value.name ?? '', email: value.email ?? '', date: value.date ?? '' }
}

function rawBytes(data: unknown, what: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8')
  if (data instanceof ArrayBuffer) return Buffer.from(data)
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  throw new RegistryError('integrity', `${what}: GitHub did not answer with the raw content`)
}
