// Crash bookkeeping: one line per crash signature, the input saved under crashes/ and printed as base64.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type FuzzInput, toSaved } from './input';
import type { CrashInfo } from './pool';

/** Inputs up to this size are printed whole; larger ones are only saved. */
const PRINT_LIMIT = 3 * 1024;

export interface TargetStats { inputs: number; crashes: number; ms: number; slow: number }

export class CrashLog {
  private readonly seen = new Map<string, number>();
  readonly stats = new Map<string, TargetStats>();

  constructor(private readonly dir: string, private readonly print: (line: string) => void) {}

  statsOf(target: string): TargetStats {
    let s = this.stats.get(target);
    if (!s) this.stats.set(target, (s = { inputs: 0, crashes: 0, ms: 0, slow: 0 }));
    return s;
  }

  /** Counts one input, and the crash when there is one. */
  record(target: string, input: FuzzInput, ms: number, cpu?: number, crash?: CrashInfo): void {
    const s = this.statsOf(target);
    s.inputs++;
    s.ms += ms;
    if ((cpu ?? ms) > 2000) s.slow++;
    if (crash) this.crash(target, input, crash);
  }

  crash(target: string, input: FuzzInput, crash: CrashInfo): void {
    this.statsOf(target).crashes++;
    const frame = crash.stack?.split('\n').find((l) => l.trim().startsWith('at ')) ?? '';
    const signature = `${target}|${crash.name}|${crash.message.replace(/\d+/g, 'N').slice(0, 120)}|${frame.trim()}`;
    const count = (this.seen.get(signature) ?? 0) + 1;
    this.seen.set(signature, count);
    if (count > 1) return;
    const saved = toSaved(target, input, `${crash.name}: ${crash.message.split('\n')[0]}`);
    const json = JSON.stringify(saved, null, 1);
    const hash = crypto.createHash('sha256').update(json).digest('hex').slice(0, 12);
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${target}-${hash}.json`);
    fs.writeFileSync(file, json);
    this.print(`fuzz: CRASH in ${target}: ${crash.name}: ${crash.message.split('\n')[0].slice(0, 300)}`);
    if (crash.stack) this.print(crash.stack.split('\n').slice(0, 8).map((l) => `    ${l}`).join('\n'));
    this.print(`    saved to ${path.relative(process.cwd(), file)}; replay: npm run fuzz -- --replay ${path.relative(process.cwd(), file)}`);
    if (input.bytes.length <= PRINT_LIMIT) this.print(`    input (base64): ${saved.base64}`);
    else this.print(`    input is ${input.bytes.length} bytes; see the saved file`);
  }

  /** The per-target lines and the final total line. */
  summary(order: readonly string[]): { lines: string[]; crashes: number } {
    const lines: string[] = [];
    const rates = order.filter((t) => this.stats.has(t)).map((t) => {
      const s = this.statsOf(t);
      return `${t} ${s.ms > 0 ? Math.round((s.inputs * 1000) / s.ms) : 0}/s${s.slow ? ` (${s.slow} over 2 s of CPU)` : ''}`;
    });
    lines.push(`fuzz: inputs per second of target time: ${rates.join(', ')}`);
    let inputs = 0;
    let crashes = 0;
    for (const t of order) {
      const s = this.stats.get(t);
      if (!s) continue;
      inputs += s.inputs;
      crashes += s.crashes;
      lines.push(`fuzz: ${t} ${s.inputs} inputs, ${s.crashes} crashes`);
    }
    lines.push(`fuzz: ${inputs} inputs, ${crashes} crashes`);
    return { lines, crashes };
  }
}
