/**
 * Reading what the Action left on the emulator: the registry branch in its bare repository (with
 * the git CLI, independent of the product's own reader), and releases from its state.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GitHubEmulator } from '../../support/github-emulator/index.js'

export const REGISTRY_REF = 'refs/heads/model-registry'

export function git(gh: GitHubEmulator, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['--git-dir', gh.repoDir, ...args],
      { env: gh.gitEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.join(' ')}: ${stderr.trim()}`))
        else resolve(stdout)
      }
    )
  })
}

/** The git CLI in `cwd`, authenticated to the emulator. */
export function gitIn(gh: GitHubEmulator, cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: gh.gitEnv() }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')}: ${stderr.trim()}`))
      else resolve(stdout)
    })
  })
}

/** Edits registry.json on the registry branch the way a merged pull request would: a pushed commit. */
export async function setPolicy(
  gh: GitHubEmulator,
  scratch: string,
  edit: (policy: Record<string, unknown>) => void
): Promise<void> {
  const dir = await mkdtemp(join(scratch, 'policy-'))
  try {
    await gitIn(gh, dir, ['clone', '--quiet', '--branch', 'model-registry', gh.gitUrl, '.'])
    const path = join(dir, 'registry.json')
    const policy = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    edit(policy)
    await writeFile(path, `${JSON.stringify(policy, null, 2)}\n`)
    await gitIn(gh, dir, ['commit', '--quiet', '-am', 'policy: edit registry.json'])
    await gitIn(gh, dir, ['push', '--quiet', 'origin', 'model-registry'])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The registry branch's tip, or null when it does not exist. */
export async function registryTip(gh: GitHubEmulator): Promise<string | null> {
  return (await gh.state.refMap())[REGISTRY_REF] ?? null
}

export async function showJson<T = Record<string, unknown>>(gh: GitHubEmulator, path: string): Promise<T> {
  return JSON.parse(await git(gh, ['show', `model-registry:${path}`])) as T
}

/** Paths on the registry branch under `dir`. */
export async function listTree(gh: GitHubEmulator, dir = ''): Promise<string[]> {
  const out = await git(gh, ['ls-tree', '-r', '--name-only', 'model-registry', ...(dir ? ['--', dir] : [])])
  return out.split('\n').filter(Boolean)
}

/** Everything a bad or failed step must not change: refs (branches, tags) and releases. */
export async function writeState(gh: GitHubEmulator): Promise<unknown> {
  return {
    refs: await gh.state.refMap(),
    releases: gh.state.releases.map(r => ({
      id: r.id,
      tag: r.tagName,
      draft: r.draft,
      assets: r.assets.map(a => ({ id: a.id, name: a.name, sha256: a.sha256, state: a.state }))
    }))
  }
}

/** Requests that could have written something: anything but GET/HEAD, and git pushes. */
export function writeRequests(gh: GitHubEmulator, since = 0): string[] {
  return gh.requests
    .slice(since)
    .filter(r => !['GET', 'HEAD'].includes(r.method) && !/git-upload-pack$/.test(r.path))
    .map(r => `${r.origin} ${r.method} ${r.path} → ${r.status}`)
}

export interface ModelFile {
  path: string
  sha256: string
  size: number
}

export async function writeModelFile(path: string, size = 64 * 1024): Promise<ModelFile> {
  const bytes = randomBytes(size)
  await writeFile(path, bytes)
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), size }
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
