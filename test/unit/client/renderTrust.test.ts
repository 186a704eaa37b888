// The viewer's "Verification against the configured CAs" section: the verdict in words and colour, the chain, and
// links whose indexes are exactly the places the provider may open.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCertificatePage } from '../../../client/src/certificateEditor/render';
import { trustPlaces, trustSection } from '../../../client/src/certificateEditor/renderTrust';
import type { ConfiguredTrust, SettingPlace } from '../../../server/src/protocol';

const opts = { nonce: 'n0nce', cspSource: 'vscode-webview://x', styleUri: 'style.css', scriptUri: 'script.js', expiryWarningDays: 30 };

const at = (setting: string, line: number, column = 2, value = 'certs/ca.crt'): SettingPlace => ({ setting, value, place: { file: '/ws/es01/elasticsearch.yml', line, column }, label: `es01/elasticsearch.yml:${line + 1}` });

const trusted: ConfiguredTrust = {
  component: 'es01',
  prefix: 'xpack.security.transport.ssl.',
  usedBy: at('xpack.security.transport.ssl.certificate', 1),
  chain: ['CN=es01', 'CN=Prod <CA>'],
  verdict: 'trusted',
  anchor: { subject: 'CN=Prod <CA>', setting: at('xpack.security.transport.ssl.certificate_authorities', 3, 40, 'certs/prod.crt') },
  authorities: [
    at('xpack.security.transport.ssl.truststore.path', 2),
    at('xpack.security.transport.ssl.certificate_authorities', 3, 20, 'certs/lab.crt'),
    at('xpack.security.transport.ssl.certificate_authorities', 3, 40, 'certs/prod.crt'),
  ],
  message: 'Trusted by CN=Prod <CA>, configured in xpack.security.transport.ssl.certificate_authorities (es01/elasticsearch.yml:4).',
};

const untrusted: ConfiguredTrust = {
  component: 'es01',
  prefix: 'xpack.security.http.ssl.',
  usedBy: at('xpack.security.http.ssl.certificate', 6),
  chain: ['CN=es01'],
  verdict: 'untrusted',
  authorities: [at('xpack.security.http.ssl.certificate_authorities', 8)],
  message: 'Not trusted: its issuer CN=Prod CA is not among the CAs configured beside it in xpack.security.http.ssl.certificate_authorities (es01/elasticsearch.yml:9).',
};

describe('verification section of the viewer', () => {
  it('shows each verdict in words and colour, the chain with the configured CA, escaped', () => {
    const html = trustSection([trusted, untrusted]);
    assert.match(html, /<h2>Verification against the configured CAs<\/h2>/);
    assert.match(html, /<p class="verdict ok"><strong>Trusted<\/strong> by CN=Prod &lt;CA&gt;, configured in/);
    assert.match(html, /<p class="verdict expired"><strong>Not trusted<\/strong>: its issuer CN=Prod CA is not among the CAs configured beside it in xpack\.security\.http\.ssl\.certificate_authorities \(es01\/elasticsearch\.yml:9\)\.<\/p>/);
    assert.match(html, /<li>CN=es01 <span class="tag">this certificate<\/span><\/li><li>CN=Prod &lt;CA&gt; <span class="tag">configured CA<\/span><\/li>/);
    assert.ok(!html.includes('<CA>'), 'subjects are escaped');
  });

  it('links every setting by an index into trustPlaces, and marks the CA setting that verifies', () => {
    const html = trustSection([trusted, untrusted]);
    const places = trustPlaces([trusted, untrusted]);
    const links = [...html.matchAll(/data-open="(\d+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [Number(m[1]), m[2]] as const);
    assert.equal(links.length, places.length);
    for (const [index, label] of links) assert.equal(`es01/elasticsearch.yml:${places[index].line + 1}`, label);
    assert.deepEqual(links.map(([i]) => i), [0, 1, 2, 3, 4, 5]);
    // Two items of one list setting: the one holding the CA that verifies is marked, by its place, not its line.
    assert.equal((html.match(/verifies it/g) ?? []).length, 1);
    assert.match(html, /\(<code>certs\/prod\.crt<\/code>\) in <a[^>]*>es01\/elasticsearch\.yml:4<\/a> <span class="tag">verifies it<\/span>/);
  });

  it('says when no CA is configured, and is absent when no setting presents the file', () => {
    const none: ConfiguredTrust = { ...untrusted, verdict: 'no-cas', authorities: [], message: 'Not verified: xpack.security.http.ssl. configures no certificate authorities or truststore beside it.' };
    assert.match(trustSection([none]), /<p class="verdict warning-text"><strong>Not verified<\/strong>: .*<\/p>[\s\S]*none configured/);
    assert.equal(trustSection([]), '');
    assert.equal(trustSection(undefined), '');
    const page = renderCertificatePage({ file: '/ws/es01/certs/t.crt', format: 'pem', certificates: [], keys: [], entries: [] }, opts, [trusted]);
    assert.match(page, /Verification against the configured CAs/);
    assert.doesNotMatch(renderCertificatePage({ file: '/ws/x.crt', format: 'pem', certificates: [], keys: [], entries: [] }, opts), /Verification against/);
  });
});
