// One settings document as a stack component: who it is (node, Kibana), the names others reach it by, the
// hosts it dials, and its TLS contexts with the certificates they present and trust, read through the same
// loader the single-file rules use (so a file unreadable there is simply absent here).
import * as path from 'node:path';
import { catalogFor } from '../catalog';
import type { ConfigModel, ScalarValue, Setting } from '../config/types';
import type { OffsetRange } from '../core/finding';
import { LineIndex } from '../core/lineIndex';
import { maskUrlCredentials } from '../core/safeText';
import type { ParsedCertificate } from '../pki/parsed';
import { anchorsOf, presented } from '../rules/certificates/checks';
import type { ContextFiles } from '../rules/certificates/files';
import { loadContextFiles } from '../rules/certificates/load';
import { trackReads, type SettingReads } from '../rules/contextMemo';
import { isFalse, isTrue, plainScalar, sslContexts, valueItems, type SslContext } from '../rules/ssl/contexts';
import type { CheckEnvironment, RuleContext } from '../rules/types';
import { PKI_REALMS, pkiRealmsOfKeys, startsWithKey } from './pkiRealms';
import type { HostTarget, ReachName, SettingsForm, StackComponent, StackContext, StackPlace } from './types';

/** A context with what the cross-file checks need beyond the plain data. */
export interface LoadedContext {
  data: StackContext;
  files: ContextFiles;
  leaf?: ParsedCertificate;
  extra: ParsedCertificate[];
  /** Undefined when the context configures no trust of its own. */
  anchors?: ParsedCertificate[];
  /** The setting value that names the presented certificate (or keystore). */
  presentedAt?: OffsetRange;
  /** The setting value that names the trust (first CA or the truststore). */
  trustAt?: OffsetRange;
  /** Offset of the context's first setting (0 when none is written). */
  start: number;
  /** The file the presented certificate was read from, when no setting of `files` names it (an ECK Secret). */
  presentedFile?: string;
  /** The file the trusted certificates were read from, when no setting of `files` names it (an ECK Secret). */
  trustFile?: string;
  /** What the keystore checks read of an Elasticsearch context's settings (undefined for other products). */
  yml?: ContextYml;
}

/**
 * The plain password settings Elasticsearch refuses beside their secure twin in elasticsearch.keystore, as
 * [secure suffix, plain suffix] (SslConfigurationLoader.resolvePasswordSetting: "cannot specify both").
 */
export const PASSWORD_PAIRS: ReadonlyArray<[string, string]> = [
  ['keystore.secure_password', 'keystore.password'],
  ['keystore.secure_key_password', 'keystore.key_password'],
  ['truststore.secure_password', 'truststore.password'],
  ['secure_key_passphrase', 'key_passphrase'],
];

/**
 * What the keystore checks (keystoreChecks.ts) read of one Elasticsearch context's settings. It is read here,
 * with the rest of the part and through the same recording views, so that it is among the part's inputs; the
 * checks read the context's settings only through it.
 */
export interface ContextYml {
  /** Every key of the context written in the file, in order (full keys). */
  keys: string[];
  /** The first one's key range. */
  firstKey?: OffsetRange;
  /** Each plain password setting of PASSWORD_PAIRS written, in that order, with its key range. */
  plainPasswords: Array<{ secure: string; plain: string; keyRange: OffsetRange }>;
  /** `keystore.path` and `truststore.path` when written as a plain value, and whether `<store>.password` is. */
  stores: Array<{ store: 'keystore' | 'truststore'; path: ScalarValue; password: boolean }>;
}

/** One component read from one settings document of one file. */
export interface ComponentPart {
  data: StackComponent;
  model: ConfigModel;
  file: string;
  lines: LineIndex;
  contexts: LoadedContext[];
  /**
   * What reading the contexts read of the model (rules/contextMemo.ts trackReads): with the fixed inputs it is
   * what `componentInputs` compares. Undefined for a part not read by readComponent (a Beat).
   */
  reads?: SettingReads;
  /** The range of each of `data.hosts`, in the same order. */
  hostRanges: OffsetRange[];
  /**
   * The local file behind a path of the component's own machine (relative to its config folder), when its form
   * maps one (a compose service's mounts); undefined for a plain file, whose config folder is its own folder.
   */
  locate?: (value: string) => string | undefined;
}

/** Where each kind of context lives, per product, and the defaults the product applies. */
const CONTEXTS = {
  elasticsearch: [
    { kind: 'transport', prefix: 'xpack.security.transport.ssl.', mode: 'verification_mode', auth: 'client_authentication', defaultAuth: 'required' },
    { kind: 'http', prefix: 'xpack.security.http.ssl.', mode: 'verification_mode', auth: 'client_authentication', defaultAuth: 'none' },
  ],
  kibana: [
    { kind: 'client', prefix: 'elasticsearch.ssl.', mode: 'verificationMode' },
    { kind: 'server', prefix: 'server.ssl.', mode: 'verificationMode', auth: 'clientAuthentication', defaultAuth: 'none' },
  ],
} as const;

