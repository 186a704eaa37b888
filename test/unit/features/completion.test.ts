import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeAt, type CompletionEntry, type DirEntry } from '../../../server/src/features/completion';
import { testCatalog } from './catalogFixture';

/** Completes at the `|` in `marked`. */
function complete(marked: string, env: Parameters<typeof completeAt>[3] = {}): { text: string; entries: CompletionEntry[] } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, entries: completeAt(text, offset, testCatalog, env) };
}

const labels = (entries: CompletionEntry[]) => entries.map((e) => e.label);

describe('key completion', () => {
  test('top level offers full keys in flat form, with value snippets', () => {
    const { entries } = complete('xpack.security.tr|');
    const item = entries.find((e) => e.label === 'xpack.security.transport.ssl.verification_mode');
    assert.ok(item);
    assert.equal(item.insertText, 'xpack.security.transport.ssl.verification_mode: ${1|full,certificate,none|}');
    assert.deepEqual(item.range, { start: 0, end: 17 });
    assert.ok(item.isSnippet);
  });

  test('booleans offer the non-default value second', () => {
    const { entries } = complete('|');
    assert.equal(entries.find((e) => e.label === 'xpack.security.enabled')?.insertText, 'xpack.security.enabled: ${1|true,false|}');
    assert.equal(entries.find((e) => e.label === 'xpack.security.transport.ssl.enabled')?.insertText, 'xpack.security.transport.ssl.enabled: ${1|false,true|}');
  });

  test('inside a nested map, keys are offered relative to it', () => {
    const { entries } = complete('xpack:\n  security:\n    |');
    const names = labels(entries);
    assert.ok(names.includes('transport.ssl.verification_mode'));
    assert.ok(names.includes('enabled'));
    assert.ok(!names.some((n) => n.startsWith('xpack.')));
  });

  test('nested form offers the next segment, opening an indented block', () => {
    const { entries } = complete('xpack:\n  |');
    const segment = entries.find((e) => e.label === 'security' && e.kind === 'module');
    assert.ok(segment);
    assert.equal(segment.insertText, 'security:\n    $0');
    assert.ok(segment.keepIndentation && segment.retrigger);
  });

  test('placeholders become tab stops, and segments already typed fill them', () => {
    const open = complete('xpack.security.authc.realms.ldap.|').entries.find((e) => e.label === 'xpack.security.authc.realms.ldap.<name>.url');
    assert.equal(open?.insertText, 'xpack.security.authc.realms.ldap.${1:name}.url: ${2}');
    const filled = complete('xpack.security.authc.realms.ldap.corp.u|').entries.find((e) => e.label === 'xpack.security.authc.realms.ldap.corp.url');
    assert.equal(filled?.insertText, 'xpack.security.authc.realms.ldap.corp.url: ${1}');
  });

  test('a placeholder segment of the enclosing map matches its concrete name', () => {
    const { entries } = complete('xpack.security.authc.realms.ldap.corp:\n  |');
    assert.deepEqual(labels(entries.filter((e) => e.kind === 'property')).sort(), ['order', 'ssl.keystore.password', 'url']);
    assert.deepEqual(labels(entries.filter((e) => e.kind === 'module')), ['ssl']);
  });

  test('keys already set are not offered again; removed keys never', () => {
    const { entries } = complete('|', { existingKeys: new Set(['xpack.security.enabled']) });
    const names = labels(entries);
    assert.ok(!names.includes('xpack.security.enabled'));
    assert.ok(!names.includes('xpack.ssl.certificate'));
  });

  test('deprecated keys are marked and sorted last', () => {
    const item = complete('|').entries.find((e) => e.label === 'xpack.security.transport.ssl.keystore.password');
    assert.equal(item?.deprecated, true);
    assert.match(item!.sortText!, /^2/);
  });

  test('a colon on the next line does not count', () => {
    const { entries } = complete('xpack.security.en|\n: odd\n');
    assert.equal(entries.find((e) => e.label === 'xpack.security.enabled')?.insertText, 'xpack.security.enabled: ${1|true,false|}');
  });

  test('when a colon already follows, only the key is inserted', () => {
    const { entries } = complete('xpack.security.en|: true\n');
    assert.equal(entries.find((e) => e.label === 'xpack.security.enabled')?.insertText, 'xpack.security.enabled');
    assert.ok(!entries.some((e) => e.kind === 'module'));
  });
});

