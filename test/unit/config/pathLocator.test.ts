import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { interpolate, parseComposeMounts, parseDotEnv } from '../../../server/src/config/paths/composeMounts';
import { searchFolders } from '../../../server/src/config/paths/composeFiles';
import { PathLocator, type LocatorInput } from '../../../server/src/config/paths/locator';
import { mappingsFromSetting, parseMapArgument, resolveUserPath } from '../../../server/src/config/paths/mappings';
import type { Product } from '../../../server/src/catalog/types';
import { memoryFs } from '../rules/helpers';

const ROOT = '/ws';
const ES_YML = '/ws/es/config/elasticsearch.yml';
const KB_YML = '/ws/kibana/kibana.yml';
const ES_CERTS = '/usr/share/elasticsearch/config/certs';

function locator(files: Record<string, string | 'dir'>, o: Partial<LocatorInput> & { product?: Product } = {}): PathLocator {
  return new PathLocator({ product: 'elasticsearch', filePath: ES_YML, workspaceRoots: [ROOT], ...o, fs: memoryFs(files) });
}

const SHORT = `services:
  es01:
    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
    volumes:
      - ./es/config/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml:ro
      - ./certs:${ES_CERTS}
      - esdata:/usr/share/elasticsearch/data
`;

const LONG = `services:
  es01:
    volumes:
      - type: bind
        source: ./es/config
        target: /usr/share/elasticsearch/config
      - type: volume
        source: esdata
        target: /usr/share/elasticsearch/data
`;

const CONFIGS = `services:
  kibana:
    configs:
      - source: kibana_yml
        target: /usr/share/kibana/config/kibana.yml
      - kibana_ca
    secrets:
      - source: kibana_key
        target: kibana.key
      - kibana_crt
configs:
  kibana_yml:
    file: ./kibana/kibana.yml
  kibana_ca:
    file: ./pki/ca.crt
secrets:
  kibana_key:
    file: ./pki/kibana.key
  kibana_crt:
    file: ./pki/kibana.crt
`;

