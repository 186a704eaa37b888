import { isFileGateError } from '../core/fileGate';

/** Why a certificate, key or keystore could not be read or made. Front ends turn the code into a message. */
export type PkiErrorCode =
  | 'BAD_PASSWORD'
  | 'PASSWORD_REQUIRED'
  | 'UNSUPPORTED'
  | 'NOT_PEM'
  | 'BAD_PEM'
  | 'BAD_DER'
  | 'BAD_PKCS12'
  | 'JKS'
  | 'TOO_LARGE'
  | 'LIMIT'
  | 'EMPTY'
  | 'UNKNOWN_FORMAT'
  | 'KEY_MISMATCH'
  | 'NOT_A_CA'
  | 'INVALID_INPUT'
  | 'EXISTS'
  | 'CANCELLED'
  | 'NOT_A_FILE'
  | 'OUTSIDE_WORKSPACE';

/** A typed error: `code` is for programs, `message` is a clear sentence for people and never holds a secret. */
export class PkiError extends Error {
  constructor(
    readonly code: PkiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PkiError';
  }
}

export function isPkiError(e: unknown): e is PkiError {
  return e instanceof PkiError;
}

/** The file gate's refusal (core/fileGate) as a PkiError with the same code and message; other errors as they are. */
export function asPkiError(e: unknown): unknown {
  return isFileGateError(e) ? new PkiError(e.code, e.message) : e;
}
