/**
 * The registry branch as the commands see it. Implementations: the local Git repository
 * (src/registry/local-backend.ts) and, later, a remote one pushed over smart HTTP.
 * This file holds types only, so commands can depend on it without loading isomorphic-git.
 */
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../domain/types.js'

/** A read-only view of the registry branch at one commit. */
export interface RegistrySnapshot {
  /** The commit the snapshot reads; null only for a branch that does not exist yet. */
  readonly commit: string | null
  readonly policy: RegistryPolicy
  /** Names of every model directory under models/, sorted. */
  modelNames(): Promise<string[]>
  /** models/<name>/index.json, validated; null when the model does not exist. */
  readIndex(name: string): Promise<ModelIndex | null>
  /** models/<name>/<version>.json, validated; null when absent. */
  readVersion(name: string, version: string): Promise<ModelVersion | null>
  /** Versions named by the files in models/<name>/ (not the index): for consistency checks. */
  versionFileNames(name: string): Promise<string[]>
}

/** One file written (JSON value, serialised with 2-space indent and a final newline) or deleted (null). */
export interface FileWrite {
  path: string
  content: unknown | null
}

export interface ChangeSet {
  /** First line of the commit message, e.g. `register theft-detector 1.1.0 (development)`. */
  subject: string
  /** Optional body paragraphs. */
  body?: string
  /** Commit trailers, e.g. { 'Model-Id': '…', Sha256: '…' }; written in this order. */
  trailers?: Record<string, string>
  files: FileWrite[]
}

/**
 * Builds the change from the snapshot it is given. It may be called more than once: on a
 * concurrent update the backend re-reads the tip and calls it again (semantic re-apply, not a
 * textual merge). It must not have side effects beyond computing. Return null for "nothing to do".
 * Throwing aborts the update and the error reaches the caller unchanged.
 */
export type ChangeBuilder<T> = (
  snapshot: RegistrySnapshot
) => Promise<{ change: ChangeSet | null; result: T }>

export interface CommitOutcome<T> {
  /** The new commit, or the unchanged tip when the builder returned no change. */
  commit: string
  changed: boolean
  result: T
  /** How many times the builder ran (1 = no conflict). */
  attempts: number
}

export interface LogEntry {
  commit: string
  subject: string
  body: string
  trailers: Record<string, string>
  author: { name: string; email: string; timestamp: string }
}

export interface RegistryBackend {
  /** A human description for messages, e.g. the repository path or URL and branch. */
  readonly description: string
  /** Creates the registry branch with the given policy when absent. Never touches a working tree or HEAD. */
  init(policy: RegistryPolicy): Promise<{ created: boolean; commit: string }>
  /** Reads the current tip. Fails with a RegistryError(kind 'not-initialised') when the branch is absent. */
  snapshot(): Promise<RegistrySnapshot>
  /** Reads the registry as of a commit (for history). */
  snapshotAt(commit: string): Promise<RegistrySnapshot>
  /** Optimistic update: read tip → build → compare-and-swap the ref; on conflict retry with jittered backoff. */
  update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>>
  /**
   * Commits that changed `path` (or any commit when omitted), newest first.
   * `until` keeps only commits at or before that time.
   */
  log(options?: { path?: string; until?: Date }): Promise<LogEntry[]>
  /** The JSON content of `path` at `commit`, or null when absent there. */
  readJsonAt(commit: string, path: string): Promise<unknown | null>
}