describe('compose mounts', () => {
  test('short syntax: host paths are bind mounts, named volumes are not', () => {
    const [service] = parseComposeMounts(SHORT, '/ws/docker-compose.yml').services;
    assert.equal(service.name, 'es01');
    assert.equal(service.image, 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0');
    assert.deepEqual(service.mounts.map((m) => [m.source, m.target]), [
      [ES_YML, '/usr/share/elasticsearch/config/elasticsearch.yml'],
      ['/ws/certs', ES_CERTS],
    ]);
  });

  test('named, anonymous and tmpfs volumes are listed apart: they hide what a bind above them shows', () => {
    const text = 'services:\n  es:\n    volumes:\n      - ./config:/usr/share/elasticsearch/config\n      - certs:/usr/share/elasticsearch/config/certs:ro\n      - /usr/share/elasticsearch/data\n      - type: tmpfs\n        target: /tmp/x\n      - type: volume\n        source: logs\n        target: /logs\n';
    const [service] = parseComposeMounts(text, '/ws/compose.yml').services;
    assert.deepEqual(service.mounts.map((m) => m.target), ['/usr/share/elasticsearch/config']);
    assert.deepEqual(service.volumes, ['/usr/share/elasticsearch/config/certs', '/usr/share/elasticsearch/data', '/tmp/x', '/logs']);
  });

  test('long syntax: only type bind', () => {
    const [service] = parseComposeMounts(LONG, '/ws/compose.yaml').services;
    assert.deepEqual(service.mounts, [{ source: '/ws/es/config', target: '/usr/share/elasticsearch/config', kind: 'bind' }]);
  });

  test('configs and secrets with their top-level files and default targets', () => {
    const [service] = parseComposeMounts(CONFIGS, '/ws/compose.yaml').services;
    assert.deepEqual(service.mounts.map((m) => [m.kind, m.source, m.target]), [
      ['config', KB_YML, '/usr/share/kibana/config/kibana.yml'],
      ['config', '/ws/pki/ca.crt', '/kibana_ca'],
      ['secret', '/ws/pki/kibana.key', '/run/secrets/kibana.key'],
      ['secret', '/ws/pki/kibana.crt', '/run/secrets/kibana_crt'],
    ]);
  });

  test('unknown variables, home-relative and malformed sources are left out; garbage gives no services', () => {
    const text = 'services:\n  a:\n    volumes:\n      - ${CERTS}:/certs\n      - ~/c:/c\n      - /only\n      - ./ok:/ok\n';
    assert.deepEqual(parseComposeMounts(text, '/ws/compose.yml').services[0].mounts.map((m) => m.target), ['/ok']);
    assert.deepEqual(parseComposeMounts(': : [', '/ws/compose.yml').services, []);
    assert.deepEqual(parseComposeMounts('- a\n- b\n', '/ws/compose.yml').services, []);
  });

  test('services that take their volumes from an anchor through a merge key', () => {
    const text = 'x-es: &es\n  image: es\n  volumes:\n    - ./certs:/usr/share/elasticsearch/config/certs\nservices:\n  es01:\n    <<: *es\n  es02:\n    <<: [*es]\n    image: other\n';
    const services = parseComposeMounts(text, '/ws/compose.yml').services;
    assert.deepEqual(services.map((s) => [s.name, s.image, s.mounts.map((m) => m.source)]), [['es01', 'es', ['/ws/certs']], ['es02', 'other', ['/ws/certs']]]);
  });

  test('variables as Compose interpolates them: .env values and defaults', () => {
    const env = parseDotEnv('# comment\nexport CERTS_DIR="./pki"\nES_CONF=/usr/share/elasticsearch/config # trailing\nEMPTY=\n');
    assert.equal(env.get('CERTS_DIR'), './pki');
    assert.equal(env.get('ES_CONF'), '/usr/share/elasticsearch/config');
    assert.equal(interpolate('${CERTS_DIR}:${ES_CONF}/certs', env), './pki:/usr/share/elasticsearch/config/certs');
    assert.equal(interpolate('${MISSING:-./certs}', env), './certs');
    assert.equal(interpolate('${EMPTY:-./d}|${EMPTY-./e}', env), './d|');
    assert.equal(interpolate('$$HOME', env), '$HOME');
    assert.equal(interpolate('${MISSING}/x', env), undefined);
    const text = 'services:\n  es:\n    volumes:\n      - ${CERTS_DIR}:${ES_CONF}/certs\n      - ${DATA:-./data}:/usr/share/elasticsearch/data\n';
    assert.deepEqual(parseComposeMounts(text, '/ws/compose.yml', env).services[0].mounts.map((m) => [m.source, m.target]), [
      ['/ws/pki', '/usr/share/elasticsearch/config/certs'],
      ['/ws/data', '/usr/share/elasticsearch/data'],
    ]);
  });

  test('the .env beside the compose file is used', () => {
    const files = { '/ws/compose.yaml': 'services:\n  es:\n    volumes:\n      - ./es/config/elasticsearch.yml:/usr/share/elasticsearch/config/elasticsearch.yml\n      - ${CERTS}:/usr/share/elasticsearch/config/certs\n', '/ws/.env': 'CERTS=./tls\n', '/ws/tls': 'dir' };
    const loc = locator(files).locate('certs/http.p12');
    assert.equal(loc.kind === 'mapped' && loc.localPath, '/ws/tls/http.p12');
  });

  test('compose files are searched from the file up to the workspace root only', () => {
    assert.deepEqual(searchFolders(ES_YML, [ROOT]), ['/ws/es/config', '/ws/es', '/ws']);
    assert.deepEqual(searchFolders('/elsewhere/elasticsearch.yml', [ROOT]), ['/elsewhere']);
  });
});

describe('path locator', () => {
  test('a folder with jvm.options is live: paths resolve against it', () => {
    const loc = locator({ '/ws/es/config/jvm.options': 'x' }).locate('certs/http.p12');
    assert.deepEqual(loc, { kind: 'live', localPath: '/ws/es/config/certs/http.p12', candidates: ['/ws/es/config/certs/http.p12'], via: 'live config directory (jvm.options beside it)' });
  });

  test('the user declares a folder live, or passes a config dir', () => {
    assert.equal(locator({}, { liveConfigDirs: ['/ws/es/config'] }).locate('/etc/x.crt').kind, 'live');
    const loc = locator({}, { configDir: '/etc/elasticsearch' }).locate('certs/a.crt');
    assert.equal(loc.kind === 'live' && loc.localPath, '/etc/elasticsearch/certs/a.crt');
  });

  test('Kibana live: its config folder and its home, the working directory it usually runs in', () => {
    const loc = locator({ '/ws/kibana/kibana.keystore': 'x' }, { product: 'kibana', filePath: KB_YML }).locate('certs/ca.crt');
    assert.deepEqual(loc.kind === 'live' && loc.candidates, ['/ws/kibana/certs/ca.crt', '/ws/certs/ca.crt']);
  });

  test('short compose mount: relative and container paths both reach the mounted folder', () => {
    const files = { '/ws/docker-compose.yml': SHORT, '/ws/certs': 'dir' as const };
    for (const value of ['certs/http.p12', `${ES_CERTS}/http.p12`]) {
      const loc = locator(files).locate(value);
      assert.equal(loc.kind, 'mapped', value);
      assert.equal(loc.kind === 'mapped' && loc.localPath, '/ws/certs/http.p12');
      assert.match(loc.kind === 'mapped' ? loc.via : '', /service `es01` in `docker-compose.yml` mounts `\.\/certs` at `\/usr\/share\/elasticsearch\/config\/certs`/);
    }
  });

  test('a bind mount whose source the workspace lacks: unmapped, with the reason', () => {
    const loc = locator({ '/ws/docker-compose.yml': SHORT }).locate('certs/http.p12');
    assert.equal(loc.kind, 'unmapped');
    assert.match(loc.kind === 'unmapped' ? loc.reason ?? '' : '', /mounts `\.\/certs` at `\/usr\/share\/elasticsearch\/config\/certs`, but the workspace holds no `\/ws\/certs`/);
    // A file that is there answers for its folder, whatever the file system says of the folder.
    assert.equal(locator({ '/ws/docker-compose.yml': SHORT, '/ws/certs/http.p12': 'x' }).locate('certs/http.p12').kind, 'mapped');
  });

  test('a compose mount wins over live markers: the folder describes a container', () => {
    const loc = locator({ '/ws/docker-compose.yml': SHORT, '/ws/es/config/jvm.options': 'x' }).locate('/etc/other.crt');
    assert.equal(loc.kind, 'unmapped');
  });

  test('long compose mount of the config folder', () => {
    const loc = locator({ '/ws/compose.yaml': LONG, '/ws/es/config': 'dir' }).locate('certs/node.p12');
    assert.equal(loc.kind === 'mapped' && loc.localPath, '/ws/es/config/certs/node.p12');
  });

  test('configs and secrets mount single files', () => {
    const l = locator({ '/ws/compose.yaml': CONFIGS, '/ws/pki/kibana.key': 'k', '/ws/pki/ca.crt': 'c' }, { product: 'kibana', filePath: KB_YML });
    assert.equal((l.locate('/run/secrets/kibana.key') as { localPath: string }).localPath, '/ws/pki/kibana.key');
    assert.equal((l.locate('/kibana_ca') as { localPath: string }).localPath, '/ws/pki/ca.crt');
    assert.equal(l.locate('/run/secrets/other.key').kind, 'unmapped');
  });

  test('a user mapping makes a container path local', () => {
    const pathMappings = mappingsFromSetting({ '/usr/share/elasticsearch/config': '${workspaceFolder}/es/config' }, [ROOT]);
    const loc = locator({}, { pathMappings }).locate(`${ES_CERTS}/http.p12`);
    assert.equal(loc.kind === 'mapped' && loc.localPath, '/ws/es/config/certs/http.p12');
    assert.match(loc.kind === 'mapped' ? loc.via : '', /elasticTls\.pathMappings/);
  });

  test('relative paths use the official image folders: Elasticsearch its config dir, Kibana its home', () => {
    assert.deepEqual(locator({}).locate('certs/a.crt'), { kind: 'unmapped', containerPath: `${ES_CERTS}/a.crt` });
    assert.deepEqual(locator({}, { product: 'kibana', filePath: KB_YML }).locate('config/a.crt'), { kind: 'unmapped', containerPath: '/usr/share/kibana/config/a.crt' });
  });

  test('an unmappable path is unmapped, and a file found beside the settings file is checked as assumed', () => {
    assert.deepEqual(locator({}).locate('/etc/elasticsearch/certs/x.crt'), { kind: 'unmapped', containerPath: '/etc/elasticsearch/certs/x.crt' });
    const loc = locator({ '/ws/es/config/certs/a.crt': 'x' }).locate('certs/a.crt');
    assert.equal(loc.kind === 'mapped' && loc.assumed, true);
  });

  test('templated paths are never located', () => {
    for (const value of ['${CERTS}/a.crt', '{{ certs_dir }}/a.crt', '{% if x %}a{% endif %}', '%{ if x }a%{ endif }', '<%= @certs %>/a.crt']) {
      assert.deepEqual(locator({ '/ws/es/config/jvm.options': 'x' }).locate(value), { kind: 'templated' }, value);
    }
  });
});

describe('user mappings', () => {
  test('--map CONTAINER=LOCAL, relative to the current folder', () => {
    assert.deepEqual(parseMapArgument('/usr/share/kibana/config/=./kb', '/ws'), { containerPath: '/usr/share/kibana/config', localPath: '/ws/kb', via: '--map' });
    assert.match(parseMapArgument('nope', '/ws') as string, /CONTAINER_PATH=LOCAL_PATH/);
    assert.match(parseMapArgument('relative=./x', '/ws') as string, /not an absolute path/);
  });

  test('${workspaceFolder} and ${workspaceFolder:name}; unknown names are dropped', () => {
    assert.equal(resolveUserPath('${workspaceFolder:b}/x', ['/r/a', '/r/b']), '/r/b/x');
    assert.equal(resolveUserPath('${workspaceFolder:c}/x', ['/r/a']), undefined);
    assert.deepEqual(mappingsFromSetting({ 'relative/x': '/a', '/ok': 5 }, ['/r']), []);
  });
});

describe('a settings file in a copy of a machine\'s /etc', () => {
  const copy = (files: Record<string, string | 'dir'>, filePath: string) => new PathLocator({ product: 'elasticsearch', filePath, workspaceRoots: ['/repo'], fs: memoryFs(files) });
  const node = '/repo/etc/elasticsearch/elasticsearch.yml';
  // A package install's folder, copied whole: its keystore and JVM options came along, which says nothing about this machine.
  const copied = { [node]: 'x', '/repo/etc/elasticsearch/jvm.options': '-Xms1g', '/repo/etc/elasticsearch/elasticsearch.keystore': 'k' };

  test('an absolute /etc path is read from the copy when the copy has the file', () => {
    const at = copy({ ...copied, '/repo/etc/elasticsearch/certs/node.p12': 'p' }, node).locate('/etc/elasticsearch/certs/node.p12');
    assert.equal(at.kind, 'mapped');
    assert.equal(at.kind === 'mapped' && at.localPath, '/repo/etc/elasticsearch/certs/node.p12');
    assert.match(at.kind === 'mapped' ? at.via : '', /copy of the machine's \/etc at `\/repo\/etc`/);
  });

  test('a file the copy lacks is unmapped with the reason, never missing on this machine', () => {
    const l = copy(copied, node);
    assert.equal(l.liveDir(), undefined, 'the copied markers do not make the copy live');
    const at = l.locate('/etc/elasticsearch/certs/node.p12');
    assert.equal(at.kind, 'unmapped');
    assert.match(at.kind === 'unmapped' ? at.reason ?? '' : '', /left out of such a copy/);
    // Another Beat's or product's folder of the same copy counts too.
    assert.equal(copy({ ...copied, '/repo/etc/kibana/ca.crt': 'c' }, node).locate('/etc/kibana/ca.crt').kind, 'mapped');
  });

  test("the machine's own /etc is live as before, and a path outside /etc is not read from the copy", () => {
    const own = copy({ '/etc/elasticsearch/elasticsearch.yml': 'x', '/etc/elasticsearch/jvm.options': 'j' }, '/etc/elasticsearch/elasticsearch.yml');
    assert.equal(own.locate('/etc/elasticsearch/certs/node.p12').kind, 'live');
    assert.notEqual(copy(copied, node).locate('/opt/certs/node.p12').kind, 'mapped');
  });
});
