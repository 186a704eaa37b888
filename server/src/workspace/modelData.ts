// The model's parts as plain data (StackModelData), the certificate rows of the Certificates view, and the
// mermaid picture `estls map --format mermaid` prints.
import type { ParsedCertificate } from '../pki/parsed';
import type { CheckEnvironment } from '../rules/types';
import type { ComponentPart } from './component';
import type { CertificateStatus, StackCertificate, StackCluster, StackKeystore, StackModelData, TrustEdge, WorkspaceCertificateItem } from './types';

function statusOf(c: ParsedCertificate, now: Date, warnDays: number): { status: CertificateStatus; daysLeft: number } {
  const daysLeft = Math.floor((new Date(c.summary.notAfter).getTime() - now.getTime()) / 86_400_000);
  if (new Date(c.summary.notBefore) > now) return { status: 'not-yet-valid', daysLeft };
  if (daysLeft < 0 || new Date(c.summary.notAfter) < now) return { status: 'expired', daysLeft };
  return { status: daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft };
}

/** Every certificate the contexts present or trust, once each, with every place that names it. */
function certificates(parts: ComponentPart[], env: CheckEnvironment): StackCertificate[] {
  const byId = new Map<string, StackCertificate>();
  const now = env.clock.now();
  const add = (c: ParsedCertificate, file: string, use: StackCertificate['usedBy'][number]) => {
    const id = c.summary.fingerprints.sha256;
    let cert = byId.get(id);
    if (!cert) {
      const sans = c.summary.sans.filter((s) => s.type === 'dns' || s.type === 'ip').map((s) => `${s.type === 'dns' ? 'DNS' : 'IP'}:${s.value}`);
      const { status, daysLeft } = statusOf(c, now, env.options.expiryWarningDays);
      const s = c.summary;
      cert = { id, subject: s.subject, issuer: s.issuer, sans, notBefore: s.notBefore, notAfter: s.notAfter, daysLeft, status, isCA: s.isCA, selfSigned: s.selfSigned, file, usedBy: [] };
      byId.set(id, cert);
    }
    if (!cert.usedBy.some((u) => u.context === use.context && u.role === use.role)) cert.usedBy.push(use);
  };
  for (const part of parts) {
    for (const ctx of part.contexts) {
      const source = ctx.files.certificate ?? ctx.files.keystore;
      const placeOf = (offset: number | undefined) => {
        const p = part.lines.positionAt(offset ?? ctx.start);
        return { file: part.file, line: p.line, column: p.character };
      };
      const presentedPath = source?.path ?? ctx.presentedFile;
      if (ctx.leaf && presentedPath) [ctx.leaf, ...ctx.extra].forEach((c) => add(c, presentedPath, { context: ctx.data.id, role: 'presents', place: placeOf(ctx.presentedAt?.start) }));
      const trustFile = ctx.files.authorities[0]?.path ?? ctx.files.truststore?.path ?? ctx.trustFile;
      for (const a of ctx.anchors ?? []) add(a, trustFile ?? part.file, { context: ctx.data.id, role: 'trusts', place: placeOf(ctx.trustAt?.start) });
    }
  }
  return [...byId.values()].sort((a, b) => a.daysLeft - b.daysLeft);
}

function clusters(parts: ComponentPart[]): StackCluster[] {
  const map = new Map<string, string[]>();
  for (const p of parts) if (p.data.kind === 'elasticsearch') map.set(p.data.cluster ?? 'elasticsearch', [...(map.get(p.data.cluster ?? 'elasticsearch') ?? []), p.data.id]);
  return [...map].map(([name, nodes]) => ({ name, nodes }));
}

/** Component ids made unique: a second `elasticsearch:node-a` becomes `elasticsearch:node-a@<file>`. */
function uniqueIds(parts: ComponentPart[]): void {
  const seen = new Map<string, number>();
  for (const p of parts) seen.set(p.data.id, (seen.get(p.data.id) ?? 0) + 1);
  for (const p of parts) {
    if ((seen.get(p.data.id) ?? 0) < 2) continue;
    const id = `${p.data.id}@${p.file}`;
    for (const c of p.data.contexts) c.id = c.id.replace(p.data.id, id);
    p.data.id = id;
  }
}

/** The model as plain data. */
export function toModelData(folders: string[], parts: ComponentPart[], edges: TrustEdge[], env: CheckEnvironment, keystoreOf: (p: ComponentPart) => StackKeystore | undefined): StackModelData {
  uniqueIds(parts);
  const keystores = parts.map(keystoreOf).filter((k): k is StackKeystore => k !== undefined);
  return { folders, clusters: clusters(parts), components: parts.map((p) => p.data), certificates: certificates(parts, env), keystores, edges };
}

/** The rows of the Certificates view: certificates (soonest expiry first), then keystores. */
export function certificateItems(data: StackModelData): WorkspaceCertificateItem[] {
  const certs: WorkspaceCertificateItem[] = data.certificates.map((c) => ({
    file: c.file, kind: 'certificate', subject: c.subject, issuer: c.issuer, sans: c.sans, notAfter: c.notAfter, daysLeft: c.daysLeft, status: c.status, usedBy: c.usedBy.map((u) => u.place),
  }));
  const stores: WorkspaceCertificateItem[] = data.keystores.map((k) => ({
    file: k.file, kind: 'elasticsearch-keystore', sans: [], status: k.problem ? 'locked' : 'valid', detail: k.problem ?? k.settingNames.join(', '), usedBy: [],
  }));
  return [...certs, ...stores];
}

/** A mermaid flowchart: components, contexts inside them, trust edges labelled with their verdict. */
export function toMermaid(data: StackModelData): string {
  const id = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
  const text = (s: string) => s.replace(/["<>]/g, "'");
  const lines = ['flowchart LR'];
  for (const c of data.components) {
    lines.push(`  subgraph ${id(c.id)}["${text(`${c.kind} ${c.name}`)}"]`);
    for (const ctx of c.contexts) {
      const cert = data.certificates.find((x) => x.id === ctx.presents);
      lines.push(`    ${id(ctx.id)}["${text(`${ctx.kind}${cert ? `: ${cert.subject} (until ${cert.notAfter.slice(0, 10)})` : ''}`)}"]`);
    }
    lines.push('  end');
  }
  for (const e of data.edges) {
    const ok = e.trusted !== false && e.nameMatches !== false;
    const verdict = `${ok ? 'ok' : 'FAIL'}${e.host ? ` ${e.host}` : ''}: ${e.reason}`;
    lines.push(`  ${id(e.from)} -->|"${text(verdict)}"| ${id(e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
