// `inspectFile`: the plain-data view of a certificate, key or keystore file (CLI JSON, hover, editor).
import 'reflect-metadata';
import type { Clock } from '../rules/environment';
import { lintFile } from './lint/file';
import { readPkiFile } from './read';
import type { InspectResult } from './types';

export { readPkiFile } from './read';
export type { ReadOptions } from './read';
export type { ParsedFile, ParsedCertificate, ParsedKey, ParsedEntry, PemBlockInfo } from './parsed';

/** Reads a file's bytes and summarizes it with its policy lints; throws PkiError for anything unreadable. */
export function inspectFile(bytes: Uint8Array, opts: { fileName?: string; password?: string; clock: Clock }): InspectResult {
  const file = readPkiFile(bytes, opts);
  return { ...file.result, lints: lintFile(file) };
}
