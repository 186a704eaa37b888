import 'reflect-metadata';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';

/** Attribute keywords accepted in a DN string, as Java's X500Principal knows them (upper case). */
const KEYWORDS: Readonly<Record<string, string>> = {
  CN: '2.5.4.3',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  S: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  T: '2.5.4.12',
  STREET: '2.5.4.9',
  SERIALNUMBER: '2.5.4.5',
  SURNAME: '2.5.4.4',
  GIVENNAME: '2.5.4.42',
  INITIALS: '2.5.4.43',
  GENERATION: '2.5.4.44',
  DNQ: '2.5.4.46',
  DNQUALIFIER: '2.5.4.46',
  DC: '0.9.2342.19200300.100.1.25',
  UID: '0.9.2342.19200300.100.1.1',
  EMAIL: '1.2.840.113549.1.9.1',
  EMAILADDRESS: '1.2.840.113549.1.9.1',
};

const IA5_TYPES = new Set(['0.9.2342.19200300.100.1.25', '1.2.840.113549.1.9.1']);
const PRINTABLE_ONLY = new Set(['2.5.4.6', '2.5.4.5', '2.5.4.46']);
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** One attribute of a DN string before encoding. */
interface ParsedAttribute {
  oid: string;
  value: string;
}

/** Splits text on a separator that is neither escaped with `\` nor inside double quotes. */
function splitUnescaped(text: string, separators: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (!quoted && separators.includes(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  parts.push(current);
  return parts;
}

/** Removes RFC 4514 escapes (`\,`, `\2C`) and surrounding quotes from a value. */
function unescapeValue(raw: string): string {
  let text = raw.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
      if (i + 1 >= text.length) throw new Error('dangling escape');
      i++;
      bytes.push(...Buffer.from(text[i], 'utf8'));
      continue;
    }
    bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseAttribute(raw: string): ParsedAttribute {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new Error(`[${raw.trim()}] is not a keyword=value pair`);
  const key = raw.slice(0, eq).trim();
  const upper = key.toUpperCase().replace(/^OID\./, '');
  const oid = KEYWORDS[upper] ?? (/^\d+(\.\d+)+$/.test(upper) ? upper : undefined);
  if (!oid) throw new Error(`unknown attribute keyword [${key}]`);
  const value = unescapeValue(raw.slice(eq + 1));
  if (value === '') throw new Error(`empty value for [${key}]`);
  return { oid, value };
}

function encodeValue(attr: ParsedAttribute): AttributeValue {
  if (IA5_TYPES.has(attr.oid)) {
    if (!/^[\x20-\x7e]*$/.test(attr.value)) throw new Error(`[${attr.value}] must be ASCII`);
    return new AttributeValue({ ia5String: attr.value });
  }
  if (PRINTABLE.test(attr.value)) return new AttributeValue({ printableString: attr.value });
  if (PRINTABLE_ONLY.has(attr.oid)) throw new Error(`[${attr.value}] has characters not allowed in this attribute`);
  return new AttributeValue({ utf8String: attr.value });
}

/**
 * Parses a DN written most specific first (`CN=node1,OU=ops,DC=example,DC=com`, as RFC 4514 and Java's
 * X500Principal read it) into an X.509 Name, whose encoding lists the RDNs in the reverse order.
 * Throws an Error with a short reason when the string is not a DN.
 */
export function parseDn(dn: string): Name {
  if (dn.trim() === '') throw new Error('the DN is empty');
  const rdns = splitUnescaped(dn, ',;').map((rdnText) => {
    if (rdnText.trim() === '') throw new Error('empty RDN');
    const attrs = splitUnescaped(rdnText, '+').map(parseAttribute);
    return new RelativeDistinguishedName(
      attrs.map((a) => new AttributeTypeAndValue({ type: a.oid, value: encodeValue(a) })),
    );
  });
  return new Name(rdns.reverse());
}

/** certutil's rule: a name with `=` is a DN, any other name becomes `CN=<name>`. */
export function subjectForName(name: string): Name {
  if (name.includes('=')) return parseDn(name);
  return new Name([
    new RelativeDistinguishedName([
      new AttributeTypeAndValue({ type: KEYWORDS.CN, value: encodeValue({ oid: KEYWORDS.CN, value: name }) }),
    ]),
  ]);
}
