// Rule ids of the certificate-content rules and a small finding builder for them.
import type { OffsetRange, Severity, Finding } from './finding';
import { defOf } from './support';
import type { RuleContext } from './types';

/** The ids the certificate rules report, with one line on each (for RULE_IDS and the docs). */
export const CERTIFICATE_RULE_IDS = {
  'certificate-expired': 'A configured certificate (own, chain or CA) has expired.',
  'certificate-expiring': 'A configured certificate expires within the warning period.',
  'certificate-not-yet-valid': 'A configured certificate is not valid yet (its start date is in the future).',
  'key-certificate-mismatch': 'The private key does not belong to the certificate it is configured with.',
  'certificate-chain-untrusted': 'The certificate does not chain to the CAs or truststore configured beside it.',
  'transport-certificate-eku': 'A transport certificate restricts its extended key usage without allowing both serverAuth and clientAuth.',
  'certificate-hostname-mismatch': 'The certificate does not name a host the node is configured to use, while verification_mode is full.',
  'truststore-without-trusted-entries': 'A keystore used as truststore holds no trusted certificate entries.',
  'certificate-file-format': 'A file has the wrong format for its setting (PKCS#12 where PEM belongs, or the reverse).',
  'encrypted-key-without-passphrase': 'An encrypted private key is configured without its passphrase setting.',
  'keystore-locked': 'A keystore or key is password-protected and its password is not known here, so its contents are not checked.',
  'certificate-bad-password': 'The password given for a keystore or key does not open it.',
  'certificate-unreadable': 'A certificate, key or keystore file cannot be read or holds nothing usable.',
  'ca-strict-clients': 'A CA behind the HTTP certificate lacks keyUsage (or keyCertSign, or a key identifier), which strict clients such as Python 3.13 reject.',
  'certificate-weak-key': 'A configured certificate has an RSA key below 2048 bits or an EC key below P-256.',
  'certificate-weak-signature': 'A configured certificate is signed with MD5 or SHA-1, which JDKs, OpenSSL 3 and browsers refuse.',
  'certificate-key-swapped': 'The certificate setting names a private key file, or the key setting names a certificate file.',
  'ca-certificate-as-node-certificate': 'A CA certificate (basicConstraints CA:TRUE) is presented as the node\'s own certificate.',
  'certificate-key-usage': 'The presented certificate has a keyUsage that forbids TLS (no digitalSignature, or for RSA no keyEncipherment either).',
  'certificate-chain-order': 'The certificate file lists its chain out of issuing order.',
  'certificate-chain-incomplete': 'The certificate file leaves out an intermediate CA that peers trusting only the root need.',
  'certificate-validity-too-long': 'A browser-facing certificate is valid longer than browsers accept (398 days for public CAs, 825 on Apple platforms).',
} as const;

export type CertificateRuleId = keyof typeof CERTIFICATE_RULE_IDS;

/** A certificate-rule finding with the setting's doc page attached when the catalog knows it. */
export function certFinding(ctx: RuleContext, ruleId: CertificateRuleId, key: string, severity: Severity, message: string, range: OffsetRange, data?: Record<string, string>): Finding {
  const f: Finding = { ruleId, severity, message, range };
  const docsUrl = defOf(ctx, key)?.docs;
  if (docsUrl) f.docsUrl = docsUrl;
  if (data) f.data = data;
  return f;
}
