/**
 * Who commits, resolved the way git resolves it (git-commit-tree(1) "COMMIT INFORMATION",
 * git-config(1) "FILES"): the environment (GIT_AUTHOR_* / GIT_COMMITTER_*, then EMAIL for the
 * address), else the configuration — system (/etc/gitconfig, or GIT_CONFIG_SYSTEM; skipped with
 * GIT_CONFIG_NOSYSTEM), global ($XDG_CONFIG_HOME/git/config, then ~/.gitconfig; or
 * GIT_CONFIG_GLOBAL), then the repository's own config, a later file overriding an earlier one,
 * `author.*` / `committer.*` over `user.*`. Where git would then guess from the login and host
 * name, mreg uses `mreg <mreg@localhost>` and says so (`fallback`).
 *
 * The files are read with a small reader of git's config syntax (sections, subsections, quoted
 * values, escapes, comments, continuation lines, `[include] path`); `includeIf` is not evaluated.
 */
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'

export interface Identity {
  name: string
  email: string
}

export interface CommitIdentity {
  author: Identity
  committer: Identity
  /** The roles or fields no environment variable or config file set, filled with the fallback. */
  fallback: string[]
}

export const FALLBACK_IDENTITY: Identity = { name: 'mreg', email: 'mreg@localhost' }

type Env = Record<string, string | undefined>

/** The identity for commits in `gitdir`, from `env` (default process.env) and git's config files. */
export async function resolveCommitIdentity(gitdir: string, env: Env = process.env): Promise<CommitIdentity> {
  const config = readConfigChain(configFiles(gitdir, env))
  const fallback: string[] = []
  const pick = (role: 'author' | 'committer', field: 'name' | 'email'): string => {
    const fromEnv = env[`GIT_${role.toUpperCase()}_${field.toUpperCase()}`]?.trim()
    const value =
      fromEnv ||
      config.get(`${role}.${field}`) ||
      config.get(`user.${field}`) ||
      (field === 'email' ? env.EMAIL?.trim() : undefined)
    if (value) return value
    fallback.push(`${role} ${field}`)
    return FALLBACK_IDENTITY[field]
  }
  return {
    author: { name: pick('author', 'name'), email: pick('author', 'email') },
    committer: { name: pick('committer', 'name'), email: pick('committer', 'email') },
    fallback
  }
}

/** git-config(1) FILES, lowest precedence first. */
export function configFiles(gitdir: string, env: Env): string[] {
  const files: string[] = []
  if (!env.GIT_CONFIG_NOSYSTEM || /^(0|false|no|off)$/i.test(env.GIT_CONFIG_NOSYSTEM))
    files.push(env.GIT_CONFIG_SYSTEM || '/etc/gitconfig')
  if (env.GIT_CONFIG_GLOBAL) files.push(env.GIT_CONFIG_GLOBAL)
  else {
    const home = env.HOME || homedir()
    files.push(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'git', 'config'), join(home, '.gitconfig'))
  }
  files.push(join(gitdir, 'config'))
  return files
}

/** `section.key` (lower case; subsection kept as written) → last value, over the files in order. */
function readConfigChain(files: string[]): Map<string, string> {
  const values = new Map<string, string>()
  for (const file of files) readConfigFile(file, values, 0)
  return values
}

const MAX_INCLUDE_DEPTH = 10

// Synchronous: four small files at every start, each of which cost a thread-pool hand-off when
// asynchronous (src/registry/objects.ts says why, with the measurement).
function readConfigFile(file: string, into: Map<string, string>, depth: number): void {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return // a missing or unreadable file is simply not part of the chain, as for git
  }
  for (const [key, value] of parseGitConfig(text)) {
    if (key === 'include.path' && depth < MAX_INCLUDE_DEPTH) {
      const path = value.startsWith('~/') ? join(homedir(), value.slice(2)) : value
      readConfigFile(isAbsolute(path) ? path : resolve(dirname(file), path), into, depth + 1)
    } else into.set(key, value)
  }
}

/** Entries of one config file in order, as `section[.subsection].key` → value. */
export function parseGitConfig(text: string): [string, string][] {
  const entries: [string, string][] = []
  let section = ''
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string
    const header = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\](.*)$/.exec(line)
    if (header) {
      const name = (header[1] as string).toLowerCase()
      section = header[2] === undefined ? name : `${name}.${header[2].replace(/\\(.)/g, '$1')}`
      // git allows an entry on the header's line: `[user] name = Ada`
      line = header[3] as string
    }
    const entry = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/.exec(line)
    if (!entry || section === '') continue
    let raw = entry[2]
    // A value continues on the next line after a trailing backslash (outside quotes).
    while (raw !== undefined && /(^|[^\\])(\\\\)*\\$/.test(raw) && i + 1 < lines.length) {
      raw = raw.slice(0, -1) + (lines[++i] as string)
    }
    entries.push([
      `${section}.${(entry[1] as string).toLowerCase()}`,
      raw === undefined ? 'true' : value(raw)
    ])
  }
  return entries
}

/** A value: quotes removed, escapes \" \\ \n \t \b resolved, a comment outside quotes dropped, ends trimmed. */
function value(raw: string): string {
  let out = ''
  let quoted = false
  let pendingSpace = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[++i] as string
      out += pendingSpace + ({ n: '\n', t: '\t', b: '\b' }[next] ?? next)
      pendingSpace = ''
    } else if (c === '"') {
      out += pendingSpace
      pendingSpace = ''
      quoted = !quoted
    } else if (!quoted && (c === '#' || c === ';')) break
    else if (!quoted && /\s/.test(c)) pendingSpace += out === '' ? '' : c
    else {
      out += pendingSpace + c
      pendingSpace = ''
    }
  }
  return out
}
