import 'reflect-metadata';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { catalogFor } from '../../../server/src/catalog';
import { parseConfig } from '../../../server/src/config/parse';
import { CertificateFileCache, type CertificateFiles } from '../../../server/src/pki/fileCache';
import { allRules, runRules } from '../../../server/src/rules';
import { CheckScope, readOncePerCheck, sslContextsOf, statOncePerCheck } from '../../../server/src/rules/checkScope';
import { CountingAnswerMemo as RuleMemo } from '../helpers/counting';
import type { FileSystem } from '../../../server/src/core/environment';
import { nodeFileSystem } from '../../../server/src/core/nodeFileSystem';
import { sslContexts } from '../../../server/src/rules/ssl/contexts';
import type { RuleContext } from '../../../server/src/rules/types';

const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
const yml = ['xpack.security.http.ssl.enabled: true', 'xpack.security.http.ssl.keystore.path: http.p12', 'xpack.security.transport.ssl.certificate: node.crt', ''].join('\n');
const model = parseConfig(yml, { product: 'elasticsearch', filePath: '/etc/es/elasticsearch.yml' });

function countingFs(): FileSystem & { stats: number } {
  const fs = { stats: 0, stat: (p: string) => (fs.stats++, p.endsWith('.crt') ? { size: 1, mtimeMs: 1, isFile: true, isDirectory: false } : undefined), readFile: () => undefined };
  return fs;
}

describe('answers shared within one check', () => {
  test('the SSL contexts are grouped once and equal an ungrouped call', () => {
    const scope = new CheckScope();
    const ctx = { model, scope } as unknown as RuleContext;
    assert.equal(sslContextsOf(ctx), sslContextsOf(ctx));
    assert.deepEqual(sslContextsOf(ctx), sslContexts(model));
    assert.deepEqual(sslContextsOf({ model } as RuleContext), sslContexts(model));
  });

  test('a path is stat-ed once, present or missing', () => {
    const inner = countingFs();
    const fs = statOncePerCheck(inner);
    for (const p of ['/a/node.crt', '/a/node.crt', '/a/missing.key', '/a/missing.key']) fs.stat(p);
    assert.equal(inner.stats, 2);
    assert.equal(fs.stat('/a/missing.key'), undefined);
    assert.equal(fs.stat('/a/node.crt')?.isFile, true);
  });

  test('a certificate file is read once per path and password', () => {
    let reads = 0;
    const inner: CertificateFiles = { read: (p) => (reads++, { kind: 'missing', path: p }) };
    const files = readOncePerCheck(inner);
    const calls: Array<[string, string | undefined]> = [['/c/a.p12', undefined], ['/c/a.p12', undefined], ['/c/a.p12', 'pw'], ['/c/a.p12', 'pw'], ['/c/b.p12', 'pw']];
    for (const [p, pw] of calls) assert.equal(files.read(p, pw).path, p);
    assert.equal(reads, 3);
  });

  test('a memo keeps the answers the previous check asked for, and only those', () => {
    const memo = new RuleMemo();
    const ask = (keys: string[]) => {
      const scope = new CheckScope(memo);
      return keys.map((k) => scope.remember(k, () => `${k}!`));
    };
    assert.deepEqual(ask(['a', 'b', 'a']), ['a!', 'b!', 'a!']);
    assert.equal(memo.computedCount, 2);
    ask(['a']);
    assert.equal(memo.computedCount, 2);
    ask(['b']);
    assert.equal(memo.computedCount, 3);
    assert.equal(new CheckScope().remember('x', () => 1), 1);
  });

  test('answers about two objects are kept per pair and kind, across checks', () => {
    const memo = new RuleMemo();
    const [a, b, c] = [{}, {}, {}];
    const ask = (kind: string, x: object, y: object) => new CheckScope(memo).rememberPair(kind, x, y, () => `${kind}:${x === a}:${y === b}`);
    assert.equal(ask('k', a, b), 'k:true:true');
    assert.equal(ask('k', a, b), 'k:true:true');
    assert.equal(ask('k', a, c), 'k:true:false');
    assert.equal(ask('other', a, b), 'other:true:true');
    assert.equal(memo.computedCount, 3);
    assert.equal(new CheckScope().rememberPair('k', a, b, () => 7), 7);
  });

  test('invalid values get the same findings and fixes with a memo, on the first check and the next', () => {
    const text = ['xpack.security.http.ssl.verification_mode: ful', 'xpack.security.transport.ssl.client_authentication: requird', 'xpack.security.authc.realms.ldap.ldap1.url: not a url', ''].join('\n');
    const m = parseConfig(text, { product: 'elasticsearch', filePath: '/etc/es/elasticsearch.yml' });
    const base = { model: m, catalog: catalogFor('elasticsearch'), fs: countingFs(), clock, passwords: { get: () => undefined }, options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [] } };
    const plain = runRules(base).filter((f) => f.ruleId === 'invalid-value');
    assert.equal(plain.length, 3);
    assert.equal(plain.filter((f) => f.fixes?.length === 1).length, 2);
    const memo = new RuleMemo();
    for (let round = 0; round < 2; round++) {
      const memoized = runRules({ ...base, scope: new CheckScope(memo) }).filter((f) => f.ruleId === 'invalid-value');
      assert.deepEqual(memoized, plain);
    }
    assert.equal(memo.computedCount, 3);
  });

  test('a whole check reports what each rule reports run alone (example workspace)', () => {
    const dir = path.resolve('examples');
    for (const [file, product] of [['elasticsearch.yml', 'elasticsearch'], ['kibana.yml', 'kibana']] as const) {
      const filePath = path.join(dir, file);
      const text = nodeFileSystem.readFile(filePath, 'settings');
      assert.ok(text);
      const m = parseConfig(Buffer.from(text).toString('utf8'), { product, filePath });
      const base = { model: m, catalog: catalogFor(product), fs: nodeFileSystem, clock, passwords: { get: () => undefined }, options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [] } };
      const together = runRules({ ...base, certificates: new CertificateFileCache(nodeFileSystem, clock) });
      // Each rule called directly: no shared scope, no per-check caches.
      const alone = allRules.flatMap((rule) => rule({ ...base, certificates: new CertificateFileCache(nodeFileSystem, clock) }));
      const key = (f: { ruleId: string; range: { start: number; end: number }; message: string }) => `${f.range.start}:${f.range.end}:${f.ruleId}:${f.message}`;
      assert.ok(together.length > m.findings.length, `${file} has findings`);
      assert.deepEqual(together.filter((f) => !m.findings.includes(f)).map(key).sort(), alone.map(key).sort());
    }
  });
});
