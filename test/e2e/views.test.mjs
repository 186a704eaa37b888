// The Stack view and the Certificates tree in real VS Code, on a workspace made here with openssl: two nodes
// (es02's transport certificate comes from a CA es01 does not trust), and Kibana and a Filebeat trusting the
// nodes' CA. The tree
// lists the certificates soonest expiry first; the Stack view draws the failing connection red with its reason;
// clicking a node opens its settings file at the line; fixing es02's certificate on disk redraws both views.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCommand, shot, waitForWorkbench, webviewFrameWith, webviewText } from '../../scripts/lib/workbench.mjs';
import { openSession, packagedExtension } from './lib/session.mjs';
import { makeCa, makeLeaf } from './lib/pki.mjs';
import { uiTestFor } from './lib/uiTest.mjs';

const node = (name, transport) => `cluster.name: prod
node.name: ${name}
discovery.seed_hosts: [ "es01", "es02" ]
xpack.security.enabled: true
xpack.security.transport.ssl.enabled: true
xpack.security.transport.ssl.verification_mode: certificate
xpack.security.transport.ssl.certificate: certs/${transport}.crt
xpack.security.transport.ssl.key: certs/${transport}.key
xpack.security.transport.ssl.certificate_authorities: [ "certs/ca.crt" ]
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.certificate: certs/http.crt
xpack.security.http.ssl.key: certs/http.key
`;

const KIBANA = `server.name: kibana
elasticsearch.hosts: [ "https://es01:9200" ]
elasticsearch.ssl.certificateAuthorities: [ "certs/ca.crt" ]
elasticsearch.ssl.verificationMode: full
`;

const FILEBEAT = `filebeat.inputs:
  - type: filestream
    id: logs
    paths: [ /var/log/*.log ]
output.elasticsearch:
  hosts: [ "https://es01:9200" ]
  api_key: \${ES_API_KEY}
  ssl.certificate_authorities: [ "certs/ca.crt" ]
`;

/** es01 and es02 (es02's transport certificate from Lab CA, which es01 does not trust), Kibana and a Filebeat. */
function writeStack(folder) {
  for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  const pki = fs.mkdtempSync(path.join(path.dirname(folder), 'pki-'));
  makeCa(pki, 'Prod CA');
  makeCa(pki, 'Lab CA');
  makeLeaf(pki, 'Prod CA', 'es01', ['es01'], 'es01-transport', 300);
  makeLeaf(pki, 'Prod CA', 'es01-http', ['es01'], 'es01-http', 12);
  makeLeaf(pki, 'Prod CA', 'es02', ['es02'], 'es02-transport', 300);
  makeLeaf(pki, 'Lab CA', 'es02-lab', ['es02'], 'es02-lab', 200);
  makeLeaf(pki, 'Prod CA', 'es02-http', ['es02'], 'es02-http', 300);
  const copy = (from, to) => {
    fs.mkdirSync(path.dirname(path.join(folder, to)), { recursive: true });
    fs.copyFileSync(path.join(pki, from), path.join(folder, to));
  };
  for (const n of ['es01', 'es02']) {
    for (const ext of ['crt', 'key']) {
      copy(`${n}-transport.${ext}`, `${n}/certs/transport.${ext}`);
      copy(`${n}-http.${ext}`, `${n}/certs/http.${ext}`);
    }
    copy('Prod CA.crt', `${n}/certs/ca.crt`);
  }
  for (const ext of ['crt', 'key']) copy(`es02-lab.${ext}`, `es02/certs/lab.${ext}`);
  // es02 trusts both CAs, so only es01 refuses es02's Lab certificate.
  fs.appendFileSync(path.join(folder, 'es02/certs/ca.crt'), fs.readFileSync(path.join(pki, 'Lab CA.crt')));
  copy('Prod CA.crt', 'kibana/certs/ca.crt');
  fs.writeFileSync(path.join(folder, 'es01/elasticsearch.yml'), node('es01', 'transport'));
  fs.writeFileSync(path.join(folder, 'es02/elasticsearch.yml'), node('es02', 'lab'));
  fs.writeFileSync(path.join(folder, 'kibana/kibana.yml'), KIBANA);
  copy('Prod CA.crt', 'shipper/certs/ca.crt');
  fs.writeFileSync(path.join(folder, 'shipper/filebeat.yml'), FILEBEAT);
  fs.rmSync(pki, { recursive: true, force: true });
}

let session;
let page;

before(async () => {
  session = await openSession({ vsix: packagedExtension(), prepare: writeStack });
  page = session.page;
  await waitForWorkbench(page);
});

after(async () => {
  await session?.close();
});

const uiTest = uiTestFor(() => page, 'views-');

/** A tree row's label and description, joined by one space (the DOM puts no space between them). */
const rowTexts = (els) => els.map((e) => [e.querySelector('.label-name'), e.querySelector('.label-description')].map((x) => (x?.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' ').trim());

const certificatesPane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Certificates/i }) });

/** The Certificates tree's top rows as text, once `expect` holds for them. */
async function treeRows(expect, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await certificatesPane().locator('.monaco-list-row[aria-level="1"]').evaluateAll(rowTexts);
    if (expect(rows)) return rows;
    await page.waitForTimeout(500);
  }
  assert.fail(`the Certificates tree never showed what was expected; it showed ${JSON.stringify(rows)}`);
}

