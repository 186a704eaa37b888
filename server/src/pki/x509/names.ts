// Distinguished names as RFC 4514 strings, most specific first, the way `openssl -nameopt RFC2253,utf8,-esc_msb`
// writes them (so a user can compare our text with openssl's character for character): every string type decoded
// to text (UTF8String, PrintableString, IA5String, BMPString as UTF-16, UniversalString as UTF-32, TeletexString
// byte for byte as Latin-1, which is what openssl does too), and only RFC 4514's specials and control characters
// escaped. (Plain `-nameopt RFC2253,utf8` keeps openssl's esc_msb and prints `M\C3\BCnchen`; the `-esc_msb`
// turns that off.)
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { AttributeTypeAndValue, Name } from '@peculiar/asn1-x509';

/** Short names openssl prints for attribute types (`FN_SN`). */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
};

/** The text of an attribute value, or undefined when it is not a string type openssl would print as text. */
function attributeText(atv: AttributeTypeAndValue): string | undefined {
  const v = atv.value;
  return v.utf8String ?? v.printableString ?? v.ia5String ?? v.teletexString ?? v.bmpString ?? v.universalString;
}

/** Escapes a value as openssl's ESC_2253 | ESC_CTRL | ESC_MSB do (non-ASCII bytes of the UTF-8 form become \XX). Kept for byte-exact comparisons with openssl's default RFC2253 output. */
export function escapeRfc2253(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const ch = String.fromCharCode(b);
    const first = i === 0;
    const last = i === bytes.length - 1;
    if (b > 0x7e || b < 0x20) out += `\\${b.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (',+"\\<>;'.includes(ch) || (first && (ch === '#' || ch === ' ')) || (last && ch === ' ')) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/**
 * Escapes a value for display as RFC 4514 requires and openssl's ESC_2253 | ESC_CTRL do: `,+"\<>;`, a leading
 * `#` or space, a trailing space, and control characters (as \XX). Other characters, non-ASCII ones included,
 * stay as they are.
 */
export function escapeRfc4514(value: string): string {
  let out = '';
  const chars = Array.from(value);
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0) as number;
    if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (',+"\\<>;'.includes(ch) || (i === 0 && (ch === '#' || ch === ' ')) || (i === chars.length - 1 && ch === ' ')) out += `\\${ch}`;
    else out += ch;
  });
  return out;
}

function formatAttribute(atv: AttributeTypeAndValue): string {
  const short = SHORT_NAMES[atv.type];
  const text = attributeText(atv);
  if (short && text !== undefined) return `${short}=${escapeRfc4514(text)}`;
  // Unknown types or non-string values: openssl dumps the DER of the value as #hex.
  const der = Buffer.from(valueDer(atv));
  return `${short ?? atv.type}=#${der.toString('hex').toUpperCase()}`;
}

function valueDer(atv: AttributeTypeAndValue): ArrayBuffer {
  const v = atv.value;
  if (v.anyValue) return v.anyValue;
  try {
    return AsnConvert.serialize(v);
  } catch {
    return new ArrayBuffer(0);
  }
}

/**
 * RFC 4514 / openssl RFC2253 text of a Name: most specific first, `,` and `+` separators. openssl reverses the
 * flat list of attributes, so the values inside a multi-valued RDN come out reversed too; we do the same.
 */
export function formatName(name: Name): string {
  const rdns: string[] = [];
  for (let i = name.length - 1; i >= 0; i--) rdns.push(Array.from(name[i], formatAttribute).reverse().join('+'));
  return rdns.join(',');
}

/** The value of the most specific CN, for short labels. */
export function commonName(name: Name): string | undefined {
  for (let i = name.length - 1; i >= 0; i--) {
    const cn = name[i].find((atv) => atv.type === '2.5.4.3');
    if (cn) return attributeText(cn);
  }
  return undefined;
}
