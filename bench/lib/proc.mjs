// Whole-process timing: spawn, wait for exit, milliseconds from spawn to exit.
import { spawn } from 'node:child_process';

/** Runs `cmd args` to completion; resolves { ms, code, stdout, stderr }. Any exit code is accepted. */
export function timeProcess(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, stdout, stderr }));
  });
}

/** Times `runs` sequential runs of a process after `warmup` unrecorded ones; fails on an unexpected exit code. */
export async function timeProcessRuns(cmd, args, { runs, warmup = 1, okCodes = [0], ...options }) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const r = await timeProcess(cmd, args, options);
    if (!okCodes.includes(r.code)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
    if (i >= warmup) times.push(r.ms);
  }
  return times;
}
