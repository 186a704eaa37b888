#!/usr/bin/env node
// dist/cli.js, the `estls` command: runs dist/cli-bundle.js with the V8 code cache made when it was built
// (esbuild.mjs), so a start-up deserialises compiled code instead of parsing and compiling the ~800 KB bundle.
// The cache is named after a hash of the bundle it was made from; V8 rejects one from another Node version or
// with other flags, and then the bundle is compiled as usual. Nothing is written at run time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

/** Hash of the bundle this loader was built with ('' in watch mode: no cache then). */
const BUNDLE_ID = '__ESTLS_BUNDLE_ID__';
const filename = path.join(__dirname, 'cli-bundle.js');
const cacheFile = path.join(__dirname, `cli-bundle.${BUNDLE_ID}.cache`);
// ESTLS_CODE_CACHE=write: the build's one run, which stores the code compiled by its end; =off: compile as usual.
const mode = process.env.ESTLS_CODE_CACHE;

if (process.sourceMapsEnabled) {
  // --enable-source-maps (a development build has maps): Node applies them only in its own loader (Module#_compile,
  // run as this module under the bundle's name), not to vm scripts.
  module._compile(fs.readFileSync(filename, 'utf8'), filename);
} else {
  runWithCache();
}

function runWithCache() {
  let cachedData;
  if (BUNDLE_ID && mode !== 'write' && mode !== 'off') {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // No cache shipped beside the bundle: compile it.
    }
  }
  // The CommonJS wrapper on a line of its own, so that stack traces name the bundle's own lines.
  const source = `(function (exports, require, module, __filename, __dirname) {\n${fs.readFileSync(filename, 'utf8')}\n})`;
  const script = new vm.Script(source, { filename, lineOffset: -1, cachedData });
  if (mode === 'write' && BUNDLE_ID) {
    process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  }
  // The bundle runs as this module: `require.main === module` holds in it as it did when it was dist/cli.js.
  script.runInThisContext().call(module.exports, module.exports, require, module, filename, __dirname);
}
