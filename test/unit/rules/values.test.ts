import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { invalidValueRule, nearestValue } from '../../../server/src/rules/values';
import { checkDuration, checkSize, checkTime } from '../../../server/src/rules/valueFormats';
import { catalogFor } from '../../../server/src/catalog';
import { contextFor, runCases, type Expected } from './helpers';

const bad = (text: string): Expected => ({ ruleId: 'invalid-value', severity: 'error', text });

describe('invalid-value', () => {
  runCases({ test }, invalidValueRule, ['invalid-value'], [
    { name: 'enum typo', text: 'xpack.security.transport.ssl.verification_mode: ful\n', expect: [bad('ful')], fixed: 'xpack.security.transport.ssl.verification_mode: full\n' },
    { name: 'enum in another case is accepted by Elasticsearch', text: 'xpack.security.transport.ssl.verification_mode: FULL\n', expect: [] },
    { name: 'enum valid', text: 'xpack.security.http.ssl.client_authentication: optional\n', expect: [] },
    { name: 'enum far from every value has no fix', text: 'xpack.security.http.ssl.client_authentication: banana\n', expect: [bad('banana')] },
    { name: 'quoted enum keeps quotes in the fix', text: 'xpack.security.http.ssl.client_authentication: "requred"\n', expect: [bad('"requred"')], fixed: 'xpack.security.http.ssl.client_authentication: "required"\n' },
    { name: 'Kibana enum is case-sensitive', product: 'kibana', text: 'elasticsearch.ssl.verificationMode: Full\n', expect: [bad('Full')], fixed: 'elasticsearch.ssl.verificationMode: full\n' },
    { name: 'Kibana enum valid', product: 'kibana', text: 'elasticsearch.ssl.verificationMode: certificate\n', expect: [] },
    // Elasticsearch's YAML reader (Jackson over SnakeYAML, YAML 1.1) turns these plain words into true/false.
    { name: 'plain yes is a YAML 1.1 boolean Elasticsearch accepts', text: 'xpack.security.enabled: yes\n', expect: [] },
    { name: 'plain True is a YAML boolean Elasticsearch accepts', text: 'xpack.security.enabled: True\n', expect: [] },
    { name: 'plain OFF is a YAML 1.1 boolean Elasticsearch accepts', text: 'xpack.security.enabled: OFF\n', expect: [] },
    { name: 'quoted yes reaches the strict parser and is refused', text: 'xpack.security.enabled: "yes"\n', expect: [bad('"yes"')], fixed: 'xpack.security.enabled: "true"\n' },
    { name: 'quoted True reaches the strict parser and is refused', text: "xpack.security.enabled: 'True'\n", expect: [bad("'True'")], fixed: "xpack.security.enabled: 'true'\n" },
    { name: 'mixed-case tRUE is no YAML boolean and is refused', text: 'xpack.security.enabled: tRUE\n', expect: [bad('tRUE')], fixed: 'xpack.security.enabled: true\n' },
    { name: 'plain y is no YAML 1.1 boolean for SnakeYAML and is refused', text: 'xpack.security.enabled: y\n', expect: [bad('y')], fixed: 'xpack.security.enabled: true\n' },
    { name: 'boolean valid', text: 'xpack.security.enabled: false\n', expect: [] },
    { name: 'quoted boolean text is fine', text: 'xpack.security.enabled: "true"\n', expect: [] },
    { name: 'Kibana boolean True is YAML true', product: 'kibana', text: 'server.ssl.enabled: True\n', expect: [] },
    { name: 'Kibana encryption key of 31 characters is refused', product: 'kibana', text: `xpack.security.encryptionKey: ${'k'.repeat(31)}\n`, expect: [bad('k'.repeat(31))] },
    { name: 'Kibana encryption key of 32 characters is accepted', product: 'kibana', text: `xpack.security.encryptionKey: ${'k'.repeat(32)}\n`, expect: [] },
    { name: 'templated Kibana encryption key is not judged', product: 'kibana', text: 'xpack.security.encryptionKey: ${KEY}\n', expect: [] },
    { name: 'integer with letters', text: 'thread_pool.write.queue_size: lots\n', expect: [bad('lots')] },
    { name: 'integer above max', text: 'thread_pool.write.queue_size: 20000\n', expect: [bad('20000')] },
    { name: 'integer below min', text: 'thread_pool.write.queue_size: -2\n', expect: [bad('-2')] },
    { name: 'integer valid', text: 'thread_pool.write.queue_size: -1\n', expect: [] },
    { name: 'time without unit', text: 'xpack.security.authc.token.timeout: 20\n', expect: [bad('20')] },
    { name: 'time fractional', text: 'xpack.security.authc.token.timeout: 1.5m\n', expect: [bad('1.5m')] },
    { name: 'time valid', text: 'xpack.security.authc.token.timeout: 20m\n', expect: [] },
    { name: 'size unit typo', text: 'http.max_content_length: 100mbb\n', expect: [bad('100mbb')] },
    { name: 'size valid', text: 'http.max_content_length: 100mb\n', expect: [] },
    { name: 'Kibana duration bad unit', product: 'kibana', text: 'elasticsearch.requestTimeout: 30 sec\n', expect: [bad('30 sec')] },
    { name: 'Kibana duration valid', product: 'kibana', text: 'elasticsearch.requestTimeout: 30s\n', expect: [] },
    { name: 'URL list item', product: 'kibana', text: 'elasticsearch.hosts: [https://es01:9200, "es02:9200 x"]\n', expect: [bad('"es02:9200 x"')] },
    { name: 'URL list valid', product: 'kibana', text: 'elasticsearch.hosts: [https://es01:9200]\n', expect: [] },
    { name: 'comma-separated enum list', text: 'xpack.security.http.ssl.supported_protocols: TLSv1.2,TLSv1.4\n', expect: [bad('TLSv1.4')], fixed: 'xpack.security.http.ssl.supported_protocols: TLSv1.2,TLSv1.3\n' },
    { name: 'flow enum list valid', text: 'xpack.security.http.ssl.supported_protocols: [TLSv1.2, TLSv1.3]\n', expect: [] },
    { name: 'list where a scalar belongs', text: 'xpack.security.http.ssl.verification_mode: [full]\n', expect: [bad('[full]')] },
    { name: 'templated values are never judged', text: 'xpack.security.enabled: ${SECURITY}\nthread_pool.write.queue_size: "{{ size }}"\n', expect: [] },
    { name: 'null values are not judged', text: 'xpack.security.enabled:\n', expect: [] },
    { name: 'unknown keys are not judged here', text: 'cluster.name: [a, b]\n', expect: [] },
  ]);

  runCases({ test }, invalidValueRule, ['invalid-value'], [
    { name: 'a map where a scalar belongs (nested)', flatOnly: true, text: 'xpack:\n  security:\n    enabled:\n      really: true\n      twice: true\n', expect: [bad('enabled')] },
    { name: 'a map where a scalar belongs (flat)', flatOnly: true, text: 'xpack.security.enabled.really: true\n', expect: [bad('xpack.security.enabled.really')] },
    { name: 'outside owned namespaces a key may extend a known one', flatOnly: true, text: 'http.max_content_length.extra: 1\n', expect: [] },
    { name: 'block list where a scalar belongs', flatOnly: true, text: 'xpack.security.enabled:\n  - true\n', expect: [bad('- true')] },
    { name: 'block enum list with a bad item', flatOnly: true, text: 'xpack.security.http.ssl.supported_protocols:\n  - TLSv1.2\n  - tlsv1.3\n', expect: [bad('tlsv1.3')], fixed: 'xpack.security.http.ssl.supported_protocols:\n  - TLSv1.2\n  - TLSv1.3\n' },
  ]);

  test('nearestValue prefers a case-insensitive match, then edit distance', () => {
    assert.equal(nearestValue('NONE', ['full', 'certificate', 'none']), 'none');
    assert.equal(nearestValue('certficate', ['full', 'certificate', 'none']), 'certificate');
    assert.equal(nearestValue('zzzzzzzz', ['full', 'none']), undefined);
  });

  test('formats', () => {
    for (const ok of ['30s', '5m', '1h', '2d', '100ms', '10micros', '7nanos', '-1', '0', '00', '30S', '1H', '5 m', '100MS']) assert.equal(checkTime(ok), undefined, ok);
    for (const no of ['30', '5 minutes', '1.5s', 's', '1M', '2w']) assert.notEqual(checkTime(no), undefined, no);
    assert.match(checkTime('1.5h')!, /fractional/);
    for (const ok of ['10mb', '1gb', '512kb', '100b', '1tb', '2pb', '-1', '0', '1.5gb', '10MB', '10 mb', '2k']) assert.equal(checkSize(ok), undefined, ok);
    for (const no of ['10', '10xb', '1.5b', 'lots']) assert.notEqual(checkSize(no), undefined, no);
    for (const ok of ['30s', '1500', '5m', '1M', '2w']) assert.equal(checkDuration(ok), undefined, ok);
    for (const no of ['30 s', 'soon']) assert.notEqual(checkDuration(no), undefined, no);
  });
});

