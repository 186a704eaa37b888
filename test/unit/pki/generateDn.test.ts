import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { Name } from '@peculiar/asn1-x509';
import { parseDn, subjectForName } from '../../../server/src/pki/generate/dn';

/** [type, which string type, value] per RDN, in encoding order (least specific first). */
function rdns(name: Name): Array<Array<[string, string, string]>> {
  return [...name].map((rdn) =>
    [...rdn].map((atv) => {
      const v = atv.value;
      const kind = v.printableString !== undefined ? 'printable' : v.utf8String !== undefined ? 'utf8' : v.ia5String !== undefined ? 'ia5' : 'other';
      return [atv.type, kind, v.toString()] as [string, string, string];
    }),
  );
}

describe('parseDn', () => {
  it('encodes most specific last, as X500Principal does with an RFC 4514 string', () => {
    assert.deepEqual(rdns(parseDn('CN=node5,OU=IT,DC=mydomain,DC=com')), [
      [['0.9.2342.19200300.100.1.25', 'ia5', 'com']],
      [['0.9.2342.19200300.100.1.25', 'ia5', 'mydomain']],
      [['2.5.4.11', 'printable', 'IT']],
      [['2.5.4.3', 'printable', 'node5']],
    ]);
  });

  const values: Array<[string, string, string]> = [
    ['CN=Smith\\, John', 'printable', 'Smith, John'],
    ['CN="Smith, John"', 'printable', 'Smith, John'],
    ['CN=caf\\C3\\A9', 'utf8', 'café'],
    ['CN=Müller', 'utf8', 'Müller'],
    ['cn = spaced ', 'printable', 'spaced'],
    ['2.5.4.3=by-oid', 'printable', 'by-oid'],
    ['CN=under_score', 'utf8', 'under_score'],
  ];
  for (const [dn, kind, value] of values) {
    it(`reads ${dn}`, () => {
      assert.deepEqual(rdns(parseDn(dn)), [[['2.5.4.3', kind, value]]]);
    });
  }

  it('keeps multi-valued RDNs together', () => {
    const parsed = rdns(parseDn('CN=a+UID=b,O=Acme'));
    assert.equal(parsed.length, 2);
    assert.deepEqual(parsed[1].map((a) => a[2]), ['a', 'b']);
  });

  const bad = ['', 'CN=a,,O=b', 'FOO=bar', 'CN=', '=x', 'CN="open', 'C=Ü', 'CN=a\\'];
  for (const dn of bad) {
    it(`refuses [${dn}]`, () => assert.throws(() => parseDn(dn)));
  }
});

describe('subjectForName', () => {
  it('makes CN=<name> for a plain name, even with commas in it', () => {
    const name = subjectForName('node, one');
    assert.deepEqual(rdns(name), [[['2.5.4.3', 'printable', 'node, one']]]);
    assert.ok(AsnConvert.serialize(name).byteLength > 0);
  });

  it('reads a name with = as a DN', () => {
    assert.equal(rdns(subjectForName('CN=x,O=y')).length, 2);
  });
});