uiTest('the Certificates tree lists every certificate, soonest expiry first, with expiry and status', async () => {
  const header = certificatesPane().locator('.pane-header');
  await header.waitFor({ state: 'visible', timeout: 60_000 });
  // Fold the folder pane so the tree has the sidebar's height for the screenshot.
  await page.locator('.pane-header', { hasText: /^examples/i }).first().click();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const rows = await treeRows((r) => r.length >= 6);
  assert.match(rows[0], /^es01-http expiring: expires in 1[12] days \(\d{4}-\d\d-\d\d\) · es01\/certs\/http\.crt$/, 'the one expiring soonest comes first');
  for (const cn of ['es01', 'es02-lab', 'es02-http', 'Prod CA', 'Lab CA']) assert.ok(rows.some((r) => r.startsWith(`${cn} `)), `${cn} listed: ${JSON.stringify(rows)}`);
  const days = rows.map((r) => Number(/expires in (\d+) day/.exec(r)?.[1] ?? Infinity));
  assert.deepEqual(days, [...days].sort((a, b) => a - b));
  // Expanded, a certificate shows its subject, issuer, SANs and the settings that name it. The twistie expands
  // without running the row's Open command; a late refresh may re-list the tree, so expand until children show.
  const details = certificatesPane().locator('.monaco-list-row[aria-level="2"]');
  const deadline = Date.now() + 60_000;
  while ((await details.count()) === 0) {
    assert.ok(Date.now() < deadline, 'the first certificate row never showed its details');
    const first = certificatesPane().locator('.monaco-list-row[aria-level="1"]').first();
    if ((await first.getAttribute('aria-expanded').catch(() => null)) !== 'true') await first.locator('.monaco-tl-twistie').click().catch(() => {});
    await page.waitForTimeout(500);
  }
  const text = (await details.evaluateAll(rowTexts)).join('\n');
  assert.match(text, /Subject CN=es01-http/);
  assert.match(text, /SANs DNS:es01/);
  assert.match(text, /Used by es01\/elasticsearch\.yml:11/);
  await shot(page, 'views-01-certificates-tree');
});

uiTest('the Stack view draws nodes, Kibana, certificates and CAs, with the failing connection red and its reason', async () => {
  await runCommand(page, 'Elastic TLS: Show Stack');
  const text = await webviewText(page, /Connections/, 60_000);
  for (const name of ['elasticsearch es01', 'elasticsearch es02', 'kibana kibana', 'beat filebeat (shipper)', 'Prod CA', 'Lab CA']) assert.ok(text.includes(name), `${name} drawn: ${text}`);
  assert.match(text, /until \d{4}-\d\d-\d\d \(in 1[12] days\)/, 'each certificate with its expiry');
  assert.match(text, /elasticsearch es01 transport → elasticsearch es02 transport[^\n]*: FAILS\. [^\n]*Lab CA/);
  assert.match(text, /kibana kibana client → elasticsearch es01 http \(es01\): trusted\./);
  assert.match(text, /beat filebeat \(shipper\) client → elasticsearch es01 http \(es01\): trusted\./);
  const frame = await webviewFrameWith(page, 'Connections');
  const red = await frame.locator('path.trust.tone-bad').count();
  const green = await frame.locator('path.trust.tone-ok').count();
  assert.ok(red >= 1 && green >= 1, `red ${red}, green ${green}`);
  await shot(page, 'views-02-stack');
});

uiTest('clicking a node in the Stack view opens its settings file at its line', async () => {
  const frame = await webviewFrameWith(page, 'Connections');
  const box = frame.locator('g.box.component[data-file$="es02/elasticsearch.yml"]').first();
  await box.click();
  await page.locator('.tabs-container .tab.active', { hasText: 'elasticsearch.yml' }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('#status\\.editor\\.selection', { hasText: 'Ln 1, Col 1' }).waitFor({ state: 'visible', timeout: 10_000 });
  const crumbs = await page.locator('.editor-group-container.active .breadcrumbs-control').innerText();
  assert.match(crumbs.replace(/\s+/g, ' '), /es02 .*elasticsearch\.yml/);
  // The path settings carry their certificate's expiry as a CodeLens.
  await page.locator('.editor-group-container.active .codelens-decoration', { hasText: /CN=es02-lab · expires \d{4}-\d\d-\d\d \(in 19\d days\)/ }).waitFor({ state: 'visible', timeout: 30_000 });
  // A context row opens the line of its first setting.
  await runCommand(page, 'Elastic TLS: Show Stack');
  const frame2 = await webviewFrameWith(page, 'Connections');
  await frame2.locator('g.box.component[data-file$="es01/elasticsearch.yml"] g[data-line]').first().click();
  await page.locator('#status\\.editor\\.selection', { hasText: /Ln [5-9],/ }).waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'views-03-opened-from-stack');
});

uiTest('fixing es02 on disk redraws the Stack view green and drops the Lab leaf from the tree', async () => {
  await runCommand(page, 'Elastic TLS: Show Stack');
  fs.writeFileSync(path.join(session.folder, 'es02/elasticsearch.yml'), node('es02', 'transport'));
  const text = await webviewText(page, /elasticsearch es01 transport → elasticsearch es02 transport[^\n]*: trusted\./, 60_000);
  assert.doesNotMatch(text, /FAILS/);
  await shot(page, 'views-04-stack-fixed');
  const rows = await treeRows((r) => r.length > 0 && !r.some((x) => x.startsWith('es02-lab ')));
  assert.ok(rows.some((r) => r.startsWith('es02 ')));
  await shot(page, 'views-05-tree-refreshed');
});
