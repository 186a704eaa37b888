import { isIP } from 'node:net';
import { checkSubjectName } from './dnText';
import type { InstanceSpec } from './types';

/** certutil's allowed file-name characters (CertificateTool.ALLOWED_FILENAME_CHAR_PATTERN), 255 minus a 4-char extension. */
const FILENAME = /^[a-zA-Z0-9!@#$%^&{}[\]()_+\-=,.~'` ]{1,251}$/;
const DNS_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/** True when certutil would accept the text as a file or folder name. */
export function isValidFilename(name: string): boolean {
  return FILENAME.test(name) && !name.startsWith('.');
}

/** A literal IPv4 or IPv6 address (no zone id, no brackets, no port). */
export function isValidIp(ip: string): boolean {
  return !ip.includes('%') && isIP(ip) !== 0;
}

/**
 * A host name for a dNSName SAN: ASCII labels of letters, digits, `-` and `_`, at most 63 characters each and 253 in
 * all; the first label may be the wildcard `*`. certutil only checks the text is IA5; we also refuse what no TLS
 * client could match (spaces, empty labels, non-ASCII).
 */
export function isValidDnsName(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.every((label, i) => (i === 0 && label === '*' && labels.length > 1) || DNS_LABEL.test(label));
}

/** Splits comma-separated values, trimming blanks, as certutil does for `--dns a,b`. */
export function splitCommaList(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

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

/** The fully expanded text form of an address (IPv6 as eight hex groups), which every encoder reads the same way. */
export function canonicalIp(ip: string): string {
  const bytes = ipToBytes(ip);
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16));
  return groups.join(':');
}

/** certutil's per-instance checks (CertificateInformation.validate), with its messages. */
export function validateInstance(instance: InstanceSpec): string[] {
  const errors: string[] = [];
  if (instance.name === 'ca') errors.push('[ca] may not be used as an instance name');
  else if (instance.name.trim() === '') errors.push('instance name may not be empty');
  else {
    try {
      checkSubjectName(instance.name);
    } catch (e) {
      errors.push(`[${instance.name}] could not be converted to a valid DN: ${(e as Error).message}`);
    }
  }
  const filename = instance.filename ?? instance.name;
  if (instance.name !== 'ca' && !isValidFilename(filename)) errors.push(`[${filename}] is not a valid filename`);
  for (const ip of instance.ip) if (!isValidIp(ip)) errors.push(`[${ip}] is not a valid IP address`);
  for (const dns of instance.dns) if (!isValidDnsName(dns)) errors.push(`[${dns}] is not a valid DNS name`);
  for (const cn of instance.cn ?? []) if (cn.trim() === '') errors.push('an empty cn value is not allowed');
  return errors;
}
