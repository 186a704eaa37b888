import assert from 'node:assert/strict';
import * as path from 'node:path';
import { SettingIndex } from '../../../server/src/catalog/lookup';
import type { Product, SettingDef, ValueType, FileRole, Lifecycle } from '../../../server/src/catalog/types';
import { parseConfig } from '../../../server/src/config/parse';
import type { Clock, FileStat, FileSystem } from '../../../server/src/core/environment';
import type { Finding } from '../../../server/src/core/finding';
import { applyEdits } from '../helpers/edits';
import { defaultCheckOptions, type CheckOptions, type Rule, type RuleContext } from '../../../server/src/rules/types';

/** An in-memory file system: absolute path -> contents, or `dir` for a directory. */
export function memoryFs(files: Record<string, string | 'dir'>): FileSystem {
  const norm = (p: string) => path.resolve(p);
  const table = new Map(Object.entries(files).map(([p, c]) => [norm(p), c]));
  return {
    stat(p: string): FileStat | undefined {
      const c = table.get(norm(p));
      if (c === undefined) return undefined;
      return { size: c === 'dir' ? 0 : c.length, mtimeMs: 0, isFile: c !== 'dir', isDirectory: c === 'dir' };
    },
    readFile(p: string) {
      const c = table.get(norm(p));
      return c === undefined || c === 'dir' ? undefined : new TextEncoder().encode(c);
    },
  };
}

export const fixedClock: Clock = { now: () => new Date('2026-01-01T00:00:00Z') };

type DefOptions = { values?: string[]; secure?: boolean; fileRole?: FileRole; deprecated?: Lifecycle; removed?: Lifecycle; min?: number; max?: number; sensitive?: boolean; minLength?: number };

function def(product: Product, key: string, type: ValueType, o: DefOptions = {}): SettingDef {
  return { key, product, type, description: key, docs: `https://docs.example/${key}`, ...o };
}

const es = (key: string, type: ValueType, o?: DefOptions) => def('elasticsearch', key, type, o);
const kb = (key: string, type: ValueType, o?: DefOptions) => def('kibana', key, type, o);

function esSslDefs(prefix: string): SettingDef[] {
  return [
    es(`${prefix}.enabled`, 'boolean'),
    es(`${prefix}.verification_mode`, 'enum', { values: ['full', 'certificate', 'none'] }),
    es(`${prefix}.client_authentication`, 'enum', { values: ['required', 'optional', 'none'] }),
    es(`${prefix}.supported_protocols`, 'enumList', { values: ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'] }),
    es(`${prefix}.keystore.path`, 'path', { fileRole: 'keystore' }),
    es(`${prefix}.truststore.path`, 'path', { fileRole: 'truststore' }),
    es(`${prefix}.certificate`, 'path', { fileRole: 'certificate' }),
    es(`${prefix}.key`, 'path', { fileRole: 'key' }),
    es(`${prefix}.certificate_authorities`, 'pathList', { fileRole: 'certificateAuthorities' }),
    es(`${prefix}.keystore.secure_password`, 'string', { secure: true }),
    es(`${prefix}.keystore.password`, 'string', { sensitive: true, deprecated: { since: '7.17.0', replacement: `${prefix}.keystore.secure_password` } }),
    es(`${prefix}.truststore.password`, 'string', { sensitive: true, deprecated: { since: '7.17.0', replacement: `${prefix}.truststore.secure_password` } }),
    es(`${prefix}.truststore.secure_password`, 'string', { secure: true }),
    es(`${prefix}.secure_key_passphrase`, 'string', { secure: true }),
    es(`${prefix}.key_passphrase`, 'string', { sensitive: true, deprecated: { since: '7.17.0', replacement: `${prefix}.secure_key_passphrase` } }),
  ];
}

/** A small Elasticsearch catalog with exactly the entries the rule tests need. */
export const esIndex = new SettingIndex('elasticsearch', [
  es('xpack.security.enabled', 'boolean'),
  ...esSslDefs('xpack.security.transport.ssl'),
  ...esSslDefs('xpack.security.http.ssl'),
  es('xpack.security.authc.token.timeout', 'time'),
  es('xpack.security.authc.anonymous.roles', 'list'),
  es('xpack.security.authc.realms.<type>.<name>.order', 'integer', { min: 0 }),
  es('xpack.security.authc.realms.<type>.<name>.url', 'urlList'),
  es('xpack.security.old_name', 'string', { deprecated: { since: '8.1.0', replacement: 'xpack.security.new_name' } }),
  es('xpack.security.new_name', 'string'),
  es('xpack.security.going_away', 'boolean', { deprecated: { since: '8.2.0', note: 'It has no effect.' } }),
  es('xpack.security.sunset', 'string', { deprecated: { since: '8.3.0' }, removed: { since: '9.0.0' } }),
  es('xpack.ssl.certificate', 'path', { removed: { since: '7.0.0', replacement: 'xpack.security.transport.ssl.certificate' } }),
  es('http.max_content_length', 'size'),
  es('thread_pool.write.queue_size', 'integer', { min: -1, max: 10000 }),
  es('discovery.seed_hosts', 'list'),
  es('cluster.initial_master_nodes', 'list'),
  es('path.role_mapping', 'path', { fileRole: 'other' }),
], ['xpack.security.', 'xpack.ssl.']);

/** A small Kibana catalog. */
export const kibanaIndex = new SettingIndex('kibana', [
  kb('elasticsearch.hosts', 'urlList'),
  kb('elasticsearch.username', 'string'),
  kb('elasticsearch.password', 'string', { sensitive: true }),
  kb('elasticsearch.requestTimeout', 'duration'),
  kb('elasticsearch.ssl.verificationMode', 'enum', { values: ['none', 'certificate', 'full'] }),
  kb('elasticsearch.ssl.certificateAuthorities', 'pathList', { fileRole: 'certificateAuthorities' }),
  kb('elasticsearch.ssl.certificate', 'path', { fileRole: 'certificate' }),
  kb('elasticsearch.ssl.key', 'path', { fileRole: 'key' }),
  kb('elasticsearch.ssl.keyPassphrase', 'string', { sensitive: true }),
  kb('elasticsearch.ssl.keystore.path', 'path', { fileRole: 'keystore' }),
  kb('elasticsearch.ssl.truststore.path', 'path', { fileRole: 'truststore' }),
  kb('server.ssl.enabled', 'boolean'),
  kb('server.ssl.certificate', 'path', { fileRole: 'certificate' }),
  kb('server.ssl.key', 'path', { fileRole: 'key' }),
  kb('server.ssl.keystore.path', 'path', { fileRole: 'keystore' }),
  kb('server.ssl.clientAuthentication', 'enum', { values: ['none', 'optional', 'required'] }),
  kb('server.ssl.supportedProtocols', 'enumList', { values: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] }),
  kb('server.ssl.redirectHttpFromPort', 'integer', { min: 0, max: 65535 }),
  kb('xpack.security.encryptionKey', 'string', { sensitive: true, minLength: 32 }),
], ['elasticsearch.ssl.', 'server.ssl.']);

export interface ContextOptions {
  product?: Product;
  filePath?: string;
  files?: Record<string, string | 'dir'>;
  options?: Partial<CheckOptions>;
  catalog?: SettingIndex;
}

/** A rule context over a text, with the small test catalogs and an in-memory file system. */
export function contextFor(text: string, o: ContextOptions = {}): RuleContext {
  const product = o.product ?? 'elasticsearch';
  return {
    model: parseConfig(text, { product, filePath: o.filePath }),
    catalog: o.catalog ?? (product === 'kibana' ? kibanaIndex : esIndex),
    fs: memoryFs(o.files ?? {}),
    clock: fixedClock,
    options: { ...defaultCheckOptions, ...o.options },
    passwords: { get: () => undefined },
  };
}

/**
 * Rewrites flat `a.b.c: v` lines into fully nested YAML with two-space indentation, keeping values verbatim,
 * so each rule case runs in both forms.
 */
export function nest(flat: string): string {
  type Tree = Map<string, Tree | string>;
  const root: Tree = new Map();
  for (const line of flat.split('\n')) {
    if (line.trim() === '') continue;
    const i = line.indexOf(': ');
    const key = i < 0 ? line.replace(/:$/, '') : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 2);
    const segments = key.split('.');
    let node = root;
    for (const seg of segments.slice(0, -1)) {
      let next = node.get(seg);
      if (typeof next !== 'object') node.set(seg, (next = new Map()));
      node = next;
    }
    node.set(segments[segments.length - 1], value);
  }
  const out: string[] = [];
  const emit = (tree: Tree, indent: string) => {
    for (const [k, v] of tree) {
      if (typeof v === 'string') out.push(`${indent}${k}:${v === '' ? '' : ` ${v}`}`);
      else {
        out.push(`${indent}${k}:`);
        emit(v, `${indent}  `);
      }
    }
  };
  emit(root, '');
  return `${out.join('\n')}\n`;
}

