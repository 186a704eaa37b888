// dist/cli.js is a loader that runs dist/cli-bundle.js with the V8 code cache made at build time (esbuild.mjs).
// The cache changes speed only: output must not depend on it, a bad or missing cache must not break the command,
// and the bundle must behave as the main module with stack traces naming its own lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cliPath } from './lspClient.mjs';

const dist = path.dirname(cliPath);
const run = (cli, args, env = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });

describe('dist/cli.js loader and code cache', () => {
  let dir;
  let sample;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-loader-'));
    sample = path.join(dir, 'elasticsearch.yml');
    fs.writeFileSync(sample, 'xpack.security.enabled: true\nxpack.security.http.ssl.verfication_mode: full\nxpack.security.http.ssl.client_authentication: sometimes\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the build leaves exactly one cache, named after the bundle it was made from', () => {
    const caches = fs.readdirSync(dist).filter((f) => /^cli-bundle\..*\.cache$/.test(f));
    assert.equal(caches.length, 1, caches.join(', '));
    const id = caches[0].split('.')[1];
    assert.match(fs.readFileSync(cliPath, 'utf8'), new RegExp(`const BUNDLE_ID = '${id}';`));
  });

  test('the same output and exit code with the cache, without it, and with a corrupt one', () => {
    const withCache = run(cliPath, ['check', sample]);
    assert.equal(withCache.status, 1, withCache.stderr);
    assert.match(withCache.stdout, /unknown-setting/);
    const without = run(cliPath, ['check', sample], { ESTLS_CODE_CACHE: 'off' });
    assert.deepEqual([without.status, without.stdout, without.stderr], [withCache.status, withCache.stdout, withCache.stderr]);

    // A copy of dist/ whose cache is garbage of the same size: V8 rejects it and the bundle compiles as usual.
    const copy = path.join(dir, 'dist');
    fs.mkdirSync(copy);
    for (const f of fs.readdirSync(dist)) if (/^cli/.test(f) && !f.endsWith('.map')) fs.copyFileSync(path.join(dist, f), path.join(copy, f));
    const cache = fs.readdirSync(copy).find((f) => f.endsWith('.cache'));
    fs.writeFileSync(path.join(copy, cache), Buffer.alloc(fs.statSync(path.join(copy, cache)).size, 0x5a));
    const corrupt = run(path.join(copy, 'cli.js'), ['check', sample]);
    assert.deepEqual([corrupt.status, corrupt.stdout, corrupt.stderr], [withCache.status, withCache.stdout, withCache.stderr]);
    fs.rmSync(path.join(copy, cache));
    const missing = run(path.join(copy, 'cli.js'), ['check', sample]);
    assert.deepEqual([missing.status, missing.stdout, missing.stderr], [withCache.status, withCache.stdout, withCache.stderr]);
  });

  test('a check of a file that names no certificate evaluates no node:crypto (5 to 15 ms of start-up)', () => {
    const script = `const before = new Set(process.moduleLoadList);
      process.on('exit', () => console.error(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));
      process.argv = [process.argv[0], ${JSON.stringify(cliPath)}, 'check', ${JSON.stringify(sample)}];
      require('node:module').runMain();`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 1, r.stderr);
    const loaded = JSON.parse(r.stderr.trim().split('\n').pop());
    assert.ok(loaded.includes('NativeModule vm'), 'the probe sees the builtins the CLI loads');
    assert.deepEqual(loaded.filter((m) => /crypto/.test(m)), []);
  });

  test('the bundle runs as the main module, and its stack traces name cli-bundle.js lines', () => {
    const fake = path.join(dir, 'fake');
    fs.mkdirSync(fake);
    fs.copyFileSync(cliPath, path.join(fake, 'cli.js'));
    fs.writeFileSync(
      path.join(fake, 'cli-bundle.js'),
      [
        "'use strict';",
        'console.log(JSON.stringify({ main: require.main === module, file: __filename, dir: __dirname, argv: process.argv.slice(2) }));',
        "if (process.argv[2] === 'throw') throw new Error('from line 3');",
        '',
      ].join('\n'),
    );
    const ok = run(path.join(fake, 'cli.js'), ['a', 'b']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout), { main: true, file: path.join(fake, 'cli-bundle.js'), dir: fake, argv: ['a', 'b'] });
    const at = new RegExp(`${path.join(fake, 'cli-bundle.js').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:\\d+`);
    const thrown = run(path.join(fake, 'cli.js'), ['throw']);
    assert.notEqual(thrown.status, 0);
    assert.match(thrown.stderr, at);
    // With --enable-source-maps the loader hands the bundle to Node's own loader, which applies source maps.
    const mapped = spawnSync(process.execPath, ['--enable-source-maps', path.join(fake, 'cli.js'), 'a'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(mapped.status, 0, mapped.stderr);
    assert.deepEqual(JSON.parse(mapped.stdout), { main: true, file: path.join(fake, 'cli-bundle.js'), dir: fake, argv: ['a'] });
    const mappedThrow = spawnSync(process.execPath, ['--enable-source-maps', path.join(fake, 'cli.js'), 'throw'], { encoding: 'utf8', timeout: 60_000 });
    assert.match(mappedThrow.stderr, at);
  });
});
