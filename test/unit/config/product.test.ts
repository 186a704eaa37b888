import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { detectProduct, globToRegExp, settingsProductOf } from '../../../server/src/config/product';
import { isYamlList } from '../../../server/src/config/settingsText';
import { isBeatsFile } from '../../../server/src/config/forms/beats';
import { memoryFs } from '../rules/helpers';
import { SETTINGS_TEMPLATE_GLOB } from '../../../server/src/config/settingsFileNames';

describe('detectProduct', () => {
  const cases: Array<[string, Record<string, 'elasticsearch' | 'kibana'> | undefined, string | undefined]> = [
    ['/etc/elasticsearch/elasticsearch.yml', undefined, 'elasticsearch'],
    ['C:\\es\\config\\elasticsearch-node1.yaml', undefined, 'elasticsearch'],
    ['/opt/kibana/config/kibana.yml', undefined, 'kibana'],
    ['kibana.dev.yaml', undefined, 'kibana'],
    ['/x/docker-compose.yml', undefined, undefined],
    ['/x/my-elasticsearch.yml', undefined, undefined],
    ['/x/elasticsearch.json', undefined, undefined],
    // Templates that render a settings file: the names Ansible roles, Terraform and Helm set-ups give them.
    ['/role/templates/elasticsearch.yml.j2', undefined, 'elasticsearch'],
    ['/role/templates/kibana.yml.J2', undefined, 'kibana'],
    ['/tf/elasticsearch.yml.tpl', undefined, 'elasticsearch'],
    ['/tf/kibana-node1.yaml.tftpl', undefined, 'kibana'],
    // A template named after the product with no YAML extension counts only by its text (see below).
    ['/role/templates/elasticsearch-config.j2', undefined, undefined],
    ['/role/templates/elasticsearch.json.j2', undefined, undefined],
    ['/role/templates/elasticsearch.service.j2', undefined, undefined],
    ['/role/templates/my-elasticsearch.yml.j2', undefined, undefined],
    ['/x/elasticsearch.yml.bak', undefined, undefined],
    // Beats module and input configs carry the names of the products they read.
    ['/etc/filebeat/modules.d/elasticsearch.yml', undefined, undefined],
    ['/etc/metricbeat/modules.d/kibana-xpack.yml', undefined, undefined],
    ['/etc/filebeat/inputs.d/kibana.yml', undefined, undefined],
    ['/etc/filebeat/modules.d/elasticsearch.yml', { '**/modules.d/*.yml': 'elasticsearch' }, 'elasticsearch'],
    ['/work/deploy/es-node-1.yaml', { '**/es-node-*.yaml': 'elasticsearch' }, 'elasticsearch'],
    ['/work/deploy/kb.yml', { 'kb.yml': 'kibana' }, 'kibana'],
    ['/work/deploy/kibana.yml', { 'deploy/kibana.yml': 'elasticsearch' }, 'elasticsearch'],
    ['/work/other/kibana.yml', { 'deploy/kibana.yml': 'elasticsearch' }, 'kibana'],
    ['/work/a/values.yaml', { '**/{values,overrides}.yaml': 'elasticsearch' }, 'elasticsearch'],
  ];
  for (const [file, mapping, want] of cases) {
    test(`${file} with ${JSON.stringify(mapping ?? {})}`, () => assert.equal(detectProduct(file, mapping), want));
  }

  test('the editor\'s template glob takes every name the template patterns take', () => {
    const glob = globToRegExp(SETTINGS_TEMPLATE_GLOB);
    for (const name of ['elasticsearch.yml.j2', 'kibana.yaml.tpl', 'elasticsearch-config.j2', 'kibana.yml.template']) {
      assert.ok(detectProduct(`/a/${name}`, undefined, 'cluster.name: c\n'), name);
      assert.ok(glob.test(`a/${name}`), name);
    }
    // A workspace holding only templates (an Ansible role) starts the extension too.
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    assert.ok(manifest.activationEvents.includes(`workspaceContains:${SETTINGS_TEMPLATE_GLOB}`), 'package.json activates on the template glob');
  });

  test('globs', () => {
    assert.ok(globToRegExp('**/*.yml').test('a/b/c.yml'));
    assert.ok(globToRegExp('**/*.yml').test('c.yml'));
    assert.ok(!globToRegExp('*.yml').test('a/c.yml'));
    assert.ok(globToRegExp('conf?.yml').test('conf1.yml'));
  });
});

describe('settingsProductOf: a file a compose file mounts as a settings file', () => {
  const compose = [
    'services:',
    '  es01:',
    '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
    '    volumes:',
    '      - ./etc/es/es01.yml:/usr/share/elasticsearch/config/elasticsearch.yml:ro',
    '      - type: bind',
    '        source: ./etc/kb/kb.yml',
    '        target: /usr/share/kibana/config/kibana.yml',
    '      - ./etc/es/jvm.options:/usr/share/elasticsearch/config/jvm.options',
    '',
  ].join('\n');
  const fs = memoryFs({ '/p/docker-compose.yml': compose, '/p/etc/es/es01.yml': 'cluster.name: c\n', '/p/etc/kb/kb.yml': 'server.name: k\n', '/p/etc/es/jvm.options': '-Xms1g\n', '/p/etc/es/other.yml': 'a: b\n' });

  test('the name of the place it is mounted at decides, in short and long volume syntax', () => {
    assert.equal(settingsProductOf('/p/etc/es/es01.yml', fs, ['/p']), 'elasticsearch');
    assert.equal(settingsProductOf('/p/etc/kb/kb.yml', fs, ['/p']), 'kibana');
  });

  test('a file mounted as something else, or not mounted, stays unknown; a settings name needs no compose file', () => {
    assert.equal(settingsProductOf('/p/etc/es/jvm.options', fs, ['/p']), undefined);
    assert.equal(settingsProductOf('/p/etc/es/other.yml', fs, ['/p']), undefined);
    assert.equal(settingsProductOf('/q/elasticsearch.yml', memoryFs({}), []), 'elasticsearch');
  });

  test('the compose file is searched only up to the root that holds the file', () => {
    assert.equal(settingsProductOf('/p/etc/es/es01.yml', fs, ['/p/etc']), undefined);
  });
});

