// The certificates an ECK resource serves from a Secret (or a cert-manager Certificate) of the same file:
// the keys ECK needs, the names the certificate must carry, its key and its expiry.
import type { Clock } from '../core/environment';
import type { Finding } from '../core/finding';
import type { CertManagerCertificate, KubernetesObjects, SecretObject, TlsReference } from '../config/forms/kubernetes';
import { keysMatch } from '../pki/keys';
import type { ParsedFile } from '../pki/parsed';
import { canonicalIp } from '../pki/ipAddress';
import { certificateCoversHost, dnsNameMatches } from '../pki/verifyHost';

/** Findings on every TLS reference whose Secret or cert-manager Certificate is written in the same file. */
export function eckCertificateFindings(objects: KubernetesObjects, clock: Clock): Finding[] {
  const out: Finding[] = unresolvedRefs(objects);
  for (const ref of objects.references) {
    const secret = objects.secrets.find((s) => s.name === ref.secretName && sameNamespace(s.namespace, ref.namespace));
    if (secret) out.push(...secretFindings(ref, secret, clock));
    const issued = objects.certificates.find((c) => c.secretName === ref.secretName && sameNamespace(c.namespace, ref.namespace));
    if (issued) out.push(...certManagerFindings(ref, issued));
  }
  return out;
}

/**
 * A Kibana whose `elasticsearchRef` names no Elasticsearch of this file or the files beside it: only a hint,
 * since the cluster may be defined elsewhere; ECK waits until the named one exists.
 */
function unresolvedRefs(objects: KubernetesObjects): Finding[] {
  return objects.elasticsearchRefs
    .filter((ref) => !objects.elasticsearches.some((e) => e.name === ref.name && sameNamespace(e.namespace, ref.namespace)))
    .map((ref) => ({
      ruleId: 'eck-unresolved-ref',
      severity: 'hint' as const,
      message: `No Elasticsearch named \`${ref.name}\`${ref.namespace ? ` in namespace \`${ref.namespace}\`` : ''} is defined in this file or beside it; ECK connects Kibana only once it exists.`,
      range: ref.range,
    }));
}

/** A manifest without a namespace lands in whichever one `kubectl -n` names, so it may be any of them. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * The names ECK's clients use: the `<name>-es-http` (`-kb-http`) service, in full with a known namespace
 * (cloud-on-k8s pkg/controller/common/certificates/http_reconcile.go), and the configured subjectAltNames.
 */
function requiredNames(ref: TlsReference): string[] {
  const service = `${ref.resource}-${ref.product === 'elasticsearch' ? 'es' : 'kb'}-http`;
  return [service, ...(ref.namespace ? [`${service}.${ref.namespace}.svc`] : []), ...ref.extraNames];
}

/**
 * HTTP takes a certificate and key (`tls.crt`, `tls.key`, optional `ca.crt`) or a CA to issue one from
 * (`ca.crt`, `ca.key`); the transport layer takes only a CA (ECK docs: "Custom HTTP certificate", "Transport
 * settings").
 */
function secretFindings(ref: TlsReference, secret: SecretObject, clock: Clock): Finding[] {
  const has = (k: string) => secret.entries.has(k);
  const leaf = has('tls.crt') && has('tls.key');
  const ca = has('ca.crt') && has('ca.key');
  if (ref.layer === 'transport' ? !ca : !leaf && !ca) {
    const need = ref.layer === 'transport' ? '`ca.crt` and `ca.key` (the CA ECK issues node certificates from)' : '`tls.crt` and `tls.key` (or `ca.crt` and `ca.key` for a CA ECK issues from)';
    const missing = ['tls.crt', 'tls.key', 'ca.crt', 'ca.key'].filter((k) => !has(k));
    return [{ ruleId: 'eck-certificate-secret', severity: 'error', message: `The Secret \`${secret.name}\` lacks ${missing.map((k) => `\`${k}\``).join(', ')}: ECK needs ${need} for ${ref.layer.toUpperCase()} TLS.`, range: ref.range }];
  }
  if (ref.layer !== 'http' || !leaf) return [];
  const cert = readPem(secret.entries.get('tls.crt')!.text, clock);
  const leafCert = cert?.certificates[0];
  if (!leafCert) return [];
  const out: Finding[] = [];
  const crt = secret.entries.get('tls.crt')!.range;
  const uncovered = requiredNames(ref).filter((name) => !certificateCoversHost(leafCert.summary, name));
  if (uncovered.length > 0) out.push(placed(ref, secret.file, crt, `The certificate in \`${secret.name}\` does not cover ${uncovered.map((n) => `\`${n}\``).join(', ')}, which clients of ${ref.resource} use; they will refuse the connection.`));
  if (leafCert.summary.daysLeft < 0) out.push(placed(ref, secret.file, crt, `The certificate in \`${secret.name}\` expired on ${leafCert.summary.notAfter}.`));
  const key = readPem(secret.entries.get('tls.key')!.text, clock)?.keys[0];
  if (key && !keysMatch(key.key, leafCert.x509.publicKey)) out.push(placed(ref, secret.file, secret.entries.get('tls.key')!.range, `\`tls.key\` in \`${secret.name}\` is not the private key of its \`tls.crt\`.`));
  return out;
}

function certManagerFindings(ref: TlsReference, cert: CertManagerCertificate): Finding[] {
  if (ref.layer !== 'http') return [];
  const covered = (name: string) => {
    const ip = canonicalIp(name);
    if (ip !== undefined) return cert.ipAddresses.some((a) => canonicalIp(a) === ip);
    return cert.dnsNames.some((d) => dnsNameMatches(d.text, name));
  };
  const uncovered = requiredNames(ref).filter((name) => !covered(name));
  if (uncovered.length === 0) return [];
  return [placed(ref, cert.file, cert.range, `This cert-manager Certificate writes \`${cert.secretName}\` for ${ref.resource} but does not ask for ${uncovered.map((n) => `\`${n}\``).join(', ')}; clients using those names will refuse the connection.`)];
}

/**
 * A warning on the object in this file, or, for an object found in a sibling file, on the reference here with
 * the object's place in that file as related information.
 */
function placed(ref: TlsReference, file: string | undefined, range: Finding['range'], message: string): Finding {
  if (!file) return warning(message, range);
  return { ...warning(message, ref.range), related: [{ message: 'It is written here.', range, file }] };
}

function warning(message: string, range: Finding['range']): Finding {
  return { ruleId: 'eck-certificate-names', severity: 'warning', message, range };
}

/** A PEM text read as the product would; a placeholder or a broken block is nothing known, not an error here. */
function readPem(text: string | undefined, clock: Clock): ParsedFile | undefined {
  if (!text || !text.includes('-----BEGIN')) return undefined;
  try {
    // Loaded here, not with the rules: the readers bring the ASN.1 schemas, which a check of a file that inlines
    // no certificate never needs (see pki/fileCache.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load; the bundler keeps it
    const { readPkiFile } = require('../pki/readPkiFile') as typeof import('../pki/readPkiFile');
    return readPkiFile(new TextEncoder().encode(text), { clock });
  } catch {
    return undefined;
  }
}
