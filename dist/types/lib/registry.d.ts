/**
 * The library API: `openRegistry()` composes a registry through the same factory as the CLI,
 * the Action and `mreg serve` (src/wiring/open-registry.ts) and answers with the same commands.
 * Every method returns the documents `mreg … --json` prints and fails with a RegistryError
 * (`kind`, `message`, and `field` when one input is at fault).
 */
import { type ModelSummary } from '../commands/models.js';
import type { RegistryChange } from '../commands/changes.js';
import { type CompareOutcome } from '../commands/compare.js';
import type { CommandContext } from '../commands/context.js';
import { type EditInput, type EditOutcome } from '../commands/edit.js';
import { type FetchInput, type FetchOutcome } from '../commands/fetch.js';
import { type HistoryInput, type HistoryOutcome } from '../commands/history.js';
import { type ListInput } from '../commands/list.js';
import { type PromoteInput, type PromoteResult } from '../commands/promote.js';
import { type RegisterInput } from '../commands/register.js';
import type { Criteria } from '../domain/selection.js';
import type { ModelVersion } from '../domain/types.js';
import { type OpenedRegistry, type OpenOptions } from '../wiring/open-registry.js';
export interface WatchOptions {
    /** Resume after this commit of the registry branch; default: only changes from now on. */
    since?: string;
    /** Stops the iteration. */
    signal?: AbortSignal;
    /** A look at the tip failed (e.g. the network); watching goes on. */
    onError?: (error: unknown) => void;
}
export declare class Registry {
    /** The commands' context, for callers that run a command this class does not wrap. */
    readonly context: CommandContext;
    private readonly opened;
    constructor(opened: OpenedRegistry);
    register(input: RegisterInput): Promise<ModelVersion>;
    /** Downloads and verifies a version; nothing is left at `out` on a checksum mismatch. */
    fetch(input: FetchInput): Promise<FetchOutcome>;
    /** The newest registration matching every criterion (the Python registry's load_latest_model). */
    resolve(criteria: Criteria): Promise<ModelVersion>;
    list(input?: ListInput): Promise<ModelVersion[]>;
    /** Names, types, counts, stage holders, newest and highest version of every model. */
    models(): Promise<ModelSummary[]>;
    show(reference: string): Promise<ModelVersion>;
    promote(input: PromoteInput): Promise<PromoteResult>;
    compare(references: string[]): Promise<CompareOutcome>;
    history(input: HistoryInput): Promise<HistoryOutcome>;
    /** Tags and notes of a version (the only fields a registered version may change). */
    edit(input: EditInput): Promise<EditOutcome>;
    /** The registry branch's current commit (null before `init`). */
    tip(): Promise<string | null>;
    /**
     * The registry's changes as they land: an async iterator that ends when `signal` aborts or the
     * loop breaks. Locally a new tip is noticed at once (the ref file is watched); on GitHub the
     * branch is polled (`pollIntervalMs` of openRegistry).
     */
    watch(options?: WatchOptions): AsyncGenerator<RegistryChange>;
}
export declare function openRegistry(options?: OpenOptions): Promise<Registry>;
