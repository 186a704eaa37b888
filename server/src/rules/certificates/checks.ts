// Checks on what a context's files hold: expiry, key pairing, chain to the configured trust, transport
// usages, names covering the node's hosts, and truststores Java would find empty.
import type { KeyObject } from 'node:crypto';
import type { Finding } from '../../core/finding';
import type { ParsedCertificate } from '../../pki/parsed';
import { daysLeft } from '../../pki/dates';
import { keysMatch } from '../../pki/keys';
import { verifyChain, type ChainResult } from '../../pki/verifyChain';
import { caLint, transportEkuProblem } from '../../pki/verifyUsage';
import type { ContextFile, ContextFiles } from './files';
import type { RuleContext } from '../types';
import { defOf, makeFinding, q } from '../support';
import { plainScalar } from '../ssl/contexts';

const MAX_EXPIRY_FINDINGS_PER_FILE = 5;

/** True for the transport layer's contexts (default and profiles), where nodes are both server and client. */
export function isTransportContext(prefix: string): boolean {
  return prefix === 'xpack.security.transport.ssl.' || /^transport\.profiles\.[^.]+\.xpack\.security\.ssl\.$/.test(prefix) || prefix.startsWith('xpack.security.remote_cluster_');
}

/** The certificates of a file that the product actually uses for its role. */
export function certsOf(ctx: RuleContext, cf: ContextFile): ParsedCertificate[] {
  if (cf.role === 'truststore' && ctx.model.product === 'elasticsearch') return cf.file.entries.filter((e) => e.summary.trusted).flatMap((e) => e.chain);
  if (cf.role === 'keystore') return cf.file.entries.flatMap((e) => e.chain);
  return cf.file.certificates;
}

/** Expired, expiring and not-yet-valid certificates, once per file and certificate. */
export function expiryFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  const out: Finding[] = [];
  const seenPaths = new Set<string>();
  const now = ctx.clock.now();
  for (const cf of [files.certificate, files.keystore, files.truststore, ...files.authorities]) {
    if (!cf || seenPaths.has(cf.path)) continue;
    seenPaths.add(cf.path);
    const seen = new Set<string>();
    let count = 0;
    for (const cert of certsOf(ctx, cf)) {
      const s = cert.summary;
      if (seen.has(s.fingerprints.sha256) || count >= MAX_EXPIRY_FINDINGS_PER_FILE) continue;
      seen.add(s.fingerprints.sha256);
      const left = daysLeft(new Date(s.notAfter), now);
      const f = expiryFinding(ctx, cf, s.subject, s.notAfter, s.notBefore, left, now);
      if (f) {
        out.push(f);
        count++;
      }
    }
  }
  return out;
}

function expiryFinding(ctx: RuleContext, cf: ContextFile, subject: string, notAfter: string, notBefore: string, left: number, now: Date): Finding | undefined {
  const date = notAfter.slice(0, 10);
  const data = { path: cf.path };
  if (new Date(notAfter) < now) {
    return makeFinding(ctx, 'certificate-expired', cf.setting.key, { severity: 'error', message: `The certificate ${q(subject)} in ${q(cf.path)} expired on ${date}.`, range: cf.item.range, data });
  }
  if (new Date(notBefore) > now) {
    return makeFinding(ctx, 'certificate-not-yet-valid', cf.setting.key, { severity: 'warning', message: `The certificate ${q(subject)} in ${q(cf.path)} is not valid before ${notBefore.slice(0, 10)}.`, range: cf.item.range, data });
  }
  if (left < ctx.options.expiryWarningDays) {
    return makeFinding(ctx, 'certificate-expiring', cf.setting.key, { severity: 'warning', message: `The certificate ${q(subject)} in ${q(cf.path)} expires in ${left} day${left === 1 ? '' : 's'} (${date}).`, range: cf.item.range, data });
  }
  return undefined;
}

