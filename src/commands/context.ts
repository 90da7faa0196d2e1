/**
 * What every command needs, injected by the fronts: the registry branch, the artifact store,
 * the clock and who is acting. Commands never read the environment themselves.
 */
import type { Source } from '../domain/types.js'
import type { RegistryBackend } from '../registry/backend.js'
import type { ArtifactStore, LocalState } from '../stores/artifact-store.js'
import type { ReviewChannel } from './review-channel.js'

export interface CommandContext {
  backend: RegistryBackend
  /** Created on first use: listing the registry must not pay for opening a store. */
  store: () => Promise<ArtifactStore>
  now: () => Date
  /** Who acts: recorded in stage_history `by`. */
  actor: string
  /** 'local' has no review channel: approval and pull-request gates are reported not applicable. */
  channel: 'local' | 'pull-request'
  /**
   * Pull requests, reviews and statuses (GitHub). With it and channel 'pull-request', promote and
   * rollback open a pull request instead of committing, and check/apply read approvals and labels.
   */
  review?: ReviewChannel
  /**
   * Provenance recorded at registration (repository, commit, workflow run, actor); a promise
   * when it is still being read (a local working tree's state: src/wiring/open-registry.ts).
   */
  source?: Source | Promise<Source>
  /** Progress and notices for humans; never part of a command's result. */
  notice?: (message: string) => void
  /** Facts this machine remembers between commands; absent where nothing persists (the Action). */
  state?: LocalState
  /** A progress callback for a long step over one file (hashing, uploading), or none. */
  progress?: (label: string) => ((bytesDone: number, total: number) => void) | undefined
}
