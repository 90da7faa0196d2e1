/**
 * `mreg fetch … --if-changed` and `--watch`: keep a path at the verified current holder of a
 * reference (or the newest match of criteria). The destination is replaced only by verified bytes
 * (a file: the store writes beside it and renames; a directory version: fetchIfChanged in
 * src/commands/fetch.ts), and `--exec` runs after each change with the version in its
 * environment (MREG_VERSION, MREG_MODEL_ID, MREG_NAME, MREG_SHA256, MREG_PATH).
 */
import { spawn } from 'node:child_process'
import { fetchIfChanged, type FetchIfChangedOutcome, type FetchInput } from '../commands/fetch.js'
import { formatReference } from '../domain/references.js'
import type { OpenedRegistry } from '../wiring/open-registry.js'
import type { CliIO } from './io.js'
import { stderrLine } from './terminal.js'

export async function watchFetch(
  opened: OpenedRegistry,
  input: FetchInput,
  io: CliIO,
  options: { exec?: string; emit: (outcome: FetchIfChangedOutcome) => void; stop: Promise<void> }
): Promise<void> {
  const hints = opened.tipSignal()
  let running = true
  void options.stop.then(() => {
    running = false
    hints.close()
  })
  let last: string | null = null
  while (running) {
    try {
      const outcome = await fetchIfChanged(opened.context, input)
      if (outcome.version.model_id !== last || outcome.changed) {
        last = outcome.version.model_id
        if (outcome.changed) {
          options.emit(outcome)
          if (options.exec) await runHook(options.exec, outcome, io)
        }
      }
    } catch (error) {
      // Keep serving the file already in place; say why it was not updated.
      io.stderr(stderrLine(`fetch --watch: ${error instanceof Error ? error.message : String(error)}`))
    }
    await hints.next()
  }
}

function runHook(command: string, outcome: FetchIfChangedOutcome, io: CliIO): Promise<void> {
  return new Promise(resolve => {
    const child = spawn(command, {
      shell: true,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...io.env,
        MREG_VERSION: outcome.version.version,
        MREG_MODEL_ID: outcome.version.model_id,
        MREG_NAME: outcome.version.name,
        MREG_SHA256: outcome.version.artifact.sha256,
        MREG_PATH: outcome.path
      }
    })
    child.on('error', error => {
      io.stderr(stderrLine(`--exec could not start: ${error.message}`))
      resolve()
    })
    child.on('close', code => {
      if (code !== 0)
        io.stderr(stderrLine(`--exec exited with ${code} after fetching ${formatReference(outcome.version)}`))
      resolve()
    })
  })
}
