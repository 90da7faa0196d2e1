/**
 * The library API: `openRegistry()` composes a registry through the same factory as the CLI,
 * the Action and `mreg serve` (src/wiring/open-registry.ts) and answers with the same commands.
 * Every method returns the documents `mreg … --json` prints and fails with a RegistryError
 * (`kind`, `message`, and `field` when one input is at fault).
 */
import { listModels, type ModelSummary } from '../commands/models.js'
import type { RegistryChange } from '../commands/changes.js'
import { compare, type CompareOutcome } from '../commands/compare.js'
import type { CommandContext } from '../commands/context.js'
import { editVersion, type EditInput, type EditOutcome } from '../commands/edit.js'
import { fetchModel, type FetchInput, type FetchOutcome } from '../commands/fetch.js'
import { history, type HistoryInput, type HistoryOutcome } from '../commands/history.js'
import { listVersions, type ListInput } from '../commands/list.js'
import { promote, type PromoteInput, type PromoteResult } from '../commands/promote.js'
import { register, type RegisterInput } from '../commands/register.js'
import { findVersion } from '../commands/resolve.js'
import { showVersion } from '../commands/show.js'
import { currentTip, watchChanges } from '../commands/watch.js'
import type { Criteria } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import { openContext, type OpenedRegistry, type OpenOptions } from '../wiring/open-registry.js'

export interface WatchOptions {
  /** Resume after this commit of the registry branch; default: only changes from now on. */
  since?: string
  /** Stops the iteration. */
  signal?: AbortSignal
  /** A look at the tip failed (e.g. the network); watching goes on. */
  onError?: (error: unknown) => void
}

export class Registry {
  /** The commands' context, for callers that run a command this class does not wrap. */
  readonly context: CommandContext
  private readonly opened: OpenedRegistry

  constructor(opened: OpenedRegistry) {
    this.opened = opened
    this.context = opened.context
  }

  register(input: RegisterInput): Promise<ModelVersion> {
    return register(this.context, input)
  }

  /** Downloads and verifies a version; nothing is left at `out` on a checksum mismatch. */
  fetch(input: FetchInput): Promise<FetchOutcome> {
    return fetchModel(this.context, input)
  }

  /** The newest registration matching every criterion (the Python registry's load_latest_model). */
  resolve(criteria: Criteria): Promise<ModelVersion> {
    return findVersion(this.context, criteria)
  }

  list(input: ListInput = { criteria: {} }): Promise<ModelVersion[]> {
    return listVersions(this.context, input)
  }

  /** Names, types, counts, stage holders, newest and highest version of every model. */
  models(): Promise<ModelSummary[]> {
    return listModels(this.context)
  }

  show(reference: string): Promise<ModelVersion> {
    return showVersion(this.context, reference)
  }

  promote(input: PromoteInput): Promise<PromoteResult> {
    return promote(this.context, input)
  }

  compare(references: string[]): Promise<CompareOutcome> {
    return compare(this.context, references)
  }

  history(input: HistoryInput): Promise<HistoryOutcome> {
    return history(this.context, input)
  }

  /** Tags and notes of a version (the only fields a registered version may change). */
  edit(input: EditInput): Promise<EditOutcome> {
    return editVersion(this.context, input)
  }

  /** The registry branch's current commit (null before `init`). */
  tip(): Promise<string | null> {
    return currentTip(this.context)
  }

  /**
   * The registry's changes as they land: an async iterator that ends when `signal` aborts or the
   * loop breaks. Locally a new tip is noticed at once (the ref file is watched); on GitHub the
   * branch is polled (`pollIntervalMs` of openRegistry).
   */
  async *watch(options: WatchOptions = {}): AsyncGenerator<RegistryChange> {
    const hints = this.opened.tipSignal()
    const stop = () => hints.close()
    options.signal?.addEventListener('abort', stop)
    try {
      yield* watchChanges(this.context, hints, options)
    } finally {
      options.signal?.removeEventListener('abort', stop)
      hints.close()
    }
  }
}

export async function openRegistry(options: OpenOptions = {}): Promise<Registry> {
  return new Registry(await openContext(options))
}
