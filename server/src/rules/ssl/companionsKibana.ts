import type { Setting } from '../../config/types';
import type { Finding } from '../../core/finding';
import { removeSettingsEdits } from '../fixes';
import { isTrue, plainScalar, valueItems, type SslContext } from './contexts';
import { makeFinding, missing, q } from '../support';
import type { RuleContext } from '../types';

/** Kibana's own companion checks: server.ssl needs enabling and key material; https hosts need a CA. */
export function kibanaCompanionFindings(ctx: RuleContext, contexts: SslContext[]): Finding[] {
  const out: Finding[] = [];
  const server = contexts.find((c) => c.prefix === 'server.ssl.');
  if (server) out.push(...serverSsl(ctx, server));
  out.push(...httpsHostsWithoutCa(ctx));
  out.push(...credentialsBesideClientCertificate(ctx));
  return out;
}

function serverSsl(ctx: RuleContext, server: SslContext): Finding[] {
  const enabled = server.settings.get('enabled');
  if (isTrue(enabled)) {
    const s = server.settings;
    if (s.has('keystore.path') || (s.has('certificate') && s.has('key'))) return [];
    if (s.has('certificate') || s.has('key')) return []; // the certificate/key pair check reports this case
    return [missing(ctx, enabled!, `${q('server.ssl.enabled')} is true, but neither ${q('server.ssl.certificate')} and ${q('server.ssl.key')} nor ${q('server.ssl.keystore.path')} are set; Kibana will not start.`, 'error')];
  }
  if (enabled && plainScalar(enabled) === undefined) return []; // templated: unknown
  const out: Finding[] = [];
  for (const [suffix, setting] of server.settings) {
    if (suffix === 'enabled') continue;
    if (suffix === 'clientAuthentication') {
      if (plainScalar(setting)?.text === 'none') continue;
      out.push(missing(ctx, setting, `${q(setting.key)} needs ${q('server.ssl.enabled: true')}; Kibana refuses client authentication without TLS.`, 'error'));
    } else if (enabled) {
      // Switched off on purpose: the rest is inert configuration, worth a hint only.
      out.push(missing(ctx, setting, `${q(setting.key)} has no effect while ${q('server.ssl.enabled')} is false.`, 'hint'));
    } else {
      out.push(missing(ctx, setting, `${q(setting.key)} has no effect because ${q('server.ssl.enabled')} is not set (TLS is off by default).`, 'warning'));
    }
  }
  return out;
}

/** `https://` hosts with no CA Kibana could verify them with (unless verification is off). */
function httpsHostsWithoutCa(ctx: RuleContext): Finding[] {
  const by = ctx.model.byKey;
  const hosts = by.get('elasticsearch.hosts');
  if (!hosts) return [];
  const trust = ['elasticsearch.ssl.certificateAuthorities', 'elasticsearch.ssl.truststore.path', 'elasticsearch.ssl.keystore.path'];
  if (trust.some((k) => by.has(k))) return [];
  if (plainScalar(by.get('elasticsearch.ssl.verificationMode'))?.text === 'none') return [];
  const https = valueItems(hosts, false).find((item) => /^https:\/\//i.test(item.text.trim()));
  if (!https) return [];
  // Kibana then trusts Node's public CA list: right for a publicly signed certificate, wrong for a private CA;
  // which one Elasticsearch presents cannot be told from this file.
  return [makeFinding(ctx, 'ssl-missing-companion', 'elasticsearch.hosts', {
    severity: 'hint',
    message: `${q(https.text)} uses https, but ${q('elasticsearch.ssl.certificateAuthorities')} is not set; unless a public CA signed the Elasticsearch certificate, Kibana cannot verify it.`,
    range: https.range,
  })];
}

/** A client certificate for Elasticsearch while username/password remain: the credentials win over the certificate. */
function credentialsBesideClientCertificate(ctx: RuleContext): Finding[] {
  const by = ctx.model.byKey;
  const clientCert = by.get('elasticsearch.ssl.certificate') ?? by.get('elasticsearch.ssl.keystore.path');
  if (!clientCert) return [];
  const credentials = ['elasticsearch.username', 'elasticsearch.password'].map((k) => by.get(k)).filter((s): s is Setting => !!s);
  if (credentials.length === 0) return [];
  const edits = removeSettingsEdits(ctx.model, credentials);
  // Kibana still starts and connects (basic credentials over mutual TLS); only PKI login is not what happens.
  return credentials.map((setting) => makeFinding(ctx, 'ssl-missing-companion', setting.key, {
    severity: 'hint',
    message: `${q(setting.key)} is set although ${q(clientCert.key)} gives Kibana a client certificate; for certificate (PKI) authentication to Elasticsearch, remove the username and password.`,
    range: setting.keyRange,
    related: [{ message: `${q(clientCert.key)} is set here.`, range: clientCert.keyRange }],
    fixes: [{ title: 'Remove elasticsearch.username and elasticsearch.password', edits }],
  }));
}
