// Summaries and the table every bench prints: median and p95 of repeated runs, ours beside a baseline.

/** The q-quantile (0..1) of numbers, nearest-rank on the sorted values. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

/** Rounds for display and JSON: 2 decimals below 10, 1 below 1000, whole above. */
export function round(n) {
  if (n === null || n === undefined || !Number.isFinite(n)) return n ?? null;
  const digits = Math.abs(n) < 10 ? 2 : Math.abs(n) < 1000 ? 1 : 0;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * One result row. `target` is text such as "<= 10 ms"; `meets` is the boolean the bench computed, or null
 * when the row is informational (no target).
 */
export function row({ name, unit, ours, baseline = null, baselineName = null, target = null, meets = null, note }) {
  const ratio = baseline && ours ? round(baseline / ours) : null;
  return {
    name,
    unit,
    ours: round(ours),
    baseline: baseline === null ? null : round(baseline),
    baselineName,
    ratio,
    target,
    // A row without a target has nothing to miss: meetsTarget stays a boolean (true) and target is null.
    meetsTarget: meets === null ? true : Boolean(meets),
    ...(note ? { note } : {}),
  };
}

/** The row as `--json` prints it: exactly these keys, in this order (notes are for the text tables). */
export function jsonRow(r) {
  const { name, unit, ours, baseline, baselineName, ratio, target, meetsTarget } = r;
  return { name, unit, ours, baseline, baselineName, ratio, target, meetsTarget };
}

function cell(v) {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'boolean') return v ? 'yes' : 'NO';
  return String(v);
}

/** The rows as a fixed-width text table (ratio = baseline / ours: above 1 means ours is faster or smaller). */
export function formatTable(title, rows) {
  const header = ['measure', 'unit', 'ours', 'baseline', 'ratio', 'target', 'met', 'baseline is'];
  const lines = rows.map((r) => [r.name, r.unit, r.ours, r.baseline, r.ratio === null ? null : `${r.ratio}x`, r.target, r.target === null ? null : r.meetsTarget, r.baselineName].map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const notes = rows.filter((r) => r.note).map((r) => `  * ${r.name}: ${r.note}`);
  return [`## ${title}`, '', fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt), ...(notes.length ? ['', ...notes] : []), ''].join('\n');
}

/** Times an async function: milliseconds per call for `runs` calls after `warmup` unrecorded ones. */
export async function timeRuns(fn, runs, warmup = 0) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Progress goes to stderr so `--json` leaves stdout to the JSON alone. */
export function progress(message) {
  process.stderr.write(`[bench] ${message}\n`);
}
