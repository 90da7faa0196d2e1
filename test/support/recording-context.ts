/**
 * A command context whose snapshots (those a command opens, those of given commits and those its
 * writes build on) report the reads made through them (`readVersion`, `readDay`, `readJson`), so
 * a test can tell what a command reads.
 */
import type { CommandContext } from '../../src/commands/context.js'
import type { RegistrySnapshot } from '../../src/registry/backend.js'

export interface RecordedReads {
  /** Versions whose files were read (readVersion). */
  versions: string[]
  /** Days whose shards were read whole (readDay), as `name YYYY/MM/DD`. */
  days: string[]
  /** Files read by path (readJson). */
  files: string[]
}

export function recordingContext(ctx: CommandContext): { ctx: CommandContext; reads: RecordedReads } {
  const reads: RecordedReads = { versions: [], days: [], files: [] }
  const backend = ctx.backend
  const recording = (real: RegistrySnapshot): RegistrySnapshot =>
    Object.assign(Object.create(real) as RegistrySnapshot, {
      readVersion: (name: string, version: string) => (
        reads.versions.push(version),
        real.readVersion(name, version)
      ),
      readDay: (name: string, day: string) => (reads.days.push(`${name} ${day}`), real.readDay(name, day)),
      readJson: (path: string) => (reads.files.push(path), real.readJson(path))
    })
  const update: typeof backend.update = build =>
    backend.update((snapshot, ...rest) => build(recording(snapshot), ...rest))
  const snapshot: typeof backend.snapshot = async () => recording(await backend.snapshot())
  const snapshotAt: typeof backend.snapshotAt = async commit => recording(await backend.snapshotAt(commit))
  return {
    ctx: {
      ...ctx,
      backend: Object.assign(Object.create(backend) as typeof backend, { update, snapshot, snapshotAt })
    },
    reads
  }
}
