import { createCipheriv, createHash, randomBytes, type KeyObject } from 'node:crypto';
import { PkiError } from './errors';

/** How a private key is written: the algorithm's own form (PKCS#1 / SEC1, as certutil writes) or PKCS#8. */
export type PemKeyFormat = 'traditional' | 'pkcs8';

export interface PemKeyOptions {
  format?: PemKeyFormat;
  /** Encrypts the key when given; it must not be empty. */
  passphrase?: string;
}

/** A PEM block: base64 in 64-character lines between BEGIN/END lines, with optional RFC 1421 headers. */
export function pemBlock(label: string, der: Uint8Array, headers: ReadonlyArray<[string, string]> = []): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  const head = headers.length ? headers.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n\n' : '';
  return `-----BEGIN ${label}-----\n${head}${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function certificateToPem(der: Uint8Array): string {
  return pemBlock('CERTIFICATE', der);
}

export function csrToPem(der: Uint8Array): string {
  return pemBlock('CERTIFICATE REQUEST', der);
}

/** OpenSSL's EVP_BytesToKey with MD5 and one iteration: the key derivation of traditional encrypted PEM. */
export function evpBytesToKey(password: Uint8Array, salt: Uint8Array, keyLength: number): Uint8Array {
  const out: Buffer[] = [];
  let prev: Buffer = Buffer.alloc(0);
  let total = 0;
  while (total < keyLength) {
    prev = createHash('md5').update(prev).update(password).update(salt).digest();
    out.push(prev);
    total += prev.length;
  }
  return new Uint8Array(Buffer.concat(out).subarray(0, keyLength));
}

function traditionalLabel(key: KeyObject): { label: string; type: 'pkcs1' | 'sec1' } {
  if (key.asymmetricKeyType === 'rsa') return { label: 'RSA PRIVATE KEY', type: 'pkcs1' };
  if (key.asymmetricKeyType === 'ec') return { label: 'EC PRIVATE KEY', type: 'sec1' };
  throw new PkiError('UNSUPPORTED', `A ${key.asymmetricKeyType ?? 'unknown'} key has no traditional PEM form; use PKCS#8.`);
}

/**
 * Traditional encrypted PEM (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: AES-128-CBC,<iv>`), as certutil writes keys
 * with `--pass`. The IV's first 8 bytes are the salt of the MD5 key derivation.
 */
function encryptTraditional(label: string, der: Uint8Array, passphrase: string, iv?: Uint8Array): string {
  const ivBytes = iv ?? new Uint8Array(randomBytes(16));
  const key = evpBytesToKey(new Uint8Array(Buffer.from(passphrase, 'utf8')), ivBytes.subarray(0, 8), 16);
  const cipher = createCipheriv('aes-128-cbc', key, ivBytes);
  const body = new Uint8Array(Buffer.concat([cipher.update(der), cipher.final()]));
  const ivHex = Buffer.from(ivBytes).toString('hex').toUpperCase();
  return pemBlock(label, body, [
    ['Proc-Type', '4,ENCRYPTED'],
    ['DEK-Info', `AES-128-CBC,${ivHex}`],
  ]);
}

/** Writes a private key as PEM, encrypted when a passphrase is given (an empty one is refused, as certutil does). */
export function privateKeyToPem(key: KeyObject, options: PemKeyOptions = {}): string {
  const { passphrase } = options;
  if (passphrase !== undefined && passphrase === '') {
    throw new PkiError('INVALID_INPUT', 'An encrypted PEM key needs a non-empty passphrase.');
  }
  if (options.format === 'pkcs8') {
    if (passphrase === undefined) return key.export({ type: 'pkcs8', format: 'pem' }).toString();
    // Node (OpenSSL 3) writes PBES2 with PBKDF2-HMAC-SHA256 for this cipher.
    return key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
  }
  const { label, type } = traditionalLabel(key);
  const der = new Uint8Array(key.export({ type, format: 'der' }));
  return passphrase === undefined ? pemBlock(label, der) : encryptTraditional(label, der, passphrase);
}
