// The Stack picture's geometry, from the stack model alone: components (nodes, Kibana, Beats) on the left with a
// row per TLS context, the certificates they present in the middle, the CAs on the right. Trust edges between
// contexts are arcs left of the components, green when the handshake would succeed, red when not, grey when
// nothing can be known. Pure (no VS Code), so it is tested in plain Node.
import type { StackCertificate, StackComponent, StackModelData, StackPlace, TrustEdge } from '../../../server/src/protocol';

/** A verdict as a colour class. */
export type Tone = 'ok' | 'bad' | 'warn' | 'unknown';

/** A box: a component, a certificate or a CA, with its text lines and the file:line it opens. */
export interface Box {
  id: string;
  kind: 'component' | 'certificate' | 'ca';
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  lines: Array<{ text: string; tone?: Tone; place?: StackPlace }>;
  tone: Tone;
  /** Tooltip text. */
  tip: string;
  place?: StackPlace;
}

/** A drawn connection: a context presenting a certificate, a certificate issued by a CA, or a trust edge. */
export interface Link {
  kind: 'presents' | 'issued-by' | 'trust';
  path: string;
  tone: Tone;
  tip: string;
  place?: StackPlace;
}

/** The whole picture. */
export interface StackLayout {
  width: number;
  height: number;
  boxes: Box[];
  links: Link[];
  /** The trust edges as readable rows, in drawing order. */
  verdicts: Array<{ tone: Tone; text: string; place?: StackPlace }>;
}

const ARC_SPACE = 120;
const COL_W = 250;
const GAP = 70;
const HEAD = 26;
const ROW = 18;
const V_GAP = 18;

/** The tone of a trust edge: bad when either verdict is false, unknown when trust is unknown. */
export function edgeTone(e: TrustEdge): Tone {
  if (e.trusted === false || e.nameMatches === false) return 'bad';
  return e.trusted === true ? 'ok' : 'unknown';
}

/** The tone of a certificate's expiry. */
export function certTone(c: Pick<StackCertificate, 'status'>): Tone {
  return c.status === 'valid' ? 'ok' : c.status === 'expiring' ? 'warn' : 'bad';
}

/** `CN=es01` out of a DN, else the DN. */
export function commonName(dn: string): string {
  return /(?:^|,)\s*CN=((?:[^,\\]|\\.)*)/.exec(dn)?.[1] ?? (dn || '(empty subject)');
}

/** "until 2027-01-02 (in 30 days)" or "EXPIRED 2025-01-02". */
export function expiryLine(c: Pick<StackCertificate, 'notAfter' | 'daysLeft' | 'status'>): string {
  const date = c.notAfter.slice(0, 10);
  if (c.status === 'expired' || c.daysLeft < 0) return `EXPIRED ${date}`;
  if (c.status === 'not-yet-valid') return `not valid yet (until ${date})`;
  return `until ${date} (in ${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'})`;
}

function componentTone(c: StackComponent, edges: readonly TrustEdge[]): Tone {
  const mine = edges.filter((e) => e.from.startsWith(`${c.id}#`) || e.to.startsWith(`${c.id}#`)).map(edgeTone);
  if (mine.includes('bad')) return 'bad';
  return mine.length > 0 && mine.every((t) => t === 'ok') ? 'ok' : 'unknown';
}

function componentBox(c: StackComponent, data: StackModelData, x: number, y: number): Box {
  const lines = c.contexts.map((ctx) => {
    const cert = data.certificates.find((k) => k.id === ctx.presents);
    const off = ctx.enabled === false ? ' (disabled)' : '';
    return { text: `${ctx.kind}${off}${cert ? `: ${commonName(cert.subject)}` : ''}`, place: ctx.place };
  });
  const tone = componentTone(c, data.edges);
  const names = c.names.map((n) => n.name).filter((n, i, all) => all.indexOf(n) === i);
  const tip = `${c.kind} ${c.name}${c.cluster ? ` (cluster ${c.cluster})` : ''}\n${c.place.file}:${c.place.line + 1}${names.length ? `\nreached as ${names.join(', ')}` : ''}`;
  return { id: c.id, kind: 'component', x, y, width: COL_W, height: HEAD + ROW * Math.max(1, lines.length) + 6, title: `${c.kind} ${c.name}`, lines, tone, tip, place: c.place };
}

