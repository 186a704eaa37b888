// Every answer the server keeps between edits, through the protocol: one server gets random ranged edits of a
// settings file (incremental sync, so the parse spans, the per-setting and per-context memos, the form sniff and
// the workspace part are reused). After every edit it must publish what a second server publishes for the same
// text opened as a new document (closed, then opened again: nothing kept for the document), and every 20 edits
// what a server started for that text publishes (nothing kept at all, the workspace model included); the
// workspace folders' paths aside.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { startServer, uriOf } from './lspClient.mjs';

/** A deterministic random source, so a failure can be replayed from its seed. */
function randomFrom(seed) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Lines the edits insert: TLS settings the rules and the workspace model read, ones they do not, and mistakes. */
const LINES = [
  'xpack.security.transport.ssl.keystore.algorithm: SunX509',
  'xpack.security.transport.ssl.verification_mode: full',
  'xpack.security.transport.ssl.client_authentication: optional',
  'xpack.security.http.ssl.cipher_suites: [ TLS_AES_256_GCM_SHA384 ]',
  'xpack.security.http.ssl.keystore.path: certs/elastic-certificates.p12',
  'xpack.security.http.ssl.certificate: certs/missing.crt',
  'xpack.security.http.ssl.key_passphrase: changeme',
  'xpack.security.transport.ssl.verfication_mode: certificate',
  'network.host: es02.example.com',
  'node.name: es03',
  'discovery.seed_hosts: [ es02.example.com, es01 ]',
  'xpack.security.transport.ssl.truststore.path: certs/elastic-certificates.p12',
  'xpack.security.transport.ssl.certificate_authorities: [ certs/ca.crt ]',
  'xpack.security.transport.ssl.verification_mode: certificate',
  'xpack.security.authc.realms.pki.pki1.order: 1',
  'services:',
  '# a comment',
  '',
];

/**
 * One random edit of `text`, mostly as people type (a character at the end of a value or one deleted, a
 * setting line added or removed at the top level), now and then a character anywhere, which may break the
 * YAML. Returns the new text and the LSP change.
 */
function randomEdit(text, random) {
  const lines = text.split('\n');
  const pick = (n) => Math.floor(random() * n);
  const offsetOf = (line, character) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  // Lines whose value is a plain scalar, where typing at the end keeps the YAML whole.
  const valueLines = lines.flatMap((l, i) => (/^\s*[\w.]+: [\w./-]+$/.test(l) ? [i] : []));
  const topLines = lines.flatMap((l, i) => (i < lines.length - 1 && /^[\w#]/.test(l) && !/^[\w.]+:\s*$/.test(l) ? [i] : []));
  const kind = random();
  let start;
  let end;
  let insert;
  if (kind < 0.4 && valueLines.length > 0) {
    const line = valueLines[pick(valueLines.length)];
    start = end = { line, character: lines[line].length };
    insert = 'xa0.'[pick(4)];
  } else if (kind < 0.55 && valueLines.length > 0) {
    const line = valueLines[pick(valueLines.length)];
    start = { line, character: lines[line].length - 1 };
    end = { line, character: lines[line].length };
    insert = '';
  } else if (kind < 0.8 && topLines.length > 0) {
    const line = topLines[pick(topLines.length)];
    start = end = { line, character: 0 };
    insert = `${LINES[pick(LINES.length)]}\n`;
  } else if (kind < 0.95 && topLines.length > 0) {
    const line = topLines[pick(topLines.length)];
    start = { line, character: 0 };
    end = { line: line + 1, character: 0 };
    insert = '';
  } else {
    // A character that may break the YAML, taken back by the next edit (`undo`), as a user fixes a typo.
    const line = pick(lines.length);
    start = end = { line, character: pick(lines[line].length + 1) };
    insert = ':[ #"'[pick(5)];
    const from = offsetOf(start.line, start.character);
    const undo = { range: { start, end: { line, character: start.character + 1 } }, text: '' };
    return { text: text.slice(0, from) + insert + text.slice(from), change: { range: { start, end }, text: insert }, undo: { text, change: undo } };
  }
  const from = offsetOf(start.line, start.character);
  const to = offsetOf(end.line, end.character);
  return { text: text.slice(0, from) + insert + text.slice(to), change: { range: { start, end }, text: insert } };
}

/** A workspace with the examples' settings files and certificates, as the user keeps them. */
function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-incremental-'));
  fs.cpSync(path.resolve('examples/certs'), path.join(dir, 'certs'), { recursive: true });
  for (const file of ['elasticsearch.yml', 'kibana.yml']) fs.copyFileSync(path.resolve('examples', file), path.join(dir, file));
  // A second node of the cluster, on disk only: the cross-file checks put findings about the two on the edited file.
  fs.mkdirSync(path.join(dir, 'es02'));
  const es02 = fs.readFileSync(path.resolve('examples/elasticsearch.yml'), 'utf8').replace(/^node\.name: es01$/m, 'node.name: es02').replaceAll('certs/', '../certs/');
  fs.writeFileSync(path.join(dir, 'es02', 'elasticsearch.yml'), es02);
  return dir;
}

/**
 * What a server started for `text` publishes for it: nothing kept from earlier versions. The text is on disk
 * too, so that the folder's first scan reads it rather than an older one.
 */
async function freshAnswer(dir, text, version) {
  fs.writeFileSync(path.join(dir, 'elasticsearch.yml'), text);
  const server = await startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } });
  try {
    const uri = uriOf(path.join(dir, 'elasticsearch.yml'));
    server.open(uri, text, version);
    return await server.waitForDiagnostics(uri, (p) => p.version === version, 30_000);
  } finally {
    await server.stop();
  }
}

