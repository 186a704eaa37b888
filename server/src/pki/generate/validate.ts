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
