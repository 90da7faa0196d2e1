import type { BaseState, HeadState, ReviewFinding } from './review-model.js';
import type { ModelVersion } from './types.js';
export declare function checkDerived(base: BaseState, head: HeadState, versions: ModelVersion[], invalidModels: string[], findings: ReviewFinding[]): void;
