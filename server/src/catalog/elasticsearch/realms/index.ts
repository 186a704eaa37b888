import type { SettingDef } from '../../types';
import { basicRealmSettings } from './basic';
import { ldapRealmSettings } from './ldap';
import { oidcJwtRealmSettings } from './oidcJwt';
import { samlRealmSettings } from './saml';

export { REALMS, realmPrefix } from './common';

/** Realm types built into Elasticsearch (`InternalRealmsSettings`). */
export const REALM_TYPES: readonly string[] = ['native', 'file', 'ldap', 'active_directory', 'pki', 'saml', 'kerberos', 'oidc', 'jwt'];

/** Every setting of every built-in realm type, written `xpack.security.authc.realms.<type>.<name>.<setting>`. */
export function realmSettings(): SettingDef[] {
  return [...basicRealmSettings(), ...ldapRealmSettings(), ...samlRealmSettings(), ...oidcJwtRealmSettings()];
}
