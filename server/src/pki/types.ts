import type { CertificateLint } from './lint/types';

/** A subject alternative name by type, as `estls inspect --format json` prints it. */
export interface SubjectAltName {
  type: 'dns' | 'ip' | 'email' | 'uri' | 'otherName' | 'dirName' | 'registeredId';
  value: string;
}

export interface PublicKeyInfo {
  algorithm: 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'unknown';
  /** Key size in bits (RSA modulus, EC field size, 256 for Ed25519). */
  size?: number;
  /** Named curve for EC keys (`P-256`, `P-384`, `P-521`, or the OID when unnamed). */
  curve?: string;
}

/** What one certificate says, in the order people look for it. */
export interface CertSummary {
  /** RFC 4514 string, most specific first, as `openssl -nameopt RFC2253` prints it. */
  subject: string;
  issuer: string;
  /** Upper- or lower-case hex without separators, as the certificate encodes it (leading zeros kept). */
  serialNumber: string;
  /** ISO 8601 UTC. */
  notBefore: string;
  notAfter: string;
  /** Whole days from now to notAfter; negative once expired. */
  daysLeft: number;
  sans: SubjectAltName[];
  publicKey: PublicKeyInfo;
  isCA: boolean;
  /** basicConstraints pathLenConstraint, when present. */
  pathLength?: number;
  /** RFC 5280 names, such as `digitalSignature`, `keyCertSign`. */
  keyUsage: string[];
  /** Short names (`serverAuth`, `clientAuth`, ...) or the OID when unnamed. */
  extendedKeyUsage: string[];
  /** Hex, colon-separated upper case. */
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** Such as `sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `ED25519`. */
  signatureAlgorithm: string;
  fingerprints: { sha256: string; sha1: string };
  selfSigned: boolean;
}

export interface KeySummary {
  algorithm: PublicKeyInfo['algorithm'];
  size?: number;
  curve?: string;
  /** Whether this key belongs to the first certificate of the file (or its entry); undefined when there is none. */
  matchesCertificate?: boolean;
  /** True when the key was stored encrypted (and was decrypted with the given password). */
  encrypted?: boolean;
}

/** One PKCS#12 / keystore entry. */
export interface KeystoreEntry {
  alias?: string;
  hasKey: boolean;
  /** For a key entry its chain (leaf first); for a trusted entry the one trusted certificate. */
  certificates: CertSummary[];
  /** A Java trusted certificate entry (keytool `trustedCertEntry`). */
  trusted: boolean;
  keyMatchesCertificate?: boolean;
}

export type FileFormat = 'pem' | 'der' | 'pkcs12' | 'jks';

/** What `estls inspect --format json` prints; also the hover's and certificate editor's data. */
export interface InspectResult {
  file: string;
  format: FileFormat;
  certificates: CertSummary[];
  keys: KeySummary[];
  entries: KeystoreEntry[];
  /** PKCS#12 protection, for the "who can read this" note: such as `PBES2/AES-256-CBC`, `pbeWithSHAAnd3-KeyTripleDES-CBC`. */
  protection?: { keyAlgorithm?: string; certAlgorithm?: string; macAlgorithm?: string; iterations?: number };
  /** PEM blocks that are CSRs: subject and SANs. */
  csrs?: Array<{ subject: string; sans: SubjectAltName[]; publicKey: PublicKeyInfo }>;
  /** Policy lints of the file's certificates on their own (weak key or signature, key usage, order ...). */
  lints?: CertificateLint[];
}
