// The findings a rule made for one SSL context, kept across the checks of one document, so that typing outside a
// context does not load its certificate files and verify its chains again. An answer is reused when the settings
// it was computed from (the context's own and any others the rule reads) hold the same keys and the same text,
// and the environment is the same: product, file, options and the files on disk (the environment's
// `filesVersion`, which the server moves whenever a file may have changed). The settings may have moved in the
// file: every range of a kept finding lies inside one of them, and moves with it. A finding with a range outside
// them (say a fix that inserts a line elsewhere) makes its answer computed afresh each time.
import type { Finding, OffsetRange } from '../core/finding';
import type { Setting } from '../config/types';

interface Kept {
  signature: string;
  /** The input settings' ranges when the findings were made (or last moved). */
  ranges: OffsetRange[];
  findings: Finding[];
}

/** Per-context answers of one document, for one environment. */
export class ContextMemo {
  private environment: string | undefined;
  private kept = new Map<string, Kept>();
  private used = new Map<string, Kept>();

  /**
   * Starts a check in `environment` (undefined: nothing outlives the check). Answers of another environment, and
   * those the previous check did not ask for, are dropped.
   */
  startCheck(environment: string | undefined): void {
    this.kept = environment !== undefined && environment === this.environment ? this.used : new Map();
    this.used = new Map();
    this.environment = environment;
  }

  /** The findings of `name` (a rule and a context) computed from `inputs`, settings of a model of `text`. */
  findings(name: string, inputs: readonly Setting[], text: string, compute: () => Finding[]): Finding[] {
    if (this.environment === undefined) return compute();
    const signature = inputs.map((s) => `${s.key}\u0000${text.slice(s.pairRange.start, s.pairRange.end)}`).join('\u0001');
    const ranges = inputs.map((s) => s.pairRange);
    const before = this.kept.get(name);
    if (before && before.signature === signature) {
      const move = mover(before.ranges, ranges);
      this.used.set(name, { signature, ranges, findings: before.findings.map((f) => copyFinding(f, move)) });
      return before.findings.map((f) => copyFinding(f, move));
    }
    const findings = compute();
    if (findings.every((f) => rangesOf(f).every((r) => ranges.some((s) => s.start <= r.start && r.end <= s.end)))) {
      this.used.set(name, { signature, ranges, findings: findings.map((f) => copyFinding(f, (r) => r)) });
    }
    return findings;
  }
}

/** Every range of a finding in its own document (related places in other files are not). */
function rangesOf(f: Finding): OffsetRange[] {
  return [f.range, ...(f.related ?? []).filter((r) => r.file === undefined).map((r) => r.range), ...(f.fixes ?? []).flatMap((x) => x.edits.map((e) => e.range))];
}

/** Moves a range inside the i-th old range to the same place in the i-th new range. */
function mover(from: readonly OffsetRange[], to: readonly OffsetRange[]): (r: OffsetRange) => OffsetRange {
  return (r) => {
    const i = from.findIndex((s) => s.start <= r.start && r.end <= s.end);
    const delta = to[i].start - from[i].start;
    return { start: r.start + delta, end: r.end + delta };
  };
}

/** A deep copy of a finding (plain data), with its own ranges moved. */
function copyFinding(f: Finding, move: (r: OffsetRange) => OffsetRange): Finding {
  const copy: Finding = { ...f, range: move(f.range) };
  if (f.related) copy.related = f.related.map((r) => ({ ...r, range: r.file === undefined ? move(r.range) : { ...r.range } }));
  if (f.fixes) copy.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: move(e.range) })) }));
  if (f.tags) copy.tags = [...f.tags];
  if (f.data) copy.data = { ...f.data };
  return copy;
}
