// What a certificate policy lint reports: plain data the rules turn into findings and the viewer and
// `estls inspect` print beside the certificate.

/** The lints, named as the rule ids that report them on a config line. */
export type CertificateLintId =
  | 'certificate-weak-key'
  | 'certificate-weak-signature'
  | 'certificate-key-usage'
  | 'ca-certificate-as-node-certificate'
  | 'transport-certificate-eku'
  | 'certificate-chain-order'
  | 'certificate-chain-incomplete'
  | 'certificate-validity-too-long';

/** error: a JDK or OpenSSL peer refuses the handshake; warning: weak or refused by some clients; hint: advice. */
export type LintSeverity = 'error' | 'warning' | 'hint';

/** One policy problem of one certificate (or of the order of a file's certificates). */
export interface CertificateLint {
  id: CertificateLintId;
  severity: LintSeverity;
  /** One sentence or two, citing the reason (the JDK property, the TLS rule, the browser policy). */
  message: string;
  /** The certificate's subject, when the lint is about one certificate. */
  subject?: string;
  /** Its SHA-256 fingerprint, so front ends can place the lint beside the certificate. */
  fingerprint?: string;
}
