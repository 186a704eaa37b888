import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { missingFileRule } from '../../../server/src/rules/missingFiles';
import { resolveSettingPath, settingPathCandidates } from '../../../server/src/rules/paths';
import { contextFor, runCases, type Expected } from './helpers';

const missing = (text: string): Expected => ({ ruleId: 'missing-file', severity: 'error', text });
const T = 'xpack.security.transport.ssl';
const ES = '/srv/es/config/elasticsearch.yml';
const KB = '/srv/kibana/config/kibana.yml';
/** What an installed product keeps beside its settings: these folders are live config directories. */
const LIVE = { '/srv/es/config/jvm.options': 'x', '/srv/kibana/config/node.options': 'x' };
const live = (files: Record<string, string | 'dir'> = {}) => ({ ...LIVE, ...files });

describe('missing-file', () => {
  runCases({ test }, missingFileRule, ['missing-file'], [
    { name: 'relative path missing', filePath: ES, files: live(), text: `${T}.keystore.path: certs/node.p12\n`, expect: [missing('certs/node.p12')] },
    { name: 'relative path present in the config dir', filePath: ES, files: live({ '/srv/es/config/certs/node.p12': 'x' }), text: `${T}.keystore.path: certs/node.p12\n`, expect: [] },
    { name: 'configDir option wins over the yml folder', filePath: ES, options: { configDir: '/etc/es' }, files: live({ '/etc/es/node.p12': 'x' }), text: `${T}.keystore.path: node.p12\n`, expect: [] },
    { name: 'absolute path missing', filePath: ES, files: live(), text: `${T}.certificate: /etc/certs/node.crt\n`, expect: [missing('/etc/certs/node.crt')] },
    { name: 'a directory where a file belongs', filePath: ES, files: live({ '/srv/es/config/certs': 'dir' }), text: `${T}.certificate: certs\n`, expect: [missing('certs')] },
    { name: 'each CA of a list', filePath: ES, files: live({ '/srv/es/config/ca1.crt': 'x' }), text: `${T}.certificate_authorities: [ca1.crt, ca2.crt]\n`, expect: [missing('ca2.crt')] },
    { name: 'each CA of a comma-separated string', filePath: ES, files: live({ '/srv/es/config/ca1.crt': 'x' }), text: `${T}.certificate_authorities: ca1.crt, ca2.crt\n`, expect: [missing('ca2.crt')] },
    { name: 'a templated path', filePath: ES, files: live(), text: `${T}.certificate: \${CERT}\n`, expect: [] },
    { name: 'no base known for a relative path', text: `${T}.certificate: node.crt\n`, expect: [] },
    { name: 'outside the workspace when reading outside is off', filePath: ES, files: live(), options: { readOutsideWorkspace: false, workspaceRoots: ['/srv/es'] }, text: `${T}.certificate: /etc/certs/node.crt\n`, expect: [] },
    { name: 'inside the workspace when reading outside is off', filePath: ES, files: live(), options: { readOutsideWorkspace: false, workspaceRoots: ['/srv/es'] }, text: `${T}.certificate: certs/node.crt\n`, expect: [missing('certs/node.crt')] },
    { name: 'Kibana path relative to the Kibana home', product: 'kibana', filePath: KB, files: live({ '/srv/kibana/config/certs/ca.crt': 'x' }), text: 'elasticsearch.ssl.certificateAuthorities: [config/certs/ca.crt]\n', expect: [] },
    { name: 'Kibana path relative to the yml folder', product: 'kibana', filePath: KB, files: live({ '/srv/kibana/config/certs/ca.crt': 'x' }), text: 'elasticsearch.ssl.certificateAuthorities: certs/ca.crt\n', expect: [] },
    { name: 'Kibana path missing in both places', product: 'kibana', filePath: KB, files: live(), text: 'server.ssl.certificate: certs/kibana.crt\n', expect: [missing('certs/kibana.crt')] },
  ]);

  test('the Kibana message names both places tried', () => {
    const ctx = contextFor('server.ssl.certificate: certs/kibana.crt\n', { product: 'kibana', filePath: KB, files: live() });
    const [f] = missingFileRule(ctx);
    assert.match(f.message, /\/srv\/kibana\/config\/certs\/kibana\.crt/);
    assert.match(f.message, /\/srv\/kibana\/certs\/kibana\.crt/);
  });

  test('a stat that throws means unknown, not missing', () => {
    const ctx = contextFor(`${T}.certificate: node.crt\n`, { filePath: ES, options: { configDir: '/srv/es/config' } });
    ctx.fs = { stat: () => { throw new Error('EACCES'); }, readFile: () => undefined };
    assert.deepEqual(missingFileRule(ctx), []);
  });

  test('resolveSettingPath follows each product', () => {
    const es = { model: { product: 'elasticsearch' as const, filePath: ES }, options: {} };
    assert.equal(resolveSettingPath(es, 'certs/a.p12'), '/srv/es/config/certs/a.p12');
    assert.equal(resolveSettingPath(es, '/abs/a.p12'), '/abs/a.p12');
    assert.equal(resolveSettingPath({ ...es, options: { configDir: '/etc/es' } }, 'a.p12'), '/etc/es/a.p12');
    assert.equal(resolveSettingPath({ model: { product: 'elasticsearch' }, options: {} }, 'a.p12'), undefined);
    const kb = { model: { product: 'kibana' as const, filePath: KB }, options: {} };
    assert.deepEqual(settingPathCandidates(kb, 'c.crt'), ['/srv/kibana/config/c.crt', '/srv/kibana/c.crt']);
  });
});

