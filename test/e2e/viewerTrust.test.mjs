// The certificate viewer's verification against the CAs configured beside the file, in real VS Code, on a node made
// here with openssl: its transport keystore (PKCS#12) chains to the CA its transport settings trust; its HTTP
// certificate (DER, which Elasticsearch reads) comes from a CA its HTTP settings do not trust. Clicking the setting
// in the viewer opens elasticsearch.yml at that line.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openFile, shot, waitForWorkbench, webviewFrameWith, webviewText } from '../../scripts/lib/workbench.mjs';
import { openSession, packagedExtension } from './lib/session.mjs';
import { makeCa, makeLeaf, openssl } from './lib/pki.mjs';
import { uiTestFor } from './lib/uiTest.mjs';

const SETTINGS = `node.name: es01
xpack.security.enabled: true
xpack.security.transport.ssl.enabled: true
xpack.security.transport.ssl.keystore.path: certs/transport.p12
xpack.security.transport.ssl.certificate_authorities: [ "certs/ca.crt" ]
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.certificate: certs/http.der
xpack.security.http.ssl.key: certs/http.key
xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt" ]
`;

/** es01: transport keystore from Prod CA (trusted beside it), HTTP certificate (DER) from Lab CA (not trusted). */
function writeNode(folder) {
  for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  const pki = fs.mkdtempSync(path.join(path.dirname(folder), 'pki-'));
  makeCa(pki, 'Prod CA');
  makeCa(pki, 'Lab CA');
  makeLeaf(pki, 'Prod CA', 'es01', ['es01'], 'transport');
  makeLeaf(pki, 'Lab CA', 'es01-http', ['es01-http'], 'http');
  const certs = path.join(folder, 'es01', 'certs');
  fs.mkdirSync(certs, { recursive: true });
  openssl(['pkcs12', '-export', '-in', 'transport.crt', '-inkey', 'transport.key', '-certfile', 'Prod CA.crt', '-name', 'es01', '-passout', 'pass:', '-out', path.join(certs, 'transport.p12')], pki);
  openssl(['x509', '-in', 'http.crt', '-outform', 'der', '-out', path.join(certs, 'http.der')], pki);
  fs.copyFileSync(path.join(pki, 'http.key'), path.join(certs, 'http.key'));
  fs.copyFileSync(path.join(pki, 'Prod CA.crt'), path.join(certs, 'ca.crt'));
  fs.copyFileSync(path.join(pki, 'Lab CA.crt'), path.join(certs, 'lab-ca.crt'));
  fs.writeFileSync(path.join(folder, 'es01', 'elasticsearch.yml'), SETTINGS);
  fs.rmSync(pki, { recursive: true, force: true });
}

let session;
let page;

before(async () => {
  session = await openSession({ vsix: packagedExtension(), prepare: writeNode });
  page = session.page;
  await waitForWorkbench(page);
});

after(async () => {
  await session?.close();
});

const uiTest = uiTestFor(() => page, 'trust-');

uiTest('a keystore whose chain the CAs beside it verify: trusted by the CA, with the chain and the setting', async () => {
  await openFile(page, 'transport.p12');
  const text = await webviewText(page, /Verification against the configured CAs[\s\S]*Trusted/, 60_000);
  await page.mouse.move(700, 300);
  await shot(page, 'trust-01-trusted');
  assert.match(text, /es01 · xpack\.security\.transport\.ssl\./);
  assert.match(text, /Trusted by CN=Prod CA, configured in xpack\.security\.transport\.ssl\.certificate_authorities \(es01\/elasticsearch\.yml:5\)\./);
  assert.match(text, /Presented through xpack\.security\.transport\.ssl\.keystore\.path \(certs\/transport\.p12\) in es01\/elasticsearch\.yml:4/);
  assert.match(text, /CN=es01\s*this certificate\s*CN=Prod CA\s*configured CA/);
});

uiTest('a DER certificate from a CA its settings do not trust: not trusted, naming the issuer and the setting\'s line', async () => {
  await openFile(page, 'http.der');
  const text = await webviewText(page, /Verification against the configured CAs[\s\S]*Not trusted/, 60_000);
  await page.mouse.move(700, 300);
  await shot(page, 'trust-02-not-trusted');
  assert.match(text, /Not trusted: its issuer CN=Lab CA is not among the CAs configured beside it in xpack\.security\.http\.ssl\.certificate_authorities \(es01\/elasticsearch\.yml:9\)\./);
  assert.match(text, /Presented through xpack\.security\.http\.ssl\.certificate \(certs\/http\.der\) in es01\/elasticsearch\.yml:7/);
});

uiTest('clicking the CA setting in the viewer opens elasticsearch.yml at its line', async () => {
  const frame = await webviewFrameWith(page, 'Not trusted');
  await frame.locator('a.open', { hasText: 'es01/elasticsearch.yml:9' }).click();
  await page.locator('.tabs-container .tab.active', { hasText: 'elasticsearch.yml' }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('#status\\.editor\\.selection', { hasText: /Ln 9,/ }).waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'trust-03-opened-setting');
});

uiTest('trusting the other CA in elasticsearch.yml turns the open viewer\'s verdict to trusted', async () => {
  fs.writeFileSync(path.join(session.folder, 'es01', 'elasticsearch.yml'), SETTINGS.replace('xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt" ]', 'xpack.security.http.ssl.certificate_authorities: [ "certs/ca.crt", "certs/lab-ca.crt" ]'));
  await page.locator('.tabs-container .tab', { hasText: 'http.der' }).click();
  const text = await webviewText(page, /Trusted by CN=Lab CA/, 60_000);
  await page.mouse.move(700, 300);
  await shot(page, 'trust-04-trusted-after-edit');
  assert.match(text, /Trusted by CN=Lab CA, configured in xpack\.security\.http\.ssl\.certificate_authorities \(es01\/elasticsearch\.yml:9\)\./);
  assert.doesNotMatch(text, /Not trusted/);
  assert.match(text, /\(certs\/lab-ca\.crt\) in es01\/elasticsearch\.yml:9\s*verifies it/, 'the list item holding Lab CA is the one marked');
});
