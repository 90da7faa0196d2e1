/**
 * The emulated repository is a real bare repository driven with the `git` CLI, so refs written
 * through the API and refs pushed over smart HTTP are the same refs, under git's own locking.
 */
import { execFile } from 'node:child_process'
import { mkdir, writeFile, chmod } from 'node:fs/promises'
import { join } from 'node:path'

export const ZERO_SHA = '0000000000000000000000000000000000000000'

/** GitHub's identity on the merge and squash commits it writes. */
const GITHUB_IDENTITY = { name: 'GitHub', email: 'noreply@github.com' }

export interface GitResult {
  stdout: string
  stderr: string
  code: number
}

export interface RefEntry {
  ref: string
  sha: string
  type: string
}

/** Environment without the user's git configuration, so tests see the same git everywhere. */
export function isolatedGitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...extra
  }
}

export class GitRepo {
  constructor(readonly dir: string) {}

  run(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        args,
        { cwd: this.dir, env: isolatedGitEnv(options.env), maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
          if (code === -1) reject(error)
          else resolve({ stdout, stderr, code })
        }
      )
      if (options.input !== undefined) child.stdin?.end(options.input)
    })
  }

  async ok(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
    const result = await this.run(args, options)
    if (result.code !== 0)
      throw new Error(`git ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`)
    return result.stdout
  }

  /** `git init --bare`, receive-pack on, and the pre-receive hook that guards immutable tags. */
  async init(defaultBranch: string): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    await this.ok(['init', '--bare', '--quiet', `--initial-branch=${defaultBranch}`])
    // http-backend refuses receive-pack to anonymous users unless enabled; auth is ours to check.
    await this.ok(['config', 'http.receivepack', 'true'])
    const hook = join(this.dir, 'hooks', 'pre-receive')
    await writeFile(
      hook,
      [
        '#!/bin/sh',
        '# Written by the GitHub emulator: tags of immutable releases cannot move or be deleted.',
        'locked="$GIT_DIR/emulator-locked-tags"',
        '[ -f "$locked" ] || exit 0',
        'status=0',
        'while read old new ref; do',
        '  if grep -qxF "$ref" "$locked"; then',
        '    echo "refusing to change $ref: it is the tag of an immutable release" >&2',
        '    status=1',
        '  fi',
        'done',
        'exit $status',
        ''
      ].join('\n')
    )
    await chmod(hook, 0o755)
  }

  /** Rewrite the list of refs the pre-receive hook protects. */
  async setLockedRefs(refs: Iterable<string>): Promise<void> {
    const lines = [...refs].sort().join('\n')
    await writeFile(join(this.dir, 'emulator-locked-tags'), lines ? `${lines}\n` : '')
  }

  /** One commit with one file on `branch`, written without a working tree. */
  async commitFile(branch: string, path: string, content: string, message: string): Promise<string> {
    const blob = (await this.ok(['hash-object', '-w', '--stdin'], { input: content })).trim()
    const tree = (await this.ok(['mktree'], { input: `100644 blob ${blob}\t${path}\n` })).trim()
    const parent = await this.resolveCommit(`refs/heads/${branch}`)
    const commit = await this.commitTree(tree, parent ? [parent] : [], message)
    await this.ok(['update-ref', `refs/heads/${branch}`, commit, parent ?? ZERO_SHA])
    return commit
  }

  async listRefs(): Promise<RefEntry[]> {
    const out = await this.ok(['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)'])
    return out
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [sha, type, ref] = line.split(' ') as [string, string, string]
        return { sha, type, ref }
      })
  }

  async readRef(ref: string): Promise<RefEntry | undefined> {
    return (await this.listRefs()).find(entry => entry.ref === ref)
  }

  async isEmpty(): Promise<boolean> {
    return (await this.listRefs()).length === 0
  }

  /** The commit a name (sha, branch, tag, full ref) resolves to, or undefined. */
  async resolveCommit(name: string): Promise<string | undefined> {
    if (name.startsWith('-')) return undefined
    const result = await this.run([
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${name}^{commit}`
    ])
    return result.code === 0 ? result.stdout.trim() : undefined
  }

  async objectExists(sha: string): Promise<boolean> {
    if (!/^[0-9a-f]{40}$/.test(sha)) return false
    return (await this.run(['cat-file', '-e', sha])).code === 0
  }

  /** Compare-and-swap a ref; `old` = ZERO_SHA means "must not exist". Returns false on a lost race. */
  async updateRef(ref: string, sha: string, old?: string): Promise<boolean> {
    const args = ['update-ref', ref, sha]
    if (old !== undefined) args.push(old)
    return (await this.run(args)).code === 0
  }

  async deleteRef(ref: string, old?: string): Promise<boolean> {
    const args = ['update-ref', '-d', ref]
    if (old !== undefined) args.push(old)
    return (await this.run(args)).code === 0
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await this.run(['merge-base', '--is-ancestor', ancestor, descendant])).code === 0
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const result = await this.run(['merge-base', a, b])
    return result.code === 0 ? result.stdout.trim() : undefined
  }

  /** Three-way merge without a working tree: the merged tree, or undefined on conflicts. */
  async mergeTree(ours: string, theirs: string, mergeBase?: string): Promise<string | undefined> {
    const args = ['merge-tree', '--write-tree', '--no-messages']
    if (mergeBase) args.push(`--merge-base=${mergeBase}`)
    args.push(ours, theirs)
    const result = await this.run(args)
    return result.code === 0 ? (result.stdout.split('\n')[0] ?? '').trim() : undefined
  }

  async commitTree(
    tree: string,
    parents: string[],
    message: string,
    author: { name: string; email: string } = GITHUB_IDENTITY
  ): Promise<string> {
    const args = ['commit-tree', tree]
    for (const parent of parents) args.push('-p', parent)
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: GITHUB_IDENTITY.name,
      GIT_COMMITTER_EMAIL: GITHUB_IDENTITY.email
    }
    return (await this.ok(args, { input: message, env })).trim()
  }

  async treeOf(commit: string): Promise<string> {
    return (await this.ok(['rev-parse', `${commit}^{tree}`])).trim()
  }

  /** Commits reachable from `head` and not from `base`, oldest first. */
  async commitsBetween(base: string, head: string): Promise<string[]> {
    const out = await this.ok(['rev-list', '--reverse', `${base}..${head}`])
    return out.split('\n').filter(Boolean)
  }

  async commitInfo(
    sha: string
  ): Promise<{ authorName: string; authorEmail: string; message: string; parents: string[] }> {
    const out = await this.ok(['show', '-s', '--format=%an%x00%ae%x00%P%x00%B', sha])
    const [authorName = '', authorEmail = '', parents = '', message = ''] = out.split('\0')
    return { authorName, authorEmail, message, parents: parents.split(' ').filter(Boolean) }
  }

  /** Per-file changes from `base` to `head` (rename detection on, like GitHub's diff). */
  async diffFiles(
    base: string,
    head: string
  ): Promise<
    {
      status: string
      filename: string
      previous?: string
      additions: number
      deletions: number
      sha: string | null
    }[]
  > {
    const numstat = await this.ok(['diff', '--numstat', '-z', '-M', base, head])
    const counts = new Map<string, { additions: number; deletions: number }>()
    const tokens = numstat.split('\0')
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string
      if (!token) continue
      const [add = '0', del = '0', path = ''] = token.split('\t')
      const entry = { additions: Number(add) || 0, deletions: Number(del) || 0 }
      if (path === '') {
        // rename: the next two tokens are the old and the new path
        i += 2
        counts.set(tokens[i] as string, entry)
      } else {
        counts.set(path, entry)
      }
    }
    const raw = await this.ok(['diff', '--raw', '-z', '-M', '--no-abbrev', base, head])
    const parts = raw.split('\0')
    const files: {
      status: string
      filename: string
      previous?: string
      additions: number
      deletions: number
      sha: string | null
    }[] = []
    for (let i = 0; i < parts.length; i++) {
      const meta = parts[i] as string
      if (!meta.startsWith(':')) continue
      const fields = meta.slice(1).split(' ')
      const newSha = fields[3] ?? ZERO_SHA
      const code = (fields[4] ?? 'M')[0] as string
      let previous: string | undefined
      if (code === 'R' || code === 'C') previous = parts[++i]
      const filename = parts[++i] as string
      const status =
        (
          { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' } as Record<
            string,
            string
          >
        )[code] ?? 'modified'
      const count = counts.get(filename) ?? { additions: 0, deletions: 0 }
      files.push({ status, filename, previous, ...count, sha: newSha === ZERO_SHA ? null : newSha })
    }
    return files
  }
}
