// Does a certificate cover a host name or IP, the way Java's and Node's hostname checks decide?
import { canonicalIp } from './ipAddress';
import type { CertSummary } from './types';

/** DNS name match with one wildcard label at most, in the leftmost position, never across dots. */
export function dnsNameMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, '');
  const h = host.toLowerCase().replace(/\.$/, '');
  if (!p.includes('*')) return p === h;
  const pLabels = p.split('.');
  const hLabels = h.split('.');
  // A wildcard needs at least two labels after it (no `*.com`), and may only stand in the first label.
  if (pLabels.length < 3 || pLabels.length !== hLabels.length || pLabels.slice(1).some((l) => l.includes('*'))) return false;
  if (pLabels.slice(1).join('.') !== hLabels.slice(1).join('.')) return false;
  const [prefix, suffix, ...more] = pLabels[0].split('*');
  if (more.length > 0) return false;
  const label = hLabels[0];
  return label.length >= prefix.length + suffix.length && label.startsWith(prefix) && label.endsWith(suffix) && !(label.startsWith('xn--') && pLabels[0] !== '*');
}

/** The CN of an RFC 2253 subject string, for the legacy fallback when a certificate has no DNS SANs. */
function subjectCommonName(subject: string): string | undefined {
  const m = /(?:^|,)CN=((?:\\.|[^,+])*)/.exec(subject);
  return m ? m[1].replace(/\\(.)/g, '$1') : undefined;
}

/**
 * True when the certificate is valid for `host`. IPs must equal an IP SAN exactly; names match DNS SANs
 * (wildcards one label deep) and, only when there is no DNS SAN at all, the subject CN (as Java and Node do).
 */
export function certificateCoversHost(cert: CertSummary, host: string): boolean {
  const ip = canonicalIp(host);
  if (ip !== undefined) return cert.sans.some((s) => s.type === 'ip' && canonicalIp(s.value) === ip);
  const dns = cert.sans.filter((s) => s.type === 'dns');
  if (dns.length > 0) return dns.some((s) => dnsNameMatches(s.value, host));
  const cn = subjectCommonName(cert.subject);
  return cn !== undefined && dnsNameMatches(cn, host);
}