describe('compose files read for many files', () => {
  test('each is parsed once while its stat and its .env stay, and again when either changes', () => {
    const files = new Map<string, { text: string; mtimeMs: number }>([
      ['/p/docker-compose.yml', { text: 'services:\n  es:\n    volumes:\n      - ./a.yml:/usr/share/elasticsearch/config/elasticsearch.yml\n', mtimeMs: 1 }],
      ['/p/a.yml', { text: 'cluster.name: c\n', mtimeMs: 1 }],
    ]);
    let reads = 0;
    const fs = {
      stat: (p: string) => {
        const f = files.get(p);
        return f && { size: f.text.length, mtimeMs: f.mtimeMs, isFile: true, isDirectory: false };
      },
      readFile: (p: string) => {
        if (p.endsWith('docker-compose.yml')) reads++;
        const f = files.get(p);
        return f && new TextEncoder().encode(f.text);
      },
    };
    for (let i = 0; i < 5; i++) assert.equal(settingsProductOf('/p/a.yml', fs, ['/p']), 'elasticsearch');
    assert.equal(reads, 1);
    files.set('/p/docker-compose.yml', { text: files.get('/p/docker-compose.yml')!.text.replace('elasticsearch/config/elasticsearch', 'kibana/config/kibana'), mtimeMs: 2 });
    assert.equal(settingsProductOf('/p/a.yml', fs, ['/p']), 'kibana');
    files.set('/p/.env', { text: 'X=1\n', mtimeMs: 3 });
    settingsProductOf('/p/a.yml', fs, ['/p']);
    assert.equal(reads, 3, 'a new .env can change what the file interpolates');
  });
});

describe('the text decides what a name only suggests', () => {
  test('a template named after the product with no YAML extension is settings when it starts with a key', () => {
    assert.equal(detectProduct('/r/templates/elasticsearch-config.j2', undefined, '# {{ ansible_managed }}\n{% if x %}\ncluster.name: {{ name }}\n'), 'elasticsearch');
    assert.equal(detectProduct('/r/templates/kibana-config.j2', undefined, 'server.host: "0.0.0.0"\n'), 'kibana');
    // A yum repository file of the same role: an INI section, then key=value lines.
    assert.equal(detectProduct('/r/templates/elasticsearch-repo.j2', undefined, '[elasticsearch]\nname=Elasticsearch repository\n'), undefined);
    assert.equal(detectProduct('/r/templates/elasticsearch-repo.j2', undefined, 'name=Elasticsearch repository\n'), undefined);
  });

  test('an Ansible vault is never read as settings, whatever its name', () => {
    const vault = '$ANSIBLE_VAULT;1.1;AES256\n3133626538306266\n';
    assert.equal(detectProduct('/r/vars/kibana_credentials.yml', undefined, vault), undefined);
    assert.equal(detectProduct('/r/vars/kibana_credentials.yml', undefined, 'server.name: k\n'), 'kibana');
  });
});

describe('a YAML list is not a settings file', () => {
  test('the first line of content decides; comments, directives and document markers before it do not count', () => {
    assert.ok(isYamlList('- name: install\n'));
    assert.ok(isYamlList('%YAML 1.2\n---\n# tasks\n\n-\n  name: x\n'));
    assert.ok(!isYamlList('cluster.name: c\n- stray\n'));
    assert.ok(!isYamlList('# only a comment\n'));
    assert.ok(!isYamlList('"- quoted": x\n'));
  });

  test('a list named elasticsearch.yml is no settings file, unless the user maps it as one', () => {
    const fs = memoryFs({});
    assert.equal(settingsProductOf('/r/tasks/elasticsearch.yml', fs, ['/r'], undefined, '- name: install\n'), undefined);
    assert.equal(settingsProductOf('/r/tasks/elasticsearch.yml', fs, ['/r'], { '**/tasks/*.yml': 'elasticsearch' }, '- x\n'), 'elasticsearch');
    assert.equal(settingsProductOf('/r/elasticsearch.yml', fs, ['/r'], undefined, 'cluster.name: c\n'), 'elasticsearch');
  });
});

describe('a Beat named file that cannot be a Beat', () => {
  test('an Ansible vault or task list named filebeat_*.yml is no Beats file; one with the content still is', () => {
    assert.equal(isBeatsFile('$ANSIBLE_VAULT;1.1;AES256\n6563\n', '/r/vars/filebeat_credentials.yml'), false);
    assert.equal(isBeatsFile('- name: install filebeat\n', '/r/tasks/filebeat.yml'), false);
    assert.equal(isBeatsFile('output.elasticsearch:\n  hosts: ["es:9200"]\n', '/r/filebeat.yml'), true);
  });
});
