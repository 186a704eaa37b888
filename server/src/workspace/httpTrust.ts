// Kibana and Beats to the nodes' HTTP layer: the CAs the client trusts against each named node's HTTP chain, the
// host it dials against that certificate's SANs (verification mode full, both products' default, or a Beat's
// strict), and for the guide's mutual TLS Kibana's client certificate against the nodes' HTTP trust,
// client_authentication, a PKI realm and the realm's role mapping file.
import { certificateCoversHost } from '../pki/verify';
import { plainScalar } from '../rules/ssl/contexts';
import type { CheckEnvironment } from '../rules/types';
import { pkiRealms } from './pkiRealms';
import { roleMappingCheck } from './roleMapping';
import type { ComponentPart, LoadedContext } from './component';
import { chainTrusted, contextOf, nameIndex, reached, type CrossResult, type PlaceLabel } from './trust';

/** The nodes a client's https hosts name, each with the index of the host entry. */
function targets(k: ComponentPart, index: Map<string, ComponentPart[]>): Array<{ n: ComponentPart; nh: LoadedContext; i: number }> {
  const out: Array<{ n: ComponentPart; nh: LoadedContext; i: number }> = [];
  k.data.hosts.forEach((h, i) => {
    if (!(h.secure ?? /^https:\/\//i.test(h.value.trim()))) return;
    const n = reached(index, h.host);
    const nh = n && contextOf(n, 'http');
    if (n && nh?.leaf && nh.data.enabled === true) out.push({ n, nh, i });
  });
  return out;
}

/** Every Kibana, Beat and Agent against the nodes its `elasticsearch.hosts` / `output.elasticsearch.hosts` / `outputs.<id>.hosts` name. */
export function httpChecks(clients: ComponentPart[], nodes: ComponentPart[], now: Date, label: PlaceLabel, out: CrossResult, env?: CheckEnvironment): void {
  const index = nameIndex(nodes);
  for (const k of clients) {
    const kc = contextOf(k, 'client');
    if (!kc || kc.data.enabled === false) continue;
    for (const t of targets(k, index)) {
      serverTrust(k, kc, t, now, label, out);
      if (k.data.kind === 'kibana') clientCertificate(k, kc, t, now, label, out, env);
      // A Beat or Agent authenticates with an API key or a password; its certificate matters only when asked for.
      else if (kc.leaf && kc.presentedAt && (t.nh.data.clientAuthentication ?? 'none') !== 'none') clientTrust(k, kc, t.n, t.nh, now, label, out);
    }
  }
}

/** How a client is named in messages, and the words its TLS library fails with. */
function clientWords(k: ComponentPart, kc: LoadedContext): { who: string; cas: string; untrusted: string; name: string } {
  if (k.data.kind === 'kibana') return { who: 'Kibana', cas: 'elasticsearch.ssl', untrusted: '"unable to verify the first certificate", "self signed certificate in certificate chain"', name: `"Hostname/IP does not match certificate's altnames"` };
  // Beats and Agent are Go programs: crypto/x509's errors.
  return { who: k.data.name, cas: kc.data.prefix.replace(/\.$/, ''), untrusted: '"x509: certificate signed by unknown authority"', name: '"x509: certificate is valid for ..., not ..."' };
}

/** Whether a verification mode checks the host name: `full` (Elasticsearch, Kibana, Beats) or a Beat's `strict`. */
export function checksName(mode: string): boolean {
  return mode === 'full' || mode === 'strict';
}

function serverTrust(k: ComponentPart, kc: LoadedContext, { n, nh, i }: { n: ComponentPart; nh: LoadedContext; i: number }, now: Date, label: PlaceLabel, out: CrossResult): void {
  const leaf = nh.leaf!;
  const host = k.data.hosts[i];
  if (kc.data.verificationMode === 'none') return;
  const words = clientWords(k, kc);
  // ECK gives an associated Kibana the node's HTTP ca.crt as its trust.
  const eck = host.setting === 'spec.elasticsearchRef' && !kc.anchors;
  const anchors = eck ? nh.anchors : kc.anchors;
  const trusted = anchors ? chainTrusted(leaf, nh.extra, anchors, now) : undefined;
  const nameMatches = checksName(kc.data.verificationMode) ? certificateCoversHost(leaf.summary, host.host) : undefined;
  const reason = trusted === false ? `${words.who} trusts only ${[...new Set(anchors!.map((a) => a.summary.subject))].join(', ')}` : nameMatches === false ? `${host.host} is not in the certificate` : 'verified';
  out.edges.push({ from: kc.data.id, to: nh.data.id, kind: 'http', host: host.host, trusted, nameMatches, reason, place: host.place });
  const where = `${n.data.name}'s HTTP certificate (${label(n, nh.presentedAt?.start ?? nh.start)})`;
  const rel = nh.presentedAt ? [{ file: n.file, range: nh.presentedAt, message: `${n.data.name}'s HTTP certificate` }] : [];
  if (trusted === false && eck) {
    const message = `ECK gives Kibana the ca.crt of ${n.data.name}'s HTTP certificate Secret as its certificate authorities (${[...new Set(anchors!.map((a) => a.summary.subject))].join(', ')}), and they do not verify ${where}, issued by ${leaf.summary.issuer}; Kibana cannot connect to ${host.value} (${words.untrusted}). Put the CA that issued tls.crt in ca.crt.`;
    out.findings.push({ file: k.file, finding: { ruleId: 'http-client-untrusted', severity: 'error', message, range: k.hostRanges[i], related: rel } });
  }
  if (trusted === false && !eck && kc.trustAt) {
    const message = `${words.who}'s ${words.cas} certificate authorities (${[...new Set(kc.anchors!.map((a) => a.summary.subject))].join(', ')}) do not verify ${where}, issued by ${leaf.summary.issuer}; ${words.who} cannot connect to ${host.value} (${words.untrusted}).`;
    out.findings.push({ file: k.file, finding: { ruleId: 'http-client-untrusted', severity: 'error', message, range: kc.trustAt, related: rel } });
  }
  if (nameMatches === false) {
    const names = leaf.summary.sans.map((s) => `${s.type === 'dns' ? 'DNS' : s.type === 'ip' ? 'IP' : s.type}:${s.value}`);
    const mode = k.data.kind === 'kibana' ? 'verificationMode' : 'verification_mode';
    const message = `${words.who} connects to ${host.value} with ${mode} ${kc.data.verificationMode}, but ${where} does not name ${host.host}; it names ${names.length > 0 ? names.join(', ') : 'no DNS or IP'} (${words.name}).`;
    out.findings.push({ file: k.file, finding: { ruleId: 'http-client-name', severity: 'error', message, range: k.hostRanges[i], related: rel } });
  }
}

/** Whether the node's HTTP trust verifies the client's certificate, which it asks for (client_authentication optional or required). */
function clientTrust(k: ComponentPart, kc: LoadedContext, n: ComponentPart, nh: LoadedContext, now: Date, label: PlaceLabel, out: CrossResult): void {
  if (!kc.leaf || !kc.presentedAt || !nh.anchors) return;
  const who = clientWords(k, kc).who;
  const auth = nh.data.clientAuthentication ?? 'none';
  const trusted = chainTrusted(kc.leaf, kc.extra, nh.anchors, now);
  const trustedNames = [...new Set(nh.anchors.map((a) => a.summary.subject))].join(', ');
  out.edges.push({ from: nh.data.id, to: kc.data.id, kind: 'client-certificate', trusted, reason: trusted ? `the node trusts ${who}'s client certificate` : `${n.data.name} trusts only ${trustedNames}`, place: kc.data.place });
  if (trusted) return;
  const message = `${who}'s client certificate ${kc.leaf.summary.subject} is issued by ${kc.leaf.summary.issuer}, which ${n.data.name}'s HTTP layer does not trust (${label(n, nh.trustAt?.start ?? 0)}); with client_authentication ${auth} the node ${auth === 'required' ? 'refuses the connection' : 'ignores the certificate'} ("bad_certificate").`;
  const related = nh.trustAt ? [{ file: n.file, range: nh.trustAt, message: `${n.data.name}'s HTTP trust` }] : [];
  out.findings.push({ file: k.file, finding: { ruleId: 'client-certificate-untrusted', severity: 'error', message, range: kc.presentedAt, related } });
}

/** Kibana's own certificate for mutual TLS: trusted by the node, asked for, and read by a PKI realm. */
function clientCertificate(k: ComponentPart, kc: LoadedContext, { n, nh }: { n: ComponentPart; nh: LoadedContext }, now: Date, label: PlaceLabel, out: CrossResult, env?: CheckEnvironment): void {
  if (!kc.leaf || !kc.presentedAt) return;
  const auth = nh.data.clientAuthentication ?? 'none';
  if (auth === 'none') {
    const message = `Kibana presents the client certificate ${kc.leaf.summary.subject}, but ${n.data.name}'s HTTP layer (${label(n, nh.start)}) has client_authentication none, so it never asks for it; set xpack.security.http.ssl.client_authentication to optional or required there.`;
    out.findings.push({ file: k.file, finding: { ruleId: 'client-certificate-unused', severity: 'warning', message, range: kc.presentedAt, related: [{ file: n.file, range: { start: nh.start, end: nh.start }, message: `${n.data.name}'s HTTP TLS settings` }] } });
    return;
  }
  clientTrust(k, kc, n, nh, now, label, out);
  const hasRealm = pkiRealms(n.model).defined;
  const credentials = ['elasticsearch.username', 'elasticsearch.serviceAccountToken'].some((key) => plainScalar(k.model.byKey.get(key)) !== undefined || k.model.byKey.has(key));
  if (!hasRealm && !credentials) {
    const message = `Kibana has no elasticsearch.username or serviceAccountToken, so it authenticates with its client certificate alone, but ${n.data.name}'s settings (${label(n, 0)}) define no PKI realm (xpack.security.authc.realms.pki.*) to read it; its requests are refused as unauthenticated.`;
    out.findings.push({ file: k.file, finding: { ruleId: 'client-certificate-unused', severity: 'warning', message, range: kc.presentedAt, related: [{ file: n.file, range: { start: 0, end: 0 }, message: `${n.data.name}'s settings` }] } });
  }
  // Authenticating by the certificate alone, its DN needs the kibana_system role.
  if (hasRealm && !credentials && env) roleMappingCheck(k, kc, n, env, out);
}
