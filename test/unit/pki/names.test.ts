// Distinguished names as people read them: every string type decoded, RFC 4514 escaping only where required,
// multi-valued RDNs in openssl's order; IDNA DNS names with their Unicode form.
import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { escapeRfc4514, formatName } from '../../../server/src/pki/x509/names';
import { dnsSan } from '../../../server/src/pki/x509/summary';

type Kind = 'utf8String' | 'printableString' | 'bmpString' | 'teletexString' | 'universalString';
const atv = (type: string, kind: Kind, text: string) => new AttributeTypeAndValue({ type, value: new AttributeValue({ [kind]: text }) });
const rdn = (...items: AttributeTypeAndValue[]) => new RelativeDistinguishedName(items);
/** Encodes and decodes again, so the test sees what a reader of the DER sees. */
const roundTrip = (name: Name) => AsnConvert.parse(AsnConvert.serialize(name), Name);

describe('distinguished names', () => {
  it('decodes UTF8, BMP, Teletex (as Latin-1) and Universal strings to text', () => {
    const name = roundTrip(new Name([
      rdn(atv('2.5.4.6', 'printableString', 'DE')),
      rdn(atv('2.5.4.7', 'utf8String', 'München')),
      rdn(atv('2.5.4.10', 'bmpString', 'Société Générale')),
      rdn(atv('2.5.4.11', 'teletexString', 'Caf\u00e9')),
      rdn(atv('2.5.4.3', 'universalString', '日本')),
    ]));
    assert.equal(formatName(name), 'CN=日本,OU=Café,O=Société Générale,L=München,C=DE');
  });

  it('writes a multi-valued RDN with + in openssl order', () => {
    const name = roundTrip(new Name([rdn(atv('2.5.4.10', 'utf8String', 'Acme')), rdn(atv('2.5.4.3', 'utf8String', 'node'), atv('2.5.4.11', 'utf8String', 'ops'))]));
    assert.equal(formatName(name), 'OU=ops+CN=node,O=Acme');
  });

  it('escapes only what RFC 4514 requires, and control characters', () => {
    assert.equal(escapeRfc4514('Ünïcödé, "Ltd"'), 'Ünïcödé\\, \\"Ltd\\"');
    assert.equal(escapeRfc4514('#x ;<y> '), '\\#x \\;\\<y\\>\\ ');
    assert.equal(escapeRfc4514(' a+b\\'), '\\ a\\+b\\\\');
    assert.equal(escapeRfc4514('a\u0001b\u007f'), 'a\\01b\\7F');
    assert.equal(escapeRfc4514('plain-ascii.name'), 'plain-ascii.name');
  });

  it('shows IDNA DNS names with their Unicode form, and leaves others alone', () => {
    assert.deepEqual(dnsSan('xn--mnchen-3ya.de'), { type: 'dns', value: 'xn--mnchen-3ya.de', unicode: 'münchen.de' });
    assert.deepEqual(dnsSan('*.xn--bcher-kva.example'), { type: 'dns', value: '*.xn--bcher-kva.example', unicode: '*.bücher.example' });
    assert.deepEqual(dnsSan('node-1.example'), { type: 'dns', value: 'node-1.example' });
    assert.deepEqual(dnsSan('xn--zz'), { type: 'dns', value: 'xn--zz' });
  });
});
