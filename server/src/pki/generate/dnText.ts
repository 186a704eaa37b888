// DN strings as text: splitting, unescaping, attribute keywords and which ASN.1 string type a value needs.
// Pure string work with no ASN.1 library, so input boxes can check a DN without loading the encoder (dn.ts).

/** Attribute keywords accepted in a DN string, as Java's X500Principal knows them (upper case). */
export const KEYWORDS: Readonly<Record<string, string>> = {
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
export interface ParsedAttribute {
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

export function parseAttribute(raw: string): ParsedAttribute {
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

/** The ASN.1 string type an attribute value is written as; throws when the value does not fit its attribute. */
export function valueKind(attr: ParsedAttribute): 'ia5String' | 'printableString' | 'utf8String' {
  if (IA5_TYPES.has(attr.oid)) {
    if (!/^[\x20-\x7e]*$/.test(attr.value)) throw new Error(`[${attr.value}] must be ASCII`);
    return 'ia5String';
  }
  if (PRINTABLE.test(attr.value)) return 'printableString';
  if (PRINTABLE_ONLY.has(attr.oid)) throw new Error(`[${attr.value}] has characters not allowed in this attribute`);
  return 'utf8String';
}

/**
 * Parses a DN string written most specific first (`CN=node1,OU=ops,DC=example`) into its RDNs in that order, each
 * a list of attributes whose values fit their type. Throws an Error with a short reason when it is not a DN.
 */
export function parseDnText(dn: string): ParsedAttribute[][] {
  if (dn.trim() === '') throw new Error('the DN is empty');
  return splitUnescaped(dn, ',;').map((rdnText) => {
    if (rdnText.trim() === '') throw new Error('empty RDN');
    const attrs = splitUnescaped(rdnText, '+').map(parseAttribute);
    for (const a of attrs) valueKind(a);
    return attrs;
  });
}

/** Throws, as subjectForName would, when a certutil instance name cannot become a subject DN. */
export function checkSubjectName(name: string): void {
  if (name.includes('=')) parseDnText(name);
}
