/**
 * registry.json: the default policy written by `init`, the cross-field checks the JSON Schema
 * cannot express (every stage named anywhere must be declared), and the transition graph.
 */
import { type ErrorKind } from './errors.js';
import type { ArtifactStoreKind, Gate, RegistryPolicy } from './types.js';
export declare function defaultPolicy(store?: ArtifactStoreKind): RegistryPolicy;
/** Whether smaller values of `metric` are better, as registry.json's `metrics` says (default: no). */
export declare function lowerIsBetter(policy: RegistryPolicy | undefined, metric: string): boolean;
/**
 * Run after schema validation. `kind` follows validate.ts: 'integrity' for the file on the
 * registry branch, 'invalid-input' for a policy a user is about to write.
 */
export declare function checkPolicyConsistency(policy: RegistryPolicy, where?: string, kind?: ErrorKind): RegistryPolicy;
export declare function allowedTargets(policy: RegistryPolicy, from: string): string[];
export declare function checkTransition(policy: RegistryPolicy, from: string, to: string): void;
export declare function gateFor(policy: RegistryPolicy, stage: string): Gate;
/** What `register` allows without review: the initial stage, or a stage with no gate that is not exclusive. */
export declare function isOpenRegistrationStage(policy: RegistryPolicy, stage: string): boolean;
