/**
 * `import { openRegistry } from 'git-model-registry'`: the registry as a library (bundled to
 * dist/lib.js, types in dist/types/lib/index.d.ts). See README.md "Library API".
 */
export { openRegistry, Registry, type WatchOptions } from './registry.js';
export type { OpenOptions, GitHubOptions } from '../wiring/open-registry.js';
export { RegistryError, isRegistryError, type ErrorKind } from '../domain/errors.js';
export type { RegistryChange, ChangeKind } from '../commands/changes.js';
export type { ModelSummary } from '../commands/models.js';
export type { CompareOutcome } from '../commands/compare.js';
export type { EditInput, EditOutcome } from '../commands/edit.js';
export type { FetchInput, FetchOutcome } from '../commands/fetch.js';
export type { HistoryInput, HistoryOutcome, HistoryEvent } from '../commands/history.js';
export type { ListInput } from '../commands/list.js';
export type { PromoteInput, PromoteResult } from '../commands/promote.js';
export type { RegisterInput } from '../commands/register.js';
export type { Criteria, SortKey } from '../domain/selection.js';
export type { Comparison } from '../domain/comparison.js';
export type { ModelVersion, ModelIndex, Metrics, Artifact, StageEvent, RegistryPolicy } from '../domain/types.js';
