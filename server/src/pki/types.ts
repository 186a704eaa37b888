import type { CertificateLint } from './lint/types';

/** A subject alternative name by type, as `estls inspect --format json` prints it. */
export interface SubjectAltName {
  type: 'dns' | 'ip' | 'email' | 'uri' | 'otherName' | 'dirName' | 'registeredId';
  value: string;
  /** For a DNS name with IDNA (`xn--`) labels: the name as people read it (`münchen.de`). */
  unicode?: string;
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
  /**
   * RFC 4514 string, most specific first, as `openssl x509 -nameopt RFC2253,utf8` prints it: UTF-8, BMP,
   * Teletex (as Latin-1) and Printable strings decoded to text, escaping only what RFC 4514 requires.
   */
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
  /** JKS/JCEKS: the key could not be decrypted (no password known to be right, or its own key password). */
  keyLocked?: boolean;
  /** A JCEKS secret-key entry (no certificate; Elasticsearch ignores it). */
  secretKey?: boolean;
  /** JKS/JCEKS: when the entry was stored (ISO 8601). */
  created?: string;
  /** The one key entry Elasticsearch presents from this keystore (set only when that is certain). */
  usedByElasticsearch?: boolean;
}

/** Which key entry each product presents from a keystore (see keySelection.ts for the sources). */
export interface KeySelection {
  /** Aliases of the key entries, in file order. */
  keyAliases: string[];
  /** `only`: one key entry, used; `per-handshake`: several, the JDK key manager picks one per connection. */
  elasticsearch: 'none' | 'only' | 'per-handshake';
  /** Kibana reads PKCS#12 only and refuses a keystore with several private keys. */
  kibana: 'none' | 'only' | 'refuses' | 'unsupported-format';
}

/** What a keystore is, beyond its entries. */
export interface KeystoreSummary {
  type: 'JKS' | 'JCEKS' | 'PKCS12';
  /** JKS/JCEKS: whether the store password (or the empty one) passed the file's integrity digest. */
  integrity?: 'verified' | 'not-verified';
  /** Entries the file declares. */
  entryCount: number;
  /** Entries not listed (after a JCEKS secret-key entry, which this reader does not deserialize). */
  unlistedEntries?: number;
  /** How key entries are protected, such as `JKS key protector (SHA-1 stream)`, `PBEWithMD5AndTripleDES`. */
  keyProtection?: string[];
  selection: KeySelection;
}

/** One revoked certificate of a CRL. */
export interface RevokedCertificate {
  /** Upper-case hex, as `openssl crl -text` prints it (without separators). */
  serialNumber: string;
  revocationDate: string;
  /** RFC 5280 reason name, such as `keyCompromise`, when the entry says. */
  reason?: string;
}

/** What a certificate revocation list says. */
export interface CrlSummary {
  issuer: string;
  /** ISO 8601 UTC. */
  thisUpdate: string;
  nextUpdate?: string;
  /** Whole days to nextUpdate; negative once it has passed (the CRL is stale). */
  daysLeft?: number;
  crlNumber?: string;
  signatureAlgorithm: string;
  revoked: RevokedCertificate[];
  /** Entries beyond the reader's limit, counted but not listed. */
  moreRevoked?: number;
}

/** An Elasticsearch secure-settings keystore (`elasticsearch.keystore`): setting names only, never values. */
export interface ElasticsearchKeystoreSummary {
  /** KeyStoreWrapper format version (3: ES 6.3, 4: 6.8/7.1, 5: 8.0, 6: 8.14). */
  formatVersion: number;
  /** Whether the keystore was saved with a password. */
  hasPassword: boolean;
  /** PBKDF2-HMAC-SHA512 iterations of the format (10,000 before version 6, 210,000 from 6). */
  kdfIterations: number;
  /** Setting names, sorted. */
  settingNames: string[];
}

export type FileFormat = 'pem' | 'der' | 'pkcs12' | 'jks' | 'jceks' | 'pkcs7' | 'crl' | 'elasticsearch-keystore';

/** What `estls inspect --format json` prints; also the hover's and certificate editor's data. */
export interface InspectResult {
  file: string;
  format: FileFormat;
  certificates: CertSummary[];
  keys: KeySummary[];
  entries: KeystoreEntry[];
  /** PKCS#12 protection, for the "who can read this" note: such as `PBES2/AES-256-CBC`, `pbeWithSHAAnd3-KeyTripleDES-CBC`. */
  protection?: { keyAlgorithm?: string; certAlgorithm?: string; macAlgorithm?: string; iterations?: number };
  /** Keystores (PKCS#12, JKS, JCEKS): type, integrity and which key entry each product uses. */
  keystore?: KeystoreSummary;
  /** CRLs in the file (DER or PEM `X509 CRL`, or inside a PKCS#7 bundle). */
  crls?: CrlSummary[];
  /** An `elasticsearch.keystore`: its format and setting names. */
  elasticsearchKeystore?: ElasticsearchKeystoreSummary;
  /** PEM blocks that are CSRs: subject and SANs. */
  csrs?: Array<{ subject: string; sans: SubjectAltName[]; publicKey: PublicKeyInfo }>;
  /** Policy lints of the file's certificates on their own (weak key or signature, key usage, order ...). */
  lints?: CertificateLint[];
}
