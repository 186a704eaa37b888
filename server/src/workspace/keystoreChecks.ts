// elasticsearch.keystore beside a node's elasticsearch.yml, against that yml. What Elasticsearch refuses at
// start: a password-protected PKCS#12 store with no password anywhere, a secure_password that does not open
// its store, a secure setting given twice (SslConfigurationLoader.resolvePasswordSetting: "cannot specify
// both"), and SSL settings of a context whose `enabled` is unset (SSLService.validateServerConfiguration).
// Names only: the one place a value is used is the attempt to open a store, inside attemptWithSetting. What they
// read of a context's settings comes from the part (component.ts ContextYml), read with it, so it is among the
// part's inputs.
import * as path from 'node:path';
import { readBounded } from '../core/fileGate';
import type { Finding, OffsetRange } from '../core/finding';
import { attemptWithSetting, readElasticsearchKeystore } from '../pki/esKeystore/read';
import { PkiError } from '../pki/errors';
import { WorkBudget } from '../pki/pkcs12/crypto';
import { readPkcs12 } from '../pki/pkcs12/read';
import type { CheckEnvironment } from '../rules/types';
import type { ComponentPart } from './component';
import type { CrossResult } from './trust';
import type { StackKeystore } from './types';

/** The two server contexts SSLService validates. */
const SERVER_PREFIXES = ['xpack.security.transport.ssl.', 'xpack.security.http.ssl.'];

/** Where Elasticsearch reads its keystore: the config folder, which holds elasticsearch.yml. */
export function keystorePathOf(part: ComponentPart): string | undefined {
  return part.locate ? part.locate('elasticsearch.keystore') : path.join(path.dirname(part.file), 'elasticsearch.keystore');
}

/** The keystore of a node, read for its names; undefined when there is none. */
export function keystoreOf(part: ComponentPart, env: CheckEnvironment): StackKeystore | undefined {
  // A settings file of its own sits in its config folder; a compose service's keystore is found through its
  // mounts (it is not beside the compose file); other forms keep it in the cluster.
  if (part.data.kind !== 'elasticsearch' || (part.data.form !== 'plain' && !part.locate)) return undefined;
  const file = keystorePathOf(part);
  if (!file) return undefined;
  let bytes: Uint8Array | undefined;
  try {
    bytes = readBounded(env.fs, file, 'pki');
  } catch (e) {
    return { file, component: part.data.id, settingNames: [], problem: e instanceof Error ? e.message : 'unreadable' };
  }
  if (!bytes) return undefined;
  try {
    const s = readElasticsearchKeystore(bytes, env.passwords.get(file), new WorkBudget());
    return { file, component: part.data.id, formatVersion: s.formatVersion, hasPassword: s.hasPassword, settingNames: s.settingNames };
  } catch (e) {
    return { file, component: part.data.id, settingNames: [], problem: e instanceof PkiError ? e.message : 'unreadable' };
  }
}

/** Every node's keystore against its yml. */
export function keystoreChecks(nodes: ComponentPart[], env: CheckEnvironment, out: CrossResult): void {
  for (const part of nodes) {
    const ks = keystoreOf(part, env);
    if (!ks || ks.problem) continue;
    const names = new Set(ks.settingNames);
    const push = (finding: Finding) => out.findings.push({ file: part.file, finding });
    const keystoreRelated = [{ file: ks.file, range: { start: 0, end: 0 }, message: 'elasticsearch.keystore' }];
    duplicates(part, names, keystoreRelated).forEach(push);
    notEnabled(part, ks.settingNames, keystoreRelated).forEach(push);
    storePasswords(part, names, ks, env, keystoreRelated).forEach(push);
  }
}

function duplicates(part: ComponentPart, names: Set<string>, related: Finding['related']): Finding[] {
  const out: Finding[] = [];
  for (const context of part.contexts) {
    for (const { secure, plain: legacy, keyRange } of context.yml?.plainPasswords ?? []) {
      if (!names.has(context.data.prefix + secure)) continue;
      const message = `cannot specify both [${context.data.prefix}${secure}] and [${context.data.prefix}${legacy}]: the first is in elasticsearch.keystore, the second here; Elasticsearch refuses to start. Remove this line.`;
      out.push({ ruleId: 'secure-setting-duplicate', severity: 'error', message, range: keyRange, related });
    }
  }
  return out;
}

