// Usage checks: key/certificate pairing, extended key usage for transport, and CA hygiene that strict
// clients (Python 3.13, openssl -x509_strict) enforce.
import type { KeyObject } from 'node:crypto';
import { keysMatch } from './keys';
import type { CertSummary } from './types';
import type { ParsedCertificate } from './x509/summary';

/** True when the private (or public) key is the certificate's key; works for RSA, EC, Ed25519 and others. */
export function keyMatchesCertificate(key: KeyObject, cert: ParsedCertificate): boolean {
  return keysMatch(key, cert.x509.publicKey);
}

/** The EKUs a certificate is missing among `required`; empty when it has no EKU extension or anyExtendedKeyUsage. */
export function missingExtendedKeyUsages(cert: CertSummary, required: readonly string[]): string[] {
  const eku = cert.extendedKeyUsage;
  if (eku.length === 0 || eku.includes('anyExtendedKeyUsage')) return [];
  return required.filter((r) => !eku.includes(r));
}

/**
 * Transport certificates act as server, and as client when the peers require client authentication (the
 * transport default): with an EKU extension the peer's JSSE refuses a certificate whose EKU lacks the usage
 * (serverAuth for a server, clientAuth for a client). No EKU extension at all allows every usage.
 */
export function transportEkuProblem(cert: CertSummary, clientAuthRequired = true): string | undefined {
  const missing = missingExtendedKeyUsages(cert, clientAuthRequired ? ['serverAuth', 'clientAuth'] : ['serverAuth']);
  if (missing.length === 0) return undefined;
  const why = missing.includes('clientAuth') ? ' (with client_authentication required, the transport default, or optional, each node also presents it as a client)' : '';
  return `The certificate ${cert.subject} limits its extended key usage to ${cert.extendedKeyUsage.join(', ')}; transport connections also need ${missing.join(' and ')}${why}, and the peer's JSSE refuses it without.`;
}

/** Problems of a CA certificate that strict TLS clients reject. Empty when it is a well-formed CA. */
export function caLint(cert: CertSummary): string[] {
  const out: string[] = [];
  if (!cert.isCA) out.push(`${cert.subject} is not a CA: it lacks basicConstraints CA:TRUE, so it cannot be a trust anchor for strict clients.`);
  if (cert.keyUsage.length === 0) out.push(`${cert.subject} has no keyUsage extension; Python 3.13 and openssl -x509_strict reject such CAs ("CA cert does not include key usage extension").`);
  else if (!cert.keyUsage.includes('keyCertSign')) out.push(`${cert.subject} has a keyUsage without keyCertSign, so it may not sign certificates.`);
  if (!cert.subjectKeyId) out.push(`${cert.subject} has no subjectKeyIdentifier; strict clients expect one on CAs.`);
  return out;
}
