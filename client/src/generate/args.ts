// The argument object every generation command accepts. Passing one skips every prompt, so tests and scripts can
// drive the commands; the interactive flow builds the same object.
import type { GenerateRequestSpec, GenerateResult } from '../../../server/src/protocol';

/**
 * Options of `elasticTls.generate*` commands when run from code (`executeCommand(id, args)`): the engine's
 * generation spec (the command supplies `kind`), plus where and how to write.
 */
export type GenerateCommandArgs = Omit<GenerateRequestSpec, 'kind'> & {
  /** Output folder: an absolute path, a path relative to the first workspace folder, or a `file:` URI string. */
  outputDir: string;
  /** Replace files that exist. Default false: when any target exists nothing at all is written. */
  overwrite?: boolean;
  /** Append the returned settings to these yml files (absolute paths) and save them. Default: nothing is inserted. */
  insertSettings?: { elasticsearch?: string; kibana?: string };
};

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
