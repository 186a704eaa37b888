// Bundles the extension client, the language server and the CLI into dist/.
// One bundler for everything; `vscode` stays external because VS Code provides it.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  // dist/cli.js is the small loader written by writeCliLoader, which runs this bundle with its code cache.
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-bundle.js' },
];

// A small settings file for the one run that makes the code cache: a typo, so the did-you-mean code is compiled
// too, and no certificate file, so the cache holds what a check of one settings file runs (the ASN.1 readers,
// which load only for certificate files, would make it larger and every start-up slower to deserialise).
const CACHE_SAMPLE = [
  'cluster.name: sample',
  'network.host: 0.0.0.0',
  'xpack.security.enabled: true',
  'xpack.security.http.ssl.enabled: true',
  'xpack.security.http.ssl.verfication_mode: certificate',
  'xpack.security.transport.ssl.enabled: true',
  'xpack.security.transport.ssl.verification_mode: sometimes',
  '',
].join('\n');

/**
 * Writes dist/cli.js (scripts/cliLoader.cjs, naming the bundle's hash) and, unless watching, the V8 code cache
 * beside the bundle: the loader is run once on CACHE_SAMPLE with ESTLS_CODE_CACHE=write. Caches of older
 * bundles are deleted. Reason: compiling the bundle was about a fifth of `estls check` on a small file.
 */
function writeCliLoader(withCache) {
  // In watch mode this runs before the first build has made dist/.
  fs.mkdirSync('dist', { recursive: true });
  for (const f of fs.readdirSync('dist')) if (/^cli-bundle\..*\.cache$/.test(f)) fs.rmSync(path.join('dist', f));
  const id = withCache ? createHash('sha256').update(fs.readFileSync('dist/cli-bundle.js')).digest('hex').slice(0, 16) : '';
  const loader = fs.readFileSync('scripts/cliLoader.cjs', 'utf8').replace('__ESTLS_BUNDLE_ID__', id);
  fs.writeFileSync('dist/cli.js', loader, { mode: 0o755 });
  if (!withCache) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-cache-'));
  try {
    fs.writeFileSync(path.join(dir, 'elasticsearch.yml'), CACHE_SAMPLE);
    try {
      execFileSync(process.execPath, ['dist/cli.js', 'check', path.join(dir, 'elasticsearch.yml')], {
        env: { ...process.env, ESTLS_CODE_CACHE: 'write' }, stdio: 'ignore',
      });
    } catch (e) {
      // Exit code 1: the sample's findings, as intended. Anything else is a broken CLI.
      if (e.status !== 1) throw e;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (!fs.existsSync(`dist/cli-bundle.${id}.cache`)) throw new Error('esbuild.mjs: the CLI run wrote no code cache');
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  writeCliLoader(false);
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  writeCliLoader(true);
}
