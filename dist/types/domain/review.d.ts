import type { RegistryPolicy } from './types.js';
import { type ReviewInput, type ReviewResult } from './review-model.js';
export { isOpenRegistrationStage } from './policy.js';
export * from './review-model.js';
export * from './review-verdict.js';
/** Validated registry.json, or the reason it is not valid. */
export declare function parsePolicy(raw: unknown, where?: string): RegistryPolicy | string;
export declare function reviewChange(input: ReviewInput): ReviewResult;
