// The child process that runs targets. The parent sends one input at a time and kills this process when an
// input takes too long, so a hang or a fatal error is attributed to the exact input that caused it.
import 'reflect-metadata';
import type { FuzzInput } from './lib/input';
import { type Runner, TARGETS } from './targets';

type Request = { type: 'load'; targets: string[] } | { type: 'run'; id: number; target: string; input: FuzzInput };

const runners = new Map<string, Runner>();

function send(message: unknown): void {
  process.send?.(message);
}

function describe(e: unknown): { name: string; message: string; stack?: string } {
  if (e instanceof Error) return { name: e.name, message: e.message.slice(0, 2000), stack: e.stack?.split('\n').slice(0, 12).join('\n') };
  return { name: typeof e, message: String(e).slice(0, 2000) };
}

async function load(names: string[]): Promise<void> {
  const report: Array<{ name: string; ok: boolean; reason?: string }> = [];
  for (const spec of TARGETS.filter((t) => names.includes(t.name))) {
    try {
      runners.set(spec.name, await spec.load());
      report.push({ name: spec.name, ok: true });
    } catch (e) {
      report.push({ name: spec.name, ok: false, reason: describe(e).message.split('\n')[0] });
    }
  }
  send({ type: 'loaded', report });
}

async function run(id: number, target: string, input: FuzzInput): Promise<void> {
  let runner = runners.get(target);
  const spec = TARGETS.find((t) => t.name === target);
  if (!runner && spec) runners.set(target, (runner = await spec.load()));
  if (!runner) return send({ type: 'result', id, crash: { name: 'Harness', message: `no target ${target}` } });
  input.bytes = Buffer.from(input.bytes);
  input.opts.files = input.opts.files?.map((f) => Buffer.from(f));
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const spent = () => {
    const u = process.cpuUsage(cpu0);
    return { ms: performance.now() - started, cpu: (u.user + u.system) / 1000 };
  };
  try {
    await runner(input);
    send({ type: 'result', id, ...spent() });
  } catch (e) {
    send({ type: 'result', id, ...spent(), crash: describe(e) });
  }
}

// A rejection nobody awaited is a crash of the input being run (the parent knows which one).
process.on('unhandledRejection', (e) => send({ type: 'stray', error: describe(e) }));
process.on('uncaughtException', (e) => send({ type: 'stray', error: describe(e) }));
process.on('message', (m: Request) => {
  if (m.type === 'load') void load(m.targets);
  else if (m.type === 'run') void run(m.id, m.target, m.input);
});
send({ type: 'ready' });
