import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expiryText, pathSettingLenses } from '../../../server/src/features/pathLenses';
import type { WorkspaceCertificateItem } from '../../../server/src/workspace/types';

const YML = '/ws/node-a/elasticsearch.yml';

function item(over: Partial<WorkspaceCertificateItem>): WorkspaceCertificateItem {
  return { file: '/ws/node-a/t.crt', kind: 'certificate', subject: 'CN=node-a,OU=ops', issuer: 'CN=Prod CA', sans: ['DNS:node-a'], notAfter: '2027-01-02T00:00:00.000Z', daysLeft: 300, status: 'valid', usedBy: [{ file: YML, line: 4, column: 42 }], ...over };
}

describe('path setting lenses', () => {
  it('puts one lens on the setting that names a certificate, with its CN and expiry', () => {
    const [lens, ...rest] = pathSettingLenses([item({})], YML);
    assert.deepEqual(rest, []);
    assert.deepEqual({ line: lens.line, column: lens.column, target: lens.target }, { line: 4, column: 42, target: '/ws/node-a/t.crt' });
    assert.equal(lens.title, '$(pass) CN=node-a · expires 2027-01-02 (in 300 days)');
  });

  it('shows the soonest expiry of a bundle and counts the rest', () => {
    const cas = [item({ file: '/ws/ca.crt', subject: 'CN=Old CA', daysLeft: 5, status: 'expiring' }), item({ file: '/ws/ca.crt', subject: 'CN=New CA', daysLeft: 900 })];
    const [lens] = pathSettingLenses(cas, YML);
    assert.equal(lens.title, '$(warning) CN=Old CA · expires 2027-01-02 (in 5 days) (+1 more)');
  });

  it('says expired, unreadable and locked in words', () => {
    assert.equal(expiryText({ notAfter: '2024-01-01T00:00:00Z', daysLeft: -3, status: 'expired' }), 'EXPIRED on 2024-01-01 (3 days ago)');
    assert.equal(expiryText({ notAfter: '2024-01-01T00:00:00Z', daysLeft: -1, status: 'expired' }), 'EXPIRED on 2024-01-01 (1 day ago)');
    const [lens] = pathSettingLenses([item({ kind: 'keystore', subject: undefined, notAfter: undefined, daysLeft: undefined, status: 'locked', detail: 'the keystore needs its password' })], YML);
    assert.equal(lens.title, '$(lock) locked · the keystore needs its password');
  });

  it('stays silent for other files and for elasticsearch.keystore rows', () => {
    assert.deepEqual(pathSettingLenses([item({})], '/ws/node-b/elasticsearch.yml'), []);
    assert.deepEqual(pathSettingLenses([item({ kind: 'elasticsearch-keystore', usedBy: [{ file: YML, line: 1, column: 0 }] })], YML), []);
  });
});
