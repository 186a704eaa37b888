import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
// @ts-expect-error: a plain .mjs script without type declarations
import { failures, parseSummary, THRESHOLDS } from '../../../scripts/corpusGate.mjs';

const line = (recall: string, precision: string, noisy: number, errors: number) =>
  `missed  x.yml:3 ...\ncorpus all: 79 files; recall ${recall} (20/21); precision ${precision} (50/51 in-scope diagnostics expected); clean files with noise ${noisy}; tool errors ${errors}\n`;

describe('corpus gate', () => {
  test('reads the last line of score.py', () => {
    assert.deepEqual({ ...parseSummary(line('0.95', '0.98', 0, 0)), line: undefined }, { line: undefined, recall: 0.95, precision: 0.98, noisyCleanFiles: 0, toolErrors: 0 });
    assert.equal(parseSummary('Traceback (most recent call last)\n'), undefined);
  });

  test('passes at the bar and fails below it, saying why', () => {
    assert.deepEqual(failures(parseSummary(line('0.95', '0.98', 0, 0))), []);
    const why = failures(parseSummary(line('0.94', '0.97', 1, 2)));
    assert.equal(why.length, 4);
    assert.match(why.join('\n'), /recall 0\.94 is below 0\.95[\s\S]*precision 0\.97 is below 0\.98[\s\S]*1 clean file[\s\S]*2 tool error/);
    assert.deepEqual(THRESHOLDS, { recall: 0.95, precision: 0.98, noisyCleanFiles: 0, toolErrors: 0 });
  });

  test('a clone without ../shared/corpus skips in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'estls-gate-'));
    try {
      mkdirSync(join(dir, 'project', 'scripts'), { recursive: true });
      copyFileSync(join(__dirname, '../../../scripts/corpusGate.mjs'), join(dir, 'project', 'scripts', 'corpusGate.mjs'));
      const run = spawnSync(process.execPath, [join(dir, 'project', 'scripts', 'corpusGate.mjs')], { encoding: 'utf8' });
      assert.equal(run.status, 0);
      assert.equal(run.stdout, 'corpus: skipped (../shared/corpus not found)\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
