/** show: the Python registry's get_model_info(). */
import type { ModelVersion } from '../domain/types.js';
import type { CommandContext } from './context.js';
export declare function showVersion(ctx: CommandContext, reference: string): Promise<ModelVersion>;
