/**
 * Every failure a user can cause or meet is a RegistryError with a kind; the fronts map the
 * kind to an exit code and print the one-line message. Anything else is a bug.
 */
export type ErrorKind = 'invalid-input' | 'not-found' | 'refused' | 'conflict' | 'not-initialised' | 'unavailable' | 'integrity';
export declare const EXIT_CODES: Record<ErrorKind, number>;
/**
 * The offending input of a failure, named front-neutrally by the Action's input name (`version`,
 * `keep-last`, `reference`…); each front words it in its own terms (`--version`, input "version").
 */
export interface Fault {
    field: string;
    value?: string | number | boolean;
    /** A short machine-readable fact, e.g. `exists`, `not-a-whole-number`, `protected-stage`. */
    reason: string;
}
/**
 * The words that differ between fronts: how a user names an input and how they run a command.
 * The CLI says `--version` and `mreg --github acme/models init`; the Action says input "version"
 * and a step with `command: init`. Commands never spell either; they ask for the words.
 */
export interface FrontWords {
    /** The input `field` (Action input name) as the user gives it. */
    field(field: string): string;
    /** How to run `command`, with these inputs (Action input names → values). */
    command(command: string, inputs?: Record<string, string>): string;
}
/** A message that names inputs or commands: the front supplies the words. */
export type Wording = (words: FrontWords) => string;
/** The words of no front in particular: for library users, the read server and logs. */
export declare const NEUTRAL_WORDS: FrontWords;
export declare class RegistryError extends Error {
    readonly kind: ErrorKind;
    /** Extra machine-readable facts (expected/actual checksums, failed gates…) for --json output. */
    readonly details?: Record<string, unknown>;
    private readonly wording?;
    constructor(kind: ErrorKind, message: string | Wording, details?: Record<string, unknown> | Fault);
    /** The input at fault (a flag, an input, a query parameter), when the failure is about one. */
    get field(): string | undefined;
    /** The offending input, when the failure is about one. */
    get fault(): Fault | undefined;
    /** The message in the words of a front (the CLI's flags, the Action's inputs). */
    wordedFor(words: FrontWords): string;
}
type Details = Record<string, unknown> | Fault;
export declare const invalidInput: (message: string | Wording, details?: Details) => RegistryError;
export declare const notFound: (message: string | Wording, details?: Details) => RegistryError;
export declare const refused: (message: string | Wording, details?: Details) => RegistryError;
export declare const integrityError: (message: string | Wording, details?: Details) => RegistryError;
export declare function isRegistryError(error: unknown): error is RegistryError;
export {};
