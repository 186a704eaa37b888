// elasticsearch.keystore: setting names from every format version (3 to 6), with the empty or a given password;
// the values never appear in any result or rendering. Real files from public repositories are read from
// ../shared/corpus/keystores (never copied into the repository).
import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readPkiFile } from '../../../server/src/pki/readPkiFile';
import { PkiError } from '../../../server/src/pki/errors';
import { renderCertificateMarkdown } from '../../../server/src/pki/render';
import { renderText } from '../../../server/src/cli/inspect';
import { writeEsKeystore } from './helpers/esKeystore';

const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
const read = (b: Uint8Array, password?: string) => readPkiFile(b, { clock, password, fileName: 'elasticsearch.keystore' }).result;
const code = (c: string) => (e: unknown) => e instanceof PkiError && e.code === c;
const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/keystores');
const SECRET = 'value-that-must-never-show-7f3a';

describe('elasticsearch.keystore', () => {
  for (const [file, version, names] of [
    ['v3-elasticsearch.keystore', 3, ['keystore.seed']],
    ['v5-elasticsearch.keystore', 5, ['bootstrap.password', 'keystore.seed']],
    ['v6-elasticsearch.keystore', 6, ['bootstrap.password', 'keystore.seed']],
  ] as const) {
    it(`reads the real ${file}`, { skip: !fs.existsSync(path.join(CORPUS, file)) && 'corpus not present' }, () => {
      const r = read(fs.readFileSync(path.join(CORPUS, file)));
      assert.equal(r.format, 'elasticsearch-keystore');
      assert.deepEqual(r.elasticsearchKeystore, { formatVersion: version, hasPassword: false, kdfIterations: version >= 6 ? 210_000 : 10_000, settingNames: [...names] });
    });
  }

  for (const version of [3, 4, 5, 6]) {
    it(`reads names of a version ${version} keystore, empty password and given password`, () => {
      const settings = { 'xpack.security.transport.ssl.keystore.secure_password': SECRET, 'keystore.seed': 'seed', 'gcs.client.default.credentials_file': Buffer.from(SECRET) };
      const open = read(writeEsKeystore({ version, settings }));
      assert.deepEqual(open.elasticsearchKeystore?.settingNames, Object.keys(settings).sort());
      const locked = writeEsKeystore({ version, settings, password: 'ks-pass' });
      assert.throws(() => read(locked), code('PASSWORD_REQUIRED'));
      assert.throws(() => read(locked, 'wrong'), code('BAD_PASSWORD'));
      const r = read(locked, 'ks-pass');
      assert.equal(r.elasticsearchKeystore?.hasPassword, true);
      assert.deepEqual(r.elasticsearchKeystore?.settingNames, Object.keys(settings).sort());
      for (const out of [JSON.stringify(r), renderCertificateMarkdown(r), renderText(r)]) assert.ok(!out.includes(SECRET) && !out.includes('ks-pass'), 'no value or password in any output');
    });
  }

  it('refuses versions it does not know, as Elasticsearch refuses versions 1 and 2', () => {
    assert.throws(() => read(writeEsKeystore({ version: 2, settings: {} })), (e: unknown) => code('UNSUPPORTED')(e) && /too old/.test((e as Error).message));
    assert.throws(() => read(writeEsKeystore({ version: 7, settings: {} })), (e: unknown) => code('UNSUPPORTED')(e) && /3 to 6/.test((e as Error).message));
  });

  it('uses the iteration count of the version (a file made with another count does not open)', () => {
    assert.throws(() => read(writeEsKeystore({ version: 6, settings: { a: 'b' }, iterations: 10_000 })), code('PASSWORD_REQUIRED'));
  });

  it('a corrupt checksum, a truncated file or a bad password flag is BAD_DER', () => {
    const good = writeEsKeystore({ version: 5, settings: { a: 'b' } });
    const flipped = Buffer.from(good);
    flipped[60] ^= 1;
    assert.throws(() => read(flipped), code('BAD_DER'));
    assert.throws(() => read(good.subarray(0, 40)), (e: unknown) => e instanceof PkiError);
    const flag = Buffer.from(good);
    flag[31] = 7;
    assert.throws(() => read(flag), (e: unknown) => e instanceof PkiError && e.code === 'BAD_DER');
  });
});
