import type { SettingDef } from '../../types';
import { DOCS, type EsSpec } from '../docs';
import { STORE_TYPES } from '../sslGroup';
import { delegationSpecs, realmGroup, realmSsl } from './common';

const USER_PROPERTIES = ['principal', 'groups', 'name', 'mail', 'dn'];

function attributeSpecs(): Record<string, EsSpec> {
  const specs: Record<string, EsSpec> = {};
  for (const prop of USER_PROPERTIES) {
    specs[`attributes.${prop}`] = { type: 'string', description: `Name of the SAML attribute that supplies the user's ${prop}.` };
    specs[`attribute_patterns.${prop}`] = { type: 'string', description: `Java regular expression applied to attributes.${prop}; its first group becomes the value.` };
  }
  specs['attribute_delimiters.groups'] = { type: 'string', description: 'Delimiter that splits a single-valued groups attribute into several groups.' };
  return specs;
}

function samlSpecs(): Record<string, EsSpec> {
  return {
    'idp.entity_id': { type: 'string', description: 'Entity ID (URI) of the SAML identity provider.' },
    'idp.metadata.path': { type: 'string', description: 'Path (relative to the config directory) or https URL of the identity provider metadata.' },
    'idp.metadata.http.refresh': { type: 'time', default: '1h', description: 'How often metadata loaded over https is checked for changes.' },
    'idp.metadata.http.minimum_refresh': { type: 'time', default: '5m', description: 'Shortest interval between metadata checks when a quicker reload is needed.' },
    'idp.metadata.http.fail_on_error': { type: 'boolean', default: 'false', description: 'Stops the node from starting when https metadata cannot be loaded.' },
    'idp.use_single_logout': { type: 'boolean', default: 'true', description: 'Uses the identity provider\'s single logout service when its metadata offers one.' },
    'sp.entity_id': { type: 'string', description: 'Entity ID of this service provider, usually the Kibana base URL.' },
    'sp.acs': { type: 'url', description: 'Assertion consumer service URL in Kibana (…/api/security/saml/callback).' },
    'sp.logout': { type: 'url', description: 'Single logout URL in Kibana (…/logout).' },
    nameid_format: { type: 'string', description: 'NameID format requested from the identity provider; none is requested when unset.' },
    'nameid.allow_create': { type: 'boolean', default: 'false', description: 'Value of AllowCreate in the NameIDPolicy of authentication requests.' },
    'nameid.sp_qualifier': { type: 'string', description: 'Value of SPNameQualifier in the NameIDPolicy of authentication requests.' },
    force_authn: { type: 'boolean', default: 'false', description: 'Asks the identity provider to authenticate the user again even with an existing session.' },
    populate_user_metadata: { type: 'boolean', default: 'true', description: 'Copies SAML attributes into the user\'s metadata.' },
    private_attributes: { type: 'list', description: 'SAML attributes, by name or friendly name, that the realm handles as private values rather than ordinary user attributes.' },
    allowed_clock_skew: { type: 'time', default: '3m', description: 'Clock difference tolerated between the identity provider and this node.' },
    req_authn_context_class_ref: { type: 'list', description: 'Authentication context class references requested from the identity provider.' },
    'signing.saml_messages': { type: 'list', default: '*', docs: DOCS.samlSigning, description: 'SAML message types to sign (AuthnRequest, LogoutRequest, LogoutResponse or *).' },
  };
}

/** `signing.*` and `encryption.*` key pairs (`X509KeyPairSettings` without plain-text passwords). */
function keyPair(prefix: 'signing' | 'encryption', docs: string): Record<string, EsSpec> {
  const use = prefix === 'signing' ? 'signing outgoing SAML messages' : 'decrypting incoming SAML content';
  const specs: Record<string, EsSpec> = {
    key: { type: 'path', fileRole: 'key', description: `PEM private key for ${use}; cannot be combined with ${prefix}.keystore.path.` },
    certificate: { type: 'path', fileRole: 'certificate', description: `PEM certificate (chain) of ${prefix}.key; must also be known to the identity provider.` },
    secure_key_passphrase: { type: 'string', secure: true, sensitive: true, description: `Passphrase of an encrypted ${prefix}.key, kept in the Elasticsearch keystore.` },
    'keystore.path': { type: 'path', fileRole: 'keystore', description: `PKCS#12 or JKS file with the key pair for ${use}.` },
    'keystore.type': { type: 'enum', values: STORE_TYPES, caseInsensitive: true, default: 'inferred from the file name: PKCS12 for .p12, .pfx and .pkcs12, otherwise jks', description: `Format of ${prefix}.keystore.path.` },
    'keystore.alias': { type: 'string', description: `Alias of the key to use when ${prefix}.keystore.path holds several.` },
    'keystore.algorithm': { type: 'string', default: 'SunX509 (the JVM key manager default)', description: `Key manager algorithm used with ${prefix}.keystore.path.` },
    'keystore.secure_password': { type: 'string', secure: true, sensitive: true, description: `Password of ${prefix}.keystore.path, kept in the Elasticsearch keystore.` },
    'keystore.secure_key_password': { type: 'string', secure: true, sensitive: true, default: 'the keystore password', description: `Password of the key inside ${prefix}.keystore.path, kept in the Elasticsearch keystore.` },
  };
  return Object.fromEntries(Object.entries(specs).map(([k, v]) => [`${prefix}.${k}`, { ...v, docs }]));
}

/** The saml realm type. */
export function samlRealmSettings(): SettingDef[] {
  return [
    ...realmGroup('saml', DOCS.saml, {
      ...samlSpecs(),
      ...attributeSpecs(),
      ...keyPair('signing', DOCS.samlSigning),
      ...keyPair('encryption', DOCS.samlEncryption),
      ...delegationSpecs(),
    }),
    ...realmSsl('saml', DOCS.samlSsl, 'the realm\'s metadata client'),
  ];
}
