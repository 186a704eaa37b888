// What the cross-file checks read of a node's PKI realms (`xpack.security.authc.realms.pki.<name>.*`, Elastic's
// "PKI user authentication"): whether any is written (httpTrust: Kibana's certificate alone needs one) and the
// role mapping file each realm names (`files.role_mapping`, roleMapping.ts). Nothing else of a realm, nor any
// other realm type, is read, so only these are inputs of a part (component.ts componentInputs).
import type { ConfigModel } from '../config/types';
import { plainScalar } from '../rules/ssl/contexts';

export const PKI_REALMS = 'xpack.security.authc.realms.pki.';

/**
 * `key.startsWith(prefix)` with a one-character test first: on Node 20 startsWith costs over 100 ns a call, and
 * this runs for every key of a file on every edit; most keys differ from the prefix at its last-but-one character.
 */
export function startsWithKey(key: string, prefix: string): boolean {
  const at = prefix.length - 2;
  return key.charCodeAt(at) === prefix.charCodeAt(at) && key.startsWith(prefix);
}

const REALM = /^xpack\.security\.authc\.realms\.pki\.([^.]+)\./;

/** A node's PKI realms as the cross-file checks read them. */
export interface PkiRealms {
  /** True when any setting under `xpack.security.authc.realms.pki.` is written. */
  defined: boolean;
  /** The `files.role_mapping` value of each realm as written (undefined: the default), in the order realms first appear. */
  roleMappings: Array<string | undefined>;
}

/** Models are never changed once parsed, so what was read of one holds while it lives. */
const memo = new WeakMap<ConfigModel, PkiRealms>();

/** The PKI realms of `keys` (the model's keys under `PKI_REALMS`, in model order), remembered for `model`. */
export function pkiRealmsOfKeys(model: ConfigModel, keys: readonly string[]): PkiRealms {
  const names = new Set<string>();
  for (const key of keys) {
    const m = REALM.exec(key);
    if (m) names.add(m[1]);
  }
  const roleMappings = [...names].map((realm) => plainScalar(model.byKey.get(`${PKI_REALMS}${realm}.files.role_mapping`))?.text);
  const realms = { defined: keys.length > 0, roleMappings };
  memo.set(model, realms);
  return realms;
}

/** The PKI realms a settings model writes (one pass over its keys, once per model). */
export function pkiRealms(model: ConfigModel): PkiRealms {
  const known = memo.get(model);
  if (known) return known;
  const keys: string[] = [];
  for (const key of model.byKey.keys()) if (startsWithKey(key, PKI_REALMS)) keys.push(key);
  return pkiRealmsOfKeys(model, keys);
}
