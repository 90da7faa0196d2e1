/**
 * GitHub's Git Database API (commits, trees, blobs) and the contents API, read from and written
 * into the same bare repository `git http-backend` serves, so what the API writes a fetch sees
 * and what a push brings the API reads.
 *
 * Sources (rules.ts names each behaviour):
 * - https://docs.github.com/en/rest/git/trees — get a tree (a tree-ish: a commit id answers its
 *   tree; `recursive` walks subtrees), create a tree: "accepts nested entries", `base_tree`
 *   keeps everything not named, `sha: null` deletes ("Returns an error if you try to delete a
 *   file that does not exist"), `content` writes the blob, sha and content together are an error.
 * - https://docs.github.com/en/rest/git/commits — get and create a commit; `committer` defaults
 *   to `author`, `author` to the authenticated user; dates are ISO 8601.
 * - https://docs.github.com/en/rest/git/blobs — get a blob (base64 JSON, or the raw bytes with
 *   `application/vnd.github.raw`), create a blob (utf-8 or base64).
 * - https://docs.github.com/en/rest/repos/contents#get-repository-content — a file (base64 JSON,
 *   or raw with the raw media type), a directory as a JSON list whatever the media type (its
 *   first 1,000 entries: "This API has an upper limit of 1,000 files for a directory"); `ref`
 *   defaults to the default branch.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import {
  ApiError,
  notFound,
  RequestMismatch,
  type ApiAnswer,
  type EmulatorContext,
  type Handler
} from '../context.js'
import { objectBatch, type BatchObject } from '../git/object-batch.js'
import { isolatedGitEnv } from '../git/repo.js'
import { editTree, hashTrees, NoSuchFile, type TreeEdit } from '../git/tree-edit.js'
import { enc, nodeId, repoApi, repoWeb, type Json } from '../representations/common.js'

const EMPTY = 'Git Repository is empty.'
/** Entries of a directory the contents API lists (rule contents-directory-limit). */
const DIRECTORY_LIMIT = 1000
const SHA = /^[0-9a-f]{40}$/

/** git with binary stdin and stdout (blobs are bytes, not text). */
function gitBytes(
  ctx: EmulatorContext,
  args: string[],
  options: { input?: Buffer; env?: NodeJS.ProcessEnv } = {}
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: ctx.git.dir,
        env: isolatedGitEnv(options.env),
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        if (code === -1) reject(error)
        else resolve({ code, stdout, stderr: stderr.toString('utf8') })
      }
    )
    // git may exit before reading stdin it does not need (ls-tree): that EPIPE is no failure
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(options.input)
  })
}

async function readObject(ctx: EmulatorContext, name: string): Promise<BatchObject | null> {
  return objectBatch(ctx.git).read(name)
}

async function objectType(ctx: EmulatorContext, sha: string): Promise<string | undefined> {
  if (!SHA.test(sha)) return undefined
  return (await readObject(ctx, sha))?.type
}

async function refuseEmpty(ctx: EmulatorContext): Promise<void> {
  if (await ctx.git.isEmpty()) throw new ApiError(409, EMPTY)
}

/** The raw media type asked in Accept (`application/vnd.github.raw`, `.v3.raw`, `.raw+json`). */
function wantsRaw(headers: { accept?: string | string[] }): boolean {
  const accept = String(headers.accept ?? '')
  return /application\/vnd\.github(\.v3)?\.raw/.test(accept)
}

function rawAnswer(bytes: Buffer): ApiAnswer {
  return { status: 200, raw: { bytes, contentType: 'application/vnd.github.raw' }, rule: 'raw-media-type' }
}

interface Signature {
  name: string
  email: string
  date: string
}

