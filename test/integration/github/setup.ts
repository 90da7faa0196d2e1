/**
 * A fresh emulator, client and store per test, with fast retries so fault tests take
 * milliseconds, and a log that records what the client said (to check it never says the token).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, createHash } from 'node:crypto'
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js'
import { GitHubReleaseStore } from '../../../src/stores/github-release/github-release-store.js'
import type { ArtifactTarget, FileDigest } from '../../../src/stores/artifact-store.js'
import {
  startGitHubEmulator,
  type EmulatorOptions,
  type GitHubEmulator
} from '../../support/github-emulator/index.js'

export interface Fixture {
  gh: GitHubEmulator
  client: GitHubClient
  store: GitHubReleaseStore
  dir: string
  log: string[]
  /** The default branch's tip, for `target.commit`. */
  commit: string
  close(): Promise<void>
}

export async function setup(
  options: { emulator?: EmulatorOptions; maxPartBytes?: number; token?: string } = {}
): Promise<Fixture> {
  const gh = await startGitHubEmulator(options.emulator)
  const log: string[] = []
  const client = createGitHubClient({
    token: options.token ?? gh.token,
    apiUrl: gh.apiUrl,
    retries: 2,
    retryBaseMs: 20,
    writeSpacingMs: 0,
    timeoutMs: 10_000,
    log: { info: m => log.push(m), warn: m => log.push(m) }
  })
  const store = new GitHubReleaseStore({
    client,
    owner: gh.owner,
    repo: gh.repo,
    serverUrl: gh.serverUrl,
    maxPartBytes: options.maxPartBytes
  })
  const dir = await mkdtemp(join(tmpdir(), 'mreg-gh-store-'))
  const main = (await gh.state.refs()).find(ref => ref.ref === 'refs/heads/main')
  return {
    gh,
    client,
    store,
    dir,
    log,
    commit: main?.sha ?? '',
    close: async () => {
      await gh.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

export async function modelFile(
  dir: string,
  size: number,
  name = 'model.pkl'
): Promise<{ path: string; digest: FileDigest; bytes: Buffer }> {
  const bytes = randomBytes(size)
  const path = join(dir, name)
  await writeFile(path, bytes)
  return { path, bytes, digest: { sha256: createHash('sha256').update(bytes).digest('hex'), size } }
}

export function target(overrides: Partial<ArtifactTarget> = {}): ArtifactTarget {
  return {
    name: 'theft-detector',
    version: '1.0.0',
    model_id: 'theft-detector_20260101_120000',
    file_name: 'theft-detector_20260101_120000.pkl',
    media_type: 'application/octet-stream',
    description: 'theft-detector 1.0.0: isolation forest, f1 0.90',
    ...overrides
  }
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
