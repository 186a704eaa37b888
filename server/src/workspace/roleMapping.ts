// The role mapping file of a node's PKI realm against Kibana's client certificate. With the guide's mutual TLS
// Kibana authenticates by its certificate alone, so its subject DN must be mapped to `kibana_system`.
//
// Facts from Elastic's docs ("PKI user authentication", "Mapping users and groups to roles"): a PKI realm maps
// the certificate's subject DN to roles through a role mapping file (`files.role_mapping` of the realm, by
// default `role_mapping.yml` in the config directory) or the role mapping API; the file maps each role to a
// list of DNs (`kibana_system: [ "CN=kibana,OU=example,O=com" ]`). DNs compare as LDAP names: attribute types
// and values without regard to case or the spaces around separators.
import * as path from 'node:path';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parseDocumentQuietly } from '../config/quietYaml';
import { readBounded } from '../core/fileGate';
import type { OffsetRange, RelatedInfo } from '../core/finding';
import type { CheckEnvironment } from '../rules/types';
import type { ComponentPart, LoadedContext } from './component';
import { pkiRealms } from './pkiRealms';
import type { CrossResult } from './trust';

/** The role mapping files a node's PKI realms read, absolute (the default one when no realm names another). */
export function roleMappingFiles(n: ComponentPart): string[] {
  // A settings file of its own sits in its config directory; a compose service's is found through its mounts.
  if (n.data.form !== 'plain' && !n.locate) return [];
  const dir = path.dirname(n.file);
  const files = pkiRealms(n.model).roleMappings.map((f) => f ?? 'role_mapping.yml');
  const local = files.map((f) => (n.locate ? n.locate(f) : path.resolve(dir, f))).filter((f): f is string => f !== undefined);
  return [...new Set(local)];
}

/** One role and the DNs the file maps to it, with where each is written. */
interface Mapping {
  role: string;
  roleRange: OffsetRange;
  dns: string[];
}

/** A DN in a comparable form: RDNs split on unescaped commas, each `type=value` trimmed and lower-cased. */
export function normalizeDn(dn: string): string {
  const rdns: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i];
    if (ch === '\\' && i + 1 < dn.length) {
      current += ch + dn[++i];
      continue;
    }
    if (ch === ',' || ch === ';') {
      rdns.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  rdns.push(current);
  return rdns
    .map((rdn) => rdn.split('+').map((ava) => ava.split('=').map((s) => s.trim()).join('=')).sort().join('+'))
    .join(',')
    .toLowerCase();
}

function readMappings(env: CheckEnvironment, file: string): { text: string; mappings: Mapping[] } | undefined {
  let text: string;
  try {
    const stat = env.fs.stat(file);
    if (!stat?.isFile) return undefined;
    const bytes = readBounded(env.fs, file, 'settings');
    if (!bytes) return undefined;
    text = new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
  let root: unknown;
  try {
    root = parseDocumentQuietly(text, { uniqueKeys: false }).contents;
  } catch {
    return undefined;
  }
  const mappings: Mapping[] = [];
  if (!isMap(root)) return { text, mappings };
  for (const item of root.items) {
    const key = item.key as YamlNode;
    if (!isScalar(key) || typeof key.value !== 'string' || !key.range) continue;
    const value = item.value as YamlNode | null;
    const dns = isSeq(value) ? (value.items as YamlNode[]).flatMap((n) => (isScalar(n) && typeof n.value === 'string' ? [n.value] : [])) : isScalar(value) && typeof value.value === 'string' ? [value.value] : [];
    mappings.push({ role: key.value, roleRange: { start: key.range[0], end: key.range[1] }, dns });
  }
  return { text, mappings };
}

/**
 * Kibana's client certificate DN against the role mapping files beside node `n`: a warning on Kibana's
 * certificate line when a file exists and does not map the DN to `kibana_system` (the role mapping API may
 * still map it, which no file shows, hence not an error).
 */
export function roleMappingCheck(k: ComponentPart, kc: LoadedContext, n: ComponentPart, env: CheckEnvironment, out: CrossResult): void {
  if (!kc.leaf || !kc.presentedAt) return;
  const dn = kc.leaf.summary.subject;
  const wanted = normalizeDn(dn);
  for (const file of roleMappingFiles(n)) {
    const read = readMappings(env, file);
    if (!read) continue;
    const roles = read.mappings.filter((m) => m.dns.some((d) => normalizeDn(d) === wanted));
    if (roles.some((m) => m.role === 'kibana_system')) continue;
    const shown = (n.locate ? path.basename(file) : path.relative(path.dirname(n.file), file)).split(path.sep).join('/');
    const kibanaRole = read.mappings.find((m) => m.role === 'kibana_system');
    const at = roles[0]?.roleRange ?? kibanaRole?.roleRange ?? { start: 0, end: 0 };
    const lines = read.text.slice(0, at.start).split('\n').length;
    const mapped = roles.length > 0 ? `maps it to ${roles.map((m) => m.role).join(', ')} only` : 'does not map it to any role';
    const message = `Kibana authenticates to ${n.data.name} with its client certificate ${dn}, but ${n.data.name}'s role mapping file ${shown} (line ${lines}) ${mapped}; map it to kibana_system there (or with the role mapping API), or Kibana's requests are refused as unauthorized.`;
    const related: RelatedInfo[] = [{ file, range: at, message: `${n.data.name}'s role mapping file` }];
    out.findings.push({ file: k.file, finding: { ruleId: 'client-certificate-unmapped', severity: 'warning', message, range: kc.presentedAt, related } });
  }
}