/** `Name <email> 1700000000 +0200` → the API's person with an ISO 8601 date keeping the offset. */
function parseSignature(text: string): Signature {
  const match = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/.exec(text)
  if (!match) return { name: text, email: '', date: new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z') }
  const [, name, email, seconds, sign, hh, mm] = match as unknown as string[]
  const offsetMinutes = (Number(hh) * 60 + Number(mm)) * (sign === '-' ? -1 : 1)
  const local = new Date((Number(seconds) + offsetMinutes * 60) * 1000).toISOString().slice(0, 19)
  const date = offsetMinutes === 0 ? `${local}Z` : `${local}${sign}${hh}:${mm}`
  return { name: name as string, email: email as string, date }
}

async function commitJson(ctx: EmulatorContext, sha: string, data?: Buffer): Promise<Json> {
  const raw = (data ?? (await gitBytes(ctx, ['cat-file', 'commit', sha])).stdout).toString('utf8')
  const split = raw.indexOf('\n\n')
  const headers = (split < 0 ? raw : raw.slice(0, split)).split('\n')
  const message = split < 0 ? '' : raw.slice(split + 2)
  let tree = ''
  const parents: string[] = []
  let author = parseSignature('')
  let committer = parseSignature('')
  for (const line of headers) {
    const space = line.indexOf(' ')
    const key = line.slice(0, space)
    const value = line.slice(space + 1)
    if (key === 'tree') tree = value
    else if (key === 'parent') parents.push(value)
    else if (key === 'author') author = parseSignature(value)
    else if (key === 'committer') committer = parseSignature(value)
  }
  return {
    sha,
    node_id: nodeId('Commit', sha),
    url: `${repoApi(ctx)}/git/commits/${sha}`,
    html_url: `${repoWeb(ctx)}/commit/${sha}`,
    author,
    committer,
    tree: { sha: tree, url: `${repoApi(ctx)}/git/trees/${tree}` },
    message,
    parents: parents.map(p => ({
      sha: p,
      url: `${repoApi(ctx)}/git/commits/${p}`,
      html_url: `${repoWeb(ctx)}/commit/${p}`
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
  }
}

interface LsEntry {
  mode: string
  type: string
  sha: string
  size?: number
  path: string
}

/** `git ls-tree -l -z`: `<mode> <type> <sha> <size>\t<path>`. */
async function lsTree(
  ctx: EmulatorContext,
  treeish: string,
  options: { recursive?: boolean; path?: string } = {}
): Promise<LsEntry[]> {
  const args = ['ls-tree', '-l', '-z', ...(options.recursive ? ['-r', '-t'] : []), treeish]
  if (options.path !== undefined) args.push('--', options.path)
  const out = (await gitBytes(ctx, args)).stdout.toString('utf8')
  return out
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const tab = line.indexOf('\t')
      const [mode = '', type = '', sha = '', size = '-'] = line.slice(0, tab).split(/ +/)
      return { mode, type, sha, path: line.slice(tab + 1), ...(size === '-' ? {} : { size: Number(size) }) }
    })
}

function treeJson(ctx: EmulatorContext, sha: string, entries: LsEntry[]): Json {
  return {
    sha,
    url: `${repoApi(ctx)}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map(e => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.size === undefined ? {} : { size: e.size }),
      url: `${repoApi(ctx)}/git/${e.type === 'tree' ? 'trees' : e.type === 'blob' ? 'blobs' : 'commits'}/${e.sha}`
    }))
  }
}

/** 404 for a missing object, 409 when the repository is empty (checked only then: one git process less). */
async function missing(ctx: EmulatorContext): Promise<never> {
  await refuseEmpty(ctx)
  throw notFound()
}

export const getCommit: Handler = async (ctx, req) => {
  const sha = String(req.params.commit_sha)
  const object = SHA.test(sha) ? await readObject(ctx, sha) : null
  if (object?.type !== 'commit') return missing(ctx)
  return { status: 200, body: await commitJson(ctx, sha, object.data) }
}

export const getTree: Handler = async (ctx, req) => {
  const named = String(req.params.tree_sha)
  const object = SHA.test(named) ? await readObject(ctx, named) : null
  if (object?.type !== 'tree' && object?.type !== 'commit') return missing(ctx)
  // a commit id names its tree (a tree-ish): the first header line of the commit
  const sha = object.type === 'tree' ? named : object.data.toString('utf8', 5, 45)
  const recursive = req.query.recursive !== undefined && String(req.query.recursive) !== ''
  const entries = await lsTree(ctx, sha, { recursive })
  return { status: 200, body: treeJson(ctx, sha, entries) }
}

export const getBlob: Handler = async (ctx, req) => {
  const sha = String(req.params.file_sha)
  const object = SHA.test(sha) ? await readObject(ctx, sha) : null
  if (object?.type !== 'blob') return missing(ctx)
  const bytes = object.data
  if (wantsRaw(req.headers)) return rawAnswer(bytes)
  const body = {
    sha,
    node_id: nodeId('Blob', sha),
    size: bytes.length,
    url: `${repoApi(ctx)}/git/blobs/${sha}`,
    content: bytes.toString('base64'),
    encoding: 'base64'
  }
  return { status: 200, body }
}

export const getContent: Handler = async (ctx, req) => {
  const path = String(req.params.path ?? '').replace(/^\/+|\/+$/g, '')
  const ref = req.query.ref === undefined ? ctx.defaultBranch : String(req.query.ref)
  if (ref.startsWith('-') || /[:\s]/.test(ref)) return missing(ctx)
  const contentUrl = (p: string): string =>
    `${repoApi(ctx)}/contents/${p.split('/').map(enc).join('/')}?ref=${enc(ref)}`
  const item = (e: LsEntry, itemPath: string): Json => {
    const type = e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'submodule' : 'file'
    const git = `${repoApi(ctx)}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`
    const html = `${repoWeb(ctx)}/${e.type === 'tree' ? 'tree' : 'blob'}/${enc(ref)}/${itemPath.split('/').map(enc).join('/')}`
    const download =
      type === 'file'
        ? `${ctx.serverUrl}/${enc(ctx.owner)}/${enc(ctx.repo)}/raw/${enc(ref)}/${itemPath}`
        : null
    return {
      type,
      size: e.size ?? 0,
      name: itemPath.split('/').pop() ?? itemPath,
      path: itemPath,
      sha: e.sha,
      url: contentUrl(itemPath),
      git_url: git,
      html_url: html,
      download_url: download === null ? null : encodeURI(download),
      _links: { self: contentUrl(itemPath), git, html }
    }
  }
  const directory = async (treeish: string, prefix: string): Promise<ApiAnswer> => {
    const entries = await lsTree(ctx, treeish)
    const listed = entries.slice(0, DIRECTORY_LIMIT)
    return {
      status: 200,
      body: listed.map(e => item(e, prefix ? `${prefix}/${e.path}` : e.path)),
      ...(entries.length > DIRECTORY_LIMIT ? { rule: 'contents-directory-limit' } : {})
    }
  }
  // One batch read resolves the ref and the path (`<ref>:<path>`); the root is `<ref>^{tree}`.
  const object = await readObject(ctx, path === '' ? `${ref}^{tree}` : `${ref}:${path}`)
  if (!object || (object.type !== 'blob' && object.type !== 'tree')) return missing(ctx)
  if (object.type === 'tree') return directory(object.oid, path)
  if (wantsRaw(req.headers)) return rawAnswer(object.data)
  const entry: LsEntry = { mode: '100644', type: 'blob', sha: object.oid, size: object.data.length, path }
  return {
    status: 200,
    body: { ...item(entry, path), content: object.data.toString('base64'), encoding: 'base64' }
  }
}

export const createBlob: Handler = async (ctx, req) => {
  await refuseEmpty(ctx)
  const { content, encoding = 'utf-8' } = req.body as { content: string; encoding?: string }
  if (encoding !== 'utf-8' && encoding !== 'base64') {
    throw new ApiError(422, `encoding must be "utf-8" or "base64", not "${encoding}"`)
  }
  const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8')
  const sha = (await gitBytes(ctx, ['hash-object', '-w', '--stdin'], { input: bytes })).stdout
    .toString('utf8')
    .trim()
  return {
    status: 201,
    body: { url: `${repoApi(ctx)}/git/blobs/${sha}`, sha },
    headers: { location: `${repoApi(ctx)}/git/blobs/${sha}` }
  }
}

interface TreeInput {
  path?: string
  mode?: string
  type?: string
  sha?: string | null
  content?: string
}

/**
 * Only the directories on the named paths are read and written (git/tree-edit.ts), with a fixed
 * number of git processes whatever the number of entries (a contended register retries this
 * request): one hash-object for every inline content, one for the new trees.
 */
export const createTree: Handler = async (ctx, req) => {
  await refuseEmpty(ctx)
  const { tree, base_tree: base } = req.body as { tree: TreeInput[]; base_tree?: string }
  if (base !== undefined && (await objectType(ctx, base)) !== 'tree') {
    throw new ApiError(422, 'base_tree is not a valid tree oid')
  }
  for (const entry of tree) {
    const path = entry.path ?? ''
    if (!path || path.split('/').some(s => s === '' || s === '.' || s === '..' || /[\n\0]/.test(s))) {
      throw new ApiError(422, `tree.path "${path}" is not a valid path`)
    }
    if (entry.mode === undefined || entry.type === undefined) {
      throw new ApiError(422, `tree entry ${path}: mode and type are required`)
    }
    if (entry.sha !== undefined && entry.content !== undefined) {
      throw new ApiError(422, `tree entry ${path}: use either sha or content, not both`)
    }
    if (entry.type !== 'blob') {
      throw new RequestMismatch(`tree entries of type ${entry.type} are not emulated (only blobs)`)
    }
    if (entry.sha !== null && entry.content === undefined) {
      if (entry.sha === undefined || (await objectType(ctx, entry.sha)) !== 'blob') {
        throw new ApiError(422, `tree.sha ${String(entry.sha)} is not a valid blob`)
      }
    }
  }
  const hashObjects = async (args: string[], input: Buffer): Promise<string> => {
    const out = await gitBytes(ctx, args, { input })
    if (out.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${out.stderr.trim()}`)
    return out.stdout.toString('utf8')
  }
  const contents = tree.filter(e => e.content !== undefined)
  let hashed: string[] = []
  if (contents.length > 0) {
    const scratch = join(tmpdir(), `emulator-tree-${randomBytes(6).toString('hex')}`)
    try {
      await mkdir(scratch)
      const files = await Promise.all(
        contents.map(async (e, i) => {
          const file = join(scratch, String(i))
          await writeFile(file, e.content as string, 'utf8')
          return file
        })
      )
      hashed = (
        await hashObjects(
          ['hash-object', '-w', '--stdin-paths'],
          Buffer.from(`${files.join('\n')}\n`, 'utf8')
        )
      )
        .trim()
        .split('\n')
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
    if (hashed.length !== contents.length || !hashed.every(h => SHA.test(h))) {
      throw new Error('git hash-object did not answer an id for every content')
    }
  }
  let next = 0
  const edits: TreeEdit[] = tree.map(entry =>
    entry.sha === null
      ? { path: entry.path as string, delete: true as const }
      : {
          path: entry.path as string,
          mode: entry.mode as string,
          sha: entry.content !== undefined ? (hashed[next++] as string) : (entry.sha as string)
        }
  )
  let sha: string
  try {
    sha = await editTree(objectBatch(ctx.git), base ?? null, edits, trees => hashTrees(hashObjects, trees))
  } catch (error) {
    if (error instanceof NoSuchFile)
      throw new ApiError(422, `tree.path ${error.message} does not exist and cannot be deleted`)
    throw error
  }
  const body = treeJson(ctx, sha, await lsTree(ctx, sha))
  return { status: 201, body, headers: { location: `${repoApi(ctx)}/git/trees/${sha}` } }
}

export const createCommit: Handler = async (ctx, req) => {
  await refuseEmpty(ctx)
  const body = req.body as {
    message: string
    tree: string
    parents?: string[]
    author?: { name: string; email: string; date?: string }
    committer?: { name: string; email: string; date?: string }
  }
  if ((await objectType(ctx, body.tree)) !== 'tree') throw new ApiError(422, 'Tree SHA does not exist')
  for (const parent of body.parents ?? []) {
    if ((await objectType(ctx, parent)) !== 'commit')
      throw new ApiError(422, 'Parent SHA does not exist or is not a commit object')
  }
  const now = new Date().toISOString()
  const viewer = { name: ctx.state.viewer, email: `${ctx.state.viewer}@users.noreply.github.com`, date: now }
  const author = { ...viewer, ...body.author }
  const committer = { ...author, ...body.committer }
  const args = ['commit-tree', body.tree]
  for (const parent of body.parents ?? []) args.push('-p', parent)
  const env = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: author.date ?? now,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: committer.date ?? now
  }
  // commit-tree stores the message as given (GitHub does too: no cleanup of the text).
  const sha = (await gitBytes(ctx, args, { input: Buffer.from(body.message, 'utf8'), env })).stdout
    .toString('utf8')
    .trim()
  if (!SHA.test(sha)) throw new Error(`git commit-tree failed for tree ${body.tree}`)
  return {
    status: 201,
    body: await commitJson(ctx, sha),
    headers: { location: `${repoApi(ctx)}/git/commits/${sha}` }
  }
}

export const GIT_DATABASE_HANDLERS: Record<string, Handler> = {
  'git/get-commit': getCommit,
  'git/get-tree': getTree,
  'git/get-blob': getBlob,
  'repos/get-content': getContent,
  'git/create-blob': createBlob,
  'git/create-tree': createTree,
  'git/create-commit': createCommit
}
