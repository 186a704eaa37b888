// Diagnostics latency through the protocol: open an elasticsearch.yml, type 100 single characters (a new version
// each, sent as VS Code sends it: the changed range to a server that asks for incremental sync), time each
// didChange to the publishDiagnostics that answers it. Baseline:
// yaml-language-server validating the same file against a JSON schema of the same keys, same client code.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { makeElasticsearchYml } from './lib/esConfig.mjs';
import { startLsp, uriOf } from './lib/lspClient.mjs';
import { makeFixtureCerts } from './lib/opensslPki.mjs';
import { cliJs, nullServer, root, serverJs, yamlLsBin, yamlLsNoDebounce } from './lib/paths.mjs';
import { timeProcessRuns } from './lib/proc.mjs';
import { elasticsearchSchema } from './lib/schema.mjs';
import { median, p95, progress, row } from './lib/stats.mjs';

export const title = 'Diagnostics after an edit';

// `baselineEdits`: yaml-language-server takes about a second per edit on 5,000 lines, so it gets fewer there
// to keep the whole run near five minutes.
const SIZES = [
  { lines: 200, target: 10, baselineEdits: 100 },
  { lines: 1000, target: 30, baselineEdits: 100 },
  { lines: 5000, target: 100, baselineEdits: 30 },
];
const EDITS = 100;
const WARMUP_EDITS = 10;
/** Untimed edits before the long-session row: by then V8 has compiled both servers' hot code. */
const LONG_SESSION_EDITS = 1000;
const PASSWORD = 'bench-pass';

/** The text after edit `i`: one more `x` at the end of one string value, spread over the file. */
function editor(text, editLines) {
  const lines = text.split('\n');
  return (i) => {
    const at = editLines[(i * 37) % editLines.length];
    lines[at] += 'x';
    return lines.join('\n');
  };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
async function cpuMs(pid) {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The file holds five mistakes on purpose; a server that reports fewer did not check it (a broken build, or a
 * schema that never got associated), and its timings would mean nothing.
 */
function checkPlantedMistakes(diagnostics, ours) {
  if (ours === 'floor') return;
  const codes = new Set(diagnostics.map((d) => d.code));
  const missing = ours ? ['unknown-setting', 'invalid-value', 'secure-setting-in-yml'].filter((c) => !codes.has(c)) : [];
  if (diagnostics.length < 5 || missing.length) {
    throw new Error(`the ${ours ? 'server' : 'baseline'} reported ${diagnostics.length} problems (missing: ${missing.join(', ') || '-'}) in a file with five mistakes`);
  }
}

/**
 * One server editing one file: opens it, waits for its first diagnostics, then `step(i)` makes edit i and, past
 * the warm-up, records the milliseconds from didChange to the diagnostics that answer it.
 */
async function openSession(server, f, { edits, warmup, versioned, settleMs, floor }) {
  const uri = uriOf(f.file);
  const first = server.nextDiagnostics(uri);
  server.open(uri, f.text, 1);
  checkPlantedMistakes((await first).params.diagnostics, floor ? 'floor' : versioned);
  // Servers that do not echo the version may still publish for the open (settings arrive late): drain those.
  if (!versioned) await server.settle(settleMs);
  const next = editor(f.text, f.editLines);
  const session = { server, edits, warmup, total: warmup + edits, times: [], cpuBefore: 0, published: server.published };
  session.step = async (i) => {
    const v = i + 2;
    const answered = server.nextDiagnostics(uri, versioned ? (p) => p.version === v : () => true);
    if (i === warmup) session.cpuBefore = await cpuMs(server.child.pid);
    const t0 = performance.now();
    server.change(uri, next(i), v);
    const { at } = await answered;
    if (i >= warmup) session.times.push(at - t0);
    if (i === session.total - 1) session.cpuPerEdit = ((await cpuMs(server.child.pid)) - session.cpuBefore) / edits;
  };
  session.close = () => {
    session.extra = server.published - session.published - session.total;
    server.notify('textDocument/didClose', { textDocument: { uri } });
  };
  return session;
}

/**
 * Ours and the baseline on the same files, edits interleaved (one of ours, one of theirs, in alternating order)
 * so that both see the same background load. Returns per file { ours, base } sessions.
 */
async function measurePair(startOursFn, startBaseFn, files, oursOpts, baseOpts, label) {
  const [ours, base] = [await startOursFn(), await startBaseFn()];
  const out = [];
  try {
    for (const f of files) {
      progress(`${label}: ${f.actualLines} lines`);
      const count = (o) => (typeof o.edits === 'function' ? o.edits(f) : o.edits);
      const a = await openSession(ours, f, { ...oursOpts, edits: count(oursOpts) });
      const b = await openSession(base, f, { ...baseOpts, edits: count(baseOpts) });
      for (let i = 0; i < Math.max(a.total, b.total); i++) {
        for (const s of i % 2 === 0 ? [a, b] : [b, a]) if (i < s.total) await s.step(i);
      }
      a.close();
      b.close();
      out.push({ ours: a, base: b });
    }
  } finally {
    await Promise.all([ours.stop(), base.stop()]);
  }
  return out;
}

async function startOurs(dir, validationDelay) {
  const server = await startLsp({ script: serverJs, rootDir: dir, initializationOptions: validationDelay === undefined ? {} : { validationDelay } });
  // As the client does at start: the passwords of the keystores the settings name.
  server.notify('estls/setPasswords', { entries: ['node.p12', 'ca.p12'].map((f) => ({ path: path.join(dir, 'certs', f), password: PASSWORD })) });
  return server;
}

async function startYamlLs(dir, schemaFile, noDebounce) {
  const yaml = {
    validate: true, hover: false, completion: false, format: { enable: false },
    schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
    schemas: { [uriOf(schemaFile)]: ['**/elasticsearch*.yml'] },
  };
  // 1.25.0 pulls its settings with workspace/configuration; the client answers with the schema association.
  return startLsp({
    script: noDebounce ? yamlLsNoDebounce : yamlLsBin,
    rootDir: dir,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: {} } },
    configuration: (item) => (item.section === 'yaml' ? yaml : item.section === 'http' ? {} : null),
  });
}

