// The worker child: started with tsx, fed one input at a time, killed and restarted after a hang or a death.
import { type ChildProcess, fork } from 'node:child_process';
import * as path from 'node:path';
import { watchBudget } from './cpu';
import type { FuzzInput } from './input';

export interface CrashInfo { name: string; message: string; stack?: string }
/** `ms` is wall time, `cpu` the worker's CPU time for the input (when it answered). */
export type Outcome = { ok: true; ms: number; cpu?: number } | { ok: false; ms: number; cpu?: number; crash: CrashInfo };

interface Pending { id: number; resolve: (o: Outcome) => void; cancel: () => void; started: number }

/** Worker heap limit: an input that needs more is a crash (memory exhaustion), not a reason to swap. */
const HEAP_MB = 1024;

export class WorkerPool {
  private child?: ChildProcess;
  private pending?: Pending;
  private nextId = 1;
  private stderrTail = '';

  /** Starts (or restarts) the child and loads `targets`; returns which loaded and why the others did not. */
  async load(targets: string[]): Promise<Array<{ name: string; ok: boolean; reason?: string }>> {
    const child = fork(path.join(__dirname, '..', 'worker.ts'), [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${HEAP_MB}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stderr?.on('data', (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString()).slice(-2000)));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    child.on('message', (m: Parameters<WorkerPool['onMessage']>[0]) => this.onMessage(m));
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', () => reject(new Error(`worker did not start: ${this.stderrTail}`)));
    });
    return new Promise((resolve) => {
      const onLoaded = (m: { type: string; report?: Array<{ name: string; ok: boolean; reason?: string }> }) => {
        if (m.type !== 'loaded') return;
        child.off('message', onLoaded);
        resolve(m.report ?? []);
      };
      child.on('message', onLoaded);
      child.send({ type: 'load', targets });
    });
  }

  /** Runs one input; past its CPU time bound the child is killed (the next run restarts it). */
  async run(target: string, input: FuzzInput, timeoutMs: number): Promise<Outcome> {
    // After a kill the new child loads the target on first use, which is quicker than loading them all.
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) await this.load([]);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const started = performance.now();
      const cancel = watchBudget(this.child?.pid, timeoutMs, (how) => {
        this.finish({ ok: false, ms: performance.now() - started, crash: { name: 'Hang', message: `no answer after ${how} (bound: ${timeoutMs} ms of CPU)` } });
        this.kill();
      });
      this.pending = { id, resolve, cancel, started };
      this.child?.send({ type: 'run', id, target, input });
    });
  }

  kill(): void {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private finish(outcome: Outcome): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    p.cancel();
    p.resolve(outcome);
  }

  private onMessage(m: { type: string; id?: number; ms?: number; cpu?: number; crash?: CrashInfo; error?: CrashInfo }): void {
    if (m.type === 'result' && m.id === this.pending?.id) {
      const times = { ms: m.ms ?? 0, cpu: m.cpu };
      this.finish(m.crash ? { ok: false, ...times, crash: m.crash } : { ok: true, ...times });
    } else if (m.type === 'stray' && m.error && this.pending) {
      this.finish({ ok: false, ms: performance.now() - this.pending.started, crash: { ...m.error, name: `Uncaught ${m.error.name}` } });
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: string | null): void {
    if (child !== this.child) return;
    this.child = undefined;
    const tail = this.stderrTail.trim().split('\n').slice(-6).join('\n');
    const started = this.pending?.started ?? performance.now();
    this.finish({ ok: false, ms: performance.now() - started, crash: { name: 'WorkerDied', message: `exit ${code ?? signal}`, stack: tail } });
  }
}
