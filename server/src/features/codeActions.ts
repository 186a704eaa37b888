// Code actions decided from a finding's data alone (its fixes and machine-readable facts), never from its message.
import type { Finding, Fix, TextEdit } from '../core/finding';
import type { GenerateCommandName } from '../rules/missingFiles';

/** What the server stores in Diagnostic.data: enough to rebuild every action for one document version. */
export interface FindingPayload {
  ruleId: string;
  /** Document version the offsets belong to. */
  version: number;
  fixes?: Fix[];
  data?: Record<string, string>;
}

/** Client commands an action may run (names of `Commands` in protocol.ts). */
export type ClientCommandName = 'copyCommand' | 'unlockKeystore' | 'addPathMapping' | GenerateCommandName;

/** What a Generate command takes from a quick fix: the file to make, so its folder is pre-filled. */
export interface GenerateTargetArg {
  targetPath: string;
}

const GENERATE_COMMANDS: readonly GenerateCommandName[] = ['generateCa', 'generateNodeCertificate', 'generateHttpCertificates', 'generateKibanaClientCertificate'];

/** A code action as plain data: edits in offsets of the payload's version, and/or a client command. */
export interface ActionPlan {
  title: string;
  kind: 'quickfix';
  isPreferred?: boolean;
  edits?: TextEdit[];
  command?: { name: ClientCommandName; args: Array<string | GenerateTargetArg> };
}

export function payloadOf(finding: Finding, version: number): FindingPayload {
  const payload: FindingPayload = { ruleId: finding.ruleId, version };
  if (finding.fixes?.length) payload.fixes = finding.fixes;
  if (finding.data) payload.data = finding.data;
  return payload;
}

function isOffsetRange(v: unknown): v is { start: number; end: number } {
  const r = v as { start?: unknown; end?: unknown } | null;
  return typeof r === 'object' && r !== null && Number.isInteger(r.start) && Number.isInteger(r.end) && (r.start as number) >= 0 && (r.end as number) >= (r.start as number);
}

function isEdit(v: unknown): v is TextEdit {
  const e = v as { range?: unknown; newText?: unknown } | null;
  return typeof e === 'object' && e !== null && isOffsetRange(e.range) && typeof e.newText === 'string';
}

function isFix(v: unknown): v is Fix {
  const f = v as { title?: unknown; edits?: unknown; command?: unknown } | null;
  return typeof f === 'object' && f !== null && typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every(isEdit) && (f.command === undefined || typeof f.command === 'string');
}

/** Checks data that came back from the client before trusting its shape. */
export function asFindingPayload(v: unknown): FindingPayload | undefined {
  const p = v as Partial<FindingPayload> | null;
  if (typeof p !== 'object' || p === null || typeof p.ruleId !== 'string' || !Number.isInteger(p.version)) return undefined;
  if (p.fixes !== undefined && !(Array.isArray(p.fixes) && p.fixes.every(isFix))) return undefined;
  if (p.data !== undefined && (typeof p.data !== 'object' || p.data === null || Object.values(p.data).some((x) => typeof x !== 'string'))) return undefined;
  return p as FindingPayload;
}

/** Edits sorted and free of overlaps, or undefined when a fix's edits collide (such a fix is not offered). */
function orderedEdits(edits: readonly TextEdit[], textLength: number): TextEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].range.end > textLength) return undefined;
    if (i > 0 && sorted[i].range.start < sorted[i - 1].range.end) return undefined;
  }
  return sorted;
}

/** Every action one finding offers, in a stable order: edits first, then commands to copy, then unlock. */
export function planCodeActions(payload: FindingPayload, textLength: number): ActionPlan[] {
  const plans: ActionPlan[] = [];
  for (const fix of payload.fixes ?? []) {
    const edits = fix.edits.length ? orderedEdits(fix.edits, textLength) : undefined;
    if (edits) plans.push({ title: fix.title, kind: 'quickfix', isPreferred: fix.isPreferred || undefined, edits });
    if (fix.command) {
      const title = edits ? `Copy the command: ${fix.command}` : fix.title;
      plans.push({ title, kind: 'quickfix', command: { name: 'copyCommand', args: [fix.command] } });
    }
  }
  const data = payload.data;
  if (data?.kind === 'unlock' && data.path) {
    plans.push({ title: `Enter the password for ${baseName(data.path)}`, kind: 'quickfix', command: { name: 'unlockKeystore', args: [data.path] } });
  }
  const generate = GENERATE_COMMANDS.find((c) => c === data?.command);
  if (data?.kind === 'generate' && generate && data.target) {
    plans.push({ title: `Generate ${baseName(data.target)}…`, kind: 'quickfix', command: { name: generate, args: [{ targetPath: data.target }] } });
  }
  if (data?.kind === 'map' && data.containerPath) {
    plans.push({ title: `Map ${data.containerPath} to a workspace folder…`, kind: 'quickfix', command: { name: 'addPathMapping', args: [data.containerPath] } });
  }
  return plans;
}

/**
 * One action that applies the preferred fix of every finding of `ruleId` in a document (as ESLint's "Fix all"
 * does), when at least two findings have one. A fix whose edits would overlap those already taken is left for
 * later (its finding stays, and the next check offers it again); the same edit made by two findings is made once.
 */
export function planFixAll(ruleId: string, findings: readonly Finding[], textLength: number): ActionPlan | undefined {
  let edits: TextEdit[] = [];
  const seen = new Set<string>();
  let fixed = 0;
  for (const finding of findings) {
    if (finding.ruleId !== ruleId) continue;
    const fix = finding.fixes?.find((f) => f.isPreferred && f.edits.length > 0);
    if (!fix) continue;
    const fresh = fix.edits.filter((e) => !seen.has(editKey(e)));
    if (fresh.length === 0) {
      fixed++;
      continue;
    }
    const merged = orderedEdits([...edits, ...fresh], textLength);
    // Two insertions at one offset would land in an order no single fix chose: keep only one of them.
    if (!merged || merged.some((e, i) => i > 0 && e.range.start === merged[i - 1].range.start && e.range.start === e.range.end)) continue;
    edits = merged;
    for (const e of fresh) seen.add(editKey(e));
    fixed++;
  }
  return fixed >= 2 ? { title: `Fix all ${fixed} ${ruleId} problems in this file`, kind: 'quickfix', edits } : undefined;
}

function editKey(e: TextEdit): string {
  return `${e.range.start}:${e.range.end}:${e.newText}`;
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] || p;
}
