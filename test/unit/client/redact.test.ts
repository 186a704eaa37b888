import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redact } from '../../../client/src/redact';

describe('redact', () => {
  const cases: Array<{ name: string; text: string; secrets: string[]; absent: string[] }> = [
    { name: 'a traced setPasswords notification', text: '{ "entries": [ { "path": "/a.p12", "password": "hunter2!" } ] }', secrets: [], absent: ['hunter2!'] },
    { name: 'a keyPassword field with an escaped quote', text: '"keyPassword": "a\\"b"', secrets: [], absent: ['a\\"b'] },
    { name: 'a known secret in free text', text: 'failed for s3cret-pw at x', secrets: ['s3cret-pw'], absent: ['s3cret-pw'] },
    { name: 'a known secret in its JSON-escaped form', text: 'params {"x":"pa\\"ss"}', secrets: ['pa"ss'], absent: ['pa\\"ss'] },
    { name: 'a generated file in a traced estls/generate answer', text: 'Result: {\n    "files": [\n        {\n            "path": "ca/ca.key",\n            "contentBase64": "LS0tLS1CRUdJTiBQUklWQVRF",\n            "private": true', secrets: [], absent: ['LS0tLS1CRUdJTiBQUklWQVRF'] },
    { name: 'a PEM private key in JSON', text: '{"pem":"-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEEIB\\n-----END EC PRIVATE KEY-----\\n"}', secrets: [], absent: ['MHcCAQEEIB'] },
    { name: 'the secret values of a traced settings file', text: '"text": "a.keystore.secure_password: s3cA\\n  truststore.password: \\"p w\\"\\nkey_passphrase: \'q1\'\\n"', secrets: [], absent: ['s3cA', 'p w', 'q1'] },
    { name: 'a password sent as a number', text: '{"kind":"ca","password": 12345678}', secrets: [], absent: ['12345678'] },
    { name: 'a password inside a URL', text: 'elasticsearch.hosts: [\\"https://kibana_system:UrlPw-1@es01:9200\\"]', secrets: [], absent: ['UrlPw-1'] },
    { name: 'a raw encrypted PEM key', text: 'x\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkq\n-----END ENCRYPTED PRIVATE KEY-----\ny', secrets: [], absent: ['MIIFHDBOBgkq'] },
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

  it('keeps settings that are not secrets, and the secret keys themselves', () => {
    const text = 'xpack.security.http.ssl.keystore.path: http.p12\nxpack.security.http.ssl.keystore.secure_password: x1y2';
    assert.equal(redact(text, []), 'xpack.security.http.ssl.keystore.path: http.p12\nxpack.security.http.ssl.keystore.secure_password: ***');
  });

  it('keeps file paths and certificates, which are not secret', () => {
    const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    assert.equal(redact(`{"path":"ca/ca.crt"} ${cert}`, []), `{"path":"ca/ca.crt"} ${cert}`);
  });
});
