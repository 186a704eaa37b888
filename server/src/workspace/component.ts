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
import { isFalse, isTrue, plainScalar, valueItems, type SslContext } from '../rules/ssl/contexts';
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
}

/** One component read from one settings document of one file. */
export interface ComponentPart {
  data: StackComponent;
  model: ConfigModel;
  file: string;
  lines: LineIndex;
  contexts: LoadedContext[];
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

/**
 * Everything `readComponent` and the cross-file checks read from a settings model, with where it stands (line
 * and column): the product, the first setting's place, and each name, host and TLS-context setting's key, text
 * and place; and of the PKI realms (pkiRealms.ts) whether any is written and the role mapping file each names,
 * which no finding points at. Two models with the same inputs give the same component, and each offset in it
 * stands at the same line and column in both. One pass over the keys; other realms and settings are not inputs.
 */
export function componentInputs(model: ConfigModel, lines: LineIndex): string {
  const product = model.product;
  const keys = INPUT_KEYS[product];
  const [{ prefix: first }, { prefix: second }] = CONTEXTS[product];
  const at = (offset: number) => {
    const p = lines.positionAt(offset);
    return `${p.line}:${p.character}`;
  };
  const out = [product, model.settings[0] ? at(model.settings[0].keyRange.start) : '-'];
  const pki: string[] = [];
  for (const key of model.byKey.keys()) {
    if (startsWithKey(key, PKI_REALMS)) {
      pki.push(key);
      continue;
    }
    if (!keys.has(key) && !startsWithKey(key, first) && !startsWithKey(key, second)) continue;
    const { start, end } = model.byKey.get(key)!.pairRange;
    out.push(key, at(start), at(end), model.text.slice(start, end));
  }
  const realms = pkiRealmsOfKeys(model, pki);
  out.push(`pki ${realms.defined}`, JSON.stringify(realms.roleMappings));
  return out.join('\n');
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
  const settings = contextSettings(model, specs.map((s) => s.prefix));
  const contexts = specs.map((spec, i) => loadContext(ctx, id, spec, settings[i], place));
  const first = model.settings[0]?.keyRange?.start ?? 0;
  return { data: { id, kind, name, cluster, form, place: place(first), names, hosts, contexts: contexts.map((c) => c.data) }, model, file, lines, contexts, hostRanges: hostItems.map((i) => i.range) };
}

/**
 * The SSL contexts of `prefixes` in one pass over the keys, as `sslContexts` groups them: each prefix ends in
 * `.ssl.` and holds no other `.ssl.`, so a key's first `.ssl.` segment is the prefix's exactly when it starts with it.
 */
function contextSettings(model: ConfigModel, prefixes: readonly string[]): SslContext[] {
  const out: SslContext[] = prefixes.map((prefix) => ({ prefix, settings: new Map<string, Setting>() }));
  for (const [key, setting] of model.byKey) {
    const c = out.find((x) => key.startsWith(x.prefix));
    if (c) c.settings.set(key.slice(c.prefix.length), setting);
  }
  return out;
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
  return { start: firstSetting?.keyRange?.start ?? 0, data, files, leaf: p?.leaf, extra: p?.extra ?? [], anchors, presentedAt: p?.source.item.range, trustAt: trustFile?.item.range };
}

/** The scalar items of a setting (exported for the checks that point at one list entry). */
export function itemsOf(model: ConfigModel, key: string): ScalarValue[] {
  return valueItems(model.byKey.get(key), true);
}
