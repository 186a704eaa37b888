// Private and public keys: what kind and size they are, and whether two belong together.
import { nodeCrypto } from '../core/nodeCrypto';
import type * as Crypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { PkiError } from './errors';
import type { PublicKeyInfo } from './types';
import { CURVE_BITS, CURVE_NAMES } from './x509/oids';

/**
 * A key's details, read safely. OpenSSL accepts some malformed EC private keys (a private value longer than the
 * curve allows) that Node cannot describe: reading their details aborts the whole process. Such a key fails a
 * DER export, and details are read from a clean copy of the public key.
 */
function detailsOf(key: KeyObject): Crypto.AsymmetricKeyDetails {
  if (key.asymmetricKeyType !== 'ec') return key.asymmetricKeyDetails ?? {};
  try {
    // A public key (a certificate's) is what the clean copy below would be, parsed from the same SPKI bytes: the
    // export still refuses a key OpenSSL cannot encode, and the copy, which cost a third of reading a
    // certificate, is skipped.
    if (key.type === 'public') {
      key.export({ type: 'spki', format: 'der' });
      return key.asymmetricKeyDetails ?? {};
    }
    if (key.type === 'private') key.export({ type: 'pkcs8', format: 'der' });
    const spki = toPublicKey(key).export({ type: 'spki', format: 'der' });
    return nodeCrypto().createPublicKey({ key: spki, format: 'der', type: 'spki' }).asymmetricKeyDetails ?? {};
  } catch {
    throw new PkiError('BAD_DER', 'The EC key is malformed.');
  }
}

/** Algorithm, size and curve of a key (private or public), as a summary shows them. Throws BAD_DER for a malformed EC key. */
export function publicKeyInfo(key: KeyObject): PublicKeyInfo {
  const details = detailsOf(key);
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return { algorithm: 'RSA', size: details.modulusLength };
    case 'ec': {
      const curve = details.namedCurve ? (CURVE_NAMES[details.namedCurve] ?? details.namedCurve) : undefined;
      return { algorithm: 'EC', size: curve ? CURVE_BITS[curve] : undefined, curve };
    }
    case 'ed25519':
      return { algorithm: 'Ed25519', size: 256 };
    case 'ed448':
      return { algorithm: 'Ed448', size: 456 };
    case 'dsa':
      return { algorithm: 'DSA', size: details.modulusLength };
    default:
      return { algorithm: 'unknown' };
  }
}

/** The public half of a key; a public key is returned as is. */
export function toPublicKey(key: KeyObject): KeyObject {
  return key.type === 'private' ? nodeCrypto().createPublicKey(key) : key;
}

/** True when both keys (private or public, any algorithm) have the same public key. */
export function keysMatch(a: KeyObject, b: KeyObject): boolean {
  try {
    // Compared natively; exporting both keys to DER cost about 100 times more, on every check of every context.
    return toPublicKey(a).equals(toPublicKey(b));
  } catch {
    return false;
  }
}
