// IP addresses in text: their bytes and one canonical spelling, for SANs we write and SANs we compare.
import { isIP } from 'node:net';

/** The 4 or 16 bytes of an IP address given in text (IPv6 may end in dotted IPv4). */
export function ipToBytes(ip: string): Uint8Array {
  const kind = isIP(ip);
  if (kind === 4) return Uint8Array.from(ip.split('.').map((p) => Number(p)));
  if (kind !== 6) throw new Error(`[${ip}] is not a valid IP address`);
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const b = ipToBytes(dotted[1]);
    text = text.slice(0, dotted.index) + `${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[i * 2] = v >> 8;
    out[i * 2 + 1] = v & 0xff;
  });
  return out;
}

/**
 * The canonical text of an IP address (IPv4 dotted, IPv6 as eight hex groups, an IPv4 tail folded in), so two
 * spellings of one address compare equal and every encoder reads it the same way; brackets are dropped.
 * Undefined when the text is not an IP address (a DNS name, say).
 */
export function canonicalIp(host: string): string | undefined {
  const ip = host.replace(/^\[|\]$/g, '');
  if (isIP(ip) === 0) return undefined;
  const bytes = ipToBytes(ip);
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(':');
}
