// Which format a file holds, judged by its bytes (the extension is only a hint for messages).
import { looksLikePem } from './pem';
import { looksLikeElasticsearchKeystore } from './esKeystore/read';
import { looksLikePkcs7 } from './readPkcs7';
import { looksLikeCrl } from './crl';

export type SniffedFormat = 'pem' | 'pkcs12' | 'der' | 'jks' | 'jceks' | 'pkcs7' | 'crl' | 'elasticsearch-keystore' | 'unknown';

/** True when the bytes are a DER SEQUENCE that starts like a PFX: `SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-* ...`. */
function looksLikePfx(b: Uint8Array): boolean {
  if (b[0] !== 0x30 || b.length < 8) return false;
  let off = 1;
  const len = b[off];
  off += len & 0x80 ? 1 + (len & 0x7f) : 1;
  return b[off] === 0x02 && b[off + 1] === 0x01 && b[off + 2] === 0x03 && b[off + 3] === 0x30;
}

/** Guesses the format from content: JKS/JCEKS and Elasticsearch keystore magic, PEM armour, PKCS#12, PKCS#7, CRL or other DER. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const magic = bytes.length >= 4 ? Buffer.from(bytes.subarray(0, 4)).toString('hex') : '';
  if (magic === 'feedfeed') return 'jks';
  if (magic === 'cececece') return 'jceks';
  if (looksLikeElasticsearchKeystore(bytes)) return 'elasticsearch-keystore';
  if (looksLikePfx(bytes)) return 'pkcs12';
  // PEM may start with a BOM, comments or openssl's "Bag Attributes" text.
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).toString('latin1');
  if (looksLikePem(head)) return 'pem';
  if (bytes[0] !== 0x30) return 'unknown';
  if (looksLikePkcs7(bytes)) return 'pkcs7';
  if (looksLikeCrl(bytes)) return 'crl';
  return 'der';
}

/** The keytool command that converts a JKS or JCEKS keystore to PKCS#12 (Kibana reads only PKCS#12). */
export function pkcs12ConversionCommand(fileName?: string): string {
  const name = fileName ?? 'keystore.jks';
  return `keytool -importkeystore -srckeystore ${name} -destkeystore ${name}.p12 -deststoretype PKCS12`;
}