describe('encryption key length', () => {
  test('the message gives the length and never the key', () => {
    const ctx = contextFor('xpack.security.encryptionKey: short-secret\n', { product: 'kibana' });
    const [finding] = invalidValueRule(ctx);
    assert.match(finding.message, /12 characters long.*at least 32/);
    assert.doesNotMatch(finding.message, /short-secret/);
  });

  test('the real catalog refuses the security and saved-object keys under 32 characters', () => {
    for (const key of ['xpack.security.encryptionKey', 'xpack.encryptedSavedObjects.encryptionKey']) {
      const ctx = contextFor(`${key}: abc\n`, { product: 'kibana', catalog: catalogFor('kibana') });
      assert.deepEqual(invalidValueRule(ctx).map((f) => f.severity), ['error'], key);
    }
  });

  test('a short reporting key runs (its schema sets no minimum), so it is a warning', () => {
    const kibana = catalogFor('kibana');
    const short = invalidValueRule(contextFor('xpack.reporting.encryptionKey: abc\n', { product: 'kibana', catalog: kibana }));
    assert.deepEqual(short.map((f) => f.severity), ['warning']);
    assert.doesNotMatch(short[0].message, /abc/);
    assert.deepEqual(invalidValueRule(contextFor(`xpack.reporting.encryptionKey: ${'r'.repeat(32)}\n`, { product: 'kibana', catalog: kibana })), []);
  });
});

describe('audit event names (AuditLevel.parse: a closed list, trimmed and lower-cased)', () => {
  const es = catalogFor('elasticsearch');
  const run = (text: string) => invalidValueRule(contextFor(text, { catalog: es }));
  test('an invented event name is refused', () => {
    const found = run('xpack.security.audit.logfile.events.include: [access_denied, tampered_with_authentication]\n');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /tampered_with_authentication/);
  });
  test('known names in any case, _all and a comma-separated string pass', () => {
    assert.deepEqual(run('xpack.security.audit.logfile.events.include: [ACCESS_DENIED, _all]\n'), []);
    assert.deepEqual(run('xpack.security.audit.logfile.events.exclude: "run_as_granted, connection_granted"\n'), []);
  });
});
