// The argument object every generation command accepts. Passing one skips every prompt, so tests and scripts can
// drive the commands; the interactive flow builds the same object.
import type { CaSource, GenerateResult, InstanceSpec, KeySpec, OutputFormat } from '../../../server/src/pki/generate/types';

/** Options of `elasticTls.generate*` commands when run from code (`executeCommand(id, args)`). */
export interface GenerateCommandArgs {
  /** Output folder: an absolute path, a path relative to the first workspace folder, or a `file:` URI string. */
  outputDir: string;
  /** Certificates to make (node, HTTP, Kibana client, CSR); ignored for a CA. */
  instances?: InstanceSpec[];
  /** Signing CA; relative paths resolve against the first workspace folder. HTTP without one makes a new CA. */
  ca?: CaSource;
  /** Subject DN of a new CA. */
  caDn?: string;
  key?: KeySpec;
  days?: number;
  format?: OutputFormat;
  /** P12 password, or the PEM key passphrase (absent: key not encrypted). */
  password?: string;
  legacyPkcs12?: boolean;
  extendedKeyUsage?: boolean;
  /** Replace files that exist. Default false: when any target exists nothing at all is written. */
  overwrite?: boolean;
  /** Append the returned settings to these yml files (absolute paths) and save them. Default: nothing is inserted. */
  insertSettings?: { elasticsearch?: string; kibana?: string };
}

/** What a generation command returns (to `executeCommand` callers). */
export interface GenerateCommandResult {
  status: 'written' | 'exists' | 'cancelled' | 'failed' | 'untrusted';
  /** Absolute paths of the files written. */
  written: string[];
  /** Absolute paths that already existed when nothing was written because of them. */
  existing: string[];
  settings: GenerateResult['settings'];
  keystoreCommands: string[];
  /** Error code and message when status is `failed`. */
  error?: { code: string; message: string };
}

/** A result with nothing written. */
export function emptyResult(status: GenerateCommandResult['status'], error?: GenerateCommandResult['error']): GenerateCommandResult {
  return { status, written: [], existing: [], settings: {}, keystoreCommands: [], ...(error ? { error } : {}) };
}
