/** The registry branch over Git: what the fronts and commands may import from src/registry. */
export type {
  ChangeBuilder,
  ChangeSet,
  CommitOutcome,
  FileWrite,
  LogEntry,
  ProposeOutcome,
  RegistryBackend,
  RegistrySnapshot
} from './backend.js'
export { LocalRegistryBackend, type LocalBackendOptions } from './local-backend.js'
export { findRepository, openOrCreateRepository, type RepositoryLocation } from './repository.js'
export { compareAndSwapRef, readRef, STALE_LOCK_MS, type RefSwapResult } from './ref-lock.js'
export { formatCommitMessage, parseCommitMessage, type MessageParts } from './commit-message.js'
export { DEFAULT_BRANCH, INIT_SUBJECT } from './common.js'
export { FALLBACK_IDENTITY, resolveIdentity, type CommitIdentity, type Identity } from './commit-writer.js'
export { RemoteRegistryBackend, type RemoteBackendOptions } from './remote-backend.js'
export { localProvenance, withoutCredentials, type LocalProvenance } from './provenance.js'
