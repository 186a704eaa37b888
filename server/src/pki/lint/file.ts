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

/** Every lint of a file: per certificate, and the order of a PEM file's certificates or of each keystore chain. */
export function lintFile(file: ParsedFile): CertificateLint[] {
  const certs = distinct([...file.certificates, ...file.entries.flatMap((e) => e.chain)]);
  const out = certs.flatMap((c) => certificateLints(c.summary));
  const chains = file.entries.length > 0 ? file.entries.filter((e) => e.key).map((e) => e.chain) : [file.certificates];
  for (const chain of chains) {
    const order = chainOrderLint(chain);
    if (order) out.push(order);
  }
  return out;
}