describe('no completion', () => {
  const cases = ['# xpack.sec|', '  # |', 'xpack.security.enabled: true # t|', 'xpack.security.transport.ssl.verification_mode: full #|'];
  for (const marked of cases) {
    test(`inside a comment: ${JSON.stringify(marked)}`, () => assert.deepEqual(complete(marked).entries, []));
  }
});

describe('value completion', () => {
  test('enum values with their meaning, default first', () => {
    const { entries } = complete('xpack.security.transport.ssl.verification_mode: |');
    assert.deepEqual(labels(entries), ['full', 'certificate', 'none']);
    assert.match(entries[0].documentation!, /host name/);
    assert.ok(entries[0].sortText! < entries[1].sortText!);
  });

  test('right after a typed colon, values bring their own space', () => {
    const { entries } = complete('xpack.security.transport.ssl.verification_mode:|');
    assert.deepEqual(entries.map((e) => e.insertText), [' full', ' certificate', ' none']);
    assert.deepEqual(complete('xpack.security.authc.realms.ldap.x.url: ldaps:|').entries, []);
  });

  test('booleans in nested form', () => {
    const { entries } = complete('xpack:\n  security:\n    enabled: t|');
    assert.deepEqual(labels(entries), ['true', 'false']);
    assert.deepEqual(entries[0].range, { start: 32, end: 33 });
  });

  test('secure and free-text settings get no values', () => {
    assert.deepEqual(complete('xpack.security.transport.ssl.keystore.secure_password: |').entries, []);
    assert.deepEqual(complete('xpack.security.authc.realms.ldap.x.order: |').entries, []);
  });

  const tree: Record<string, DirEntry[]> = {
    '/etc/es': [{ name: 'certs', isDirectory: true }, { name: 'elasticsearch.yml', isDirectory: false }, { name: '.hidden', isDirectory: true }],
    '/etc/es/certs': [{ name: 'node.p12', isDirectory: false }, { name: 'node.crt', isDirectory: false }, { name: 'ca.pem', isDirectory: false }],
  };
  const listDir = (dir: string) => tree[dir];

  test('path values list files relative to the config dir, filtered by file role', () => {
    const { entries } = complete('xpack.security.transport.ssl.keystore.path: certs/|', { baseDirs: ['/etc/es'], listDir });
    assert.deepEqual(labels(entries), ['node.p12']);
    assert.equal(entries[0].insertText, 'certs/node.p12');
  });

  test('folders are offered with a slash and ask for completion again', () => {
    const { entries } = complete('xpack.security.transport.ssl.keystore.path: |', { baseDirs: ['/etc/es'], listDir });
    assert.deepEqual(labels(entries), ['certs/']);
    assert.equal(entries[0].retrigger, true);
  });

  test('list items of a path list complete too', () => {
    const { entries } = complete('xpack.security.transport.ssl.certificate_authorities: [ certs/|', { baseDirs: ['/etc/es'], listDir });
    assert.deepEqual(labels(entries).sort(), ['ca.pem', 'node.crt']);
  });

  test('several base folders merge, the first winning a name', () => {
    const kibanaTree: Record<string, DirEntry[]> = {
      '/opt/kibana/config': [{ name: 'kibana.yml', isDirectory: false }, { name: 'certs', isDirectory: true }],
      '/opt/kibana': [{ name: 'config', isDirectory: true }, { name: 'certs', isDirectory: false }],
    };
    const { entries } = complete('xpack.security.transport.ssl.keystore.path: |', { baseDirs: ['/opt/kibana/config', '/opt/kibana'], listDir: (d) => kibanaTree[d] });
    assert.deepEqual(entries.map((e) => [e.label, e.kind]), [['certs/', 'folder'], ['config/', 'folder']]);
  });

  test('an unsaved file (no config dir) offers no relative files', () => {
    assert.deepEqual(complete('xpack.security.transport.ssl.keystore.path: |', { listDir }).entries, []);
  });
});

describe('line endings and documents', () => {
  test('CRLF files complete nested keys and values', () => {
    const keys = complete('xpack:\r\n  security:\r\n    |\r\n').entries;
    assert.ok(labels(keys).includes('transport.ssl.verification_mode'));
    const values = complete('xpack:\r\n  security:\r\n    transport.ssl.verification_mode: |\r\n').entries;
    assert.deepEqual(labels(values), ['full', 'certificate', 'none']);
  });

  test('a second YAML document starts again at the top level', () => {
    const { entries } = complete('xpack:\n  security:\n    enabled: true\n---\n|');
    assert.ok(labels(entries).includes('xpack.security.transport.ssl.verification_mode'));
  });
});
