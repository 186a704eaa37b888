// The viewer's pages for JKS keystores, PKCS#7 bundles, CRLs and the Elasticsearch keystore, and its Export buttons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderCertificatePage } from '../../../client/src/certificateEditor/render';
import type { CertSummary, InspectResult, KeystoreEntry } from '../../../server/src/pki/types';

const opts = { nonce: 'n0nce', cspSource: 'vscode-webview://x', styleUri: 'style.css', scriptUri: 'script.js', expiryWarningDays: 30 };

function cert(subject: string, over: Partial<CertSummary> = {}): CertSummary {
  return {
    subject, issuer: 'CN=CA', serialNumber: '01', notBefore: '2025-01-01T00:00:00Z', notAfter: '2028-01-01T00:00:00Z', daysLeft: 400,
    sans: [], publicKey: { algorithm: 'EC', size: 256, curve: 'P-256' }, isCA: false, keyUsage: [], extendedKeyUsage: [],
    signatureAlgorithm: 'ecdsa-with-SHA256', fingerprints: { sha256: 'AB', sha1: 'CD' }, selfSigned: false, ...over,
  };
}

function jks(entries: KeystoreEntry[], integrity: 'verified' | 'not-verified'): InspectResult {
  const keyEntries = entries.filter((e) => e.hasKey);
  return {
    file: '/w/node.jks', format: 'jks', certificates: entries.flatMap((e) => e.certificates), keys: [], entries,
    keystore: { type: 'JKS', integrity, entryCount: entries.length, selection: { keyAliases: keyEntries.map((e) => e.alias ?? ''), elasticsearch: keyEntries.length === 1 ? 'only' : 'per-handshake', kibana: 'unsupported-format' } },
  };
}

describe('viewer: containers', () => {
  it('a JKS keystore: type, integrity, the entry Elasticsearch uses, Export buttons for chain and key', () => {
    const html = renderCertificatePage(jks([
      { alias: 'node<1>', hasKey: true, trusted: false, certificates: [cert('CN=node1'), cert('CN=CA')], keyMatchesCertificate: true, usedByElasticsearch: true },
      { alias: 'ca', hasKey: false, trusted: true, certificates: [cert('CN=CA')] },
    ], 'verified'), opts);
    assert.match(html, /Java keystore \(JKS\)/);
    assert.match(html, /verified with the store password/);
    assert.match(html, /Elasticsearch presents <code>node&lt;1&gt;<\/code>/);
    assert.match(html, /Kibana cannot read this format/);
    assert.match(html, /Key entry \(used by Elasticsearch\)/);
    assert.match(html, /data-kind="chain" data-index="0"[^>]*>Export chain…/);
    assert.match(html, /data-kind="entryKey" data-index="0"/);
    assert.match(html, /data-kind="certificate" data-index="2"/);
  });

  it('a locked JKS key: no key Export, the lock shown, integrity not verified', () => {
    const html = renderCertificatePage(jks([{ alias: 'n', hasKey: true, trusted: false, certificates: [cert('CN=n')], keyLocked: true }], 'not-verified'), opts);
    assert.match(html, /not verified: unlock the keystore/);
    assert.match(html, /class="warning-text">locked/);
    assert.doesNotMatch(html, /data-kind="entryKey"/);
  });

  it('a CRL: issuer, stale next update, revoked serials with reasons', () => {
    const html = renderCertificatePage({
      file: '/w/ca.crl', format: 'crl', certificates: [], keys: [], entries: [],
      crls: [{ issuer: 'CN=Lab CA', thisUpdate: '2026-01-01T00:00:00.000Z', nextUpdate: '2026-02-01T00:00:00.000Z', daysLeft: -3, signatureAlgorithm: 'sha256WithRSAEncryption', revoked: [{ serialNumber: 'C0FFEE', revocationDate: '2026-01-02T00:00:00.000Z', reason: 'keyCompromise' }] }],
    }, opts);
    assert.match(html, /Certificate revocation list/);
    assert.match(html, /CN=Lab CA/);
    assert.match(html, /\(stale\)/);
    assert.match(html, /<code>C0FFEE<\/code><\/td><td>2026-01-02T00:00:00.000Z<\/td><td>keyCompromise/);
    assert.doesNotMatch(html, /holds no certificate, key or request/);
  });

  it('the Elasticsearch keystore: setting names only', () => {
    const html = renderCertificatePage({ file: '/w/elasticsearch.keystore', format: 'elasticsearch-keystore', certificates: [], keys: [], entries: [], elasticsearchKeystore: { formatVersion: 6, hasPassword: false, kdfIterations: 210000, settingNames: ['bootstrap.password', 'keystore.seed'] } }, opts);
    assert.match(html, /<code>bootstrap\.password<\/code>/);
    assert.match(html, /Settings \(names only\)/);
  });

  it('a PEM file: key Export button beside each key; IDNA names with their Unicode form', () => {
    const html = renderCertificatePage({ file: '/w/n.pem', format: 'pem', certificates: [cert('CN=n', { sans: [{ type: 'dns', value: 'xn--mnchen-3ya.de', unicode: 'münchen.de' }] })], keys: [{ algorithm: 'EC', curve: 'P-256', matchesCertificate: true }], entries: [] }, opts);
    assert.match(html, /data-kind="key" data-index="0"/);
    assert.match(html, /xn--mnchen-3ya\.de <span class="idna">\(münchen\.de\)<\/span>/);
  });
});
