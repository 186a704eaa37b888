import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCheck, type CheckReportEntry } from '../../../server/src/cli/check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryIo, nodeIo } from '../../../server/src/cli/io';
import { generate } from '../../../server/src/pki/generate';

const TYPO = 'xpack.security.transport.ssl.verfication_mode';
const files = {
  '/work/elasticsearch.yml': `xpack.security.enabled: true\n${TYPO}: full\n`,
  '/work/clean/elasticsearch.yml': 'xpack.security.enabled: true\n',
  '/work/kibana.yml': 'elasticsearch.ssl.verificationMode: sometimes\n',
  '/work/node.yaml': `${TYPO}: full\n`,
  '/work/binary/elasticsearch.yml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]),
  '/work/latin1/elasticsearch.yml': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nxpack.security.enabled: true\n')]),
  '/work/deep/elasticsearch.yml': `a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  '/work/big/elasticsearch.yml': '#'.repeat(10 * 1024 * 1024 + 10),
};

async function check(...args: string[]) {
  const io = memoryIo(files);
  const code = await runCheck(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('estls check', () => {
  test('prints findings like a compiler and exits 1 on errors', async () => {
    const { code, out, err } = await check('elasticsearch.yml');
    assert.equal(code, 1);
    const line = out.split('\n').find((l) => l.includes('unknown-setting'));
    assert.match(line!, /^elasticsearch\.yml:2:1 error unknown-setting `xpack\.security\.transport\.ssl\.verfication_mode` is not a known/);
    assert.match(err, /error/);
  });

  test('JSON output has 1-based positions and every field', async () => {
    const { code, out } = await check('--format', 'json', 'elasticsearch.yml');
    assert.equal(code, 1);
    const entries = JSON.parse(out) as CheckReportEntry[];
    const unknown = entries.find((e) => e.ruleId === 'unknown-setting')!;
    assert.deepEqual({ ...unknown, message: undefined }, { file: 'elasticsearch.yml', line: 2, column: 1, endLine: 2, endColumn: TYPO.length + 1, severity: 'error', ruleId: 'unknown-setting', message: undefined });
  });

  test('a clean file exits 0 with no findings', async () => {
    const { code, out } = await check('--format', 'json', 'clean/elasticsearch.yml');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), []);
  });

  test('the product comes from the name, or from --product', async () => {
    const kibana = await check('--format', 'json', 'kibana.yml');
    assert.ok((JSON.parse(kibana.out) as CheckReportEntry[]).some((e) => e.ruleId === 'invalid-value'));
    const unknownName = await check('node.yaml');
    assert.equal(unknownName.code, 2);
    assert.match(unknownName.err, /--product/);
    const given = await check('--product', 'elasticsearch', 'node.yaml');
    assert.equal(given.code, 1);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no file', [], /no file given/],
    ['unknown product', ['--product', 'logstash', 'elasticsearch.yml'], /unknown product/],
    ['unknown format', ['--format', 'xml', 'elasticsearch.yml'], /unknown format/],
    ['bad expiry days', ['--expiry-days', '-3', 'elasticsearch.yml'], /expiry-days|-3/],
    ['unknown option', ['--frobnicate', 'elasticsearch.yml'], /frobnicate/],
    ['missing file', ['nope/elasticsearch.yml'], /no such file/],
    ['a folder', ['clean'], /clean/],
  ];
  for (const [name, args, message] of usage) {
    test(`exits 2 on ${name}`, async () => {
      const { code, err } = await check(...args);
      assert.equal(code, 2);
      assert.match(err, message);
    });
  }

  const hostile: Array<[string, string, string]> = [
    ['binary data', 'binary/elasticsearch.yml', 'not-text'],
    ['invalid UTF-8', 'latin1/elasticsearch.yml', 'not-text'],
    ['10,000-deep nesting', 'deep/elasticsearch.yml', 'yaml-too-deep'],
    ['a file over 10 MB', 'big/elasticsearch.yml', 'file-too-large'],
  ];
  for (const [name, file, ruleId] of hostile) {
    test(`${name} gives one clear finding`, async () => {
      const { code, out } = await check('--format', 'json', file);
      assert.equal(code, 1);
      const entries = JSON.parse(out) as CheckReportEntry[];
      assert.deepEqual(entries.map((e) => e.ruleId), [ruleId]);
    });
  }

  test('invalid UTF-8 is reported where the bad byte is', async () => {
    const { out } = await check('--format', 'json', 'latin1/elasticsearch.yml');
    const [entry] = JSON.parse(out) as CheckReportEntry[];
    assert.deepEqual([entry.line, entry.column], [1, 6]);
  });

  test('one unreadable file among several still prints the others and exits 2', async () => {
    const { code, out, err } = await check('clean/elasticsearch.yml', 'missing.yml', 'elasticsearch.yml');
    assert.equal(code, 2);
    assert.match(out, /unknown-setting/);
    assert.match(err, /missing\.yml/);
  });

  test('a missing file alone: exit 2, "no such file", and no "0 errors" summary of files never checked', async () => {
    const { code, out, err } = await check('nope/elasticsearch.yml');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(err, 'estls check: nope/elasticsearch.yml: no such file\n');
  });

  test('the summary counts only the files that were checked', async () => {
    const { err } = await check('clean/elasticsearch.yml', 'missing.yml');
    assert.match(err, /0 errors, 0 warnings in 1 file\n$/);
    const both = await check('clean/elasticsearch.yml', 'elasticsearch.yml');
    assert.match(both.err, / in 2 files\n$/);
  });

  test('a folder counts as the settings files it held, not as one; its Ansible task list and Beats module config are not settings', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'estls-site-'));
    try {
      const files: Record<string, string> = {
        'es/elasticsearch.yml': 'xpack.security.enabled: true\n',
        'kb/kibana.yml': 'server.name: kb\n',
        'tasks/elasticsearch.yml': '---\n# installs the node\n- name: install\n  apt: { name: elasticsearch }\n',
        'filebeat/modules.d/elasticsearch.yml': 'server:\n  enabled: true\n',
        'notes.yml': 'a: b\n',
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
      }
      let out = '';
      let err = '';
      const code = await runCheck(['.'], { ...nodeIo(), cwd: root, out: (t: string) => void (out += t), err: (t: string) => void (err += t) });
      assert.equal(code, 0, out + err);
      assert.equal(out, '');
      assert.equal(err, '0 errors, 0 warnings in 2 files\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('--help prints usage and exits 0', async () => {
    const { code, out } = await check('--help');
    assert.equal(code, 0);
    assert.match(out, /^Usage: estls check/);
  });
});

describe('estls check --expiry-days', () => {
  test('decides when a configured certificate counts as expiring', async () => {
    const result = await generate({ kind: 'ca', format: 'pem', days: 20 }, { clock: { now: () => new Date() } });
    const ca = result.files.find((f) => f.path.endsWith('.crt'))!;
    const files = {
      '/etc/es/elasticsearch.yml': 'xpack.security.transport.ssl.enabled: true\nxpack.security.transport.ssl.certificate_authorities: [ ca.crt ]\n',
      '/etc/es/ca.crt': Buffer.from(ca.contentBase64, 'base64'),
    };
    const run = async (days: string) => {
      const io = memoryIo(files, '/etc/es');
      await runCheck(['--format', 'json', '--expiry-days', days, 'elasticsearch.yml'], io);
      return (JSON.parse(io.stdout) as CheckReportEntry[]).map((e) => e.ruleId);
    };
    assert.ok((await run('30')).includes('certificate-expiring'));
    assert.ok(!(await run('10')).includes('certificate-expiring'));
  });
});

describe('estls check: where paths live', () => {
  const CERT = 'xpack.security.http.ssl.enabled: true\nxpack.security.http.ssl.keystore.path: /usr/share/elasticsearch/config/certs/http.p12\n';
  const compose = 'services:\n  es01:\n    volumes:\n      - ./es:/usr/share/elasticsearch/config\n';
  async function run(extra: Record<string, string>, ...args: string[]) {
    const io = memoryIo({ '/work/es/elasticsearch.yml': CERT, ...extra });
    const code = await runCheck(['--format', 'json', ...args, 'es/elasticsearch.yml'], io);
    const all = JSON.parse(io.stdout || '[]') as CheckReportEntry[];
    return { code, entries: all.filter((e) => e.ruleId === 'missing-file' || e.ruleId === 'path-not-checked'), err: io.stderr };
  }

  test('a container path nothing maps: only a hint, exit 0', async () => {
    const { code, entries } = await run({});
    assert.equal(code, 0);
    assert.deepEqual(entries.map((e) => [e.ruleId, e.severity]), [['path-not-checked', 'hint']]);
  });

  test('a compose mount found above the file: a warning on the missing mounted file', async () => {
    const { code, entries } = await run({ '/work/docker-compose.yml': compose });
    assert.equal(code, 0);
    assert.deepEqual(entries.map((e) => [e.ruleId, e.severity]), [['missing-file', 'warning']]);
    assert.match(entries[0].message, /\/work\/es\/certs\/http\.p12/);
  });

  test('--map CONTAINER=LOCAL maps a path; a wrong --map is a usage error', async () => {
    const { entries } = await run({}, '--map', '/usr/share/elasticsearch/config=./node');
    assert.match(entries[0].message, /by --map, and `\/work\/node\/certs\/http\.p12` does not exist/);
    const bad = await run({}, '--map', 'config=./node');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /not an absolute path/);
  });

  test('--config-dir makes the file live: a missing file is an error, as the product would raise', async () => {
    const { code, entries } = await run({}, '--config-dir', 'es');
    assert.equal(code, 1);
    assert.deepEqual(entries.map((e) => [e.ruleId, e.severity]), [['missing-file', 'error']]);
  });
});
