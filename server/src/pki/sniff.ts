// Which format a file holds, judged by its bytes (the extension is only a hint for messages).
import { PkiError } from './errors';
import { looksLikePem } from './pem';

export type SniffedFormat = 'pem' | 'pkcs12' | 'der' | 'jks' | 'jceks' | 'unknown';

/** True when the bytes are a DER SEQUENCE that starts like a PFX: `SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-* ...`. */
function looksLikePfx(b: Uint8Array): boolean {
  if (b[0] !== 0x30 || b.length < 8) return false;
  let off = 1;
  const len = b[off];
  off += len & 0x80 ? 1 + (len & 0x7f) : 1;
  return b[off] === 0x02 && b[off + 1] === 0x01 && b[off + 2] === 0x03 && b[off + 3] === 0x30;
}

/** Guesses the format from content: JKS/JCEKS magic, PEM armour, PKCS#12 or other DER. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const magic = bytes.length >= 4 ? Buffer.from(bytes.subarray(0, 4)).toString('hex') : '';
  if (magic === 'feedfeed') return 'jks';
  if (magic === 'cececece') return 'jceks';
  if (looksLikePfx(bytes)) return 'pkcs12';
  // PEM may start with a BOM, comments or openssl's "Bag Attributes" text.
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('latin1');
  if (looksLikePem(head)) return 'pem';
  if (bytes[0] === 0x30) return 'der';
  return 'unknown';
}

/** The error for a Java keystore: what it is and the keytool command that converts it to PKCS#12. */
export function jksError(kind: 'jks' | 'jceks', fileName?: string): PkiError {
  const name = fileName ?? 'keystore.jks';
  const what = kind === 'jks' ? 'a Java KeyStore (JKS)' : 'a Java JCEKS keystore';
  return new PkiError(
    'JKS',
    `This is ${what}, which cannot be read here; Elasticsearch and Kibana prefer PKCS#12. Convert it with: ` +
      `keytool -importkeystore -srckeystore ${name} -destkeystore ${name}.p12 -deststoretype PKCS12`,
  );
}
