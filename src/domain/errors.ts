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

export class RegistryError extends Error {
  readonly kind: ErrorKind
  /** Extra machine-readable facts (expected/actual checksums, failed gates…) for --json output. */
  readonly details?: Record<string, unknown>
  /** The input at fault, in the words of the API that took it (e.g. `limit`, `ref`), when one is. */
  readonly field?: string

  constructor(kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'RegistryError'
    this.kind = kind
    this.details = details
    if (typeof details?.field === 'string') this.field = details.field
  }
}

export const invalidInput = (message: string, details?: Record<string, unknown>): RegistryError =>
  new RegistryError('invalid-input', message, details)
export const notFound = (message: string, details?: Record<string, unknown>): RegistryError =>
  new RegistryError('not-found', message, details)
export const refused = (message: string, details?: Record<string, unknown>): RegistryError =>
  new RegistryError('refused', message, details)
export const integrityError = (message: string, details?: Record<string, unknown>): RegistryError =>
  new RegistryError('integrity', message, details)

export function isRegistryError(error: unknown): error is RegistryError {
  return error instanceof RegistryError
}
