// Policy lints on the certificates a context uses, as findings on the setting that names each file: weak keys
// and signatures on every certificate; for the presented one, a CA used as the node's certificate, key usage
// that forbids TLS, chain order and missing intermediates, and (for Kibana's browser-facing server) validity.
import { caAsNodeLint, chainIncompleteLint, chainOrderLint, keyUsageLint, validityLint, weakKeyLint, weakSignatureLint } from '../../pki/lint';
import type { CertificateLint } from '../../pki/lint';
import type { ContextFile, ContextFiles } from './files';
import { anchorsOf, certsOf, isTransportContext, presented } from './checks';
import type { Finding } from '../../core/finding';
import type { RuleContext } from '../types';
import { makeFinding, q } from '../support';

const MAX_PER_FILE = 5;

/** A lint as a finding on the file's setting; Kibana (Node.js, OpenSSL 3) refuses SHA-1 where the JDK may not. */
function toFinding(ctx: RuleContext, cf: ContextFile, lint: CertificateLint): Finding {
  const kibanaRefuses = ctx.model.product === 'kibana' && lint.id === 'certificate-weak-signature';
  const severity = kibanaRefuses ? 'error' : lint.severity;
  const message = `${q(cf.path)}: ${lint.message}${kibanaRefuses && lint.severity !== 'error' ? ' Kibana runs on Node.js, so it refuses this certificate.' : ''}`;
  return makeFinding(ctx, lint.id, cf.setting.key, { severity, message, range: cf.item.range, data: { path: cf.path } });
}

/** Weak keys and signatures of every certificate each file gives the product, a few per file. */
function algorithmFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  const out: Finding[] = [];
  for (const cf of [files.certificate, files.keystore, files.truststore, ...files.authorities]) {
    if (!cf) continue;
    const seen = new Set<string>();
    const lints = certsOf(ctx, cf)
      .filter((c) => !seen.has(c.summary.fingerprints.sha256) && !!seen.add(c.summary.fingerprints.sha256))
      .flatMap((c) => [weakKeyLint(c.summary), weakSignatureLint(c.summary)])
      .filter((l): l is CertificateLint => l !== undefined);
    out.push(...lints.slice(0, MAX_PER_FILE).map((l) => toFinding(ctx, cf, l)));
  }
  return out;
}

/** Lints of the certificate the context presents, and of the chain sent with it. */
function presentedFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  const p = presented(files);
  // With several key entries the product's choice is not known here (Kibana refuses such keystores anyway).
  if (!p || (p.source.role === 'keystore' && p.source.file.entries.filter((e) => e.key).length > 1)) return [];
  const prefix = files.context.prefix;
  const transport = isTransportContext(prefix);
  // Node-to-node connections are JSSE on both ends, and Kibana's client certificate is checked by Elasticsearch's JSSE.
  const jssePeers = ctx.model.product === 'elasticsearch' ? transport : prefix === 'elasticsearch.ssl.';
  const lints = [caAsNodeLint(p.leaf.summary), keyUsageLint(p.leaf.summary, { jssePeers })];
  if (ctx.model.product === 'kibana' && prefix === 'server.ssl.') lints.push(validityLint(p.leaf.summary));
  // A PKCS#7 bundle holds a SET, whose order means nothing.
  if (p.source.role === 'certificate' && p.source.file.result.format !== 'pkcs7') lints.push(chainOrderLint(p.source.file.certificates));
  const anchors = anchorsOf(ctx, files);
  // Transport peers read the same CA files as this node; elsewhere the peer may trust only the root.
  if (anchors && !transport) lints.push(chainIncompleteLint(p.leaf, p.extra, anchors));
  return lints.filter((l): l is CertificateLint => l !== undefined).map((l) => toFinding(ctx, p.source, l));
}

/** Every policy finding of one context. */
export function policyFindings(ctx: RuleContext, files: ContextFiles): Finding[] {
  return [...algorithmFindings(ctx, files), ...presentedFindings(ctx, files)];
}
