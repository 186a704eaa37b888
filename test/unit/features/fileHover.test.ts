import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeFile, type FileHoverEnv } from '../../../server/src/features/fileHover';
import { PkiError } from '../../../server/src/pki/errors';
import type { CertificateFileRead, CertificateFiles } from '../../../server/src/pki/fileCache';
import type { FileStat } from '../../../server/src/core/environment';

const file = (size: number): FileStat => ({ size, mtimeMs: 0, isFile: true, isDirectory: false });
const stats: Record<string, FileStat> = {
  '/ws/certs/ca.crt': file(1200),
  '/ws/certs/locked.p12': file(2500),
  '/ws/certs/junk.crt': file(10),
  '/ws/certs': { size: 0, mtimeMs: 0, isFile: false, isDirectory: true },
  '/outside/ca.crt': file(1200),
};

function reader(seen: Array<[string, string | undefined]>): CertificateFiles {
  return {
    read(path, password): CertificateFileRead {
      seen.push([path, password]);
      if (path.endsWith('locked.p12')) return { kind: 'error', path, error: new PkiError(password ? 'BAD_PASSWORD' : 'PASSWORD_REQUIRED', 'x') };
      if (path.endsWith('junk.crt')) return { kind: 'error', path, error: new PkiError('NOT_PEM', 'The file holds no PEM block.') };
      const result = { file: path, format: 'pem' as const, certificates: [], keys: [], entries: [] };
      return { kind: 'parsed', path, file: { result, certificates: [], keys: [], entries: [] } };
    },
  };
}

function env(passwords: Record<string, string> = {}, seen: Array<[string, string | undefined]> = []): FileHoverEnv {
  return {
    fs: { stat: (p) => stats[p], readFile: () => undefined },
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    mayRead: (p) => p.startsWith('/ws/'),
    certificates: reader(seen),
    passwords: { get: (p) => passwords[p] },
  };
}

describe('describing the file a path setting names', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['a readable certificate', '/ws/certs/ca.crt', /^_No certificates or keys found\._\n\nFile: `\/ws\/certs\/ca\.crt`$/],
    ['a missing file', '/ws/certs/none.crt', /^\*\*Missing\*\*: `\/ws\/certs\/none\.crt` does not exist\.$/],
    ['a folder', '/ws/certs', /is a folder/],
    ['a locked keystore', '/ws/certs/locked.p12', /^\*\*Locked\*\*: .* needs a password/],
    ['an unreadable file', '/ws/certs/junk.crt', /^\*\*Cannot read\*\* .*: The file holds no PEM block\.$/],
    ['a file outside an untrusted workspace', '/outside/ca.crt', /not trusted, so the file was not read/],
  ];
  for (const [name, path, expected] of cases) {
    test(name, () => assert.match(describeFile(path, 'certificate', env()), expected));
  }

  test('the stored password is used, and a wrong one is called wrong', () => {
    const seen: Array<[string, string | undefined]> = [];
    const text = describeFile('/ws/certs/locked.p12', 'keystore', env({ '/ws/certs/locked.p12': 'nope' }, seen));
    assert.deepEqual(seen, [['/ws/certs/locked.p12', 'nope']]);
    assert.match(text, /stored password .* is not right/);
    assert.doesNotMatch(text, /nope/);
  });

  test('files that are not certificates are only sized, not parsed', () => {
    const seen: Array<[string, string | undefined]> = [];
    assert.equal(describeFile('/ws/certs/ca.crt', 'other', env({}, seen)), '`/ws/certs/ca.crt` (1200 bytes).');
    assert.deepEqual(seen, []);
  });

  test('an I/O error is named, not thrown', () => {
    const broken = { ...env(), fs: { stat: () => { throw Object.assign(new Error('denied'), { code: 'EACCES' }); }, readFile: () => undefined } };
    assert.match(describeFile('/ws/certs/ca.crt', 'certificate', broken), /EACCES/);
  });
});
