// The Kubernetes Secret step of the Generate commands: not offered in a workspace without ECK manifests; with one,
// the Secret is written 0600 with the keys ECK reads, HTTP certificates get the cluster's service names, and the
// spec.http.tls.certificate.secretName lines can be copied afterwards.
import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { GenerateCommandResult } from '../../../client/src/generate/args';
import { activeApi, generate, removeDir, tempDir } from '../helpers';
import { newTranscript, scriptPrompts, type Answer } from '../stubs';

const MANIFEST = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata:
  name: quickstart
  namespace: search
spec:
  version: 8.15.0
  nodeSets:
  - name: default
    count: 1
`;

type Transcript = ReturnType<typeof newTranscript>;

/** Runs `command` with scripted answers, kept until `settled` (the follow-up message comes after the command). */
async function runScripted(command: string, answers: Answer[], settled?: (t: Transcript) => Promise<unknown>): Promise<{ result: GenerateCommandResult; transcript: Transcript }> {
  const transcript = newTranscript();
  const restore = scriptPrompts(answers, transcript);
  try {
    const result = await vscode.commands.executeCommand<GenerateCommandResult>(command);
    if (settled) await settled(transcript);
    assert.deepEqual(answers, [], `unused scripted answers: ${answers.map((a) => a.expect).join(', ')}`);
    return { result, transcript };
  } finally {
    restore();
  }
}

interface Secret {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  type: string;
  data: Record<string, string>;
}

function readSecret(file: string): Secret {
  return parse(fs.readFileSync(file, 'utf8')) as Secret;
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

suite('Kubernetes Secret for ECK', () => {
  let dir: string;
  let manifest: string;

  suiteSetup(async () => {
    await activeApi();
    dir = tempDir('eck');
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'a workspace folder is open');
    manifest = path.join(root, 'k8s', 'quickstart.yaml');
  });
  suiteTeardown(() => {
    removeDir(dir);
    if (manifest) removeDir(path.dirname(manifest));
  });

  test('without an ECK manifest in the workspace the Secret is not offered', async () => {
    const out = path.join(dir, 'plain');
    const { result, transcript } = await runScripted('elasticTls.generateCa', [
      { kind: 'input', expect: /Subject DN/, answer: '' },
      { kind: 'pick', expect: /Key type/, answer: /EC P-256/ },
      { kind: 'input', expect: /Validity in days/, answer: '30' },
      { kind: 'pick', expect: /Output format/, answer: /^PEM/ },
      { kind: 'input', expect: /Passphrase/, answer: '' },
      { kind: 'input', expect: /Output folder/, answer: out },
    ]);
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.ok(transcript.prompts.every((p) => !/Kubernetes|Secret/.test(p)), transcript.prompts.join('\n'));
  });

  test('with an ECK manifest, Generate CA offers a Secret (ca.crt + ca.key) in its namespace, written 0600', async () => {
    fs.mkdirSync(path.dirname(manifest), { recursive: true });
    fs.writeFileSync(manifest, MANIFEST);
    const out = path.join(dir, 'ca-secret');
    const { result, transcript } = await runScripted('elasticTls.generateCa', [
      { kind: 'pick', expect: /Kubernetes Secret for ECK/, answer: /Secret for quickstart/ },
      { kind: 'input', expect: /Name of the Secret/, value: 'quickstart-es-ca', answer: 'quickstart-es-ca', rejects: ['Upper', 'quickstart-es-http-certs-internal'] },
      { kind: 'input', expect: /Subject DN/, answer: 'CN=ECK Test CA' },
      { kind: 'pick', expect: /Key type/, answer: /EC P-256/ },
      { kind: 'input', expect: /Validity in days/, answer: '30' },
      { kind: 'input', expect: /Output folder/, answer: out },
      { kind: 'message', expect: /wrote the Secret/, answer: 'Copy the lines' },
    ], (t) => t.messageShown(/Copied to the clipboard/));
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.deepEqual(result.written.map((f) => path.relative(out, f)), ['quickstart-es-ca.yaml']);
    for (const v of transcript.validation) assert.ok(v.message, `"${v.text}" was accepted`);
    assert.ok(!transcript.prompts.some((p) => /Output format|Passphrase/.test(p)), 'a Secret is PEM with an unencrypted key: not asked');
    const file = result.written[0];
    if (process.platform !== 'win32') assert.equal(mode(file), 0o600);
    const secret = readSecret(file);
    assert.equal(secret.kind, 'Secret');
    assert.deepEqual(secret.metadata, { name: 'quickstart-es-ca', namespace: 'search' });
    assert.deepEqual(Object.keys(secret.data).sort(), ['ca.crt', 'ca.key']);
    assert.match(new X509Certificate(Buffer.from(secret.data['ca.crt'], 'base64')).subject, /CN=ECK Test CA/);
    assert.equal(await vscode.env.clipboard.readText(), 'spec:\n  http:\n    tls:\n      certificate:\n        secretName: quickstart-es-ca');
  });

  test('Generate HTTP Certificates for ECK offers the cluster\'s service names and writes tls.crt, tls.key and ca.crt', async () => {
    fs.mkdirSync(path.dirname(manifest), { recursive: true });
    fs.writeFileSync(manifest, MANIFEST);
    const caDir = path.join(dir, 'ca-files');
    const ca = await generate('elasticTls.generateCa', { outputDir: caDir, format: 'pem' });
    assert.equal(ca.status, 'written', JSON.stringify(ca.error));
    const window = vscode.window as unknown as { showOpenDialog: typeof vscode.window.showOpenDialog };
    const realOpen = window.showOpenDialog;
    const picks = [path.join(caDir, 'ca', 'ca.crt'), path.join(caDir, 'ca', 'ca.key')];
    window.showOpenDialog = (async () => [vscode.Uri.file(picks.shift() as string)]) as typeof vscode.window.showOpenDialog;
    const out = path.join(dir, 'http-secret');
    let run;
    try {
      run = await runScripted('elasticTls.generateHttpCertificates', [
        { kind: 'pick', expect: /Kubernetes Secret for ECK/, answer: /Secret for quickstart/ },
        { kind: 'input', expect: /Name of the Secret/, value: 'quickstart-es-cert', answer: 'quickstart-es-cert' },
        { kind: 'pick', expect: /Signing CA/, answer: /PEM certificate and key/ },
        { kind: 'input', expect: /Passphrase of the CA key/, answer: '' },
        { kind: 'input', expect: /Name/, value: 'quickstart-es-http', answer: 'quickstart-es-http' },
        { kind: 'input', expect: /DNS names/, value: 'quickstart-es-http, quickstart-es-http.search.svc', answer: 'quickstart-es-http, quickstart-es-http.search.svc' },
        { kind: 'input', expect: /IP addresses/, answer: '' },
        { kind: 'pick', expect: /Key type/, answer: /RSA 2048/ },
        { kind: 'input', expect: /Validity in days/, answer: '365' },
        { kind: 'input', expect: /Output folder/, answer: out },
      ], (t) => t.messageShown(/wrote the Secret/));
    } finally {
      window.showOpenDialog = realOpen;
    }
    const { result, transcript } = run;
    assert.equal(result.status, 'written', JSON.stringify(result.error));
    assert.ok(!transcript.prompts.some((p) => /Make a new CA|Add another/.test(p)), 'a Secret holds one certificate from a CA that is kept');
    const file = result.written[0];
    if (process.platform !== 'win32') assert.equal(mode(file), 0o600);
    const secret = readSecret(file);
    assert.deepEqual(secret.metadata, { name: 'quickstart-es-cert', namespace: 'search' });
    assert.deepEqual(Object.keys(secret.data).sort(), ['ca.crt', 'tls.crt', 'tls.key']);
    const cert = new X509Certificate(Buffer.from(secret.data['tls.crt'], 'base64'));
    assert.equal(cert.subjectAltName, 'DNS:quickstart-es-http, DNS:quickstart-es-http.search.svc');
    assert.ok(cert.verify(new X509Certificate(fs.readFileSync(path.join(caDir, 'ca', 'ca.crt'))).publicKey), 'signed by the chosen CA');
    const shown = await transcript.messageShown(/wrote the Secret/);
    assert.match(shown.text, /set spec\.http\.tls\.certificate\.secretName: quickstart-es-cert in the Elasticsearch resource quickstart\./);
    assert.ok(!shown.text.includes(secret.data['tls.key'].slice(0, 40)), 'the key is never shown');
  });
});
