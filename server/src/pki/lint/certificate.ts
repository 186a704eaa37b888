// Policy lints on one certificate: key size, signature hash, key usage for TLS, a CA used as a node's own
// certificate, and a validity longer than browsers accept. Each message cites where the limit comes from:
// the JDK's java.security defaults (jdk.certpath.disabledAlgorithms is the same in JDK 17 and 21:
// openjdk/jdk21u-dev src/java.base/share/conf/security/java.security; these restrictions spare trust anchors
// and self-signed certificates), OpenSSL's security levels (Node.js, and so Kibana, runs at level 1),
// RFC 8446 and browser root-program policies.
import type { CertSummary } from '../types';
import type { CertificateLint, CertificateLintId, LintSeverity } from './types';

const DAY_MS = 86_400_000;
/** CA/Browser Forum ballot SC31 and the Apple, Google and Mozilla root programs, since 2020-09-01. */
export const BROWSER_MAX_VALIDITY_DAYS = 398;
/** Apple's limit for every TLS server certificate, including those of private CAs (iOS 13 / macOS 10.15). */
const APPLE_MAX_VALIDITY_DAYS = 825;

function lint(cert: CertSummary, id: CertificateLintId, severity: LintSeverity, message: string): CertificateLint {
  return { id, severity, message, subject: cert.subject, fingerprint: cert.fingerprints.sha256 };
}

/** The field size a curve's name carries (`secp224r1`, `prime192v1`, `brainpoolP320r1`), for curves the summary leaves unsized. */
function curveBits(curve: string | undefined): number | undefined {
  const digits = curve ? /(\d{3})/.exec(curve) : null;
  return digits ? Number(digits[1]) : undefined;
}

/** RSA below 2048 bits or EC below P-256; an error where the JDK refuses the key outright. */
export function weakKeyLint(cert: CertSummary): CertificateLint | undefined {
  const { algorithm, curve } = cert.publicKey;
  const size = cert.publicKey.size ?? (algorithm === 'EC' ? curveBits(curve) : undefined);
  if (size === undefined) return undefined;
  const who = `${cert.subject} has`;
  if (algorithm === 'RSA' && size < 1024) {
    return lint(cert, 'certificate-weak-key', 'error', `${who} an RSA key of ${size} bits: JDKs refuse it ("RSA keySize < 1024" in jdk.certpath.disabledAlgorithms) and so does OpenSSL at security level 1, which Node.js and Kibana use. Use at least 2048 bits.`);
  }
  if (algorithm === 'RSA' && size < 2048) {
    return lint(cert, 'certificate-weak-key', 'warning', `${who} an RSA key of ${size} bits, below the 2048 bits NIST SP 800-131A requires; OpenSSL at security level 2 (the system default of Debian and RHEL 9) refuses it ("EE certificate key too weak"). JDKs still accept it but list it for removal ("RSA keySize < 2048" in jdk.security.legacyAlgorithms).`);
  }
  if (algorithm === 'EC' && size < 224) {
    return lint(cert, 'certificate-weak-key', 'error', `${who} an EC key on ${curve ?? `a ${size}-bit curve`}: JDKs refuse it ("EC keySize < 224" in jdk.certpath.disabledAlgorithms). Use P-256 or larger.`);
  }
  if (algorithm === 'EC' && size < 256) {
    return lint(cert, 'certificate-weak-key', 'warning', `${who} an EC key on ${curve ?? `a ${size}-bit curve`}, below P-256: TLS 1.3 defines ECDSA signatures only for P-256, P-384 and P-521 (RFC 8446, 4.2.3). Use P-256 or larger.`);
  }
  return undefined;
}

/** The hash a signature algorithm name uses, when it is one of the broken ones. */
function brokenHash(signatureAlgorithm: string): 'MD5' | 'MD2' | 'SHA-1' | undefined {
  const name = signatureAlgorithm.toLowerCase();
  if (name.startsWith('md5')) return 'MD5';
  if (name.startsWith('md2')) return 'MD2';
  if (/sha-?1(?![0-9])/.test(name)) return 'SHA-1';
  return undefined;
}

/**
 * MD5 (and MD2) signatures: refused by JDKs and OpenSSL, an error. SHA-1: JDKs refuse it only for TLS server
 * certificates chaining to a CA bundled with the JDK; Node.js (OpenSSL 3, level 1) refuses it always, so a
 * warning here that the rules raise to an error where Kibana reads the certificate. A self-signed certificate's
 * own signature is never checked (it is trusted as it is), so it gets no lint.
 */
