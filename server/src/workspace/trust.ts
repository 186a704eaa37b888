// Cross-file trust: node to node on the transport layer, Kibana to the nodes' HTTP layer (and back, for its
// client certificate). Each verdict is the one a TLS handshake with the same files reaches: the verifier's
// anchors against the presented chain (verifyChain), and with full verification the dialled name against
// the certificate's SANs (certificateCoversHost). Expiry is left to the single-file rules.
import type { Finding, OffsetRange, RelatedInfo } from '../core/finding';
import type { ParsedCertificate } from '../pki/parsed';
import { canonicalIp, certificateCoversHost, verifyChain } from '../pki/verify';
import type { WorkspaceRuleId } from '../rules/ids';
import type { ComponentPart, LoadedContext } from './component';
import type { TrustEdge } from './types';

/** A finding and the file it belongs to. */
export interface FileFinding {
  file: string;
  finding: Finding;
}

/** What the cross-file checks produce: findings for files and the edges of the map. */
export interface CrossResult {
  findings: FileFinding[];
  edges: TrustEdge[];
}

/** Names a place for messages: `node-a/elasticsearch.yml:14` (1-based line), relative to the checked folder. */
export type PlaceLabel = (part: ComponentPart, offset: number) => string;

const CHAIN_BREAKS = new Set(['missing-issuer', 'signature-mismatch', 'untrusted-root', 'too-long']);

/** Verdicts by certificates (fingerprints), so n nodes sharing one trust cost n chain checks, not n². */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 100_000;
const fingerprints = (certs: readonly ParsedCertificate[]) => certs.map((c) => c.summary.fingerprints.sha256).join(',');

/** Whether `anchors` verify the chain `leaf` + `extra`, ignoring dates (the single-file rules report those). */
export function chainTrusted(leaf: ParsedCertificate, extra: readonly ParsedCertificate[], anchors: readonly ParsedCertificate[], now: Date): boolean {
  const key = `${leaf.summary.fingerprints.sha256}|${fingerprints(extra)}|${fingerprints(anchors)}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const r = verifyChain(leaf, extra, anchors, now);
  const trusted = !!r.anchor && !r.problems.some((p) => CHAIN_BREAKS.has(p.kind));
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, trusted);
  return trusted;
}

export function contextOf(part: ComponentPart, kind: string): LoadedContext | undefined {
  return part.contexts.find((c) => c.data.kind === kind);
}

/** Subjects of the anchors, deduplicated, for "trusts only ...". */
function anchorNames(anchors: readonly ParsedCertificate[]): string {
  const names = [...new Set(anchors.map((a) => a.summary.subject))];
  return names.length === 0 ? 'nothing' : names.join(', ');
}

function sans(leaf: ParsedCertificate): string {
  const names = leaf.summary.sans.filter((s) => s.type === 'dns' || s.type === 'ip').map((s) => `${s.type === 'dns' ? 'DNS' : 'IP'}:${s.value}`);
  return names.length > 0 ? `names only ${names.join(', ')}` : 'has no DNS or IP names';
}

function finding(ruleId: WorkspaceRuleId, severity: Finding['severity'], message: string, range: OffsetRange, related: RelatedInfo[]): Finding {
  return { ruleId, severity, message, range, related };
}

function related(part: ComponentPart, range: OffsetRange | undefined, message: string): RelatedInfo[] {
  return range ? [{ file: part.file, range, message }] : [];
}

/** Transport: each node's certificate against every other node's transport trust; seed hosts against SANs. */
export function transportChecks(nodes: ComponentPart[], now: Date, label: PlaceLabel, out: CrossResult, withEdges = true): void {
  const clusters = new Map<string, ComponentPart[]>();
  for (const n of nodes) {
    const members = clusters.get(n.data.cluster ?? '');
    if (members) members.push(n);
    else clusters.set(n.data.cluster ?? '', [n]);
  }
  for (const members of clusters.values()) {
    const groups = trustGroups(members);
    for (const x of members) transportTrustOf(x, groups, now, label, out, withEdges);
    const index = nameIndex(members);
    for (const y of members) seedNameChecks(y, index, label, out);
  }
}

/** The nodes of a cluster grouped by the trust they configure (same anchors, same verdicts). */
function trustGroups(members: ComponentPart[]): Array<{ anchors: ParsedCertificate[]; nodes: Array<{ y: ComponentPart; ty: LoadedContext }> }> {
  const groups = new Map<string, { anchors: ParsedCertificate[]; nodes: Array<{ y: ComponentPart; ty: LoadedContext }> }>();
  for (const y of members) {
    const ty = contextOf(y, 'transport');
    if (!ty || ty.data.enabled === false || !ty.anchors || ty.data.verificationMode === 'none') continue;
    const key = fingerprints(ty.anchors);
    const g = groups.get(key) ?? { anchors: ty.anchors, nodes: [] };
    g.nodes.push({ y, ty });
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * One node's certificate against each trust group. Without `withEdges` (a check, not a map) a group that trusts
 * it costs one verdict, not a loop over its nodes: the n² edges of a cluster are only drawn for the map.
 */
function transportTrustOf(x: ComponentPart, groups: ReturnType<typeof trustGroups>, now: Date, label: PlaceLabel, out: CrossResult, withEdges: boolean): void {
  const tx = contextOf(x, 'transport');
  if (!tx?.leaf || tx.data.enabled === false || !tx.presentedAt) return;
  const refusing: Array<{ y: ComponentPart; ty: LoadedContext }> = [];
  for (const g of groups) {
    const trusted = chainTrusted(tx.leaf, tx.extra, g.anchors, now);
    if (trusted && !withEdges) continue;
    const reason = !withEdges ? '' : trusted ? `chains to ${anchorNames(g.anchors)}` : `trusts only ${anchorNames(g.anchors)}; the certificate is issued by ${tx.leaf.summary.issuer}`;
    for (const { y, ty } of g.nodes) {
      if (y === x) continue;
      if (withEdges) out.edges.push({ from: ty.data.id, to: tx.data.id, kind: 'transport', trusted, reason, place: ty.data.place });
      if (!trusted) refusing.push({ y, ty });
    }
  }
  if (refusing.length === 0) return;
  const who = refusing.map(({ y, ty }) => `${y.data.name} trusts only ${anchorNames(ty.anchors ?? [])} (${label(y, ty.trustAt?.start ?? 0)})`).join('; ');
  const message = `The transport certificate of ${x.data.name} (${label(x, tx.presentedAt.start)}) is issued by ${tx.leaf.summary.issuer}; ${who}. Those nodes refuse its connections ("certificate_unknown", "PKIX path building failed").`;
  const rel = refusing.flatMap(({ y, ty }) => related(y, ty.trustAt, `${y.data.name}'s transport trust`));
  out.findings.push({ file: x.file, finding: finding('transport-peer-untrusted', 'error', message, tx.presentedAt, rel) });
}

