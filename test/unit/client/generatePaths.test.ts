import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { safeSegments } from '../../../client/src/generate/safePath';
import { relocateSettingLines, settingsBlock } from '../../../client/src/generate/settingsPaths';

describe('safeSegments', () => {
  const good: Array<[string, string[]]> = [
    ['http.p12', ['http.p12']],
    ['elasticsearch/http.p12', ['elasticsearch', 'http.p12']],
  ];
  for (const [input, expected] of good) it(`accepts ${input}`, () => assert.deepEqual(safeSegments(input), expected));
  for (const bad of ['', '/etc/passwd', '..', '../x', 'a/../../x', 'a//b', 'C:\\x', '\\\\server\\x', './x']) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.throws(() => safeSegments(bad)));
  }
});

describe('relocateSettingLines', () => {
  const root = path.resolve('/srv/es/config');
  it('rewrites generated paths relative to the yml folder', () => {
    const out = relocateSettingLines(
      ['xpack.security.http.ssl.keystore.path: http.p12', 'xpack.security.http.ssl.enabled: true'],
      ['http.p12'],
      path.join(root, 'certs'),
      root,
    );
    assert.deepEqual(out, ['xpack.security.http.ssl.keystore.path: certs/http.p12', 'xpack.security.http.ssl.enabled: true']);
  });

  it('keeps quotes and trailing comments', () => {
    const out = relocateSettingLines(['  key: "ca/ca.crt" # the CA'], ['ca/ca.crt'], path.join(root, 'certs'), root);
    assert.deepEqual(out, ['  key: "certs/ca/ca.crt" # the CA']);
  });

  it('uses an absolute path when the output folder is outside the yml folder', () => {
    const out = relocateSettingLines(['k: x.crt'], ['x.crt'], path.resolve('/elsewhere'), root);
    assert.deepEqual(out, [`k: ${path.join(path.resolve('/elsewhere'), 'x.crt')}`]);
  });

  it('leaves values that are not generated files alone', () => {
    assert.deepEqual(relocateSettingLines(['k: other.crt'], ['x.crt'], root, root), ['k: other.crt']);
  });
});

describe('settingsBlock', () => {
  const cases: Array<[string, string]> = [
    ['', '# TLS settings added by Elastic TLS\na: 1\n'],
    ['x: 1', '\n\n# TLS settings added by Elastic TLS\na: 1\n'],
    ['x: 1\n', '\n# TLS settings added by Elastic TLS\na: 1\n'],
    ['x: 1\n\n', '# TLS settings added by Elastic TLS\na: 1\n'],
  ];
  for (const [before, expected] of cases) {
    it(`separates from ${JSON.stringify(before)}`, () => assert.equal(settingsBlock(before, ['a: 1']), expected));
  }
});
