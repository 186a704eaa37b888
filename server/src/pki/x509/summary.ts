// One certificate's DER -> CertSummary: the fields a user checks, spelled as openssl prints them.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import * as url from 'node:url';
import {
  AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, SubjectAlternativeName, SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import type { Extension, GeneralName } from '@peculiar/asn1-x509';
import { PkiError } from '../errors';
import type { Clock } from '../../core/environment';
import type { CertSummary, SubjectAltName } from '../types';
import { publicKeyInfo } from '../keys';
import { formatName } from './names';
import { EKU_NAMES, EXT, KEY_USAGE_BITS, SIGNATURE_ALGORITHMS } from './oids';
import { parseShared, readTbsParts } from './tbs';
import { daysLeft } from '../dates';

export { daysLeft } from '../dates';
import type { TbsParts } from './tbs';

/** A certificate read from a file: its bytes, Node's parsed form (for verification) and the summary. */
export interface ParsedCertificate {
  der: Buffer;
  x509: crypto.X509Certificate;
  summary: CertSummary;
}

/** Colon-separated upper-case hex, as openssl prints key identifiers and fingerprints. */
export function colonHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
}


/** Parses a DER certificate and summarizes it; malformed input throws PkiError('BAD_DER'). */
export function parseCertificate(der: Uint8Array, clock: Clock): ParsedCertificate {
  const bytes = Buffer.from(der);
  let x509: crypto.X509Certificate;
  let parts: TbsParts;
  try {
    x509 = new crypto.X509Certificate(bytes);
    parts = readTbsParts(bytes);
  } catch {
    throw new PkiError('BAD_DER', 'The data is not a valid X.509 certificate.');
  }
  try {
    return { der: bytes, x509, summary: summarize(parts, x509, clock) };
  } catch {
    // Dates or extensions that Node accepted but that make no sense (say, an invalid time).
    throw new PkiError('BAD_DER', 'The certificate holds values that cannot be read.');
  }
}

function summarize(tbs: TbsParts, x509: crypto.X509Certificate, clock: Clock): CertSummary {
  const ext = extensionMap(tbs.extensions);
  const bc = decodeExt(ext, EXT.basicConstraints, BasicConstraints);
  const notAfter = new Date(x509.validTo);
  const summary: CertSummary = {
    subject: formatName(tbs.subject),
    issuer: formatName(tbs.issuer),
    serialNumber: x509.serialNumber.toUpperCase(),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft: daysLeft(notAfter, clock.now()),
    sans: sansOf(ext),
    publicKey: publicKeyInfo(x509.publicKey),
    isCA: bc?.cA ?? false,
    keyUsage: keyUsageOf(ext),
    extendedKeyUsage: Array.from(decodeExt(ext, EXT.extKeyUsage, ExtendedKeyUsage) ?? [], (oid) => EKU_NAMES[oid] ?? oid),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[tbs.signatureAlgorithm.algorithm] ?? tbs.signatureAlgorithm.algorithm,
    fingerprints: { sha256: x509.fingerprint256, sha1: x509.fingerprint },
    selfSigned: isSelfSigned(x509),
  };
  if (bc?.pathLenConstraint !== undefined) summary.pathLength = bc.pathLenConstraint;
  const ski = decodeExt(ext, EXT.subjectKeyIdentifier, SubjectKeyIdentifier);
  if (ski) summary.subjectKeyId = colonHex(new Uint8Array(ski.buffer));
  const aki = decodeExt(ext, EXT.authorityKeyIdentifier, AuthorityKeyIdentifier)?.keyIdentifier;
  if (aki) summary.authorityKeyId = colonHex(new Uint8Array(aki.buffer));
  return summary;
}

function isSelfSigned(x509: crypto.X509Certificate): boolean {
  try {
    return x509.checkIssued(x509) && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

function extensionMap(extensions: readonly Extension[]): Map<string, Extension> {
  const map = new Map<string, Extension>();
  for (const e of extensions) if (!map.has(e.extnID)) map.set(e.extnID, e);
  return map;
}

function decodeExt<T>(ext: Map<string, Extension>, oid: string, type: new () => T): T | undefined {
  const e = ext.get(oid);
  if (!e) return undefined;
  try {
    return parseShared(e.extnValue.buffer, type);
  } catch {
    return undefined;
  }
}

function keyUsageOf(ext: Map<string, Extension>): string[] {
  const ku = decodeExt(ext, EXT.keyUsage, KeyUsage);
  if (!ku) return [];
  const flags = ku.toNumber();
  return KEY_USAGE_BITS.filter((_, bit) => (flags & (1 << bit)) !== 0);
}

function sansOf(ext: Map<string, Extension>): SubjectAltName[] {
  const names = decodeExt(ext, EXT.subjectAltName, SubjectAlternativeName);
  return names ? Array.from(names, generalNameToSan) : [];
}

/** A DNS SAN, with its Unicode form beside it when a label is IDNA-encoded (`xn--`). */
export function dnsSan(name: string): SubjectAltName {
  if (!/(^|\.)xn--/i.test(name)) return { type: 'dns', value: name };
  // domainToUnicode wants a host: a wildcard label is set aside and put back.
  const wildcard = name.startsWith('*.');
  const unicode = url.domainToUnicode(wildcard ? name.slice(2) : name);
  if (!unicode || unicode === name) return { type: 'dns', value: name };
  return { type: 'dns', value: name, unicode: wildcard ? `*.${unicode}` : unicode };
}

/** One GeneralName as a typed SAN; IP addresses in openssl's text form. */
export function generalNameToSan(gn: GeneralName): SubjectAltName {
  if (gn.dNSName !== undefined) return dnsSan(gn.dNSName);
  if (gn.iPAddress !== undefined) return { type: 'ip', value: formatIp(gn.iPAddress) };
  if (gn.rfc822Name !== undefined) return { type: 'email', value: gn.rfc822Name };
  if (gn.uniformResourceIdentifier !== undefined) return { type: 'uri', value: gn.uniformResourceIdentifier };
  if (gn.directoryName) return { type: 'dirName', value: formatName(gn.directoryName) };
  if (gn.registeredID !== undefined) return { type: 'registeredId', value: gn.registeredID };
  if (gn.otherName) return { type: 'otherName', value: `${gn.otherName.typeId}:${otherNameText(gn.otherName.value)}` };
  return { type: 'otherName', value: 'unsupported' };
}

/** The string inside an otherName's [0] EXPLICIT value when it is a string type, else hex. */
function otherNameText(value: ArrayBuffer): string {
  const b = Buffer.from(value);
  // [0] EXPLICIT wrapper (A0 len) around a string (UTF8 0C, Printable 13, IA5 16).
  let off = 0;
  if (b[off] === 0xa0) off += b[off + 1] & 0x80 ? 2 + (b[off + 1] & 0x7f) : 2;
  const tag = b[off];
  if ([0x0c, 0x13, 0x16].includes(tag) && off + 1 < b.length) {
    const len = b[off + 1];
    if (len < 0x80) return b.subarray(off + 2, off + 2 + len).toString('utf8');
  }
  return b.toString('hex').toUpperCase();
}

/**
 * openssl's text for an iPAddress SAN: dotted IPv4, or eight upper-case hex groups without zero compression
 * for IPv6 (`2001:DB8:0:0:0:0:0:1`).
 */
export function formatIp(text: string): string {
  if (!text.includes(':')) return text;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g: string) => parseInt(g, 16).toString(16).toUpperCase()).join(':');
}
