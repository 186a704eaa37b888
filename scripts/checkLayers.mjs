// Enforces the order of layers in docs/ARCHITECTURE.md and fails on any import cycle in server/src and client/src.
// It resolves every relative import to a file, so a folder's depth cannot fool it as a text pattern could.
// Run by `npm run lint`; `node scripts/checkLayers.mjs --graph` prints the folder graph.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Which of our folders each layer may import (itself always allowed). Keep in step with docs/ARCHITECTURE.md. */
const allowed = {
  core: [],
  catalog: ['core'],
  config: ['core', 'catalog'],
  pki: ['core'],
  rules: ['core', 'catalog', 'config', 'pki'],
  workspace: ['core', 'catalog', 'config', 'pki', 'rules'],
  checker: ['core', 'catalog', 'config', 'pki', 'rules', 'workspace'],
  features: ['core', 'catalog', 'config', 'pki', 'rules', 'workspace', 'checker'],
  'protocol.ts': ['core', 'pki', 'workspace'],
  cli: ['core', 'catalog', 'config', 'pki', 'rules', 'workspace', 'checker', 'features', 'protocol.ts'],
  'cli.ts': ['cli', 'core', 'pki'],
  lsp: ['core', 'catalog', 'config', 'pki', 'rules', 'workspace', 'checker', 'features', 'protocol.ts'],
  'main.ts': ['lsp'],
};
// The client runs in the editor and loads nothing of the engine: it may import protocol.ts (which re-exports the
// engine types the client needs) and pure helpers: server files whose own imports are only node: builtins and
// other pure helpers (no npm package, so nothing heavy reaches the extension bundle).

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Resolves a relative specifier the way TypeScript does for our sources (extensionless or .js). */
function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return undefined;
}

/**
 * Static and dynamic imports and re-exports as { spec, typeOnly }. `import type` counts for layers and cycles
 * too: a type cycle is still two files that cannot be understood one without the other.
 */
function importsOf(file) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  const re = /(?:^|\n)\s*(import|export)\s([^'"]*?)from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (let m; (m = re.exec(text)); ) {
    found.push({ spec: m[3] ?? m[4] ?? m[5], typeOnly: m[3] !== undefined && /^type\s/.test(m[2]) });
  }
  return found;
}

/** True when a file imports only node: builtins and other pure files, so the client may bundle it. */
const pureMemo = new Map();
function isPure(file) {
  if (pureMemo.has(file)) return pureMemo.get(file);
  pureMemo.set(file, true); // a cycle is reported elsewhere; assume pure while visiting
  const pure = importsOf(file).every(({ spec, typeOnly }) => {
    // Types are erased, node: builtins cost nothing to bundle, and JSON (the manifest) is data.
    if (typeOnly || spec.startsWith('node:') || spec.endsWith('.json')) return true;
    const target = resolveImport(file, spec);
    return target !== undefined && isPure(target);
  });
  pureMemo.set(file, pure);
  return pure;
}

/** The layer a file belongs to: its top folder under server/src, or `client`. */
function layerOf(file) {
  const rel = relative(root, file).split(sep).join('/');
  if (rel.startsWith('client/src/')) return 'client';
  const m = /^server\/src\/([^/]+)/.exec(rel);
  return m ? m[1] : undefined;
}

const files = [...walk(join(root, 'server/src')), ...walk(join(root, 'client/src'))];
const graph = new Map();
const errors = [];
for (const file of files) {
  const from = layerOf(file);
  const targets = [];
  for (const { spec } of importsOf(file)) {
    const target = resolveImport(file, spec);
    if (!target) continue;
    targets.push(target);
    const to = layerOf(target);
    const rel = relative(root, target).split(sep).join('/');
    if (to === from) continue;
    const ok = from === 'client' ? to === 'protocol.ts' || isPure(target) : (allowed[from] ?? []).includes(to);
    const what = from === 'client' ? 'protocol.ts, pure helpers' : (allowed[from] ?? []).join(', ') || 'nothing of ours';
    if (!ok) errors.push(`${relative(root, file)}: layer '${from}' may not import '${rel}' (allowed: ${what})`);
  }
  graph.set(file, targets);
}

// Tarjan's strongly connected components: any component with more than one file, or a self-import, is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
function connect(v) {
  const info = { index, low: index, onStack: true };
  index++;
  meta.set(v, info);
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!meta.has(w)) {
      connect(w);
      info.low = Math.min(info.low, meta.get(w).low);
    } else if (meta.get(w).onStack) info.low = Math.min(info.low, meta.get(w).index);
  }
  if (info.low !== info.index) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    meta.get(w).onStack = false;
    component.push(w);
  } while (w !== v);
  if (component.length > 1 || (graph.get(v) ?? []).includes(v)) {
    errors.push(`import cycle: ${component.map((f) => relative(root, f)).sort().join(' <-> ')}`);
  }
}
for (const file of files) if (!meta.has(file)) connect(file);

if (process.argv.includes('--graph')) {
  const edges = new Set();
  for (const [file, targets] of graph) for (const t of targets) if (layerOf(file) !== layerOf(t)) edges.add(`${layerOf(file)} -> ${layerOf(t)}`);
  console.log([...edges].sort().join('\n'));
}
if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`\n${errors.length} layering problem(s); see docs/ARCHITECTURE.md "Layers".`);
  process.exit(1);
}
console.log(`layers: ${files.length} files, no cycles, every import follows the order.`);