const NAME_SETTINGS = ['node.name', 'network.host', 'network.publish_host', 'transport.publish_host', 'transport.host', 'http.publish_host', 'http.host'];

/** A value others could dial: not a special `_site_` name, a wildcard bind address or a template. */
export function dialableHost(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.startsWith('_') || v.includes('*') || v.includes('${')) return false;
  return !['0.0.0.0', '::', '[::]', '0'].includes(v);
}

/** The host of `https://h:9200`, `h:9300`, `[v6]:9300` or a bare host. */
export function hostOf(value: string): string {
  const v = value.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').replace(/^[^@]*@/, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) return bracketed[1];
  return (v.match(/:/g) ?? []).length === 1 ? v.replace(/:\d*$/, '') : v;
}

const INPUT_KEYS = {
  elasticsearch: new Set([...NAME_SETTINGS, 'cluster.name', 'discovery.seed_hosts']),
  // httpTrust: the credentials beside a client certificate.
  kibana: new Set(['server.name', 'elasticsearch.hosts', 'elasticsearch.username', 'elasticsearch.password', 'elasticsearch.serviceAccountToken']),
};

/** Whether `componentInputs` compares `key` whatever was read: a name, host or credential setting of `product`. */
export function namedInput(product: ConfigModel['product'], key: string): boolean {
  return INPUT_KEYS[product].has(key);
}

/**
 * Everything `readComponent` and the cross-file checks read from a settings model, with where it stands (line
 * and column): the product, the first setting's place, each name and host setting's (and Kibana's credentials')
 * key, text and place; of the two TLS contexts what reading them read (`reads`, recorded by readComponent: each
 * setting looked up, or that it is absent, and the list of keys of a context walked; without `reads`, or when
 * they are opaque, every setting of the contexts); and of the PKI realms (pkiRealms.ts) whether any is written
 * and the role mapping file each names, which no finding points at. Two models with the same inputs give the
 * same component, and each offset in it stands at the same line and column in both (every offset of a part lies
 * in a setting read, or is 0). One pass over the keys; other realms and settings are not inputs.
 */
export function componentInputs(model: ConfigModel, lines: LineIndex, reads?: SettingReads): string {
  const product = model.product;
  const keys = INPUT_KEYS[product];
  const [{ prefix: first }, { prefix: second }] = CONTEXTS[product];
  // A read of the contexts after the part was read (`late`: a check reading through a setting it kept) is in no
  // record: every setting is then an input, which differs from the inputs kept, so the part is read again.
  const whole = !reads || reads.opaque || reads.late.size > 0;
  const walkFirst = whole || reads.walked.includes(first);
  const walkSecond = whole || reads.walked.includes(second);
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
    return `${p.line}:${p.character}`;
  };
  const out = [product, model.settings[0] ? at(model.settings[0].keyRange.start) : '-'];
  const setting = (key: string, s: Setting | undefined) => {
    if (!s) return out.push(key, '-');
    const { start, end } = s.pairRange;
    // The text's length first, so that no text can pass for the fields after it.
    return out.push(key, at(start), at(end), `${end - start}:${model.text.slice(start, end)}`);
  };
  const pki: string[] = [];
  for (const key of model.byKey.keys()) {
    if (startsWithKey(key, PKI_REALMS)) {
      pki.push(key);
      continue;
    }
    if (keys.has(key)) setting(key, model.byKey.get(key));
    else if (startsWithKey(key, first) ? walkFirst : startsWithKey(key, second) && walkSecond) {
      // A walked context's list of keys; the settings themselves when every one is an input.
      if (whole) setting(key, model.byKey.get(key));
      else out.push(`\u0001${key}`);
    }
  }
  if (!whole) for (const key of reads.keys) setting(key, model.byKey.get(key));
  const realms = pkiRealmsOfKeys(model, pki);
  out.push(`pki ${realms.defined}`, JSON.stringify(realms.roleMappings));
  return out.join('\n');
}

/** Whether two parts' reads are the same lookups (their inputs are then computed alike). */
export function sameReads(a: SettingReads | undefined, b: SettingReads | undefined): boolean {
  if (!a || !b) return a === b;
  return a.opaque === b.opaque && a.late.size === 0 && b.late.size === 0 && a.keys.length === b.keys.length && a.keys.every((k, i) => k === b.keys[i]) && a.walked.join('\n') === b.walked.join('\n');
}

/**
 * Reads one settings model into a component; `extraNames` are names the host form gives it (compose, ECK);
 * `known` is the line index of the model's text when the caller has one (else it is built).
 */
