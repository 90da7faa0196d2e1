/**
 * Every failure a user can cause or meet is a RegistryError with a kind; the fronts map the
 * kind to an exit code and print the one-line message. Anything else is a bug.
 */
export type ErrorKind =
  | 'invalid-input' //   bad name, version, metric, JSON, path, option          → exit 2
  | 'not-found' //       a reference, file or model that does not exist          → exit 1
  | 'refused' //         policy says no: illegal transition, failed gate, …       → exit 1
  | 'conflict' //        could not land the change after every retry             → exit 1
  | 'not-initialised' // no registry branch yet                                  → exit 1
  | 'unavailable' //     network, server or disk trouble outside our control     → exit 1
  | 'integrity' //       checksum mismatch, corrupt store or registry document   → exit 3

export const EXIT_CODES: Record<ErrorKind, number> = {
  'invalid-input': 2,
  'not-found': 1,
  refused: 1,
  conflict: 1,
  'not-initialised': 1,
  unavailable: 1,
  integrity: 3
}

/**
 * The offending input of a failure, named front-neutrally by the Action's input name (`version`,
 * `keep-last`, `reference`…); each front words it in its own terms (`--version`, input "version").
 */
export interface Fault {
  field: string
  value?: string | number | boolean
  /** A short machine-readable fact, e.g. `exists`, `not-a-whole-number`, `protected-stage`. */
  reason: string
}

/**
 * The words that differ between fronts: how a user names an input and how they run a command.
 * The CLI says `--version` and `mreg --github acme/models init`; the Action says input "version"
 * and a step with `command: init`. Commands never spell either; they ask for the words.
 */
export interface FrontWords {
  /** The input `field` (Action input name) as the user gives it. */
  field(field: string): string
  /** How to run `command`, with these inputs (Action input names → values). */
  command(command: string, inputs?: Record<string, string>): string
}

/** A message that names inputs or commands: the front supplies the words. */
export type Wording = (words: FrontWords) => string

/** The words of no front in particular: for library users, the read server and logs. */
export const NEUTRAL_WORDS: FrontWords = {
  field: field => `"${field}"`,
  command: (command, inputs = {}) => {
    const given = Object.entries(inputs).map(([field, value]) => `${field} ${value}`)
    return `the ${command} command${given.length ? ` (${given.join(', ')})` : ''}`
  }
}

export class RegistryError extends Error {
  readonly kind: ErrorKind
  /** Extra machine-readable facts (expected/actual checksums, failed gates…) for --json output. */
  readonly details?: Record<string, unknown>
  private readonly wording?: Wording

  constructor(kind: ErrorKind, message: string | Wording, details?: Record<string, unknown> | Fault) {
    super(typeof message === 'string' ? message : message(NEUTRAL_WORDS))
    this.name = 'RegistryError'
    this.kind = kind
    this.details = details as Record<string, unknown> | undefined
    if (typeof message !== 'string') this.wording = message
  }

  /** The offending input, when the failure is about one. */
  get fault(): Fault | undefined {
    const d = this.details
    return d && typeof d.field === 'string' && typeof d.reason === 'string'
      ? (d as unknown as Fault)
      : undefined
  }

  /** The message in the words of a front (the CLI's flags, the Action's inputs). */
  wordedFor(words: FrontWords): string {
    return this.wording ? this.wording(words) : this.message
  }
}

type Details = Record<string, unknown> | Fault

export const invalidInput = (message: string | Wording, details?: Details): RegistryError =>
  new RegistryError('invalid-input', message, details)
export const notFound = (message: string | Wording, details?: Details): RegistryError =>
  new RegistryError('not-found', message, details)
export const refused = (message: string | Wording, details?: Details): RegistryError =>
  new RegistryError('refused', message, details)
export const integrityError = (message: string | Wording, details?: Details): RegistryError =>
  new RegistryError('integrity', message, details)

export function isRegistryError(error: unknown): error is RegistryError {
  return error instanceof RegistryError
}
