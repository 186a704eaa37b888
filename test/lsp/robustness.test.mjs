// Every prefix of a tricky settings file (as typed, eleven characters at a time) gets diagnostics, hovers and completions
// without a single handler failure.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { startServer, uriOf } from './lspClient.mjs';

const SAMPLE = `# Node settings ✓ — ünïcode and 😀 emoji
cluster.name: "prod-\${ENV}"
xpack.security:
  enabled: true
  transport.ssl: { enabled: true, verification_mode: certificate, keystore.path: certs/node.p12 }
  http.ssl:
    enabled: true
    certificate_authorities:
      - certs/ca.crt
      - "certs/other ca.crt"
    supported_protocols: [TLSv1.3, TLSv1.2]
  authc.realms.ldap.corp:
    order: 1
    url: ['ldaps://a:636', "ldaps://b:636"]
{{ templated_block }}
xpack.security.http.ssl.key: &k certs/node.key
xpack.security.transport.ssl.key: *k
---
xpack.ssl.certificate: old.crt
`;

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

test('every prefix of a tricky file is checked, hovered and completed without a failure', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-prefix-'));
  const uri = uriOf(path.join(dir, 'elasticsearch.yml'));
  const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
  try {
    server.open(uri, '');
    let version = 1;
    for (let end = 1; end <= SAMPLE.length; end += 11) {
      const text = SAMPLE.slice(0, end);
      server.change(uri, text, ++version);
      const probes = [0, Math.floor(end / 2), end].map((o) => positionAt(text, o));
      await Promise.all([
        ...probes.map((p) => server.hover(uri, p)),
        server.completion(uri, probes[2]),
        server.codeActions(uri, { start: probes[0], end: probes[2] }, []),
      ]);
    }
    server.change(uri, SAMPLE, ++version);
    const final = await server.waitForDiagnostics(uri, (p) => p.version === version);
    assert.ok(Array.isArray(final.diagnostics));
    assert.deepEqual(server.logs.filter((l) => l.type === 1).map((l) => l.message.split('\n')[0]), []);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
