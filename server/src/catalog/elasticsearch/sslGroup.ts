import type { Lifecycle, SettingDef } from '../types';
import { group, type EsSpec } from './docs';

/**
 * What differs between the places that take Elasticsearch's shared SSL key set
 * (`libs/ssl-config` `SslConfigurationKeys` and x-pack `SSLConfigurationSettings`).
 */
export interface SslGroupOptions {
  /** Doc page (with anchor) for every key of the group. */
  docs: string;
  /** Singular noun phrase for what the group secures, used in descriptions ("the HTTP layer"). */
  context: string;
  /** Adds `<prefix>enabled` with this default (transport, HTTP and remote-cluster contexts only). */
  enabledDefault?: 'true' | 'false';
  /** Default of `client_authentication` for server contexts; client contexts leave it unset. */
  clientAuthDefault?: 'required' | 'optional' | 'none';
  /** False for contexts that reject the plain-text password keys (remote cluster server and client). */
  legacyPasswords?: boolean;
  /** False where `truststore.algorithm` is not registered (`reindex.ssl.` reads only `getStringKeys()`). */
  truststoreAlgorithm?: boolean;
  /** Adds `<prefix>handshake_timeout` (transport and remote-cluster contexts). */
  handshakeTimeout?: boolean;
  /** Marks every key of a deprecated feature deprecated (keys with a more specific deprecation keep theirs). */
  deprecated?: Lifecycle;
  /** Marks every key removed; the replacement is the same suffix under `replacementPrefix`. */
  removed?: { since: string; note: string; replacementPrefix: string };
}

/** Protocol names the JDK accepts in `supported_protocols`. */
export const TLS_PROTOCOLS: readonly string[] = ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3', 'SSLv2Hello'];
/** Values of `verification_mode` (`SslVerificationMode`). */
export const VERIFICATION_MODES: readonly string[] = ['full', 'certificate', 'none'];
/** Values of `client_authentication` (`SslClientAuthenticationMode`). */
export const CLIENT_AUTH_MODES: readonly string[] = ['required', 'optional', 'none'];
/** Store types accepted since 8.0 (PKCS11 was removed from elasticsearch.yml in 8.0). */
export const STORE_TYPES: readonly string[] = ['PKCS12', 'jks'];
/** Fields of `trust_restrictions.x509_fields` (`X509Field`). */
export const X509_FIELDS: readonly string[] = ['subjectAltName.otherName.commonName', 'subjectAltName.dnsName'];

const LEGACY_SINCE = '7.17.0';
const STORE_TYPE_DEFAULT = 'inferred from the file name: PKCS12 for .p12, .pfx and .pkcs12, otherwise jks';

function legacy(prefix: string, secureSuffix: string): Lifecycle {
  return {
    since: LEGACY_SINCE,
    replacement: prefix + secureSuffix,
    note: 'Move the value into the Elasticsearch keystore under the secure setting and remove this line.',
  };
}

function protocolSpecs(o: SslGroupOptions): Record<string, EsSpec> {
  const ctx = o.context;
  const specs: Record<string, EsSpec> = {
    supported_protocols: { type: 'enumList', values: TLS_PROTOCOLS, default: 'TLSv1.3,TLSv1.2,TLSv1.1 (when the JDK supports TLSv1.3)', description: `TLS versions ${ctx} may negotiate; the JDK must support each one.` },
    cipher_suites: { type: 'list', default: 'depends on the JDK', description: `Cipher suites ${ctx} offers or accepts, by their JDK names.` },
    verification_mode: { type: 'enum', values: VERIFICATION_MODES, caseInsensitive: true, default: 'full', description: `How ${ctx} checks the other side's certificate: full (chain and host name), certificate (chain only) or none (no checks, unsafe).` },
  };
  // Every context registers client_authentication, even client-only ones (PR #98428 put it back on the remote cluster client).
  specs.client_authentication = { type: 'enum', values: CLIENT_AUTH_MODES, caseInsensitive: true, default: o.clientAuthDefault, description: o.clientAuthDefault ? `Whether ${ctx} asks connecting clients for a certificate: required, optional or none.` : `Client-certificate policy; it only matters when this side accepts connections, which ${ctx} does not.` };
  if (o.enabledDefault) specs.enabled = { type: 'boolean', default: o.enabledDefault, description: `Turns TLS on or off for ${ctx}.` };
  if (o.handshakeTimeout) specs.handshake_timeout = { type: 'time', default: '10s', description: `How long a TLS handshake on ${ctx} may take before the connection is dropped.` };
  return specs;
}

