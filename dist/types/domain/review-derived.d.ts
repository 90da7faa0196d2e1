import type { HeadState, ReviewFinding } from './review-model.js';
export declare function checkDerived(head: HeadState, invalidModels: string[], findings: ReviewFinding[]): void;