/** The presented leaf and the certificates sent with it, from `certificate` or the keystore's key entry. */
export function presented(files: ContextFiles): { leaf: ParsedCertificate; extra: ParsedCertificate[]; source: ContextFile } | undefined {
  if (files.certificate?.file.certificates[0]) {
    const [leaf, ...extra] = files.certificate.file.certificates;
    return { leaf, extra, source: files.certificate };
  }
  const entry = files.keystore?.file.entries.find((e) => e.key && e.chain.length > 0);
  if (files.keystore && entry) return { leaf: entry.chain[0], extra: files.keystore.file.certificates.filter((c) => c !== entry.chain[0]), source: files.keystore };
  return undefined;
}

/** The chain check, shared by the contexts of one check that present the same certificates. */
function chainOf(ctx: RuleContext, leaf: ParsedCertificate, extra: readonly ParsedCertificate[], anchors: readonly ParsedCertificate[]): ChainResult {
  return ctx.scope ? ctx.scope.verifiedChain(leaf, extra, anchors, ctx.clock) : verifyChain(leaf, extra, anchors, ctx.clock.now());
}

/** Whether a parsed key belongs to a parsed certificate: both come unchanged from the file cache, so the answer is kept. */
function pairMatches(ctx: RuleContext, key: KeyObject, leaf: ParsedCertificate): boolean {
  const compute = () => keysMatch(key, leaf.x509.publicKey);
  return ctx.scope ? ctx.scope.rememberPair('key-matches-certificate', key, leaf, compute) : compute();
}

/** Key and certificate that do not belong together (PEM pair or keystore entry). */
export function keyMatchFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  const out: Finding[] = [];
  const key = files.key?.file.keys[0];
  const leaf = files.certificate?.file.certificates[0];
  if (files.key && key && files.certificate && leaf && !pairMatches(ctx, key.key, leaf)) {
    const f = makeFinding(ctx, 'key-certificate-mismatch', files.key.setting.key, { severity: 'error', message: `The private key in ${q(files.key.path)} does not belong to the certificate ${q(leaf.summary.subject)} in ${q(files.certificate.path)} (were they made in different runs?).`, range: files.key.item.range });
    f.related = [{ message: 'The certificate it should match', range: files.certificate.item.range }];
    out.push(f);
  }
  for (const entry of files.keystore?.file.entries ?? []) {
    if (entry.key && entry.summary.keyMatchesCertificate === false) {
      out.push(makeFinding(ctx, 'key-certificate-mismatch', files.keystore!.setting.key, { severity: 'error', message: `In ${q(files.keystore!.path)} the key of entry ${q(entry.summary.alias ?? '(no alias)')} does not match its certificate.`, range: files.keystore!.item.range }));
    }
  }
  return out;
}

/** The certificates this context trusts, as the product reads them; undefined when no trust is configured. */
export function anchorsOf(ctx: RuleContext, files: ContextFiles): ParsedCertificate[] | undefined {
  const anchors = files.authorities.flatMap((a) => a.file.certificates);
  if (files.truststore) anchors.push(...certsOf(ctx, files.truststore));
  // Kibana also trusts the other certificates of its keystore.
  if (ctx.model.product === 'kibana' && files.keystore) anchors.push(...files.keystore.file.entries.filter((e) => !e.key).flatMap((e) => e.chain));
  return files.authorities.length > 0 || files.truststore ? anchors : undefined;
}

/** The presented certificate does not chain to this context's own trust. */
export function chainFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  const p = presented(files);
  const anchors = anchorsOf(ctx, files);
  if (!p || !anchors || anchors.length === 0) return [];
  const result = chainOf(ctx, p.leaf, p.extra, anchors);
  const broken = result.problems.find((x) => x.kind === 'missing-issuer' || x.kind === 'signature-mismatch' || x.kind === 'untrusted-root');
  if (!broken) return [];
  const severity = isTransportContext(files.context.prefix) ? 'error' : 'warning';
  const trust = files.authorities.length > 0 ? 'the configured certificate authorities' : 'the configured truststore';
  const needed = broken.issuer ? ` It needs ${q(broken.issuer)}.` : '';
  return [makeFinding(ctx, 'certificate-chain-untrusted', p.source.setting.key, { severity, message: `The certificate ${q(p.leaf.summary.subject)} does not chain to ${trust}: ${broken.message}${needed}`, range: p.source.item.range })];
}

