import type { ModelVersion } from '../domain/types.js';
import type { CommandContext } from './context.js';
export interface EditInput {
    reference: string;
    addTags?: string[];
    removeTags?: string[];
    /** Replaces the notes; '' clears them. */
    notes?: string;
}
export interface EditOutcome {
    version: ModelVersion;
    /** False when the version already was as asked: nothing was committed. */
    changed: boolean;
    /** The new commit, or the registry's tip when nothing changed. */
    commit: string;
    added_tags: string[];
    removed_tags: string[];
    notes_changed: boolean;
}
/** schemas/model-version.schema.json: notes maxLength. */
export declare const MAX_NOTES = 10000;
export declare function editVersion(ctx: CommandContext, input: EditInput): Promise<EditOutcome>;
