import type { ChangeBuilder, CommitOutcome } from '../registry/backend.js';
import type { CommandContext } from './context.js';
export declare function updateRegistry<T>(ctx: CommandContext, build: ChangeBuilder<T>): Promise<CommitOutcome<T>>;
