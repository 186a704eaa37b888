import 'reflect-metadata';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { isFileGateError, readBounded } from '../../core/fileGate';
import { PkiError, isPkiError } from '../errors';
import { readPkcs12 } from '../pkcs12/read';
import type { FileSystem } from '../../core/environment';
import { certificatePublicKey, checkCa, type CaMaterial } from './issue';
import { keysMatch } from '../keys';
import type { CaSource } from './types';

/** Where CA files are read from. */
export interface CaFileAccess {
  fs?: FileSystem;
  baseDir?: string;
}

function readCaFile(file: string, access: CaFileAccess): Uint8Array {
  if (!access.fs) throw new PkiError('UNSUPPORTED', 'No file access was given to read the CA.');
  const full = path.resolve(access.baseDir ?? process.cwd(), file);
  let bytes: Uint8Array | undefined;
  try {
    bytes = readBounded(access.fs, full, 'pki');
  } catch (e) {
    if (isFileGateError(e)) throw new PkiError(e.code, `CA file [${file}]: ${e.message}`);
    throw e;
  }
  if (!bytes) throw new PkiError('INVALID_INPUT', `CA file [${file}] does not exist.`);
  return bytes;
}

/** Every certificate of a PEM file (a DER file is one certificate). */
function certificates(bytes: Uint8Array, file: string): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.includes('-----BEGIN')) return [bytes];
  const found = [...text.matchAll(/-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END/g)];
  if (found.length === 0) throw new PkiError('NOT_PEM', `[${file}] holds no PEM certificate.`);
  return found.map((m) => new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')));
}

/** The certificate of a bundle that belongs to the key (a chain file may list the root first), else the first. */
function certificateForKey(certs: Uint8Array[], key: KeyObject): Uint8Array {
  return certs.find((c) => keysMatch(key, certificatePublicKey(c))) ?? certs[0];
}

/** Reads a PEM (any of PKCS#1, SEC1, PKCS#8, encrypted or not) or DER PKCS#8 private key. */
function privateKey(bytes: Uint8Array, passphrase: string | undefined, file: string): KeyObject {
  const text = Buffer.from(bytes).toString('latin1');
  const isPem = text.includes('-----BEGIN');
  const encrypted = isPem && /Proc-Type:\s*4,ENCRYPTED|BEGIN ENCRYPTED PRIVATE KEY/.test(text);
  if (encrypted && passphrase === undefined) {
    throw new PkiError('PASSWORD_REQUIRED', `The CA key [${file}] is encrypted; give its password.`);
  }
  try {
    if (isPem) return createPrivateKey({ key: Buffer.from(bytes), format: 'pem', passphrase: encrypted ? passphrase : undefined });
    return createPrivateKey({ key: Buffer.from(bytes), format: 'der', type: 'pkcs8' });
  } catch {
    if (encrypted) throw new PkiError('BAD_PASSWORD', `The password for the CA key [${file}] is wrong.`);
    throw new PkiError('BAD_PEM', `[${file}] is not a readable private key.`);
  }
}

/** Every private key and certificate in a PKCS#12 file, through the shared reader (MAC checked, bounded work). */
function keysAndCertificates(bytes: Uint8Array, password: string): { keys: KeyObject[]; certs: Uint8Array[] } {
  const { bags } = readPkcs12(bytes, password);
  return {
    keys: bags.filter((b) => b.kind === 'key').map((b) => createPrivateKey({ key: b.der, format: 'der', type: 'pkcs8' })),
    certs: bags.filter((b) => b.kind === 'certificate').map((b) => new Uint8Array(b.der)),
  };
}

function loadPkcs12Ca(source: Extract<CaSource, { kind: 'pkcs12' }>, access: CaFileAccess): CaMaterial {
  const { keys, certs } = keysAndCertificates(readCaFile(source.path, access), source.password);
  if (keys.length !== 1) {
    throw new PkiError('INVALID_INPUT', `expected a single key in file [${source.path}] but found [${keys.length}]`);
  }
  const certDer = certs.find((c) => keysMatch(keys[0], certificatePublicKey(c)));
  if (!certDer) throw new PkiError('KEY_MISMATCH', `The key in [${source.path}] has no matching certificate.`);
  return checkCa(certDer, keys[0]);
}

/**
 * Loads the signing CA from a PKCS#12 file (exactly one key) or PEM certificate + key, relative paths resolved
 * against `baseDir`. Refuses a certificate that is not a CA (NOT_A_CA) or a key that is not its key (KEY_MISMATCH).
 */
export async function loadCa(source: CaSource, access: CaFileAccess): Promise<CaMaterial> {
  try {
    if (source.kind === 'pkcs12') return loadPkcs12Ca(source, access);
    if (source.kind === 'pem') {
      const certs = certificates(readCaFile(source.certPath, access), source.certPath);
      const key = privateKey(readCaFile(source.keyPath, access), source.keyPassword, source.keyPath);
      return checkCa(certificateForKey(certs, key), key);
    }
    throw new PkiError('INVALID_INPUT', 'A self-signed request has no CA to load.');
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('BAD_DER', `The CA could not be read: ${(e as Error).message.split('\n')[0]}`);
  }
}