async function prepare(tmp) {
  const dir = path.join(tmp, 'diagnostics');
  await mkdir(path.join(dir, 'certs'), { recursive: true });
  await makeFixtureCerts(path.join(dir, 'certs'), PASSWORD);
  const schemaFile = path.join(dir, 'elasticsearch.schema.json');
  await writeFile(schemaFile, JSON.stringify(elasticsearchSchema()));
  const files = [];
  for (const size of SIZES) {
    const { text, editLines } = makeElasticsearchYml(size.lines);
    const file = path.join(dir, `elasticsearch-${size.lines}.yml`);
    await writeFile(file, text);
    files.push({ ...size, file, text, editLines, actualLines: text.split('\n').length });
  }
  return { dir, schemaFile, files };
}

function sizeRows(files, results) {
  return files.flatMap((f, i) => {
    const { ours, base } = results[i];
    const [o, b] = [ours.times, base.times];
    const name = `diagnostics, ${f.actualLines} lines`;
    const baselineName = 'yaml-language-server 1.25.0 + JSON schema, debounce removed';
    const ratio = p95(b) / p95(o);
    return [
      row({ name: `${name}, median`, unit: 'ms', ours: median(o), baseline: median(b), baselineName,
        note: `${o.length} timed edits for ours, ${b.length} for the baseline, after ${WARMUP_EDITS} untimed ones each, interleaved` }),
      row({ name: `${name}, p95`, unit: 'ms', ours: p95(o), baseline: p95(b), baselineName,
        target: `<= ${f.target} ms and >= 10x`, meets: p95(o) <= f.target && ratio >= 10 }),
      row({ name: `${name}, server CPU per edit (mean)`, unit: 'ms', ours: ours.cpuPerEdit, baseline: base.cpuPerEdit, baselineName,
        target: '>= 10x', meets: base.cpuPerEdit >= 10 * ours.cpuPerEdit,
        note: 'user + system time of the server process over the timed edits, from /proc/<pid>/stat: what an edit costs with no waiting for a busy CPU' }),
    ];
  });
}

/** `estls check` on a 30-line file beside `node -e ""`, both as whole processes: the cost of a pre-commit hook per file. */
async function cliStartRow(dir) {
  progress('estls check start-up');
  const { text } = makeElasticsearchYml(30);
  const file = path.join(dir, 'elasticsearch-small.yml');
  await writeFile(file, text);
  const runs = { runs: 15, okCodes: [0, 1], cwd: root };
  const cli = [];
  const bare = [];
  // Interleaved in rounds of one, so both see the same background load.
  for (let i = 0; i < runs.runs; i++) {
    cli.push(...(await timeProcessRuns(process.execPath, [cliJs, 'check', file], { ...runs, runs: 1, warmup: i === 0 ? 1 : 0 })));
    bare.push(...(await timeProcessRuns(process.execPath, ['-e', ''], { ...runs, runs: 1, warmup: i === 0 ? 1 : 0 })));
  }
  return row({
    name: `estls check, ${text.split('\n').length} lines, whole process, median`, unit: 'ms', ours: median(cli), baseline: median(bare),
    baselineName: 'node -e "" (starting and ending node alone)', target: 'within 2x', meets: median(cli) <= 2 * median(bare),
    note: `${runs.runs} runs each, interleaved; ratio below 0.5 misses`,
  });
}