/** Whether peers must present a certificate: the written `client_authentication`, else the catalog's default. */
export function clientAuthRequired(ctx: RuleContext, files: ContextFiles): boolean {
  const written = plainScalar(files.context.settings.get('client_authentication'))?.text;
  const mode = written ?? defOf(ctx, `${files.context.prefix}client_authentication`)?.default ?? 'required';
  return mode.toLowerCase() !== 'none';
}

/** Transport certificates with an EKU extension need serverAuth, and clientAuth unless client authentication is off. */
export function ekuFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  const p = presented(files);
  if (!p || !isTransportContext(files.context.prefix)) return [];
  const problem = transportEkuProblem(p.leaf.summary, clientAuthRequired(ctx, files));
  return problem ? [makeFinding(ctx, 'transport-certificate-eku', p.source.setting.key, { severity: 'error', message: problem, range: p.source.item.range })] : [];
}

/** A truststore Java finds empty: only key entries (certutil's CA file) or certificates without the trusted mark. */
export function truststoreFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  const ts = files.truststore;
  if (!ts || ts.file.result.format !== 'pkcs12') return [];
  const entries = ts.file.result.entries;
  const caKey = `${files.context.prefix}${ctx.model.product === 'kibana' ? 'certificateAuthorities' : 'certificate_authorities'}`;
  const extract = `openssl pkcs12 -in ${ts.path} -nokeys -out ca.crt`;
  if (ctx.model.product === 'kibana') {
    if (ts.file.certificates.length > 0) return [];
    return [makeFinding(ctx, 'truststore-without-trusted-entries', ts.setting.key, { severity: 'error', message: `The truststore ${q(ts.path)} holds no certificates.`, range: ts.item.range })];
  }
  if (entries.some((e) => e.trusted)) return [];
  const why = entries.some((e) => e.hasKey)
    ? 'holds only private key entries (as the CA file from `elasticsearch-certutil ca` does)'
    : 'holds certificates without the trusted-certificate mark Java needs (as openssl writes them)';
  return [makeFinding(ctx, 'truststore-without-trusted-entries', ts.setting.key, { severity: 'error', message: `The truststore ${q(ts.path)} ${why}, so Elasticsearch finds no trusted certificate in it. Use ${q(caKey)} with the CA certificate in PEM instead (extract it with: ${extract}).`, range: ts.item.range })];
}

/** Kibana refuses keystores with more than one private key (Elasticsearch's http.p12 holds two). */
export function kibanaKeystoreFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  const ks = files.keystore;
  if (ctx.model.product !== 'kibana' || !ks) return [];
  const keys = ks.file.entries.filter((e) => e.key).length;
  if (keys <= 1) return [];
  return [makeFinding(ctx, 'certificate-file-format', ks.setting.key, { severity: 'error', message: `The keystore ${q(ks.path)} holds ${keys} private keys; Kibana accepts exactly one (the http.p12 Elasticsearch generates holds its CA key too).`, range: ks.item.range })];
}

/**
 * The CAs behind the HTTP certificate, linted for what strict clients (Python 3.13, openssl -x509_strict)
 * reject: no keyUsage, no keyCertSign, no subjectKeyIdentifier. CAs from certutil before 8.18 lack keyUsage.
 */
export function caStrictFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  if (ctx.model.product !== 'elasticsearch' || files.context.prefix !== 'xpack.security.http.ssl.') return [];
  const p = presented(files);
  if (!p) return [];
  const anchors = anchorsOf(ctx, files) ?? [];
  const chain = anchors.length > 0 ? chainOf(ctx, p.leaf, p.extra, anchors).chain : [p.leaf, ...p.extra];
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const ca of chain.slice(1).filter((c) => c.summary.isCA)) {
    if (seen.has(ca.summary.fingerprints.sha256)) continue;
    seen.add(ca.summary.fingerprints.sha256);
    const problems = caLint(ca.summary);
    if (problems.length > 0) out.push(makeFinding(ctx, 'ca-strict-clients', p.source.setting.key, { severity: 'information', message: `Strict HTTPS clients may reject this chain: ${problems.join(' ')} Recreate the CA with keyUsage keyCertSign, cRLSign (elasticsearch-certutil ca --keyusage in 8.18+).`, range: p.source.item.range }));
  }
  return out;
}
