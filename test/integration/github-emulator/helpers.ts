/** Shared bits of the emulator's own tests. */
import { execFile } from 'node:child_process'
import { Octokit } from '@octokit/rest'
import type { GitHubEmulator } from '../../support/github-emulator/index.js'

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

/** Octokit against the emulator, without request logging (failures are asserted, not printed). */
export function client(gh: GitHubEmulator, options: ConstructorParameters<typeof Octokit>[0] = {}): Octokit {
  return new Octokit({ auth: gh.token, baseUrl: gh.apiUrl, log: quiet, ...options })
}

export interface HttpFailure {
  status: number
  message: string
  response?: { data: unknown; headers: Record<string, string | undefined> }
}

/** The error a request fails with (the test fails if it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<HttpFailure> {
  try {
    await promise
  } catch (error) {
    return error as HttpFailure
  }
  throw new Error('expected the request to fail')
}

/** Run the real git CLI; resolves with stdout, rejects with stderr. */
export function git(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, options, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')}: ${stderr}`))
      else resolve(stdout.trim())
    })
  })
}
