import type { SettingDef } from '../../types';
import { DOCS, type EsSpec } from '../docs';
import { delegationSpecs, passwordRealmSpecs, realmGroup, realmPrefix, roleMappingSpecs, userCacheSpecs } from './common';

/** PKI realm trust settings: the realm's own trust store, without the `ssl.` segment (`PkiRealmSettings`). */
function pkiSpecs(): Record<string, EsSpec> {
  const pki = realmPrefix('pki');
  return {
    username_pattern: { type: 'string', default: 'CN=(.*?)(?:,|$)', description: 'Regular expression whose first group extracts the username from the certificate subject DN.' },
    certificate_authorities: { type: 'pathList', fileRole: 'certificateAuthorities', default: 'the CAs trusted by the TLS context', description: 'PEM files with the CAs client certificates must chain to; cannot be combined with truststore.path.' },
    'truststore.path': { type: 'path', fileRole: 'truststore', default: 'the CAs trusted by the TLS context', description: 'PKCS#12 or JKS file with the CAs client certificates must chain to.' },
    'truststore.secure_password': { type: 'string', secure: true, sensitive: true, description: 'Password of truststore.path, kept in the Elasticsearch keystore.' },
    'truststore.password': { type: 'string', sensitive: true, deprecated: { since: '7.17.0', replacement: `${pki}truststore.secure_password`, note: 'Move the value into the Elasticsearch keystore.' }, description: 'Password of truststore.path, written in plain text in elasticsearch.yml.' },
    'truststore.algorithm': { type: 'string', default: 'PKIX (the JVM trust manager default)', description: 'Trust manager algorithm used with truststore.path.' },
    'delegation.enabled': { type: 'boolean', default: 'false', description: 'Accepts client certificates forwarded by a trusted proxy such as Kibana; needs a truststore or certificate_authorities.' },
  };
}

function kerberosSpecs(): Record<string, EsSpec> {
  return {
    'keytab.path': { type: 'path', fileRole: 'other', description: 'Keytab with the HTTP service principal of this node, inside the config directory; required.' },
    remove_realm_name: { type: 'boolean', default: 'false', description: 'Drops the @REALM part from Kerberos principal names.' },
    'krb.debug': { type: 'boolean', default: 'false', description: 'Turns on debug logging of the Kerberos login module.' },
  };
}

/** The native, file, pki and kerberos realm types. */
export function basicRealmSettings(): SettingDef[] {
  return [
    ...realmGroup('native', DOCS.native, passwordRealmSpecs()),
    ...realmGroup('file', DOCS.file, passwordRealmSpecs()),
    ...realmGroup('pki', DOCS.pki, { ...pkiSpecs(), ...userCacheSpecs(), ...roleMappingSpecs(), ...delegationSpecs() }),
    ...realmGroup('kerberos', DOCS.kerberos, { ...kerberosSpecs(), ...userCacheSpecs(), ...delegationSpecs() }),
  ];
}