function certBox(c: StackCertificate, kind: 'certificate' | 'ca', x: number, y: number): Box {
  const sans = c.sans.length ? c.sans.join(', ') : '(no SANs)';
  const lines: Box['lines'] = [{ text: expiryLine(c), tone: certTone(c) }];
  if (kind === 'certificate') lines.push({ text: sans.length > 36 ? `${sans.slice(0, 35)}…` : sans });
  const tip = `${c.subject}\nissued by ${c.issuer}\n${sans}\n${c.file}`;
  return { id: c.id, kind, x, y, width: COL_W, height: HEAD + ROW * lines.length + 6, title: commonName(c.subject), lines, tone: certTone(c), tip, place: { file: c.file, line: 0, column: 0 } };
}

function stackColumn(boxes: Box[]): number {
  let y = 20;
  for (const b of boxes) {
    b.y = y;
    y += b.height + V_GAP;
  }
  return y;
}

/** Where a context's row of a component box is (its vertical middle), for lines to start from. */
function contextY(box: Box, index: number): number {
  return box.y + HEAD + ROW * index + ROW / 2;
}

function locateContext(id: string, data: StackModelData, boxes: Map<string, Box>): { box: Box; y: number } | undefined {
  for (const c of data.components) {
    const i = c.contexts.findIndex((ctx) => ctx.id === id);
    const box = boxes.get(c.id);
    if (i >= 0 && box) return { box, y: contextY(box, i) };
  }
  return undefined;
}

function edgeText(e: TrustEdge, data: StackModelData): string {
  const who = (ctxId: string) => {
    const [compId, kind] = ctxId.split('#');
    const comp = data.components.find((c) => c.id === compId);
    return `${comp ? `${comp.kind} ${comp.name}` : compId} ${kind ?? ''}`.trim();
  };
  const verdict = edgeTone(e) === 'ok' ? 'trusted' : edgeTone(e) === 'bad' ? 'FAILS' : 'unknown';
  return `${who(e.from)} → ${who(e.to)}${e.host ? ` (${e.host})` : ''}: ${verdict}. ${e.reason}`;
}

/** Lays out the model. Certificates a context presents go in the middle column, CA certificates on the right. */
export function layoutStack(data: StackModelData): StackLayout {
  const compX = ARC_SPACE;
  const certX = compX + COL_W + GAP;
  const caX = certX + COL_W + GAP;
  const comps = data.components.map((c) => componentBox(c, data, compX, 0));
  const leaves = data.certificates.filter((c) => !c.isCA).map((c) => certBox(c, 'certificate', certX, 0));
  const cas = data.certificates.filter((c) => c.isCA).map((c) => certBox(c, 'ca', caX, 0));
  const height = Math.max(stackColumn(comps), stackColumn(leaves), stackColumn(cas), 60);
  const boxes = new Map([...comps, ...leaves, ...cas].map((b) => [b.id, b]));
  const links: Link[] = [];
  for (const c of data.components) {
    c.contexts.forEach((ctx, i) => {
      const from = boxes.get(c.id);
      const to = ctx.presents ? boxes.get(ctx.presents) : undefined;
      if (!from || !to) return;
      const y1 = contextY(from, i);
      const y2 = to.y + HEAD / 2;
      links.push({ kind: 'presents', path: `M${from.x + from.width},${y1} C${from.x + from.width + GAP / 2},${y1} ${to.x - GAP / 2},${y2} ${to.x},${y2}`, tone: 'unknown', tip: `${c.name} ${ctx.kind} presents ${to.title}` });
    });
  }
  for (const leaf of data.certificates) {
    const from = boxes.get(leaf.id);
    const issuer = data.certificates.find((k) => k.isCA && k.subject === leaf.issuer && k.id !== leaf.id);
    const to = issuer ? boxes.get(issuer.id) : undefined;
    if (!from || !to || from.kind === 'ca') continue;
    const y1 = from.y + HEAD / 2;
    const y2 = to.y + HEAD / 2;
    links.push({ kind: 'issued-by', path: `M${from.x + from.width},${y1} C${from.x + from.width + GAP / 2},${y1} ${to.x - GAP / 2},${y2} ${to.x},${y2}`, tone: 'unknown', tip: `${from.title} is issued by ${to.title}` });
  }
  const verdicts: StackLayout['verdicts'] = [];
  data.edges.forEach((e, i) => {
    const a = locateContext(e.from, data, boxes);
    const b = locateContext(e.to, data, boxes);
    const text = edgeText(e, data);
    verdicts.push({ tone: edgeTone(e), text, place: e.place });
    if (!a || !b) return;
    const bend = compX - 24 - ((i * 16) % (ARC_SPACE - 40));
    links.push({ kind: 'trust', path: `M${compX},${a.y} C${bend},${a.y} ${bend},${b.y} ${compX},${b.y}`, tone: edgeTone(e), tip: text, place: e.place });
  });
  return { width: caX + COL_W + 20, height, boxes: [...boxes.values()], links, verdicts };
}