export async function run({ tmp }) {
  const { dir, schemaFile, files } = await prepare(tmp);
  const results = await measurePair(() => startOurs(dir, 0), () => startYamlLs(dir, schemaFile, true), files,
    { edits: EDITS, warmup: WARMUP_EDITS, versioned: true },
    { edits: (f) => f.baselineEdits, warmup: WARMUP_EDITS, versioned: false, settleMs: 500 }, 'debounce 0, ours and yaml-language-server');
  const rows = sizeRows(files, results);
  const extra = results.reduce((n, r) => n + r.base.extra, 0);
  if (extra) rows[rows.length - 1].note = `yaml-language-server published ${extra} more diagnostics than edits`;

  // As shipped: our default debounce (150 ms) beside yaml-language-server's fixed 200 ms, on 1,000 lines.
  const mid = [files[1]];
  const few = { edits: 10, warmup: 1 };
  const [shipped] = await measurePair(() => startOurs(dir, undefined), () => startYamlLs(dir, schemaFile, false), mid,
    { ...few, versioned: true }, { ...few, versioned: false, settleMs: 500 }, 'default debounce, ours and yaml-language-server');
  rows.push(row({
    name: `diagnostics, ${mid[0].actualLines} lines, default debounce, p95`, unit: 'ms',
    ours: p95(shipped.ours.times), baseline: p95(shipped.base.times),
    baselineName: 'yaml-language-server 1.25.0 as shipped (fixed 200 ms delay)',
    note: 'ours waits elasticTls.validationDelay (default 150 ms); yaml-language-server 1.25.0 waits a fixed 200 ms that no setting changes, so the debounce-0 rows run it through bench/lib/yamlLsNoDebounce.cjs, which only sets that field to 0',
  }));

  // The floor: ours beside a server that publishes empty diagnostics and does nothing else, on 200 lines.
  const small = [files[0]];
  const [floor] = await measurePair(() => startOurs(dir, 0), () => startLsp({ script: nullServer, rootDir: dir }), small,
    { edits: EDITS, warmup: WARMUP_EDITS, versioned: true }, { edits: EDITS, warmup: WARMUP_EDITS, versioned: true, floor: true }, 'ours and a do-nothing server');
  const floorName = 'a do-nothing LSP server (bench/lib/nullServer.cjs: empty diagnostics per change)';
  rows.push(
    row({ name: `diagnostics, ${small[0].actualLines} lines, p95 beside the floor`, unit: 'ms', ours: p95(floor.ours.times), baseline: p95(floor.base.times),
      baselineName: floorName, target: 'within 2x of the floor', meets: p95(floor.ours.times) <= 2 * p95(floor.base.times),
      note: 'ratio below 0.5 misses; the floor is what the protocol alone costs, same client, edits interleaved' }),
    row({ name: `diagnostics, ${small[0].actualLines} lines, server CPU per edit beside the floor`, unit: 'ms', ours: floor.ours.cpuPerEdit, baseline: floor.base.cpuPerEdit, baselineName: floorName }),
  );

  // The rows above time the first edits after a server starts, V8 compiling its hot code among them; this one
  // times the same file after a long session, both servers fresh and warmed alike.
  const [long] = await measurePair(() => startOurs(dir, 0), () => startYamlLs(dir, schemaFile, true), small,
    { edits: EDITS, warmup: LONG_SESSION_EDITS, versioned: true }, { edits: EDITS, warmup: LONG_SESSION_EDITS, versioned: false, settleMs: 500 },
    `after ${LONG_SESSION_EDITS} edits, ours and yaml-language-server`);
  rows.push(row({
    name: `diagnostics, ${small[0].actualLines} lines, server CPU per edit after ${LONG_SESSION_EDITS} edits`, unit: 'ms',
    ours: long.ours.cpuPerEdit, baseline: long.base.cpuPerEdit, baselineName: 'yaml-language-server 1.25.0 + JSON schema, debounce removed',
    note: `${EDITS} timed edits after ${LONG_SESSION_EDITS} untimed ones, each server started for this row; informational, beside the ${WARMUP_EDITS}-edit rows that carry the targets`,
  }));

  rows.push(await cliStartRow(dir));

  progress('estls check, whole process');
  const big = files[2];
  const cli = await timeProcessRuns(process.execPath, [cliJs, 'check', big.file], { runs: 5, okCodes: [0, 1], cwd: root });
  const parseOnly = `require('yaml').parse(require('fs').readFileSync(${JSON.stringify(big.file)}, 'utf8'))`;
  const yamlParse = await timeProcessRuns(process.execPath, ['-e', parseOnly], { runs: 5, cwd: root });
  rows.push(row({
    name: `estls check, ${big.actualLines} lines, whole process, median`, unit: 'ms', ours: median(cli), baseline: median(yamlParse),
    baselineName: "node -e \"require('yaml').parse(file)\" (parse only, no checks)",
    note: 'the baseline only starts node and parses the YAML; estls check also loads the catalog, runs every rule and reads the certificates',
  }));
  return rows;
}
