import { describe, test } from 'node:test';
import { insecureSettingRule } from '../../../server/src/rules/insecure';
import { runCases, type Expected } from './helpers';

const warn = (text: string): Expected => ({ ruleId: 'insecure-setting', severity: 'warning', text });
const T = 'xpack.security.transport.ssl';

describe('insecure-setting', () => {
  runCases({ test }, insecureSettingRule, ['insecure-setting'], [
    { name: 'verification none', text: `${T}.verification_mode: none\n`, expect: [warn('none')], fixed: `${T}.verification_mode: full\n`, fixedNested: 'xpack:\n  security:\n    transport:\n      ssl:\n        verification_mode: full\n' },
    { name: 'verification certificate', text: `${T}.verification_mode: certificate\n`, expect: [] },
    { name: 'Kibana verification none', product: 'kibana', text: 'elasticsearch.ssl.verificationMode: none\n', expect: [warn('none')] },
    { name: 'old protocols in a flow list', text: 'xpack.security.http.ssl.supported_protocols: [TLSv1.3, TLSv1.1, TLSv1]\n', expect: [warn('TLSv1.1'), warn('TLSv1')] },
    { name: 'old protocol in a comma list', text: 'xpack.security.http.ssl.supported_protocols: TLSv1.2,TLSv1.1\n', expect: [warn('TLSv1.1')] },
    { name: 'modern protocols', text: 'xpack.security.http.ssl.supported_protocols: [TLSv1.3, TLSv1.2]\n', expect: [] },
    { name: 'Kibana old protocol', product: 'kibana', text: 'server.ssl.supportedProtocols: [TLSv1, TLSv1.2]\n', expect: [warn('TLSv1')] },
    { name: 'security disabled', text: 'xpack.security.enabled: false\n', expect: [warn('false')] },
    { name: 'security enabled', text: 'xpack.security.enabled: true\n', expect: [] },
    { name: 'anonymous superuser', text: 'xpack.security.authc.anonymous.roles: [viewer, superuser]\n', expect: [warn('superuser')] },
    { name: 'anonymous viewer', text: 'xpack.security.authc.anonymous.roles: viewer\n', expect: [] },
    { name: 'transport client auth optional', text: `${T}.client_authentication: optional\n`, expect: [warn('optional')] },
    { name: 'transport client auth required', text: `${T}.client_authentication: required\n`, expect: [] },
    { name: 'http client auth optional is normal', text: 'xpack.security.http.ssl.client_authentication: optional\n', expect: [] },
    { name: 'transport TLS off in a cluster', text: `${T}.enabled: false\ndiscovery.seed_hosts: [es01, es02, es03]\n`, expect: [warn('false')] },
    { name: 'transport TLS off with comma-separated masters', text: `${T}.enabled: false\ncluster.initial_master_nodes: es01,es02\n`, expect: [warn('false')] },
    { name: 'transport TLS off on a single node', text: `${T}.enabled: false\ndiscovery.seed_hosts: [es01]\n`, expect: [] },
    { name: 'transport TLS on in a cluster', text: `${T}.enabled: true\ndiscovery.seed_hosts: [es01, es02]\n`, expect: [] },
  ]);
});
