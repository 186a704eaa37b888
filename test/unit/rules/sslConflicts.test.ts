import { describe, test } from 'node:test';
import { sslConflictRule } from '../../../server/src/rules/ssl/conflicts';
import { runCases, type Expected } from './helpers';

const conflict = (text: string): Expected => ({ ruleId: 'ssl-conflict', severity: 'error', text, on: 'key' });
const T = 'xpack.security.transport.ssl';

describe('ssl-conflict', () => {
  runCases({ test }, sslConflictRule, ['ssl-conflict'], [
    { name: 'keystore and certificate', text: `${T}.keystore.path: a.p12\n${T}.certificate: a.crt\n`, expect: [conflict(`${T}.certificate`)], fixed: `${T}.keystore.path: a.p12\n`, fixedNested: 'xpack:\n  security:\n    transport:\n      ssl:\n        keystore:\n          path: a.p12\n' },
    { name: 'keystore and key, reported on the later one', text: `${T}.key: a.key\n${T}.keystore.path: a.p12\n`, expect: [conflict(`${T}.keystore.path`)] },
    { name: 'truststore and CA files', text: `${T}.truststore.path: t.p12\n${T}.certificate_authorities: [ca.crt]\n`, expect: [conflict(`${T}.certificate_authorities`)] },
    { name: 'secure and legacy keystore password', text: `${T}.keystore.secure_password: a\n${T}.keystore.password: b\n`, expect: [conflict(`${T}.keystore.password`)] },
    { name: 'secure and legacy key passphrase', text: `${T}.secure_key_passphrase: a\n${T}.key_passphrase: b\n`, expect: [conflict(`${T}.key_passphrase`)] },
    { name: 'PEM style alone', text: `${T}.certificate: a.crt\n${T}.key: a.key\n${T}.certificate_authorities: ca.crt\n`, expect: [] },
    { name: 'keystore style alone', text: `${T}.keystore.path: a.p12\n${T}.truststore.path: a.p12\n`, expect: [] },
    { name: 'different contexts do not conflict', text: `${T}.keystore.path: a.p12\nxpack.security.http.ssl.certificate: h.crt\n`, expect: [] },
    { name: 'Kibana certificate with keystore', product: 'kibana', text: 'server.ssl.keystore.path: k.p12\nserver.ssl.certificate: c.crt\n', expect: [conflict('server.ssl.certificate')] },
    { name: 'Kibana key with keystore', product: 'kibana', text: 'elasticsearch.ssl.keystore.path: k.p12\nelasticsearch.ssl.key: c.key\n', expect: [conflict('elasticsearch.ssl.key')] },
    { name: 'Kibana CAs with truststore are combined, not refused', product: 'kibana', text: 'elasticsearch.ssl.truststore.path: t.p12\nelasticsearch.ssl.certificateAuthorities: [ca.crt]\n', expect: [] },
  ]);
});
