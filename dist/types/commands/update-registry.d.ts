import { DeferredDocument, type ChangeBuilder, type CommitOutcome } from '../registry/backend.js';
import type { CommandContext } from './context.js';
export declare function updateRegistry<T>(ctx: CommandContext, build: ChangeBuilder<T>): Promise<CommitOutcome<T>>;
/**
 * A document made when the writer reaches its file, checked against its schema then: a change
 * with very many documents (migrate) holds none of them at once.
 */
export declare function deferredDocument(path: string, produce: () => Promise<unknown>): DeferredDocument;
