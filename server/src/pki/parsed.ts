// The reader's rich result: the plain InspectResult plus the parsed objects verification needs.
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../core/environment';
import type { InspectResult, KeySummary, KeystoreEntry } from './types';
import type { ParsedCertificate } from './x509/summary';
import type { PemBlock } from './pem';

export type { ParsedCertificate } from './x509/summary';

/** A private key read from a file. */
export interface ParsedKey {
  key: KeyObject;
  summary: KeySummary;
}

/** A keystore entry: a key with its chain (leaf first), or one trusted certificate. */
export interface ParsedEntry {
  summary: KeystoreEntry;
  key?: ParsedKey;
  chain: ParsedCertificate[];
}

/** Where a PEM block sits in the text, and what it is, for CodeLens and per-block diagnostics. */
export interface PemBlockInfo {
  label: string;
  start: number;
  end: number;
  /** Index into `certificates` for CERTIFICATE blocks. */
  certificateIndex?: number;
  /** Index into `keys` for private-key blocks. */
  keyIndex?: number;
  encrypted?: boolean;
}

/** Everything read from one file. `result` is what `estls inspect --format json` prints. */
export interface ParsedFile {
  result: InspectResult;
  certificates: ParsedCertificate[];
  keys: ParsedKey[];
  entries: ParsedEntry[];
  /** PEM files only: each block with its offsets. */
  pemBlocks?: PemBlockInfo[];
}

/** Keeps a PemBlock's position facts without its bytes. */
export function blockInfo(block: PemBlock, extra: Partial<PemBlockInfo> = {}): PemBlockInfo {
  return { label: block.label, start: block.start, end: block.end, ...extra };
}

/** What a read needs besides the bytes. */
export interface ReadOptions {
  /** Shown in results and messages (and used in the JKS conversion command). */
  fileName?: string;
  /** Keystore password or key passphrase; absent means "try the empty password". */
  password?: string;
  clock: Clock;
}
