import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig } from '../../../server/src/config/parse';
import { hoverAt, keyHoverMarkdown } from '../../../server/src/features/hover';
import { SettingIndex } from '../../../server/src/catalog/lookup';
import { testCatalog } from './catalogFixture';
import { PathLocator } from '../../../server/src/config/paths/locator';
import { memoryFs } from '../rules/helpers';

function hover(text: string, needle: string, delta = 1, describeFile?: (p: string) => string) {
  const model = parseConfig(text, { product: 'elasticsearch', filePath: '/etc/es/elasticsearch.yml' });
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in text`);
  return hoverAt(model, testCatalog, at + delta, { describeFile });
}

describe('hover on keys', () => {
  const cases = [
    { name: 'flat key', text: 'xpack.security.transport.ssl.verification_mode: full\n', needle: 'xpack', expect: [/verification_mode`\*\*/, /one of `full`, `certificate`, `none`/, /Default: `full`/, /\[Documentation\]\(https:\/\/docs\.example\/ssl\)/] },
    { name: 'nested leaf', text: 'xpack:\n  security:\n    transport.ssl.verification_mode: full\n', needle: 'transport', expect: [/`xpack\.security\.transport\.ssl\.verification_mode`/] },
    { name: 'secure setting', text: 'xpack.security.transport.ssl.keystore.secure_password: x\n', needle: 'xpack', expect: [/Secure setting/, /elasticsearch-keystore add xpack\.security\.transport\.ssl\.keystore\.secure_password/] },
    { name: 'deprecated setting', text: 'xpack.security.transport.ssl.keystore.password: x\n', needle: 'xpack', expect: [/Deprecated since 7\.17\.0\*\*; use `xpack\.security\.transport\.ssl\.keystore\.secure_password` instead/] },
    { name: 'removed setting', text: 'xpack.ssl.certificate: a.crt\n', needle: 'xpack', expect: [/Removed in 7\.0\.0/] },
    { name: 'replacement with the user\'s names', text: 'xpack.security.authc.realms.ldap.corp.ssl.keystore.password: x\n', needle: 'xpack', expect: [/use `xpack\.security\.authc\.realms\.ldap\.corp\.ssl\.keystore\.secure_password` instead/] },
    { name: 'placeholder', text: 'xpack.security.authc.realms.ldap.corp.url: ldaps://x\n', needle: 'xpack', expect: [/`<name>` = `corp`/] },
    { name: 'unknown key in an owned namespace', text: 'xpack.security.transport.ssl.verfication_mode: full\n', needle: 'xpack', expect: [/not a known Elasticsearch setting/, /Did you mean `xpack\.security\.transport\.ssl\.verification_mode`/] },
    { name: 'nested prefix segment', text: 'xpack:\n  security:\n    enabled: true\n', needle: 'security', expect: [/`xpack\.security`/, /`transport`/] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = hover(c.text, c.needle);
      assert.ok(result, 'no hover');
      for (const re of c.expect) assert.match(result.markdown, re);
    });
  }

  test('the range is the key part under the cursor', () => {
    const text = 'xpack:\n  security.enabled: true\n';
    const result = hover(text, 'security');
    assert.deepEqual(result?.range, { start: text.indexOf('security'), end: text.indexOf('security') + 'security.enabled'.length });
  });

  test('CRLF text and a second YAML document', () => {
    const text = 'a: 1\r\n---\r\nxpack:\r\n  security.transport.ssl.verification_mode: none\r\n';
    assert.match(hover(text, 'security')!.markdown, /verification_mode`\*\*/);
    assert.match(hover(text, 'none')!.markdown, /^`none`: /);
  });

  test('an unknown key outside the owned namespaces has no hover', () => {
    assert.equal(hover('cluster.name: x\n', 'cluster'), undefined);
  });

  test('keyHoverMarkdown never includes a value', () => {
    const md = keyHoverMarkdown(testCatalog.lookup('xpack.security.transport.ssl.keystore.password')!);
    assert.doesNotMatch(md, /hunter2/);
  });
});

describe('hover on values', () => {
  test('an enum value explains what it does', () => {
    const result = hover('xpack.security.transport.ssl.verification_mode: none\n', 'none');
    assert.match(result!.markdown, /^`none`: .*Checks nothing/);
  });

  test('protocol versions in a list are explained one by one', () => {
    const text = 'xpack.security.http.ssl.supported_protocols: [ TLSv1.3, TLSv1.1 ]\n';
    const model = parseConfig(text, { product: 'elasticsearch', filePath: '/etc/es/elasticsearch.yml' });
    const catalog = new SettingIndex('elasticsearch', [{ key: 'xpack.security.http.ssl.supported_protocols', product: 'elasticsearch', type: 'enumList', values: ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'], description: 'd', docs: 'https://docs.example' }], []);
    assert.match(hoverAt(model, catalog, text.indexOf('TLSv1.3') + 1)!.markdown, /^`TLSv1\.3`: The current TLS version/);
    assert.match(hoverAt(model, catalog, text.indexOf('TLSv1.1') + 1)!.markdown, /outdated TLS version/);
  });

  test('an enum value that is not allowed says so', () => {
    const result = hover('xpack.security.transport.ssl.verification_mode: strict\n', 'strict');
    assert.match(result!.markdown, /`strict` is not one of `full`, `certificate`, `none`/);
  });

  test('a path value is described through describeFile with its absolute path', () => {
    const seen: string[] = [];
    const result = hover('xpack.security.transport.ssl.keystore.path: certs/node.p12\n', 'certs', 1, (p) => (seen.push(p), `file ${p}`));
    assert.deepEqual(seen, ['/etc/es/certs/node.p12']);
    assert.equal(result!.markdown, 'file /etc/es/certs/node.p12');
  });

  test('for Kibana, the folder that holds the file wins among the places Kibana looks', () => {
    const text = 'server.ssl.certificate: config/certs/kibana.crt\n';
    const model = parseConfig(text, { product: 'kibana', filePath: '/opt/kibana/config/kibana.yml' });
    const catalog = new SettingIndex('kibana', [{ key: 'server.ssl.certificate', product: 'kibana', type: 'path', fileRole: 'certificate', description: 'd', docs: 'https://docs.example' }], []);
    const describe = (p: string) => p;
    const at = text.indexOf('config/') + 1;
    assert.equal(hoverAt(model, catalog, at, { describeFile: describe, exists: (p) => p === '/opt/kibana/config/certs/kibana.crt' })?.markdown, '/opt/kibana/config/certs/kibana.crt');
    assert.equal(hoverAt(model, catalog, at, { describeFile: describe, exists: (p) => p === '/opt/kibana/config/config/certs/kibana.crt' })?.markdown, '/opt/kibana/config/config/certs/kibana.crt');
    assert.equal(hoverAt(model, catalog, at, { describeFile: describe, exists: () => false })?.markdown, '/opt/kibana/config/config/certs/kibana.crt');
  });

  test('a path nothing maps: not checked here, and how to map it', () => {
    const text = 'xpack.security.transport.ssl.keystore.path: /etc/elasticsearch/certs/node.crt\n';
    const model = parseConfig(text, { product: 'elasticsearch', filePath: '/ws/elasticsearch.yml' });
    const locator = new PathLocator({ product: 'elasticsearch', filePath: '/ws/elasticsearch.yml', fs: memoryFs({}), workspaceRoots: ['/ws'] });
    const seen: string[] = [];
    const md = hoverAt(model, testCatalog, text.indexOf('/etc') + 1, { describeFile: (p) => (seen.push(p), p), locate: (v) => locator.locate(v) })!.markdown;
    assert.match(md, /\*\*not checked here\*\*/);
    assert.match(md, /elasticTls\.pathMappings/);
    assert.match(md, /--map \/etc\/elasticsearch\/certs=LOCAL_FOLDER/);
    assert.deepEqual(seen, [], 'nothing is read for an unmapped path');
  });

  test('a mounted path: the local file first, then what is mounted where', () => {
    const text = 'xpack.security.transport.ssl.keystore.path: /usr/share/elasticsearch/config/certs/node.crt\n';
    const model = parseConfig(text, { product: 'elasticsearch', filePath: '/ws/es/elasticsearch.yml' });
    const compose = 'services:\n  es:\n    volumes:\n      - ./es:/usr/share/elasticsearch/config\n';
    const locator = new PathLocator({ product: 'elasticsearch', filePath: '/ws/es/elasticsearch.yml', fs: memoryFs({ '/ws/compose.yaml': compose, '/ws/es': 'dir' }), workspaceRoots: ['/ws'] });
    const md = hoverAt(model, testCatalog, text.indexOf('/usr') + 1, { describeFile: (p) => `file ${p}`, locate: (v) => locator.locate(v) })!.markdown;
    assert.match(md, /^file \/ws\/es\/certs\/node\.crt\n\nLocation: service `es` in `compose.yaml` mounts `\.\/es` at `\/usr\/share\/elasticsearch\/config`\.$/);
  });

  test('a relative path found beside the file: the certificate\'s names and expiry come before where it was found', () => {
    const text = 'xpack.security.transport.ssl.keystore.path: certs/http.crt\n';
    const model = parseConfig(text, { product: 'elasticsearch', filePath: '/ws/es/elasticsearch.yml' });
    const compose = 'services:\n  es:\n    volumes:\n      - ./es/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml\n';
    const fs = memoryFs({ '/ws/compose.yaml': compose, '/ws/es/certs/http.crt': 'x' });
    const locator = new PathLocator({ product: 'elasticsearch', filePath: '/ws/es/elasticsearch.yml', fs, workspaceRoots: ['/ws'] });
    assert.equal(locator.locate('certs/http.crt').kind, 'mapped', 'the path is found beside the settings file');
    const describe = () => '**CN=http**\n\n- Names: DNS:es01\n- Expires in 300 days';
    const md = hoverAt(model, testCatalog, text.indexOf('certs/') + 1, { describeFile: describe, locate: (v) => locator.locate(v) })!.markdown;
    assert.match(md, /^\*\*CN=http\*\*\n\n- Names: DNS:es01\n- Expires in 300 days\n\nLocation: found relative to `\/ws\/es`\.$/);
  });

  test('a path mounted from a folder the workspace lacks: not checked, and why', () => {
    const text = 'xpack.security.transport.ssl.keystore.path: /usr/share/elasticsearch/config/certs/node.crt\n';
    const model = parseConfig(text, { product: 'elasticsearch', filePath: '/ws/es/elasticsearch.yml' });
    const compose = 'services:\n  es:\n    volumes:\n      - ./es/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml\n      - ./certs:/usr/share/elasticsearch/config/certs\n';
    const locator = new PathLocator({ product: 'elasticsearch', filePath: '/ws/es/elasticsearch.yml', fs: memoryFs({ '/ws/compose.yaml': compose, '/ws/es/elasticsearch.yml': text }), workspaceRoots: ['/ws'] });
    const md = hoverAt(model, testCatalog, text.indexOf('/usr') + 1, { describeFile: (p) => `file ${p}`, locate: (v) => locator.locate(v) })!.markdown;
    assert.match(md, /\*\*not checked here\*\*: service `es` in `compose.yaml` mounts `\.\/certs` .*the workspace holds no `\/ws\/certs`/);
  });

  test('each item of a path list is described on its own', () => {
    const text = 'xpack.security.transport.ssl.certificate_authorities: [ a.crt, b.crt ]\n';
    const result = hover(text, 'b.crt', 1, (p) => p);
    assert.equal(result!.markdown, '/etc/es/b.crt');
    assert.deepEqual(result!.range, { start: text.indexOf('b.crt'), end: text.indexOf('b.crt') + 5 });
  });

  test('values of sensitive and secure settings are never echoed', () => {
    assert.equal(hover('xpack.security.transport.ssl.keystore.password: hunter2\n', 'hunter2'), undefined);
    assert.equal(hover('xpack.security.transport.ssl.keystore.secure_password: hunter2\n', 'hunter2'), undefined);
  });

  test('templated values are left alone', () => {
    assert.equal(hover('xpack.security.transport.ssl.verification_mode: ${MODE}\n', 'MODE'), undefined);
  });
});

describe('hover names the stack version the file is checked against', () => {
  const text = 'xpack.ssl.certificate: a.crt\n';
  const model = parseConfig(text, { product: 'elasticsearch', filePath: '/etc/es/elasticsearch.yml' });

  test('a version found in the workspace, with its source', () => {
    const stackVersion = { version: '6.8.23', source: 'image: elasticsearch:6.8.23 in es/docker-compose.yml' };
    const markdown = hoverAt(model, testCatalog, 1, { stackVersion })!.markdown;
    assert.match(markdown, /Checked as stack version `6\.8\.23` \(from image: elasticsearch:6\.8\.23 in es\/docker-compose\.yml\)/);
  });

  test('the assumed current release', () => {
    const markdown = hoverAt(model, testCatalog, 1, { stackVersion: { version: '9.x', source: 'no stack version found', assumed: true } })!.markdown;
    assert.match(markdown, /Checked as stack version `9\.x` \(assumed: no stack version found\)/);
  });

  test('no line without a version', () => {
    assert.doesNotMatch(hoverAt(model, testCatalog, 1)!.markdown, /Checked as/);
  });
});
