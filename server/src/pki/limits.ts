// Bounds on what one user file may cost to read. Every reader checks these, so a hostile or broken file
// ends in a typed error instead of a hang or a crash.
import { READ_LIMITS } from '../core/fileGate';
import { PkiError } from './errors';

/** Files larger than this are not read (TOO_LARGE). */
export const MAX_FILE_BYTES = READ_LIMITS.pki;

/** PEM blocks one file may hold; public CA bundles hold about 150, and each certificate costs near 1 ms to read. */
export const MAX_PEM_BLOCKS = 1000;

/** Certificates and keys one PKCS#12 file may hold. */
export const MAX_PKCS12_BAGS = 1000;

/** Nesting of PKCS#12 safeContentsBag inside safeContentsBag. */
export const MAX_PKCS12_DEPTH = 4;

/** Wall-clock time one read may take before it stops with LIMIT. */
export const MAX_READ_MS = 5000;

/** A point in time after which a read gives up; checked between units of work. */
export class Deadline {
  private readonly at: number;
  constructor(ms: number = MAX_READ_MS, private readonly now: () => number = Date.now) {
    this.at = now() + ms;
  }

  /** Throws PkiError('LIMIT') once the time is up. */
  check(): void {
    if (this.now() > this.at) throw new PkiError('LIMIT', 'Reading the file took too long; it is too large or too complex.');
  }
}

/** Throws TOO_LARGE for oversized input and EMPTY for no bytes at all. */
export function checkSize(bytes: Uint8Array): void {
  if (bytes.length > MAX_FILE_BYTES) throw new PkiError('TOO_LARGE', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB and is not read.`);
  if (bytes.length === 0) throw new PkiError('EMPTY', 'The file is empty.');
}

/** Entries one JKS or JCEKS keystore may hold, and certificates one entry's chain may hold. */
export const MAX_JKS_ENTRIES = 1000;
export const MAX_JKS_CHAIN = 32;

/** Settings one Elasticsearch keystore may hold (real ones hold a few dozen). */
export const MAX_ES_KEYSTORE_SETTINGS = 10_000;

/** Revoked-certificate entries one CRL may hold before the rest are only counted. */
export const MAX_CRL_ENTRIES = 100_000;
