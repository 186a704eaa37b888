import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCheck, type CheckReportEntry } from '../../../server/src/cli/check';
import { memoryIo } from '../../../server/src/cli/io';

// Kibana 8.0 removed xpack.security.enabled from kibana.yml; 7.16 deprecated it; before, it was plain valid.
const KIBANA = 'xpack.security.enabled: true\n';

async function run(files: Record<string, string>, ...args: string[]) {
  const io = memoryIo(files);
  const code = await runCheck(['--format', 'json', ...args], io);
  const entries = io.stdout ? (JSON.parse(io.stdout) as CheckReportEntry[]) : [];
  return { code, entries, err: io.stderr };
}

const verdict = (entries: CheckReportEntry[]) => entries.filter((e) => e.line === 1).map((e) => `${e.severity} ${e.ruleId}`);

describe('estls check follows the stack version', () => {
  test('--stack-version decides on both sides of the removal', async () => {
    const files = { '/work/kibana.yml': KIBANA };
    assert.deepEqual(verdict((await run(files, '--stack-version', '8.0.0', 'kibana.yml')).entries), ['error removed-setting']);
    assert.deepEqual(verdict((await run(files, '--stack-version', '7.16.0', 'kibana.yml')).entries), ['warning deprecated-setting']);
    assert.deepEqual(verdict((await run(files, '--stack-version', '7.10.2', 'kibana.yml')).entries), ['hint removed-setting']);
  });

  test('a compose image tag beside the file sets the version, and the message says so', async () => {
    const files = { '/work/kibana.yml': KIBANA, '/work/docker-compose.yml': 'services:\n  kibana:\n    image: docker.elastic.co/kibana/kibana:7.10.2\n' };
    const { entries } = await run(files, 'kibana.yml');
    assert.deepEqual(verdict(entries), ['hint removed-setting']);
    assert.match(entries[0].message, /Kibana 7\.10\.2 \(from image: docker\.elastic\.co\/kibana\/kibana:7\.10\.2 in work\/docker-compose\.yml\)/);
  });

  test('without any version the current 9.x is assumed, and said', async () => {
    const { entries } = await run({ '/work/kibana.yml': KIBANA }, 'kibana.yml');
    assert.deepEqual(verdict(entries), ['error removed-setting']);
    assert.match(entries[0].message, /Kibana 9\.x \(assumed: no stack version found/);
  });

  test('a malformed --stack-version is a usage error', async () => {
    const { code, err } = await run({ '/work/kibana.yml': KIBANA }, '--stack-version', 'latest', 'kibana.yml');
    assert.equal(code, 2);
    assert.match(err, /--stack-version takes a version/);
  });
});
