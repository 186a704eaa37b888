// Building a ParsedFile: shared by the PEM, DER and PKCS#12 readers.
import type * as crypto from 'node:crypto';
import { publicKeyInfo } from './keys';
import type { ParsedCertificate, ParsedFile, ParsedKey } from './parsed';
import type { FileFormat } from './types';

/** An empty result of a format, filled by the format readers. */
export function emptyFile(fileName: string | undefined, format: FileFormat): ParsedFile {
  return { result: { file: fileName ?? '', format, certificates: [], keys: [], entries: [] }, certificates: [], keys: [], entries: [] };
}

/** Adds a key, noting whether it belongs to the given certificate. */
export function addKey(file: ParsedFile, key: crypto.KeyObject, cert: ParsedCertificate | undefined, encrypted: boolean): ParsedKey {
  const info = publicKeyInfo(key);
  const parsed: ParsedKey = { key, summary: { algorithm: info.algorithm, size: info.size, curve: info.curve } };
  if (cert) parsed.summary.matchesCertificate = matches(key, cert);
  if (encrypted) parsed.summary.encrypted = true;
  if (parsed.summary.curve === undefined) delete parsed.summary.curve;
  if (parsed.summary.size === undefined) delete parsed.summary.size;
  file.keys.push(parsed);
  file.result.keys.push(parsed.summary);
  return parsed;
}

function matches(key: crypto.KeyObject, cert: ParsedCertificate): boolean {
  try {
    return cert.x509.checkPrivateKey(key);
  } catch {
    return false;
  }
}

