import { createPrivateKey, type KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { EncryptedContentInfo, id_data, id_encryptedData } from '@peculiar/asn1-cms';
import { AuthenticatedSafe, CertBag, PFX, PKCS8ShroudedKeyBag, SafeContents, id_certBag, id_keyBag, id_pkcs8ShroudedKeyBag } from '@peculiar/asn1-pfx';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { PkiError, isPkiError } from '../errors';
import { decryptPbe, verifyMac } from '../pkcs12/crypto';
import type { FileSystem } from '../../rules/environment';
import { children, readElement } from './der';
import { certificatePublicKey, checkCa, type CaMaterial } from './issue';
import { keysMatch } from './keys';
import type { CaSource } from './types';

/** Where CA files are read from. */
export interface CaFileAccess {
  fs?: FileSystem;
  baseDir?: string;
}

function readCaFile(file: string, access: CaFileAccess): Uint8Array {
  if (!access.fs) throw new PkiError('UNSUPPORTED', 'No file access was given to read the CA.');
  const full = path.resolve(access.baseDir ?? process.cwd(), file);
  const bytes = access.fs.readFile(full);
  if (!bytes) throw new PkiError('INVALID_INPUT', `CA file [${file}] does not exist.`);
  return bytes;
}

/** The first certificate of a PEM or DER file. */
function firstCertificate(bytes: Uint8Array, file: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.includes('-----BEGIN')) return bytes;
  const m = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END/.exec(text);
  if (!m) throw new PkiError('NOT_PEM', `[${file}] holds no PEM certificate.`);
  return new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
}

/** Reads a PEM (any of PKCS#1, SEC1, PKCS#8, encrypted or not) or DER PKCS#8 private key. */
function privateKey(bytes: Uint8Array, passphrase: string | undefined, file: string): KeyObject {
  const isPem = Buffer.from(bytes.subarray(0, 64)).toString('latin1').includes('-----BEGIN');
  try {
    if (isPem) return createPrivateKey({ key: Buffer.from(bytes), format: 'pem', passphrase });
    return createPrivateKey({ key: Buffer.from(bytes), format: 'der', type: 'pkcs8' });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const message = String((e as Error).message);
    if (code === 'ERR_MISSING_PASSPHRASE' || (passphrase === undefined && /passphrase|encrypt/i.test(message))) {
      throw new PkiError('PASSWORD_REQUIRED', `The CA key [${file}] is encrypted; give its password.`);
    }
    if (passphrase !== undefined && /decrypt|bad/i.test(message)) {
      throw new PkiError('BAD_PASSWORD', `The password for the CA key [${file}] is wrong.`);
    }
    throw new PkiError('BAD_PEM', `[${file}] is not a readable private key.`);
  }
}

function safeContentsOf(ci: { contentType: string; content: ArrayBuffer }, password: string): SafeContents {
  if (ci.contentType === id_data) return AsnConvert.parse(AsnConvert.parse(ci.content, OctetString).buffer, SafeContents);
  if (ci.contentType !== id_encryptedData) throw new PkiError('UNSUPPORTED', 'The PKCS#12 file uses public-key privacy mode.');
  const der = new Uint8Array(ci.content);
  const eciEl = children(der, readElement(der, 0))[1];
  const eci = AsnConvert.parse(der.slice(eciEl.start, eciEl.end), EncryptedContentInfo);
  const enc = eci.encryptedContent;
  const data = enc?.value ? new Uint8Array(enc.value.buffer) : Buffer.concat((enc?.constructedValue ?? []).map((o) => new Uint8Array(o.buffer)));
  return AsnConvert.parse(decryptPbe(eci.contentEncryptionAlgorithm, data, password), SafeContents);
}

/** Every private key and certificate in a PKCS#12 file (the MAC is checked first). */
function readPkcs12(bytes: Uint8Array, password: string): { keys: KeyObject[]; certs: Uint8Array[] } {
  let pfx: PFX;
  try {
    pfx = AsnConvert.parse(bytes, PFX);
  } catch {
    throw new PkiError('BAD_PKCS12', 'The CA file is not a PKCS#12 keystore.');
  }
  const authSafeDer = new Uint8Array(AsnConvert.parse(pfx.authSafe.content, OctetString).buffer);
  if (pfx.macData && !verifyMac(pfx.macData, authSafeDer, password)) {
    throw new PkiError('BAD_PASSWORD', 'The CA keystore password is wrong.');
  }
  const keys: KeyObject[] = [];
  const certs: Uint8Array[] = [];
  for (const ci of AsnConvert.parse(authSafeDer, AuthenticatedSafe)) {
    for (const bag of safeContentsOf(ci, password)) {
      if (bag.bagId === id_pkcs8ShroudedKeyBag) {
        const shrouded = AsnConvert.parse(bag.bagValue, PKCS8ShroudedKeyBag);
        const pkcs8 = decryptPbe(shrouded.encryptionAlgorithm, new Uint8Array(shrouded.encryptedData.buffer), password);
        keys.push(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
      } else if (bag.bagId === id_keyBag) {
        keys.push(createPrivateKey({ key: Buffer.from(bag.bagValue), format: 'der', type: 'pkcs8' }));
      } else if (bag.bagId === id_certBag) {
        const cert = AsnConvert.parse(bag.bagValue, CertBag);
        certs.push(new Uint8Array(AsnConvert.parse(cert.certValue, OctetString).buffer));
      }
    }
  }
  return { keys, certs };
}

function loadPkcs12Ca(source: Extract<CaSource, { kind: 'pkcs12' }>, access: CaFileAccess): CaMaterial {
  const { keys, certs } = readPkcs12(readCaFile(source.path, access), source.password);
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
      const certDer = firstCertificate(readCaFile(source.certPath, access), source.certPath);
      const key = privateKey(readCaFile(source.keyPath, access), source.keyPassword, source.keyPath);
      return checkCa(certDer, key);
    }
    throw new PkiError('INVALID_INPUT', 'A self-signed request has no CA to load.');
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('BAD_DER', `The CA could not be read: ${(e as Error).message.split('\n')[0]}`);
  }
}