describe('missing-file on files that describe another machine', () => {
  const COMPOSE = '/srv/docker-compose.yml';
  const mount = `services:\n  es01:\n    volumes:\n      - ./es/config/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml\n      - ./certs:/usr/share/elasticsearch/config/certs\n`;
  const roots = { workspaceRoots: ['/srv'] };

  test('a mounted file that is missing: a warning saying what is mounted where, with the generate quick fix', () => {
    const ctx = contextFor('xpack.security.http.ssl.keystore.path: certs/http.p12\n', { filePath: ES, files: { [COMPOSE]: mount, '/srv/certs': 'dir' }, options: roots });
    const [f] = missingFileRule(ctx);
    assert.equal(f.ruleId, 'missing-file');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /service `es01` in `docker-compose.yml` mounts `\.\/certs` at `\/usr\/share\/elasticsearch\/config\/certs`/);
    assert.deepEqual(f.data, { path: '/srv/certs/http.p12', kind: 'generate', command: 'generateHttpCertificates', target: '/srv/certs/http.p12' });
  });

  test('a mounted file that exists: nothing', () => {
    const ctx = contextFor(`${T}.certificate: /usr/share/elasticsearch/config/certs/node.crt\n`, { filePath: ES, files: { [COMPOSE]: mount, '/srv/certs/node.crt': 'x' }, options: roots });
    assert.deepEqual(missingFileRule(ctx), []);
  });

  test('a mapped CA that is missing offers the CA command', () => {
    const pathMappings = [{ containerPath: '/etc/elasticsearch', localPath: '/srv/node', via: '--map' }];
    const ctx = contextFor(`${T}.certificate_authorities: [/etc/elasticsearch/ca.crt]\n`, { filePath: ES, options: { pathMappings } });
    const [f] = missingFileRule(ctx);
    assert.equal(f.severity, 'warning');
    assert.equal(f.data?.command, 'generateCa');
  });

  test('an unmapped path: only a hint, with the folder to map', () => {
    const ctx = contextFor(`${T}.certificate: /etc/elasticsearch/certs/node.crt\n`, { filePath: ES });
    const [f] = missingFileRule(ctx);
    assert.equal(f.ruleId, 'path-not-checked');
    assert.equal(f.severity, 'hint');
    assert.deepEqual(f.data, { kind: 'map', containerPath: '/etc/elasticsearch/certs' });
  });

  test('a templated path: nothing at all', () => {
    const ctx = contextFor(`${T}.certificate: "{{ es_conf_dir }}/node.crt"\n`, { filePath: ES });
    assert.deepEqual(missingFileRule(ctx), []);
  });
});
