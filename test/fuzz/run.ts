// `npm run fuzz -- --seconds N [--seed S] [--target a,b] [--fresh-corpus] [--replay file.json]`
// Fuzzes every parser in a worker child (hangs and deaths are attributed to their input) and, when
// dist/server.js is built, the language server over stdio. Ends with `fuzz: N inputs, M crashes`; exits 1 on a crash.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CrashLog } from './lib/report';
import { generators } from './lib/generators';
import { type FuzzInput, fromSaved, type SavedInput } from './lib/input';
import { runLspTarget } from './lib/lsp';
import { type CrashInfo, WorkerPool } from './lib/pool';
import { Prng, hashString } from './lib/prng';
import { TARGETS } from './targets';
import { loadCorpus } from './corpusCache';
import { ROOT } from './seeds';

interface Args { seconds: number; seed: number; targets?: string[]; fresh: boolean; replay?: string; lsp: boolean }

function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed = value('--seed');
  return {
    seconds: Number(value('--seconds') ?? 60),
    seed: seed !== undefined ? Number(seed) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0,
    targets: value('--target')?.split(','),
    fresh: argv.includes('--fresh-corpus'),
    replay: value('--replay'),
    lsp: !argv.includes('--no-lsp'),
  };
}

const HERE = __dirname;
const MIN_INPUTS = 5;
const ORDER = [...TARGETS.map((t) => t.name), 'lsp'];
const print = (line: string) => console.log(line);

function regressionInputs(): SavedInput[] {
  const dir = path.join(HERE, 'regressions');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SavedInput);
}

function catalogKeys(): string[] {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { catalogFor } = require('../../server/src/catalog') as typeof import('../../server/src/catalog');
    const keys = [...catalogFor('elasticsearch').defs, ...catalogFor('kibana').defs].map((d) => d.key.replace(/<[^>]*>/g, 'x1'));
    return keys.filter((k) => /ssl|security|password|hosts|certificate|key/.test(k));
  } catch {
    return ['xpack.security.http.ssl.enabled', 'xpack.security.transport.ssl.keystore.path', 'server.ssl.certificate'];
  }
}

/**
 * Runs one input. Its bound is CPU time (see lib/cpu.ts); a hang still gets one more try in a fresh worker, so
 * a cold start or a burst of load does not count as a crash, while an input that hangs twice does.
 */
async function runOnce(pool: WorkerPool, target: string, input: FuzzInput, timeout: number): Promise<[number, number | undefined, CrashInfo?]> {
  let outcome = await pool.run(target, input, timeout);
  if (!outcome.ok && outcome.crash.name === 'Hang') outcome = await pool.run(target, input, timeout);
  return outcome.ok ? [outcome.ms, outcome.cpu] : [outcome.ms, outcome.cpu, outcome.crash];
}

/** The next input, or undefined (after a printed note) when a mutator itself fails: that is the harness's bug, not the target's. */
function makeInput(gen: (rng: Prng) => FuzzInput, rng: Prng, name: string): FuzzInput | undefined {
  try {
    return gen(rng);
  } catch (e) {
    print(`fuzz: harness note: a ${name} mutator failed: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const deadline = Date.now() + args.seconds * 1000;
  const log = new CrashLog(path.join(HERE, 'crashes'), print);
  const pool = new WorkerPool();
  const wanted = TARGETS.map((t) => t.name).filter((n) => !args.targets || args.targets.includes(n));
  print(`fuzz: seed ${args.seed} (repeat this run with --seed ${args.seed})`);
  try {
    const loaded = await pool.load(wanted);
    for (const r of loaded.filter((l) => !l.ok)) print(`fuzz: target ${r.name} not available: ${r.reason}`);
    const ready = loaded.filter((l) => l.ok).map((l) => l.name);
    const spec = (name: string) => TARGETS.find((t) => t.name === name);

    const serverJs = path.join(ROOT, 'dist', 'server.js');
    const lspBase = { serverJs, rng: new Prng(args.seed, hashString('lsp')), keys: catalogKeys(), log };
    if (args.replay) {
      const saved = JSON.parse(fs.readFileSync(args.replay, 'utf8')) as SavedInput;
      if (saved.target === 'lsp') {
        const corpus = await loadCorpus(path.join(HERE, '.corpus'), false, print);
        await runLspTarget({ ...lspBase, corpus, until: Date.now() + 60_000, inputs: [fromSaved(saved)] });
        const { lines, crashes } = log.summary(ORDER);
        lines.forEach((l) => print(l));
        return crashes > 0 ? 1 : 0;
      }
      const input = fromSaved(saved);
      log.record(saved.target, input, ...(await runOnce(pool, saved.target, input, spec(saved.target)?.timeoutMs ?? 2000)));
    } else {
      for (const saved of regressionInputs().filter((s) => ready.includes(s.target))) {
        const input = fromSaved(saved);
        log.record(saved.target, input, ...(await runOnce(pool, saved.target, input, spec(saved.target)?.timeoutMs ?? 2000)));
      }
      const corpus = await loadCorpus(path.join(HERE, '.corpus'), args.fresh, print);
      const gens = generators(corpus, catalogKeys());
      const active = ready.filter((n) => gens[n]);
      const lspWanted = args.lsp && (!args.targets || args.targets.includes('lsp'));
      if (lspWanted && !fs.existsSync(serverJs)) print('fuzz: target lsp not available: dist/server.js is not built (npm run build)');
      const lspRegressions = regressionInputs().filter((r) => r.target === 'lsp').map(fromSaved);
      const lspRun = lspWanted && fs.existsSync(serverJs)
        ? (async () => {
          if (lspRegressions.length) await runLspTarget({ ...lspBase, corpus, until: deadline, inputs: lspRegressions });
          await runLspTarget({ ...lspBase, corpus, until: deadline - 1500 });
        })()
        : Promise.resolve();
      for (const [i, name] of active.entries()) {
        const until = Date.now() + (deadline - 1500 - Date.now()) / (active.length - i);
        const rng = new Prng(args.seed, hashString(name));
        const gen = gens[name];
        const timeout = spec(name)?.timeoutMs ?? 2000;
        // At least a few inputs each, so a slow target before it cannot leave a target untested.
        for (let n = 0; gen && (Date.now() < until || n < MIN_INPUTS); n++) {
          const input = makeInput(gen, rng, name);
          if (input) log.record(name, input, ...(await runOnce(pool, name, input, timeout)));
        }
      }
      await lspRun;
    }
  } finally {
    pool.kill();
  }
  const { lines, crashes } = log.summary(ORDER);
  for (const line of lines) print(line);
  return crashes > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(`fuzz: harness failure: ${(e as Error).stack ?? String(e)}`);
  process.exit(2);
});
