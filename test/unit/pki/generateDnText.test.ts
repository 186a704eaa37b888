import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { parseDn, subjectForName } from '../../../server/src/pki/generate/dn';
import { checkSubjectName, parseDnText, valueKind } from '../../../server/src/pki/generate/dnText';
import { checkDn, checkInstanceName } from '../../../client/src/generate/validation';

/** The error message a call throws, or undefined when it returns. */
function errorOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const dns = [
  'CN=node1', 'CN=node5,OU=IT,DC=mydomain,DC=com', 'CN=a+OU=b,O=c', 'CN=Smith\\, John', 'CN="quoted, value"', 'CN=caf\\C3\\A9',
  'OID.2.5.4.3=x', '2.5.4.3=x', 'cn=lower;o=semi', 'C=Österreich', 'C=AT', 'DC=bücher', 'EMAIL=a@b', 'SERIALNUMBER=a_b',
  '', '   ', 'CN=', 'CN', '=x', 'XX=y', 'CN=a,,O=b', 'CN="open', 'CN=a\\', 'CN=a,', 'CN=ok,C=bad_char',
];

describe('DN text parsing agrees with the encoder', () => {
  for (const dn of dns) {
    it(`parseDnText and parseDn give the same verdict for ${JSON.stringify(dn)}`, () => {
      assert.equal(errorOf(() => parseDnText(dn)), errorOf(() => parseDn(dn)));
      assert.equal(errorOf(() => checkSubjectName(dn)), errorOf(() => subjectForName(dn)));
    });
  }

  it('returns RDNs most specific first with unescaped values', () => {
    assert.deepEqual(parseDnText('CN=Smith\\, John+UID=js,DC=example'), [
      [{ oid: '2.5.4.3', value: 'Smith, John' }, { oid: '0.9.2342.19200300.100.1.1', value: 'js' }],
      [{ oid: '0.9.2342.19200300.100.1.25', value: 'example' }],
    ]);
  });

  const kinds: Array<[oid: string, value: string, kind: string]> = [
    ['2.5.4.3', 'node1', 'printableString'], ['2.5.4.3', 'nœud', 'utf8String'], ['0.9.2342.19200300.100.1.25', 'com', 'ia5String'],
    ['2.5.4.6', 'AT', 'printableString'],
  ];
  for (const [oid, value, kind] of kinds) {
    it(`writes ${oid}=${value} as ${kind}`, () => assert.equal(valueKind({ oid, value }), kind));
  }

  it('accepts any plain instance name, as certutil makes it CN=<name>', () => {
    assert.doesNotThrow(() => checkSubjectName('nœud 1, with comma'));
  });
});

describe('input-box checks', () => {
  const cases: Array<[dn: string, ok: boolean]> = [['', true], ['CN=node1,O=x', true], ['XX=y', false], ['CN=a,,O=b', false]];
  for (const [dn, ok] of cases) {
    it(`checkDn ${JSON.stringify(dn)} is ${ok ? 'accepted' : 'refused'}`, () => assert.equal(checkDn(dn) === undefined, ok));
  }
  it('checkInstanceName reports a bad DN', () => assert.match(checkInstanceName('CN=a,XX=b') ?? '', /could not be converted to a valid DN/));

  it('the client validation bundle holds no ASN.1 library', async () => {
    const root = path.resolve(__dirname, '../../..');
    const result = await esbuild.build({
      entryPoints: [path.join(root, 'client/src/generate/validation.ts')], bundle: true, platform: 'node', write: false, metafile: true, logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((p) => /@peculiar|asn1js|reflect-metadata/.test(p)), []);
  });
});
