import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kibanaCredentialsRule } from '../../../server/src/rules/kibanaCredentials';
import { contextFor, runCases, type Expected } from './helpers';

const on = (severity: Expected['severity'], text: string, where: 'key' | 'value' = 'value'): Expected => ({ ruleId: 'kibana-credentials', severity, text, on: where });
const v = (version: string) => ({ stackVersion: { version, source: 'test' } });

describe('kibana-credentials', () => {
  runCases({ test }, kibanaCredentialsRule, ['kibana-credentials'], [
    { name: 'elastic is refused on the current release', product: 'kibana', text: 'elasticsearch.username: elastic\n', expect: [on('error', 'elastic')] },
    { name: 'elastic is refused on 8.0', product: 'kibana', text: 'elasticsearch.username: "elastic"\n', options: v('8.0.0'), expect: [on('error', '"elastic"')] },
    { name: 'elastic is deprecated on 7.17', product: 'kibana', text: 'elasticsearch.username: elastic\n', options: v('7.17.15'), expect: [on('warning', 'elastic')] },
    { name: 'elastic is only advice on 6.8', product: 'kibana', text: 'elasticsearch.username: elastic\n', options: v('6.8.0'), expect: [on('information', 'elastic')] },
    { name: 'kibana_system is fine', product: 'kibana', text: 'elasticsearch.username: kibana_system\n', expect: [] },
    { name: 'a templated user is not judged', product: 'kibana', text: 'elasticsearch.username: ${KIBANA_USER}\n', expect: [] },
    { name: 'the kibana user is deprecated from 7.8', product: 'kibana', text: 'elasticsearch.username: kibana\n', options: v('7.8.0'), expect: [on('warning', 'kibana')] },
    { name: 'the kibana user is fine on 7.7', product: 'kibana', text: 'elasticsearch.username: kibana\n', options: v('7.7.1'), expect: [] },
    {
      name: 'a token beside a username is refused',
      product: 'kibana',
      text: 'elasticsearch.username: kibana_system\nelasticsearch.serviceAccountToken: AAEAAWVs\n',
      expect: [on('error', 'AAEAAWVs')],
    },
    {
      name: 'a password beside a token has no effect',
      product: 'kibana',
      text: 'elasticsearch.serviceAccountToken: AAEAAWVs\nelasticsearch.password: pw\n',
      expect: [on('warning', 'elasticsearch.password', 'key')],
      fixed: 'elasticsearch.serviceAccountToken: AAEAAWVs\n',
    },
    { name: 'a token alone is fine', product: 'kibana', text: 'elasticsearch.serviceAccountToken: AAEAAWVs\n', expect: [] },
    { name: 'Elasticsearch files are not Kibana\'s', text: 'elasticsearch.username: elastic\n', expect: [] },
  ]);

  test('a refusal says which version it assumed and where from', () => {
    const ctx = contextFor('elasticsearch.username: elastic\n', { product: 'kibana', options: { stackVersion: { version: '8.11.0', source: 'image: kibana:8.11.0 in x/docker-compose.yml' } } });
    assert.match(kibanaCredentialsRule(ctx)[0].message, /Kibana 8\.11\.0 \(from image: kibana:8\.11\.0 in x\/docker-compose\.yml\)/);
  });

  test('a token beside a username never echoes the token', () => {
    const ctx = contextFor('elasticsearch.username: u\nelasticsearch.serviceAccountToken: SECRET-TOKEN\n', { product: 'kibana' });
    assert.doesNotMatch(kibanaCredentialsRule(ctx)[0].message, /SECRET-TOKEN/);
  });
});