function keySpecs(prefix: string, o: SslGroupOptions): Record<string, EsSpec> {
  const ctx = o.context;
  const specs: Record<string, EsSpec> = {
    certificate: { type: 'path', fileRole: 'certificate', description: `PEM file with the certificate (and chain) ${ctx} presents; needs key.` },
    key: { type: 'path', fileRole: 'key', description: `PEM file with the private key of certificate; cannot be combined with keystore.path.` },
    secure_key_passphrase: { type: 'string', secure: true, sensitive: true, description: 'Passphrase of an encrypted key file, kept in the Elasticsearch keystore.' },
    'keystore.path': { type: 'path', fileRole: 'keystore', description: `PKCS#12 or JKS file with the private key and certificate ${ctx} uses; cannot be combined with key.` },
    'keystore.type': { type: 'enum', values: STORE_TYPES, caseInsensitive: true, default: STORE_TYPE_DEFAULT, description: 'Format of keystore.path.' },
    'keystore.algorithm': { type: 'string', default: 'SunX509 (the JVM key manager default)', description: 'Key manager algorithm used with keystore.path.' },
    'keystore.secure_password': { type: 'string', secure: true, sensitive: true, description: 'Password of keystore.path, kept in the Elasticsearch keystore.' },
    'keystore.secure_key_password': { type: 'string', secure: true, sensitive: true, default: 'the keystore password', description: 'Password of the key inside keystore.path, kept in the Elasticsearch keystore.' },
  };
  if (o.legacyPasswords !== false) {
    specs.key_passphrase = { type: 'string', sensitive: true, deprecated: legacy(prefix, 'secure_key_passphrase'), description: 'Passphrase of an encrypted key file, written in plain text in elasticsearch.yml.' };
    specs['keystore.password'] = { type: 'string', sensitive: true, deprecated: legacy(prefix, 'keystore.secure_password'), description: 'Password of keystore.path, written in plain text in elasticsearch.yml.' };
    specs['keystore.key_password'] = { type: 'string', sensitive: true, default: 'the keystore password', deprecated: legacy(prefix, 'keystore.secure_key_password'), description: 'Password of the key inside keystore.path, written in plain text in elasticsearch.yml.' };
  }
  return specs;
}

function trustSpecs(prefix: string, o: SslGroupOptions): Record<string, EsSpec> {
  const ctx = o.context;
  const specs: Record<string, EsSpec> = {
    certificate_authorities: { type: 'pathList', fileRole: 'certificateAuthorities', description: `PEM files with the CA certificates ${ctx} trusts; cannot be combined with truststore.path.` },
    'truststore.path': { type: 'path', fileRole: 'truststore', description: `PKCS#12 or JKS file with the CA certificates ${ctx} trusts; cannot be combined with certificate_authorities.` },
    'truststore.type': { type: 'enum', values: STORE_TYPES, caseInsensitive: true, default: STORE_TYPE_DEFAULT, description: 'Format of truststore.path.' },
    'truststore.secure_password': { type: 'string', secure: true, sensitive: true, description: 'Password of truststore.path, kept in the Elasticsearch keystore.' },
    'trust_restrictions.path': { type: 'path', fileRole: 'other', description: `YAML file naming the peer certificates ${ctx} accepts, on top of CA trust.` },
    'trust_restrictions.x509_fields': { type: 'enumList', values: X509_FIELDS, default: 'subjectAltName.otherName.commonName', description: 'Certificate fields compared with the names in the trust restrictions file.' },
  };
  if (o.truststoreAlgorithm !== false) {
    specs['truststore.algorithm'] = { type: 'string', default: 'PKIX (the JVM trust manager default)', description: 'Trust manager algorithm used with truststore.path.' };
  }
  if (o.legacyPasswords !== false) {
    specs['truststore.password'] = { type: 'string', sensitive: true, deprecated: legacy(prefix, 'truststore.secure_password'), description: 'Password of truststore.path, written in plain text in elasticsearch.yml.' };
  }
  return specs;
}

function markRemoved(defs: SettingDef[], prefix: string, removed: NonNullable<SslGroupOptions['removed']>): SettingDef[] {
  return defs.map((def) => {
    const { deprecated, ...rest } = def;
    // A removed plain-text password points at the secure setting, not at another deprecated key.
    const replacement = removed.replacementPrefix + (deprecated?.replacement ?? def.key).slice(prefix.length);
    return { ...rest, removed: { since: removed.since, replacement, note: removed.note } };
  });
}

/**
 * The SSL key set under `prefix` (which ends in `ssl.`), shaped by `options`.
 * Every context shares the same keys; contexts differ in `enabled`, client-auth defaults and legacy passwords.
 */
export function sslGroup(prefix: string, options: SslGroupOptions): SettingDef[] {
  const specs = { ...protocolSpecs(options), ...keySpecs(prefix, options), ...trustSpecs(prefix, options) };
  const defs = group(prefix, options.docs, specs);
  if (options.removed) return markRemoved(defs, prefix, options.removed);
  const featureDeprecation = options.deprecated;
  return featureDeprecation ? defs.map((def) => (def.deprecated ? def : { ...def, deprecated: featureDeprecation })) : defs;
}
