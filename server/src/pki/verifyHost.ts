// Does a certificate cover a host name or IP, the way Java's and Node's hostname checks decide?
import * as net from 'node:net';
import type { CertSummary } from './types';

/** A host as a canonical IP (for comparison), or undefined when it is a DNS name. */
export function canonicalIp(host: string): string | undefined {
  const h = host.replace(/^\[|\]$/g, '');
  const kind = net.isIP(h);
  if (kind === 4) return h;
  if (kind === 6) return expandIpv6(h);
  return undefined;
}

function expandIpv6(ip: string): string {
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  let text = ip;
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = ip.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g: string) => parseInt(g, 16).toString(16)).join(':');
}

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
