import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { certificateRows } from '../../../client/src/views/certificateRows';
import { stackPage } from '../../../client/src/views/stackHtml';
import { edgeTone, layoutStack } from '../../../client/src/views/stackLayout';
import type { StackCertificate, StackComponent, StackModelData, TrustEdge, WorkspaceCertificateItem } from '../../../server/src/protocol';

const place = (file: string, line: number) => ({ file, line, column: 0 });

function cert(id: string, subject: string, over: Partial<StackCertificate> = {}): StackCertificate {
  return { id, subject, issuer: 'CN=Prod CA', sans: [`DNS:${id}`], notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-02T00:00:00Z', daysLeft: 300, status: 'valid', isCA: false, selfSigned: false, file: `/ws/${id}.crt`, usedBy: [], ...over };
}

function node(name: string, presents: string): StackComponent {
  const file = `/ws/${name}/elasticsearch.yml`;
  return { id: `elasticsearch:${name}`, kind: 'elasticsearch', name, form: 'plain', place: place(file, 0), names: [{ name, source: 'node.name' }], hosts: [],
    contexts: [{ id: `elasticsearch:${name}#transport`, kind: 'transport', prefix: 'xpack.security.transport.ssl.', verificationMode: 'full', presents, chain: [], trusts: ['ca'], place: place(file, 4) }] };
}

function model(edges: TrustEdge[]): StackModelData {
  return {
    folders: ['/ws'], clusters: [{ name: 'prod', nodes: ['elasticsearch:a', 'elasticsearch:c'] }],
    components: [node('a', 'leaf-a'), node('c', 'leaf-c')],
    certificates: [cert('leaf-a', 'CN=a'), cert('leaf-c', 'CN=c', { issuer: 'CN=Lab CA', status: 'expired', daysLeft: -2 }), cert('ca', 'CN=Prod CA', { isCA: true, selfSigned: true, issuer: 'CN=Prod CA' })],
    keystores: [], edges,
  };
}

const bad: TrustEdge = { from: 'elasticsearch:a#transport', to: 'elasticsearch:c#transport', kind: 'transport', trusted: false, reason: 'issued by CN=Lab CA; a trusts only CN=Prod CA', place: place('/ws/c/elasticsearch.yml', 4) };
const good: TrustEdge = { from: 'elasticsearch:c#transport', to: 'elasticsearch:a#transport', kind: 'transport', trusted: true, nameMatches: true, reason: 'issued by CN=Prod CA, trusted', place: place('/ws/a/elasticsearch.yml', 4) };

describe('stack layout', () => {
  it('draws every component, certificate and CA, and links presents, issued-by and trust', () => {
    const layout = layoutStack(model([bad, good]));
    assert.deepEqual(layout.boxes.map((b) => `${b.kind}:${b.title}`).sort(), ['ca:Prod CA', 'certificate:a', 'certificate:c', 'component:elasticsearch a', 'component:elasticsearch c']);
    assert.deepEqual(layout.links.map((l) => l.kind).sort(), ['issued-by', 'presents', 'presents', 'trust', 'trust'], 'c is issued by Lab CA, which is not in the workspace: no issued-by link');
    assert.deepEqual(layout.links.filter((l) => l.kind === 'trust').map((l) => l.tone), ['bad', 'ok']);
    assert.equal(layout.boxes.find((b) => b.title === 'elasticsearch a')?.tone, 'bad', 'a component with a failing connection is red');
    assert.equal(layout.boxes.find((b) => b.title === 'c')?.lines[0].text, 'EXPIRED 2027-01-02');
    const columns = new Set(layout.boxes.map((b) => b.x));
    assert.equal(columns.size, 3);
    for (const b of layout.boxes) assert.ok(b.y + b.height <= layout.height && b.x + b.width <= layout.width);
  });

  it('calls a connection unknown when nothing can be known, and ok only when trusted and the name matches', () => {
    assert.equal(edgeTone({ ...good, trusted: undefined }), 'unknown');
    assert.equal(edgeTone({ ...good, nameMatches: false }), 'bad');
    assert.equal(edgeTone(good), 'ok');
    assert.equal(layoutStack(model([good])).boxes.find((b) => b.title === 'elasticsearch a')?.tone, 'ok');
  });
});

describe('stack layout of a Beat', () => {
  it('draws a Beat as a component whose client connection to a node is a trust link', () => {
    const file = '/ws/shipper/filebeat.yml';
    const beat: StackComponent = { id: 'beat:shipper', kind: 'beat', name: 'shipper', form: 'beats', place: place(file, 0), names: [], hosts: [{ value: 'https://a:9200', host: 'a', setting: 'output.elasticsearch.hosts', place: place(file, 5) }],
      contexts: [{ id: 'beat:shipper#client', kind: 'client', prefix: 'output.elasticsearch.ssl.', verificationMode: 'full', chain: [], trusts: ['ca'], place: place(file, 8) }] };
    const edge: TrustEdge = { from: 'beat:shipper#client', to: 'elasticsearch:a#transport', kind: 'http', host: 'a', trusted: false, nameMatches: true, reason: 'shipper trusts only CN=Lab CA', place: place(file, 5) };
    const data = model([edge]);
    data.components.push(beat);
    const layout = layoutStack(data);
    assert.equal(layout.boxes.find((b) => b.title === 'beat shipper')?.tone, 'bad');
    const link = layout.links.find((l) => l.kind === 'trust')!;
    assert.equal(link.tone, 'bad');
    assert.match(link.tip, /^beat shipper client → elasticsearch a transport \(a\): FAILS/);
  });
});

describe('stack page', () => {
  it('allows only its own nonce, loads nothing, and makes every element open its file and line', () => {
    const html = stackPage(model([bad]), 'n0nce');
    assert.match(html, /content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce'"/);
    assert.doesNotMatch(html.replace('xmlns="http://www.w3.org/2000/svg"', ''), /https?:\/\//);
    assert.doesNotMatch(html, /<script(?![^>]*nonce="n0nce")/);
    assert.doesNotMatch(html, /\sstyle="/, 'inline style attributes would be blocked by the CSP');
    assert.match(html, /data-file="\/ws\/c\/elasticsearch.yml" data-line="4"/);
    assert.match(html, /<li class="tone-bad"[^>]*>elasticsearch a transport → elasticsearch c transport: FAILS\. issued by CN=Lab CA; a trusts only CN=Prod CA<\/li>/);
  });

  it('escapes names from the settings', () => {
    const data = model([]);
    data.components[0].name = '<img src=x onerror=alert(1)>';
    const html = stackPage(data, 'n');
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x/);
  });

  it('says so when the workspace has nothing to draw', () => {
    assert.match(stackPage({ folders: ['/ws'], clusters: [], components: [], certificates: [], keystores: [], edges: [] }, 'n'), /No Elasticsearch, Kibana or Beats settings/);
  });
});

describe('certificate rows', () => {
  const row = (over: Partial<WorkspaceCertificateItem>): WorkspaceCertificateItem => ({ file: '/ws/a.crt', kind: 'certificate', subject: 'CN=a', issuer: 'CN=Prod CA', sans: ['DNS:a', 'IP:10.0.0.1'], notAfter: '2027-01-02T00:00:00Z', daysLeft: 300, status: 'valid', usedBy: [place('/ws/a/elasticsearch.yml', 4)], ...over });
  const show = (f: string) => f.replace('/ws/', '');

  it('lists soonest expiry first, keystores last, with subject, SANs, expiry, status and the settings that use each', () => {
    const rows = certificateRows([
      row({}),
      row({ file: '/ws/elasticsearch.keystore', kind: 'elasticsearch-keystore', subject: undefined, issuer: undefined, sans: [], notAfter: undefined, daysLeft: undefined, detail: 'bootstrap.password', usedBy: [] }),
      row({ file: '/ws/old.crt', subject: 'CN=old', daysLeft: -3, status: 'expired' }),
      row({ file: '/ws/soon.crt', subject: 'CN=soon', daysLeft: 1, status: 'expiring' }),
    ], show);
    assert.deepEqual(rows.map((r) => [r.label, r.description, r.tone]), [
      ['old', 'EXPIRED 3 days ago (2027-01-02) · old.crt', 'bad'],
      ['soon', 'expiring: expires in 1 day (2027-01-02) · soon.crt', 'warn'],
      ['a', 'expires in 300 days (2027-01-02) · a.crt', 'ok'],
      ['elasticsearch.keystore', 'keystore · elasticsearch.keystore', 'ok'],
    ]);
    assert.deepEqual(rows[2].children.map((c) => `${c.label}: ${c.description}`), ['Subject: CN=a', 'Issuer: CN=Prod CA', 'SANs: DNS:a, IP:10.0.0.1', 'Used by: a/elasticsearch.yml:5']);
    assert.deepEqual(rows[2].children[3].place, { file: '/ws/a/elasticsearch.yml', line: 4 });
    assert.deepEqual(rows[3].children.map((c) => c.label), ['Settings']);
  });

  it('gives every row an id that is unique and survives a re-listing, so an expanded row stays expanded', () => {
    const bundle = [row({ file: '/ws/ca.crt', subject: 'CN=Prod CA' }), row({ file: '/ws/ca.crt', subject: 'CN=Lab CA' }), row({ file: '/ws/ca.crt', subject: 'CN=Lab CA' })];
    const first = certificateRows([row({}), ...bundle], show);
    const ids = first.flatMap((r) => [r.id, ...r.children.map((c) => c.id)]);
    assert.equal(new Set(ids).size, ids.length, 'no two rows share an id');
    assert.ok(ids.every((id) => id.length > 0));
    // A day later the order changes (a.crt now expires first) but each certificate keeps its id.
    const later = certificateRows([row({ daysLeft: 1, status: 'expiring' }), ...bundle], show);
    const byLabel = (rows: typeof first) => rows.map((r) => `${r.label} ${r.id}`).sort();
    assert.deepEqual(byLabel(later), byLabel(first));
  });
});
