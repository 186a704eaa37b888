import 'reflect-metadata';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { KEYWORDS, parseDnText, valueKind, type ParsedAttribute } from './dnText';

export { checkSubjectName, parseDnText } from './dnText';

function encodeValue(attr: ParsedAttribute): AttributeValue {
  return new AttributeValue({ [valueKind(attr)]: attr.value });
}

/**
 * Parses a DN written most specific first (`CN=node1,OU=ops,DC=example,DC=com`, as RFC 4514 and Java's
 * X500Principal read it) into an X.509 Name, whose encoding lists the RDNs in the reverse order.
 * Throws an Error with a short reason when the string is not a DN.
 */
export function parseDn(dn: string): Name {
  const rdns = parseDnText(dn).map(
    (attrs) => new RelativeDistinguishedName(attrs.map((a) => new AttributeTypeAndValue({ type: a.oid, value: encodeValue(a) }))),
  );
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
