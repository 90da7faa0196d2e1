/**
 * `mreg serve --github` against the emulator, for the serve tests: an emulated repository with a
 * registry (initialised, one `meter` version registered by `writer`, a second client of the same
 * repository), and a server reading it with its own cache, as a separate machine would.
 */
import { join } from 'node:path'
import type { CommandContext } from '../../src/commands/context.js'
import { init } from '../../src/commands/init.js'
import { register } from '../../src/commands/register.js'
import { resetGitHubClients } from '../../src/github/client.js'
import type { ServeOptions } from '../../src/serve/server.js'
import type { OpenOptions } from '../../src/wiring/open-registry.js'
import { modelFile, removeDir, tempDir } from './cli-harness.js'
import { testClock } from './command-context.js'
import { emulatorContext, emulatorOpenOptions } from './github-context.js'
import { startGitHubEmulator, type GitHubEmulator } from './github-emulator/index.js'
import { serveRegistry, type TestServer } from './serve.js'

export interface GitHubServeProject {
  gh: GitHubEmulator
  /** A scratch directory: model files, the writer's and the server's caches. */
  work: string
  /** Another client of the same repository, for changes the server must learn of. */
  writer: CommandContext
  t: TestServer
  close(): Promise<void>
}

/** `prepare` runs after the first registration, before the server starts (more registrations). */
export async function githubServeProject(
  open: Omit<OpenOptions, 'github'>,
  options: ServeOptions = {},
  prepare: (writer: CommandContext, work: string) => Promise<void> = async () => {}
): Promise<GitHubServeProject> {
  const gh = await startGitHubEmulator()
  const work = await tempDir()
  const writer = emulatorContext(gh, join(work, 'writer'), testClock(new Date().toISOString()))
  await init(writer, 'github-release')
  await register(writer, { file: await modelFile(work, 'a.bin', 1), modelType: 'meter' })
  await prepare(writer, work)
  const t = await serveRegistry({ github: emulatorOpenOptions(gh, join(work, 'server')), ...open }, options)
  return {
    gh,
    work,
    writer,
    t,
    close: async () => {
      await t.close()
      await gh.close()
      await removeDir(work)
      resetGitHubClients()
    }
  }
}