function notEnabled(part: ComponentPart, names: string[], related: Finding['related']): Finding[] {
  const out: Finding[] = [];
  for (const prefix of SERVER_PREFIXES) {
    const context = part.contexts.find((c) => c.data.prefix === prefix);
    const inKeystore = names.filter((n) => n.startsWith(prefix));
    if (!context || context.data.enabled !== undefined || inKeystore.length === 0) continue;
    const inYml = context.yml?.keys ?? [];
    const all = [...new Set([...inYml, ...inKeystore])].sort();
    const enabled = `${prefix}enabled`;
    const message = `invalid configuration for ${prefix.slice(0, -1)} - [${enabled}] is not set, but the following settings have been configured: [${all.join(',')}] (${inKeystore.join(', ')} from elasticsearch.keystore). Set ${enabled} explicitly, or remove those keystore entries.`;
    out.push({ ruleId: 'ssl-secure-without-enabled', severity: 'error', message, range: context.yml?.firstKey ?? { start: 0, end: 0 }, related });
  }
  return out;
}

/** PKCS#12 stores: a password is needed (none given), or the keystore's password does not open the store. */
function storePasswords(part: ComponentPart, names: Set<string>, ks: StackKeystore, env: CheckEnvironment, related: Finding['related']): Finding[] {
  const out: Finding[] = [];
  for (const context of part.contexts) {
    for (const { store, path: value, password } of context.yml?.stores ?? []) {
      if (/\.jks$/i.test(value.text)) continue;
      const file = part.locate ? part.locate(value.text.trim()) : path.resolve(path.dirname(part.file), value.text.trim());
      if (!file) continue;
      const problem = storeProblem(file, `${context.data.prefix}${store}`, names, ks, password, env);
      if (problem) out.push({ ruleId: problem.ruleId, severity: 'error', message: problem.message, range: value.range as OffsetRange, related });
    }
  }
  return out;
}

function storeProblem(file: string, prefix: string, names: Set<string>, ks: StackKeystore, plainPassword: boolean, env: CheckEnvironment): { ruleId: 'keystore-password-missing' | 'keystore-password-wrong'; message: string } | undefined {
  let bytes: Uint8Array | undefined;
  try {
    bytes = readBounded(env.fs, file, 'pki');
  } catch {
    return undefined;
  }
  if (!bytes || opens(bytes, '') !== false) return undefined;
  const secure = `${prefix}.secure_password`;
  if (!names.has(secure)) {
    if (plainPassword) return undefined;
    return { ruleId: 'keystore-password-missing', message: `${path.basename(file)} is password-protected, but elasticsearch.keystore holds no ${secure}, so Elasticsearch opens it with the empty password and fails ("keystore password was incorrect"). Add it with: bin/elasticsearch-keystore add ${secure}` };
  }
  const ksBytes = readBounded(env.fs, ks.file, 'pki');
  if (!ksBytes) return undefined;
  const works = attemptWithSetting(ksBytes, env.passwords.get(ks.file), new WorkBudget(), secure, (pw) => opens(bytes, pw) === true);
  if (works !== false) return undefined;
  return { ruleId: 'keystore-password-wrong', message: `${secure} in elasticsearch.keystore does not open ${path.basename(file)} ("keystore password was incorrect"). Set the right one with: bin/elasticsearch-keystore add -f ${secure}` };
}

/** True when the PKCS#12 bytes open with the password, false when the password is wrong, undefined when unreadable. */
function opens(bytes: Uint8Array, password: string): boolean | undefined {
  try {
    readPkcs12(bytes, password, new WorkBudget());
    return true;
  } catch (e) {
    if (e instanceof PkiError && (e.code === 'BAD_PASSWORD' || e.code === 'PASSWORD_REQUIRED')) return false;
    return undefined;
  }
}
