// The TLS and connection security of a Beat's or a standalone Elastic Agent's outputs. Only the `ssl` blocks of
// outputs, `setup.kibana` and monitoring, and the Elasticsearch output's credentials are judged: a Beat has
// hundreds of other options, and none of them is called unknown here.
import { BEATS_SSL_KEYS, BEATS_SSL_PARENTS, BEATS_TLS_VERSIONS, BEATS_VERIFICATION_MODES, BEATS_WEAK_VERSIONS } from '../catalog/beats/ssl';
import { editDistance } from '../catalog/lookup';
import type { Finding, Severity } from '../core/finding';
import { parseConfig } from '../config/parse';
import type { ConfigModel, ScalarValue, Setting } from '../config/types';
import { renameKeyEdit } from './fixes';
import { beatsCertificateFindings } from './beatsCertificates';
import type { CheckEnvironment } from './types';

const DOCS = 'https://www.elastic.co/guide/en/beats/filebeat/current/configuration-ssl.html';

/**
 * What a Beat reads as a boolean: YAML 1.1's words (its YAML reader, go-yaml v2, resolves `yes`, `on` ...)
 * and Go's strconv.ParseBool spellings for a quoted string.
 */
const BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|1|0|t|T|f|F)$/;

/**
 * Every finding on a Beats or Agent configuration file; with the environment, the files its `ssl` blocks name
 * are found and checked too (rules/beatsCertificates.ts).
 */
export function beatsFindings(text: string, env?: CheckEnvironment, filePath?: string): Finding[] {
  // The product only words parse messages; the Beats findings below never consult a catalog.
  const model = parseConfig(text, { product: 'elasticsearch' });
  const out = model.findings.filter((f) => f.ruleId !== 'duplicate-setting');
  if (env) out.push(...beatsCertificateFindings(model, env, filePath));
  for (const setting of model.settings) {
    const option = sslOption(setting.key);
    if (option !== undefined) out.push(...sslFindings(model, setting, option));
  }
  out.push(...clearTextCredentials(model));
  for (const f of out) f.docsUrl ??= DOCS;
  return out.sort((a, b) => a.range.start - b.range.start);
}

function sslOption(key: string): string | undefined {
  for (const re of BEATS_SSL_PARENTS) {
    const m = re.exec(key);
    if (m) return m[1];
  }
  return undefined;
}

function sslFindings(model: ConfigModel, setting: Setting, option: string): Finding[] {
  if (!BEATS_SSL_KEYS.includes(option)) return [unknownOption(model, setting, option)];
  const items = scalars(setting).filter((v) => !v.templated);
  if (option === 'verification_mode') return items.flatMap((v) => verificationMode(setting, v));
  if (option === 'supported_protocols') return items.flatMap((v) => protocol(setting, v));
  if (option === 'enabled') return items.filter((v) => !BOOLEAN.test(v.text.trim())).map((v) => finding('invalid-value', 'error', `\`${setting.key}\` takes \`true\` or \`false\`, not \`${v.text}\`; the Beat stops at start-up.`, v));
  return [];
}

function verificationMode(setting: Setting, v: ScalarValue): Finding[] {
  const mode = v.text.trim().toLowerCase();
  if (mode === 'none') {
    return [finding('insecure-setting', 'warning', `\`${setting.key}\` is \`none\`: the server's certificate is not verified at all, so anyone in the middle can read and change the data.`, v)];
  }
  if (BEATS_VERIFICATION_MODES.includes(mode)) return [];
  return [finding('invalid-value', 'error', `\`${setting.key}\` does not accept \`${v.text}\`; allowed values: ${BEATS_VERIFICATION_MODES.map((m) => `\`${m}\``).join(', ')}.`, v)];
}

function protocol(setting: Setting, v: ScalarValue): Finding[] {
  if (!BEATS_TLS_VERSIONS.includes(v.text)) return [finding('invalid-value', 'error', `\`${v.text}\` is not a protocol \`${setting.key}\` knows; use \`TLSv1.2\` or \`TLSv1.3\`.`, v)];
  if (BEATS_WEAK_VERSIONS.has(v.text)) return [finding('insecure-setting', 'warning', `\`${v.text}\` in \`${setting.key}\` is an outdated protocol version with known weaknesses; allow only TLSv1.2 and TLSv1.3.`, v)];
  return [];
}

function unknownOption(model: ConfigModel, setting: Setting, option: string): Finding {
  const near = BEATS_SSL_KEYS.map((k) => ({ k, d: editDistance(option, k, 3) })).filter((c) => c.d <= 2).sort((a, b) => a.d - b.d)[0]?.k;
  const message = `\`${option}\` is not an SSL option of Beats, which ignores it without a word.${near ? ` Did you mean \`${near}\`?` : ''}`;
  const f: Finding = { ruleId: 'unknown-setting', severity: 'warning', message, range: setting.keyRange };
  const edit = near ? renameKeyEdit(setting, setting.key.slice(0, setting.key.length - option.length) + near, model.text) : undefined;
  if (edit) f.fixes = [{ title: `Rename to ${near}`, edits: [edit], isPreferred: true }];
  return f;
}

/**
 * Credentials sent to an `http://` host travel in clear text. Hosts without a scheme take
 * `output.elasticsearch.protocol` (http by default), so only explicit `http://` hosts are judged.
 */
function clearTextCredentials(model: ConfigModel): Finding[] {
  const hosts = model.byKey.get('output.elasticsearch.hosts');
  const credential = ['api_key', 'password', 'username'].map((k) => model.byKey.get(`output.elasticsearch.${k}`)).find((s) => s !== undefined);
  if (!hosts || !credential) return [];
  return scalars(hosts)
    .filter((v) => !v.templated && /^http:\/\//i.test(v.text.trim()))
    .map((v) => finding('insecure-setting', 'warning', `\`${v.text}\` is plain HTTP while \`${credential.key}\` is set: the credentials and the events cross the network unencrypted. Use \`https://\`.`, v));
}

function scalars(setting: Setting): ScalarValue[] {
  if (setting.value.kind === 'scalar') return [setting.value];
  return setting.value.kind === 'list' ? setting.value.items : [];
}

function finding(ruleId: string, severity: Severity, message: string, v: ScalarValue): Finding {
  return { ruleId, severity, message, range: v.range };
}
