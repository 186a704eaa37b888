// Private keys from PEM blocks: PKCS#1, SEC1, PKCS#8, encrypted PKCS#8, and the traditional OpenSSL
// encryption (`Proc-Type: 4,ENCRYPTED` + `DEK-Info`) that certutil `--pass` writes.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { PkiError } from './errors';
import { decryptPbe } from './pkcs12/crypto';
import type { WorkBudget } from './pkcs12/crypto';
import type { PemBlock } from './pem';

/** PEM labels that hold a private key. */
export const PRIVATE_KEY_LABELS = new Set(['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY']);

/** True when reading the block needs a password. */
export function isEncryptedKeyBlock(block: PemBlock): boolean {
  return block.label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '');
}

const LEGACY_CIPHERS: Record<string, { node: string; keyLength: number; ivLength: number }> = {
  'DES-EDE3-CBC': { node: 'des-ede3-cbc', keyLength: 24, ivLength: 8 },
  'DES-CBC': { node: 'des-cbc', keyLength: 8, ivLength: 8 },
  'AES-128-CBC': { node: 'aes-128-cbc', keyLength: 16, ivLength: 16 },
  'AES-192-CBC': { node: 'aes-192-cbc', keyLength: 24, ivLength: 16 },
  'AES-256-CBC': { node: 'aes-256-cbc', keyLength: 32, ivLength: 16 },
};

/** OpenSSL's EVP_BytesToKey with MD5 and one iteration: the key derivation of traditional encrypted PEM. */
export function evpBytesToKeyMd5(password: Uint8Array, salt: Uint8Array, keyLength: number): Buffer {
  const parts: Buffer[] = [];
  let prev = Buffer.alloc(0);
  let total = 0;
  while (total < keyLength) {
    prev = crypto.createHash('md5').update(prev).update(password).update(salt).digest();
    parts.push(prev);
    total += prev.length;
  }
  return Buffer.concat(parts).subarray(0, keyLength);
}

function passwordError(password: string | undefined): PkiError {
  return password === undefined || password === ''
    ? new PkiError('PASSWORD_REQUIRED', 'The private key is encrypted; a passphrase is needed to read it.')
    : new PkiError('BAD_PASSWORD', 'The passphrase is wrong: the private key did not decrypt.');
}

/** The error for a cipher this system cannot decrypt, with the command that re-encrypts the key with AES. */
function unsupportedCipher(name: string): PkiError {
  return new PkiError(
    'UNSUPPORTED',
    `The key is encrypted with ${name || 'an unnamed cipher'}, which cannot be decrypted here. Re-encrypt it with AES, ` +
      'for example: openssl pkey -provider legacy -provider default -in key.pem -aes256 -out key-aes.pem',
  );
}

/**
 * A decipher for a traditional PEM cipher. OpenSSL 3 moved single DES to its legacy provider, which Node does not
 * load; three-key 3DES with one key three times (encrypt-decrypt-encrypt) is single DES, so DES-CBC keys still
 * decrypt. A cipher neither way offers is UNSUPPORTED, never a wrong passphrase.
 */
function legacyDecipher(name: string, node: string, key: Buffer, iv: Buffer): crypto.Decipher {
  try {
    return crypto.createDecipheriv(node, key, iv);
  } catch {
    if (node !== 'des-cbc') throw unsupportedCipher(name);
  }
  try {
    return crypto.createDecipheriv('des-ede3-cbc', Buffer.concat([key, key, key]), iv);
  } catch {
    throw unsupportedCipher(name);
  }
}

function decryptLegacy(block: PemBlock, password: string | undefined): Buffer {
  const [name, ivHex] = (block.headers['DEK-Info'] ?? '').split(',').map((s) => s.trim());
  const cipher = LEGACY_CIPHERS[(name ?? '').toUpperCase()];
  if (!cipher) throw unsupportedCipher(name ?? '');
  const iv = Buffer.from(ivHex ?? '', 'hex');
  if (iv.length !== cipher.ivLength) throw new PkiError('BAD_PEM', 'The DEK-Info header has an IV of the wrong length.');
  const key = evpBytesToKeyMd5(Buffer.from(password ?? '', 'utf8'), iv.subarray(0, 8), cipher.keyLength);
  const d = legacyDecipher(name, cipher.node, key, iv);
  try {
    return Buffer.concat([d.update(block.der), d.final()]);
  } catch {
    throw passwordError(password);
  }
}

function importDer(der: Buffer, type: 'pkcs1' | 'sec1' | 'pkcs8', password: string | undefined, wasEncrypted: boolean): KeyObject {
  try {
    return crypto.createPrivateKey({ key: der, format: 'der', type });
  } catch {
    if (wasEncrypted) throw passwordError(password);
    throw new PkiError('BAD_PEM', 'The private key block does not hold a valid key.');
  }
}

/** The KeyObject of a private-key block; throws PASSWORD_REQUIRED / BAD_PASSWORD / BAD_PEM / UNSUPPORTED. */
export function readPemPrivateKey(block: PemBlock, password: string | undefined, budget?: WorkBudget): KeyObject {
  const legacy = /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '');
  switch (block.label) {
    case 'RSA PRIVATE KEY':
      return importDer(legacy ? decryptLegacy(block, password) : block.der, 'pkcs1', password, legacy);
    case 'EC PRIVATE KEY':
      return importDer(legacy ? decryptLegacy(block, password) : block.der, 'sec1', password, legacy);
    case 'PRIVATE KEY':
      return importDer(block.der, 'pkcs8', password, false);
    case 'ENCRYPTED PRIVATE KEY':
      return importDer(decryptPkcs8(block.der, password, budget), 'pkcs8', password, true);
    default:
      throw new PkiError('UNSUPPORTED', `${block.label} keys are not supported.`);
  }
}

/** Decrypts an EncryptedPrivateKeyInfo (PBES2 or PKCS#12 PBE) to PKCS#8 DER. */
export function decryptPkcs8(der: Uint8Array, password: string | undefined, budget?: WorkBudget): Buffer {
  let info: EncryptedPrivateKeyInfo;
  try {
    info = AsnConvert.parse(der, EncryptedPrivateKeyInfo);
  } catch {
    throw new PkiError('BAD_PEM', 'The encrypted private key is malformed.');
  }
  try {
    return decryptPbe(info.encryptionAlgorithm, Buffer.from(info.encryptedData.buffer), password ?? '', { budget, accept: (b) => b[0] === 0x30 });
  } catch (e) {
    if (e instanceof PkiError && e.code === 'BAD_PASSWORD') throw passwordError(password);
    throw e;
  }
}
