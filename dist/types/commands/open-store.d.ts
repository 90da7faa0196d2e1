/**
 * The artifact store as commands use it: the context's store behind the compression layer,
 * which is transparent for artifacts stored uncompressed.
 */
import type { ArtifactStore } from '../stores/artifact-store.js';
import type { CommandContext } from './context.js';
export declare function openStore(ctx: CommandContext): Promise<ArtifactStore>;
