import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../server/src/cli';
import { memoryIo } from '../../../server/src/cli/io';

describe('estls dispatcher', () => {
  const cases: Array<[argv: string[], code: number, stream: 'stdout' | 'stderr', text: RegExp]> = [
    [[], 2, 'stderr', /^Usage: estls/],
    [['--help'], 0, 'stdout', /^Usage: estls/],
    [['--version'], 0, 'stdout', /^\d+\.\d+\.\d+/],
    [['bogus'], 2, 'stderr', /unknown command 'bogus'/],
    [['toString'], 2, 'stderr', /unknown command 'toString'/],
    [['gen', '--help'], 0, 'stdout', /^Usage: estls gen/],
    [['check', '/work/nothing.yml'], 2, 'stderr', /nothing\.yml/],
    [['inspect', '/work/nothing.pem'], 1, 'stderr', /nothing\.pem: no such file/],
  ];
  for (const [argv, code, stream, text] of cases) {
    test(`estls ${argv.join(' ') || '(no arguments)'} exits ${code}`, async () => {
      const io = memoryIo();
      assert.equal(await runCli(argv, io), code);
      assert.match(io[stream], text);
    });
  }

  test('the bundle with commands loaded on demand stays one file that runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-dispatch-'));
    try {
      const outfile = path.join(dir, 'cli.js');
      const root = path.resolve(__dirname, '../../..');
      await esbuild.build({ entryPoints: [path.join(root, 'server/src/cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'silent' });
      assert.deepEqual(fs.readdirSync(dir), ['cli.js']);
      const version = execFileSync(process.execPath, [outfile, '--version']).toString();
      assert.match(version, /^\d+\.\d+\.\d+\n$/);
      assert.match(execFileSync(process.execPath, [outfile, 'gen', '--help']).toString(), /^Usage: estls gen/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