export function readComponent(model: ConfigModel, file: string, form: SettingsForm, env: CheckEnvironment, extraNames: ReachName[] = [], known?: LineIndex): ComponentPart {
  const lines = known?.text === model.text ? known : new LineIndex(model.text);
  const place = (at: number): StackPlace => {
    const p = lines.positionAt(at);
    return { file, line: p.line, column: p.character };
  };
  const product = model.product;
  const kind = product === 'elasticsearch' ? 'elasticsearch' : 'kibana';
  const nameSetting = plainScalar(model.byKey.get(product === 'elasticsearch' ? 'node.name' : 'server.name'));
  const name = nameSetting?.text ?? extraNames[0]?.name ?? path.basename(path.dirname(file));
  const cluster = product === 'elasticsearch' ? (plainScalar(model.byKey.get('cluster.name'))?.text ?? 'elasticsearch') : undefined;
  const names: ReachName[] = [...extraNames];
  if (product === 'elasticsearch') for (const key of NAME_SETTINGS) for (const item of valueItems(model.byKey.get(key), true)) addName(names, hostOf(item.text), key, place(item.range.start));
  const hostKey = product === 'elasticsearch' ? 'discovery.seed_hosts' : 'elasticsearch.hosts';
  const hostItems = valueItems(model.byKey.get(hostKey), true);
  // A URL's user and password never enter the model (it is shown in views, maps and messages).
  const hosts: HostTarget[] = hostItems.map((item) => ({ value: maskUrlCredentials(item.text), host: hostOf(item.text), setting: hostKey, place: place(item.range.start) }));
  const id = `${kind}:${name}`;
  const ctx: RuleContext = { ...env, model, catalog: catalogFor(product) };
  const specs = CONTEXTS[product];
  const grouped = sslContexts(model);
  const settings = specs.map((spec) => grouped.find((c) => c.prefix === spec.prefix) ?? { prefix: spec.prefix, settings: new Map<string, Setting>() });
  // The contexts are read through views that record what is read of them (componentInputs).
  const { result: contexts, reads } = trackReads(model, settings, (tracked, views) => specs.map((spec, i) => loadContext({ ...ctx, model: tracked }, id, spec, views[i], place)));
  const first = model.settings[0]?.keyRange?.start ?? 0;
  return { data: { id, kind, name, cluster, form, place: place(first), names, hosts, contexts: contexts.map((c) => c.data) }, model, file, lines, contexts, reads, hostRanges: hostItems.map((i) => i.range) };
}

function addName(names: ReachName[], name: string, source: string, place: StackPlace): void {
  if (dialableHost(name) && !names.some((n) => n.name.toLowerCase() === name.toLowerCase())) names.push({ name, source, place });
}

type ContextSpec = (typeof CONTEXTS)[keyof typeof CONTEXTS][number];

function loadContext(ctx: RuleContext, componentId: string, spec: ContextSpec, context: SslContext, place: (at: number) => StackPlace): LoadedContext {
  const files = loadContextFiles(ctx, context);
  const p = presented(files);
  const anchors = anchorsOf(ctx, files);
  const enabledSetting = context.settings.get('enabled');
  const enabled = isTrue(enabledSetting) ? true : isFalse(enabledSetting) ? false : undefined;
  const modeText = plainScalar(context.settings.get(spec.mode))?.text.toLowerCase() ?? 'full';
  const auth = 'auth' in spec ? (plainScalar(context.settings.get(spec.auth))?.text.toLowerCase() ?? spec.defaultAuth) : undefined;
  const firstSetting = [...context.settings.values()][0];
  const trustFile = files.authorities[0] ?? files.truststore;
  const data: StackContext = {
    id: `${componentId}#${spec.kind}`,
    kind: spec.kind,
    prefix: spec.prefix,
    enabled,
    verificationMode: modeText,
    clientAuthentication: auth,
    presents: p?.leaf.summary.fingerprints.sha256,
    chain: p ? p.extra.map((c) => c.summary.fingerprints.sha256) : [],
    trusts: (anchors ?? []).map((c) => c.summary.fingerprints.sha256),
    place: place(firstSetting?.keyRange?.start ?? 0),
  };
  const yml = ctx.model.product === 'elasticsearch' ? contextYml(context, firstSetting) : undefined;
  return { start: firstSetting?.keyRange?.start ?? 0, data, files, leaf: p?.leaf, extra: p?.extra ?? [], anchors, presentedAt: p?.source.item.range, trustAt: trustFile?.item.range, yml };
}

/** What the keystore checks read of an Elasticsearch context (see ContextYml); `first` is its first setting. */
function contextYml(context: SslContext, first: Setting | undefined): ContextYml {
  const plainPasswords: ContextYml['plainPasswords'] = [];
  for (const [secure, plain] of PASSWORD_PAIRS) {
    const s = context.settings.get(plain);
    if (s) plainPasswords.push({ secure, plain, keyRange: s.keyRange });
  }
  const stores: ContextYml['stores'] = [];
  for (const store of ['keystore', 'truststore'] as const) {
    const value = plainScalar(context.settings.get(`${store}.path`));
    if (value) stores.push({ store, path: value, password: context.settings.has(`${store}.password`) });
  }
  return { keys: [...context.settings.keys()].map((k) => context.prefix + k), firstKey: first?.keyRange, plainPasswords, stores };
}

/** The scalar items of a setting (exported for the checks that point at one list entry). */
export function itemsOf(model: ConfigModel, key: string): ScalarValue[] {
  return valueItems(model.byKey.get(key), true);
}
