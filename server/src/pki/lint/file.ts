// The lints that need no config: what the certificate viewer and `estls inspect` show for a file on its own.
// Lints that depend on how a certificate is used (a CA as a node's certificate, transport usages, the
// intermediates the peer needs) are left to the rules, which know the setting.
import type { ParsedFile } from '../parsed';
import type { CertSummary } from '../types';
import type { ParsedCertificate } from '../x509/summary';
import { chainOrderLint } from './chain';
import { keyUsageLint, validityLint, weakKeyLint, weakSignatureLint } from './certificate';
import type { CertificateLint } from './types';

/** Key size, signature hash, and for end-entity certificates key usage and validity length. */
export function certificateLints(cert: CertSummary): CertificateLint[] {
  const found = [weakKeyLint(cert), weakSignatureLint(cert), keyUsageLint(cert), validityLint(cert)];
  return found.filter((l): l is CertificateLint => l !== undefined);
}

/** Each certificate once (a keystore lists a CA in several chains). */
function distinct(certs: readonly ParsedCertificate[]): ParsedCertificate[] {
  const seen = new Set<string>();
  return certs.filter((c) => !seen.has(c.summary.fingerprints.sha256) && !!seen.add(c.summary.fingerprints.sha256));
}

/**
 * The certificate lists whose order matters: each keystore key entry's chain, and a PEM or DER file that holds
 * an end-entity certificate (a chain to present). A CA bundle is read in any order, and PKCS#7 holds a SET.
 */
function orderedLists(file: ParsedFile): ParsedCertificate[][] {
  if (file.entries.length > 0) return file.entries.filter((e) => e.key).map((e) => e.chain);
  const format = file.result.format;
  if ((format === 'pem' || format === 'der') && file.certificates.some((c) => !c.summary.isCA)) return [file.certificates];
  return [];
}

/** Every lint of a file: per certificate, and the order of a chain file or of each keystore chain. */
export function lintFile(file: ParsedFile): CertificateLint[] {
  const certs = distinct([...file.certificates, ...file.entries.flatMap((e) => e.chain)]);
  const out = certs.flatMap((c) => certificateLints(c.summary));
  for (const chain of orderedLists(file)) {
    const order = chainOrderLint(chain);
    if (order) out.push(order);
  }
  return out;
}