export function weakSignatureLint(cert: CertSummary): CertificateLint | undefined {
  if (cert.selfSigned) return undefined;
  const hash = brokenHash(cert.signatureAlgorithm);
  if (hash === 'MD5' || hash === 'MD2') {
    return lint(cert, 'certificate-weak-signature', 'error', `${cert.subject} is signed with ${hash} (${cert.signatureAlgorithm}): JDKs refuse it ("${hash}" in jdk.certpath.disabledAlgorithms) and OpenSSL 3 refuses it at security level 1 ("CA signature digest algorithm too weak"). Re-issue it with SHA-256.`);
  }
  if (hash === 'SHA-1') {
    return lint(cert, 'certificate-weak-signature', 'warning', `${cert.subject} is signed with SHA-1 (${cert.signatureAlgorithm}): JDKs refuse it for TLS servers whose chain ends at a CA bundled with the JDK ("SHA1 jdkCA & usage TLSServer" in jdk.certpath.disabledAlgorithms), and list it for removal (jdk.security.legacyAlgorithms); Node.js (so Kibana), curl and browsers refuse it always (OpenSSL 3 at security level 1: "CA signature digest algorithm too weak"). Re-issue it with SHA-256.`);
  }
  return undefined;
}

/** How strictly the peers check key usage: `jsse` when they are JDKs that negotiate TLS 1.3 (node to node). */
export interface KeyUsageOptions {
  jssePeers?: boolean;
}

/**
 * A keyUsage extension that leaves out what TLS needs: digitalSignature for ECDSA and EdDSA keys (RFC 8446
 * 4.4.2.2, and JSSE's end-entity check), digitalSignature or keyEncipherment for RSA keys. An RSA certificate
 * with keyEncipherment alone works only for TLS 1.2 RSA key exchange, which JDK peers do not pick over TLS 1.3.
 */
export function keyUsageLint(cert: CertSummary, opts: KeyUsageOptions = {}): CertificateLint | undefined {
  const ku = cert.keyUsage;
  if (ku.length === 0 || cert.isCA || ku.includes('digitalSignature')) return undefined;
  const has = `${cert.subject} limits its key usage to ${ku.join(', ')}`;
  const alg = cert.publicKey.algorithm;
  if (alg === 'RSA' && ku.includes('keyEncipherment')) {
    const severity = opts.jssePeers ? 'error' : 'warning';
    return lint(cert, 'certificate-key-usage', severity, `${has}, without digitalSignature: TLS 1.3 and ECDHE suites sign with the key, so JDK peers refuse it (JSSE's end-entity key usage check); only TLS 1.2 RSA key exchange could use it, which recent JDKs disable ("TLS_RSA_*" in jdk.tls.disabledAlgorithms of current JDK 21 updates). Add digitalSignature.`);
  }
  if (alg === 'RSA' || alg === 'EC' || alg === 'Ed25519' || alg === 'Ed448') {
    const need = alg === 'RSA' ? 'digitalSignature (or at least keyEncipherment)' : 'digitalSignature';
    return lint(cert, 'certificate-key-usage', 'error', `${has}, which forbids TLS: a ${alg} server or client certificate needs ${need} (RFC 8446 4.4.2.2; JSSE and OpenSSL refuse it). Re-issue it with ${alg === 'RSA' ? 'digitalSignature, keyEncipherment' : 'digitalSignature'}.`);
  }
  return undefined;
}

/** A CA certificate (basicConstraints CA:TRUE) presented as a node's own certificate. */
export function caAsNodeLint(cert: CertSummary): CertificateLint | undefined {
  if (!cert.isCA) return undefined;
  return lint(cert, 'ca-certificate-as-node-certificate', 'warning', `${cert.subject} is a CA certificate (basicConstraints CA:TRUE) used as this node's own certificate: whoever holds this key can issue certificates every peer trusts, and Firefox refuses a CA certificate as a server certificate (MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY). Issue a node certificate from the CA instead (elasticsearch-certutil cert --ca ...).`);
}

/** Whole days from notBefore to notAfter. */
export function validityDays(cert: CertSummary): number {
  return Math.floor((Date.parse(cert.notAfter) - Date.parse(cert.notBefore)) / DAY_MS);
}

/** A server certificate valid longer than browsers accept: a hint, since private CAs are exempt from 398 days. */
export function validityLint(cert: CertSummary): CertificateLint | undefined {
  if (cert.isCA) return undefined;
  const days = validityDays(cert);
  if (days <= BROWSER_MAX_VALIDITY_DAYS) return undefined;
  const apple = days > APPLE_MAX_VALIDITY_DAYS ? `; Safari and other Apple clients refuse any TLS server certificate valid longer than ${APPLE_MAX_VALIDITY_DAYS} days, private CAs included` : '';
  return lint(cert, 'certificate-validity-too-long', 'hint', `${cert.subject} is valid for ${days} days. Browsers refuse certificates from public CAs valid longer than ${BROWSER_MAX_VALIDITY_DAYS} days (CA/Browser Forum, since 2020-09-01)${apple}.`);
}