/** A diagnostic with its workspace folder's path written as `<ws>`, so that the two servers' answers compare. */
function shape(diagnostic, dir) {
  const plain = JSON.stringify({ ...diagnostic, data: undefined }).split(dir).join('<ws>').split(uriOf(dir)).join('<ws>');
  return JSON.parse(plain);
}

test('ranged edits, answered from what the server kept, publish what a fresh document gets', { timeout: 240_000 }, async () => {
  const [kept, fresh, started] = [workspace(), workspace(), workspace()];
  const servers = await Promise.all([kept, fresh].map((dir) => startServer({ workspaceFolder: dir, initializationOptions: { validationDelay: 0 } })));
  try {
    const [a, b] = servers;
    const [uriA, uriB] = [kept, fresh].map((dir) => uriOf(path.join(dir, 'elasticsearch.yml')));
    let text = fs.readFileSync(path.resolve('examples/elasticsearch.yml'), 'utf8');
    a.open(uriA, text, 1);
    await a.waitForDiagnostics(uriA, (p) => p.version === 1, 30_000);
    const random = randomFrom(20261207);
    const seen = new Set();
    const original = text;
    let undo;
    for (let step = 2; step < 300; step++) {
      // Every 40 edits the text starts again from the original (one change over the whole text), so that
      // the findings a few edits put right come back.
      const restart = step % 40 === 0 && !undo;
      const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
      const edit = restart ? { text: original, change: { range: whole, text: original } } : (undo ?? randomEdit(text, random));
      undo = edit.undo;
      text = edit.text;
      a.edit(uriA, [edit.change], step);
      b.close(uriB);
      b.open(uriB, text, step);
      const [pa, pb] = await Promise.all([
        a.waitForDiagnostics(uriA, (p) => p.version === step, 30_000),
        b.waitForDiagnostics(uriB, (p) => p.version === step, 30_000),
      ]);
      const [da, db] = [pa.diagnostics.map((d) => shape(d, kept)), pb.diagnostics.map((d) => shape(d, fresh))];
      assert.deepEqual(da, db, `step ${step}, after ${JSON.stringify(edit.change)}:\n${text}`);
      if (step % 20 === 0) {
        const pc = await freshAnswer(started, text, step);
        assert.deepEqual(da, pc.diagnostics.map((d) => shape(d, started)), `step ${step}, beside a new server:\n${text}`);
      }
      for (const d of da) seen.add(d.code);
    }
    // The sequence reached the kinds of findings the memos keep: per-setting, per-context, per-file and cross-file.
    for (const code of ['unknown-setting', 'path-not-checked', 'key-certificate-mismatch', 'certificate-expired', 'ssl-conflict', 'transport-peer-untrusted', 'transport-peer-name']) assert.ok(seen.has(code), `no ${code} in ${[...seen]}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    for (const dir of [kept, fresh, started]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
