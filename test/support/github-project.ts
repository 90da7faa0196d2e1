/**
 * A GitHub-mode project for CLI tests: an emulated repository, a scratch directory to run `mreg
 * --github owner/repo …` in, and an empty cache (a fresh runner). `github(args, env)` runs the CLI
 * against the emulator with the repository's token; `close()` stops the emulator and removes both
 * directories.
 */
import { resetGitHubClients } from '../../src/github/client.js'
import { githubCliArgs, mreg, removeDir, tempDir, testEnv, type RunResult } from './cli-harness.js'
import { startGitHubEmulator, type EmulatorOptions, type GitHubEmulator } from './github-emulator/index.js'

export interface GitHubProject {
  gh: GitHubEmulator
  /** Where the CLI runs: model files and fetch targets go here. */
  work: string
  /** XDG_CACHE_HOME of every run. */
  cache: string
  /** `mreg --github owner/repo … args` with GITHUB_TOKEN and XDG_CACHE_HOME set; `env` adds or overrides. */
  github(args: string[], env?: Record<string, string>): Promise<RunResult>
  close(): Promise<void>
}

export async function githubProject(options: EmulatorOptions = {}): Promise<GitHubProject> {
  const gh = await startGitHubEmulator(options)
  const work = await tempDir()
  const cache = await tempDir()
  return {
    gh,
    work,
    cache,
    github: (args, env = {}) =>
      mreg(
        work,
        githubCliArgs(gh, ...args),
        testEnv({ GITHUB_TOKEN: gh.token, XDG_CACHE_HOME: cache, ...env })
      ),
    close: async () => {
      await gh.close()
      await removeDir(work)
      await removeDir(cache)
      resetGitHubClients()
    }
  }
}
