// `inspectFile`: the plain-data view of a certificate, key or keystore file (CLI JSON, hover, editor).
import 'reflect-metadata';
import type { Clock } from '../core/environment';
import { lintFile } from './lint/file';
import { readPkiFile } from './readPkiFile';
import type { InspectResult } from './types';

export { readPkiFile } from './readPkiFile';
export type { ReadOptions } from './parsed';
export type { ParsedFile, ParsedCertificate, ParsedKey, ParsedEntry, PemBlockInfo } from './parsed';

/** Reads a file's bytes and summarizes it with its policy lints; throws PkiError for anything unreadable. */
export function inspectFile(bytes: Uint8Array, opts: { fileName?: string; password?: string; clock: Clock }): InspectResult {
  const file = readPkiFile(bytes, opts);
  return { ...file.result, lints: lintFile(file) };
}