/** What a finding must look like in a table-driven rule test. */
export interface Expected {
  ruleId: string;
  severity: Finding['severity'];
  /** The exact text under the range; for `on: 'key'` give the full key, the nested form expects its last segment. */
  text: string;
  on?: 'key' | 'value';
}

/** One table row: a flat text, the findings it must produce (empty: the rule stays silent). */
export interface RuleCase {
  name: string;
  text: string;
  expect: Expected[];
  product?: Product;
  filePath?: string;
  files?: Record<string, string | 'dir'>;
  options?: Partial<CheckOptions>;
  /** Text after applying the first fix of the first finding, in flat form (and optionally nested form). */
  fixed?: string;
  fixedNested?: string;
  command?: string;
  /** Skip the nested variant (for texts the nester cannot express). */
  flatOnly?: boolean;
}

/** Runs a table of cases against one rule, in flat and nested form. */
export function runCases(t: { test: (name: string, fn: () => void) => void }, rule: Rule, ruleIds: string[], cases: RuleCase[]): void {
  for (const c of cases) {
    const forms: Array<['flat' | 'nested', string]> = [['flat', c.text]];
    if (!c.flatOnly) forms.push(['nested', nest(c.text)]);
    for (const [form, text] of forms) {
      t.test(`${c.name} (${form})`, () => {
        const ctx = contextFor(text, c);
        assert.deepEqual(ctx.model.findings.filter((f) => f.ruleId === 'yaml-syntax'), [], 'test text must parse');
        const found = rule(ctx).filter((f) => ruleIds.includes(f.ruleId));
        const got = found.map((f) => ({ ruleId: f.ruleId, severity: f.severity, text: text.slice(f.range.start, f.range.end) }));
        const want = c.expect.map((e) => ({ ruleId: e.ruleId, severity: e.severity, text: form === 'nested' && e.on === 'key' ? lastSegment(e.text) : e.text }));
        assert.deepEqual(got, want);
        const expectedFix = form === 'flat' ? c.fixed : c.fixedNested;
        if (expectedFix !== undefined) {
          const fix = found[0]?.fixes?.[0];
          assert.ok(fix, 'a fix is offered');
          assert.equal(applyEdits(text, fix.edits), expectedFix);
          if (c.command) assert.equal(fix.command, c.command);
        }
      });
    }
  }
}

function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1);
}
