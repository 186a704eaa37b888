// Test-only PKCS#7 SignedData bundles ("certs-only", as openssl crl2pkcs7 writes them), built from DER pieces.
import { derTlv, concatBytes } from '../../../../server/src/core/der';

const OID_SIGNED_DATA = Uint8Array.from(Buffer.from('06092a864886f70d010702', 'hex'));
const OID_DATA = Uint8Array.from(Buffer.from('06092a864886f70d010701', 'hex'));

/** A degenerate SignedData holding `certs` and `crls` (DER each), no signers. */
export function pkcs7Bundle(certs: Uint8Array[], crls: Uint8Array[] = []): Buffer {
  const fields = [derTlv(0x02, Uint8Array.of(1)), derTlv(0x31, new Uint8Array(0)), derTlv(0x30, OID_DATA)];
  if (certs.length > 0) fields.push(derTlv(0xa0, concatBytes(certs)));
  if (crls.length > 0) fields.push(derTlv(0xa1, concatBytes(crls)));
  fields.push(derTlv(0x31, new Uint8Array(0)));
  const signedData = derTlv(0x30, concatBytes(fields));
  return Buffer.from(derTlv(0x30, concatBytes([OID_SIGNED_DATA, derTlv(0xa0, signedData)])));
}

/** PEM armour with a label. */
export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}
