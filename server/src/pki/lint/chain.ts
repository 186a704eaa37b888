// Lints on the order and completeness of a presented chain: TLS 1.2 (RFC 5246 7.4.2) wants each certificate
// followed by the one that certified it, and a peer that trusts only the root needs every intermediate sent.
import { isIssuedBy } from '../verifyChain';
import type { ParsedCertificate } from '../x509/summary';
import type { CertificateLint } from './types';

/** Certificates beyond this many in one file are not ordered (pairwise signature checks grow quadratically). */
const MAX_ORDERED = 10;

/** The issuing path from `leaf` through `pool`, leaf first, each certificate used once. */
function issuingPath(leaf: ParsedCertificate, pool: readonly ParsedCertificate[]): ParsedCertificate[] {
  const path = [leaf];
  for (let current = leaf; !current.summary.selfSigned; ) {
    const next = pool.find((c) => !path.includes(c) && isIssuedBy(current, c));
    if (!next) break;
    path.push(next);
    current = next;
  }
  return path;
}

/**
 * A file whose certificates are not in issuing order (leaf, then its issuer, then that one's issuer). JSSE,
 * OpenSSL and browsers rebuild such chains, so this is a warning: strict TLS 1.2 peers may refuse it.
 */
export function chainOrderLint(certs: readonly ParsedCertificate[]): CertificateLint | undefined {
  if (certs.length < 2 || certs.length > MAX_ORDERED) return undefined;
  const ordered = certs.every((c, i) => i === 0 || isIssuedBy(certs[i - 1], c));
  if (ordered) return undefined;
  // The leaf is the certificate that issued none of the others.
  const leaf = certs.find((c) => !certs.some((o) => o !== c && isIssuedBy(o, c))) ?? certs[0];
  const path = issuingPath(leaf, certs);
  if (path.length < 2) return undefined;
  const inFile = certs.filter((c) => path.includes(c));
  if (inFile.every((c, i) => c === path[i])) return undefined;
  const order = path.map((c) => c.summary.subject).join(' -> ');
  return {
    id: 'certificate-chain-order',
    severity: 'warning',
    message: `The certificates are out of order: TLS 1.2 requires each one to be followed by the certificate that issued it (RFC 5246 7.4.2), so strict peers may refuse the chain. Put them in this order: ${order}.`,
    subject: leaf.summary.subject,
    fingerprint: leaf.summary.fingerprints.sha256,
  };
}

/**
 * The presented chain stops at a certificate issued by an intermediate that only the configured CAs hold:
 * this node trusts it, but a peer that trusts only the root cannot build the chain.
 */
export function chainIncompleteLint(leaf: ParsedCertificate, extra: readonly ParsedCertificate[], anchors: readonly ParsedCertificate[]): CertificateLint | undefined {
  const path = issuingPath(leaf, extra);
  const last = path[path.length - 1];
  if (last.summary.selfSigned || anchors.some((a) => a.summary.fingerprints.sha256 === last.summary.fingerprints.sha256)) return undefined;
  const intermediate = anchors.find((a) => !a.summary.selfSigned && isIssuedBy(last, a));
  if (!intermediate) return undefined;
  const s = intermediate.summary;
  return {
    id: 'certificate-chain-incomplete',
    severity: 'warning',
    message: `The certificate file does not include the intermediate CA ${s.subject} that issued ${last.summary.subject}; this node trusts it through its own CA setting, but peers that trust only the root (${s.issuer}) cannot build the chain. Append the intermediate's PEM after the certificate.`,
    subject: leaf.summary.subject,
    fingerprint: leaf.summary.fingerprints.sha256,
  };
}
