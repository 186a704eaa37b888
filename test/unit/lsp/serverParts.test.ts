import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CountingDocumentCache as DocumentCache } from '../helpers/counting';
import { PasswordStore } from '../../../server/src/lsp/passwords';
import { formatError, runSafe, runSafeVoid } from '../../../server/src/lsp/runSafe';
import { defaultSettings, initialSettings, mergeSettings } from '../../../server/src/lsp/settings';

describe('DocumentCache', () => {
  test('computes once per uri and version, again after a change or an invalidation', () => {
    const cache = new DocumentCache<string>();
    const get = (v: number) => cache.get('file:///a', v, () => `v${v}`);
    assert.equal(get(1), 'v1');
    assert.equal(get(1), 'v1');
    assert.equal(cache.computeCount, 1);
    assert.equal(get(2), 'v2');
    cache.invalidateAll();
    get(2);
    assert.equal(cache.computeCount, 3);
  });

  test('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new DocumentCache<number>(2);
    cache.get('a', 1, () => 1);
    cache.get('b', 1, () => 2);
    cache.get('a', 1, () => 1);
    cache.get('c', 1, () => 3);
    const before = cache.computeCount;
    cache.get('a', 1, () => 1);
    assert.equal(cache.computeCount, before);
    cache.get('b', 1, () => 2);
    assert.equal(cache.computeCount, before + 1);
  });
});

describe('settings', () => {
  test('initializationOptions as the client sends them', () => {
    const s = initialSettings({ expiryWarningDays: 10, files: { '**/x.yaml': 'kibana', bad: 'logstash' }, validationDelay: 0, trusted: false, stackVersion: ' 8.11.0 ' });
    assert.deepEqual(s, { expiryWarningDays: 10, files: { '**/x.yaml': 'kibana' }, validationDelay: 0, trusted: false, stackVersion: '8.11.0', pathMappings: {}, liveConfigDirs: [] });
  });

  test('path mappings and live config folders keep only strings', () => {
    const s = mergeSettings(defaultSettings, { elasticTls: { pathMappings: { '/usr/share/elasticsearch/config': '${workspaceFolder}/es', '/x': 3 }, liveConfigDirs: ['/etc/elasticsearch', 7] } });
    assert.deepEqual(s.pathMappings, { '/usr/share/elasticsearch/config': '${workspaceFolder}/es' });
    assert.deepEqual(s.liveConfigDirs, ['/etc/elasticsearch']);
  });

  test('wrong types keep the previous value', () => {
    assert.deepEqual(mergeSettings(defaultSettings, { elasticTls: { validationDelay: -1, expiryWarningDays: 'x', files: [] } }), defaultSettings);
  });

  test('dotted keys work too', () => {
    assert.equal(mergeSettings(defaultSettings, { 'elasticTls.validationDelay': 20 }).validationDelay, 20);
  });

  test('configuration never changes trust', () => {
    const untrusted = initialSettings({ trusted: false });
    assert.equal(mergeSettings(untrusted, { elasticTls: { trusted: true }, trusted: true }).trusted, false);
  });
});

describe('PasswordStore', () => {
  test('set, forget one, forget all; never serialises a password', () => {
    const store = new PasswordStore();
    assert.deepEqual(store.apply([{ path: '/a/../b.p12', password: 's3cret' }, { path: 5, password: 'x' }, null, 'x', { path: '/d' }]), ['/b.p12']);
    assert.equal(store.get('/b.p12'), 's3cret');
    assert.doesNotMatch(JSON.stringify({ store }), /s3cret/);
    store.apply([{ path: '/b.p12', password: null }]);
    assert.equal(store.get('/b.p12'), undefined);
    store.apply([{ path: '/c.p12', password: '' }]);
    assert.equal(store.get('/c.p12'), '');
    assert.deepEqual(store.clear(), ['/c.p12']);
  });
});

describe('runSafe', () => {
  const logger = () => {
    const lines: string[] = [];
    return { lines, log: { info: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } };
  };

  test('a throwing handler answers with the fallback and logs message and stack', async () => {
    const { lines, log } = logger();
    const result = await runSafe(log, 'Hover failed', () => { throw new Error('boom'); }, null);
    assert.equal(result, null);
    assert.match(lines[0], /^Hover failed: boom\n.*Error: boom/s);
  });

  test('a rejected promise is handled the same way', async () => {
    const { lines, log } = logger();
    assert.deepEqual(await runSafe(log, 'x', async () => { throw new Error('late'); }, []), []);
    assert.equal(lines.length, 1);
  });

  test('a cancelled request is not run', async () => {
    const { log } = logger();
    let ran = false;
    const token = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) };
    const result = await runSafe(log, 'x', () => (ran = true), false, token);
    assert.equal(ran, false);
    assert.equal((result as { code: number }).code, -32800);
  });

  test('runSafeVoid logs synchronous and asynchronous failures', async () => {
    const { lines, log } = logger();
    runSafeVoid(log, 'sync', () => { throw new Error('a'); });
    runSafeVoid(log, 'async', () => Promise.reject(new Error('b')));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(lines.map((l) => l.split(':')[0]), ['sync', 'async']);
  });

  test('formatError names non-errors without dumping them', () => {
    assert.equal(formatError('x', { password: 'p' }), 'x: unknown error');
    assert.equal(formatError('x', 'text'), 'x: text');
  });
});