/** The parts each name (lower case, or canonical IP) reaches. */
export function nameIndex(parts: ComponentPart[]): Map<string, ComponentPart[]> {
  const index = new Map<string, ComponentPart[]>();
  for (const p of parts) {
    for (const n of p.data.names) {
      const key = canonicalIp(n.name) ?? n.name.toLowerCase();
      const list = index.get(key) ?? [];
      if (!list.includes(p)) list.push(p);
      index.set(key, list);
    }
  }
  return index;
}

/** The first part other than `self` that `host` names. */
export function reached(index: Map<string, ComponentPart[]>, host: string, self?: ComponentPart): ComponentPart | undefined {
  return index.get(canonicalIp(host) ?? host.toLowerCase())?.find((p) => p !== self);
}

function seedNameChecks(y: ComponentPart, index: Map<string, ComponentPart[]>, label: PlaceLabel, out: CrossResult): void {
  const ty = contextOf(y, 'transport');
  if (!ty || ty.data.enabled === false || ty.data.verificationMode !== 'full') return;
  y.data.hosts.forEach((target, i) => {
    const x = reached(index, target.host, y);
    const tx = x && contextOf(x, 'transport');
    if (!x || !tx?.leaf || tx.data.enabled === false) return;
    const nameMatches = certificateCoversHost(tx.leaf.summary, target.host);
    out.edges.push({ from: ty.data.id, to: tx.data.id, kind: 'transport', host: target.host, trusted: undefined, nameMatches, reason: nameMatches ? `${target.host} is in the certificate` : `${target.host} is not in the certificate`, place: target.place });
    if (nameMatches) return;
    const message = `${y.data.name} dials ${x.data.name} as ${target.host} (discovery.seed_hosts) with verification_mode full, but the transport certificate of ${x.data.name} (${label(x, tx.presentedAt?.start ?? 0)}) ${sans(tx.leaf)}; the handshake fails ("No subject alternative names matching").`;
    out.findings.push({ file: y.file, finding: finding('transport-peer-name', 'error', message, y.hostRanges[i], related(x, tx.presentedAt, `${x.data.name}'s transport certificate`)) });
  });
}
