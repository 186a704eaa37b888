// Time bounds in CPU time, not wall time: on a loaded machine a process may wait seconds for a CPU, and that
// must not count as a hang. Linux exposes a process's CPU time in /proc; elsewhere wall time is used.
import * as fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/** CPU milliseconds the process has used so far, or undefined when that cannot be read. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** A process that does nothing at all for this long is stuck (deadlocked or waiting forever). */
export const WALL_CAP_MS = 60_000;

/**
 * Calls `onExpired` once `pid` has spent `budgetMs` of CPU (or, without /proc, of wall time) since now, or once
 * WALL_CAP_MS pass. Returns a function that cancels the watch.
 */
export function watchBudget(pid: number | undefined, budgetMs: number, onExpired: (how: string) => void): () => void {
  const startCpu = cpuMs(pid);
  const startWall = Date.now();
  let timer: NodeJS.Timeout;
  const check = () => {
    const now = cpuMs(pid);
    const wall = Date.now() - startWall;
    const used = startCpu !== undefined && now !== undefined ? now - startCpu : wall;
    if (used >= budgetMs) return onExpired(`${Math.round(used)} ms of CPU time`);
    if (wall >= WALL_CAP_MS) return onExpired(`${wall} ms of wall time with only ${Math.round(used)} ms of CPU time`);
    timer = setTimeout(check, Math.max(50, Math.min(budgetMs - used, WALL_CAP_MS - wall)));
  };
  timer = setTimeout(check, budgetMs);
  return () => clearTimeout(timer);
}
