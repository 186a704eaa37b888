// Which format a file holds, judged by its bytes (the extension is only a hint for messages).
import { looksLikePem } from './pem';
import { looksLikeElasticsearchKeystore } from './esKeystore/read';
import { children as childrenOf, readElement } from '../core/der';

// The shape tests below read only a few tags, so sniffing a file does not load the PKCS#7 and CRL decoders.

/** True when DER bytes are a ContentInfo of type signedData (cheap: no full decode). */
export function looksLikePkcs7(der: Uint8Array): boolean {
  try {
    const outer = readElement(der, 0);
    const first = childrenOf(der, outer)[0];
    if (outer.tag !== 0x30 || first?.tag !== 0x06) return false;
    return Buffer.from(der.subarray(first.contentStart, first.end)).equals(Buffer.from('2a864886f70d010702', 'hex'));
  } catch {
    return false;
  }
}

/** True when DER bytes have a CRL's shape: the TBS list holds a time where a certificate's holds a name. */
export function looksLikeCrl(der: Uint8Array): boolean {
  try {
    const outer = readElement(der, 0);
    const tbs = childrenOf(der, outer)[0];
    if (outer.tag !== 0x30 || tbs?.tag !== 0x30) return false;
    const fields = childrenOf(der, tbs);
    const i = fields[0]?.tag === 0x02 ? 1 : 0;
    // [version] signature issuer thisUpdate: thisUpdate is UTCTime (17) or GeneralizedTime (18).
    return fields[i]?.tag === 0x30 && fields[i + 1]?.tag === 0x30 && (fields[i + 2]?.tag === 0x17 || fields[i + 2]?.tag === 0x18);
  } catch {
    return false;
  }
}

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
