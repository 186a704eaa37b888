import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redact } from '../../../client/src/redact';

describe('redact', () => {
  const cases: Array<{ name: string; text: string; secrets: string[]; absent: string[] }> = [
    { name: 'a traced setPasswords notification', text: '{ "entries": [ { "path": "/a.p12", "password": "hunter2!" } ] }', secrets: [], absent: ['hunter2!'] },
    { name: 'a keyPassword field with an escaped quote', text: '"keyPassword": "a\\"b"', secrets: [], absent: ['a\\"b'] },
    { name: 'a known secret in free text', text: 'failed for s3cret-pw at x', secrets: ['s3cret-pw'], absent: ['s3cret-pw'] },
    { name: 'a known secret in its JSON-escaped form', text: 'params {"x":"pa\\"ss"}', secrets: ['pa"ss'], absent: ['pa\\"ss'] },
    { name: 'an exported private key in a traced answer', text: '{"pem":"-----BEGIN PRIVATE KEY-----\\nMIGHAgEAMBMG\\n-----END PRIVATE KEY-----\\n"}', secrets: [], absent: ['MIGHAgEAMBMG'] },
    { name: 'a raw RSA private key', text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKC\n-----END RSA PRIVATE KEY-----', secrets: [], absent: ['MIIEowIBAAKC'] },
  ];
  for (const c of cases) {
    it(`masks ${c.name}`, () => {
      const out = redact(c.text, c.secrets);
      for (const a of c.absent) assert.ok(!out.includes(a), out);
      assert.match(out, /\*\*\*/);
    });
  }

  it('keeps the path next to a masked password', () => {
    assert.match(redact('{"path":"/etc/es/http.p12","password":"x"}', []), /\/etc\/es\/http\.p12/);
  });

  it('leaves text without secrets alone and ignores one- and two-letter secrets', () => {
    assert.equal(redact('all quiet', ['a', 'qu']), 'all quiet');
  });
});
