// A Beat's or standalone Agent's configuration as stack components: clients of the Elasticsearch nodes their
// `output.elasticsearch.hosts` (Agent: `outputs.<id>.hosts` of `type: elasticsearch`) name, verifying them with
// the output's `ssl.*` options, which Beats and Agent share (libbeat's tlscommon).
//
// Facts from Elastic's Beats docs ("Configure SSL", "Configure the Elasticsearch output") and libbeat:
// `verification_mode` is `full` by default, `strict` verifies the name too, `certificate` the chain only and
// `none` nothing; a host without a scheme takes `output.elasticsearch.protocol`, `http` by default; relative
// certificate paths resolve against `path.config`, which is the folder of the configuration file unless set.
import * as path from 'node:path';
import { parseConfig } from '../config/parse';
import type { ConfigModel, ScalarValue, Setting } from '../config/types';
import type { FileRole } from '../catalog/types';
import { LineIndex } from '../core/lineIndex';
import { maskUrlCredentials } from '../core/safeText';
import { CertificateFileCache, type CertificateFiles } from '../pki/fileCache';
import { readPkiFile } from '../pki/readPkiFile';
import type { ContextFile, ContextFiles } from '../rules/certificates/files';
import { insideRoots } from '../rules/paths';
import { isFalse, isTrue, plainScalar, valueItems } from '../rules/ssl/contexts';
import type { CheckEnvironment } from '../rules/types';
import { hostOf, type ComponentPart, type LoadedContext } from './component';
import type { HostTarget, StackContext, StackPlace } from './types';

const ROLES: ReadonlyArray<[string, FileRole]> = [['certificate_authorities', 'certificateAuthorities'], ['certificate', 'certificate'], ['key', 'key']];
const BEAT_NAME = /(filebeat|metricbeat|heartbeat|auditbeat|packetbeat|winlogbeat|functionbeat|elastic-agent)/i;

/** The Elasticsearch outputs of a Beat (`output.elasticsearch`) or a standalone Agent (`outputs.<id>` of type elasticsearch). */
function outputs(model: ConfigModel): Array<{ prefix: string; id?: string }> {
  if (model.byKey.has('output.elasticsearch.hosts')) return [{ prefix: 'output.elasticsearch.' }];
  const out: Array<{ prefix: string; id?: string }> = [];
  for (const [key, setting] of model.byKey) {
    const m = /^outputs\.([^.]+)\.type$/.exec(key);
    if (m && plainScalar(setting)?.text.toLowerCase() === 'elasticsearch' && model.byKey.has(`outputs.${m[1]}.hosts`)) out.push({ prefix: `outputs.${m[1]}.`, id: m[1] });
  }
  return out;
}

/** The Beat or Agent of one file as components (one per Elasticsearch output), or none without such an output. */
export function readBeat(text: string, file: string, env: CheckEnvironment): ComponentPart[] {
  const model = parseConfig(text, { product: 'elasticsearch' });
  const lines = new LineIndex(text);
  const place = (at: number): StackPlace => {
    const p = lines.positionAt(at);
    return { file, line: p.line, column: p.character };
  };
  const program = BEAT_NAME.exec(path.basename(file))?.[1].toLowerCase() ?? (model.byKey.has('output.elasticsearch.hosts') ? 'beat' : 'elastic-agent');
  const kind = program === 'elastic-agent' ? 'agent' : 'beat';
  const base = plainScalar(model.byKey.get('name'))?.text ?? `${program} (${path.basename(path.dirname(file))})`;
  return outputs(model).map(({ prefix, id: output }) => {
    const name = output ? `${base} ${output}` : base;
    const protocol = plainScalar(model.byKey.get(`${prefix}protocol`))?.text.toLowerCase() ?? 'http';
    const items = valueItems(model.byKey.get(`${prefix}hosts`), true);
    const hosts: HostTarget[] = items.map((item) => {
      const scheme = /^([a-z]+):\/\//i.exec(item.text.trim())?.[1].toLowerCase();
      return { value: maskUrlCredentials(item.text), host: hostOf(item.text), setting: `${prefix}hosts`, secure: (scheme ?? protocol) === 'https', place: place(item.range.start) };
    });
    const id = `${kind}:${name}`;
    const client = loadClient(model, file, env, `${id}#client`, `${prefix}ssl.`, place);
    const first = model.settings[0]?.keyRange?.start ?? 0;
    return {
      data: { id, kind, name, form: 'beats' as const, place: place(first), names: [], hosts, contexts: [client.data] },
      model, file, lines, contexts: [client], hostRanges: items.map((i) => i.range),
    };
  });
}

function loadClient(model: ConfigModel, file: string, env: CheckEnvironment, id: string, prefix: string, place: (at: number) => StackPlace): LoadedContext {
  const settings = new Map<string, Setting>();
  for (const s of model.settings) if (s.key.startsWith(prefix) && !settings.has(s.key.slice(prefix.length))) settings.set(s.key.slice(prefix.length), s);
  const files: ContextFiles = { context: { prefix: prefix, settings }, authorities: [], findings: [] };
  const cache: CertificateFiles = env.certificates ?? new CertificateFileCache(env.fs, env.clock);
  for (const [suffix, role] of ROLES) {
    const setting = settings.get(suffix);
    const items = role === 'certificateAuthorities' ? valueItems(setting, true) : valueItems(setting, false).slice(0, 1);
    for (const item of items) {
      const read = readFile(env, cache, file, item);
      if (!read || !setting) continue;
      const cf: ContextFile = { role, setting, item, path: read.path, file: read.file };
      if (role === 'certificateAuthorities') files.authorities.push(cf);
      else if (role === 'certificate') files.certificate = cf;
      else files.key = cf;
    }
  }
  const [leaf, ...extra] = files.certificate?.file.certificates ?? [];
  const anchors = files.authorities.length > 0 ? files.authorities.flatMap((a) => a.file.certificates) : undefined;
  const enabledSetting = settings.get('enabled');
  const firstSetting = [...settings.values()][0];
  const start = firstSetting?.keyRange?.start ?? 0;
  const data: StackContext = {
    id, kind: 'client', prefix: prefix,
    // A Beat uses TLS when an https host is dialled unless `ssl.enabled: false` says otherwise.
    enabled: isFalse(enabledSetting) ? false : isTrue(enabledSetting) || settings.size > 0 ? true : undefined,
    verificationMode: plainScalar(settings.get('verification_mode'))?.text.toLowerCase() ?? 'full',
    presents: leaf?.summary.fingerprints.sha256,
    chain: extra.map((c) => c.summary.fingerprints.sha256),
    trusts: (anchors ?? []).map((c) => c.summary.fingerprints.sha256),
    place: place(start),
  };
  return { data, files, leaf, extra, anchors, presentedAt: leaf ? files.certificate?.item.range : undefined, trustAt: files.authorities[0]?.item.range, start };
}

/** A certificate file the Beat names (absolute, or relative to its configuration's folder; within the workspace rules), or inline PEM. */
function readFile(env: CheckEnvironment, cache: CertificateFiles, file: string, item: ScalarValue): { path: string; file: NonNullable<ContextFile['file']> } | undefined {
  const value = item.text.trim();
  if (value === '' || item.templated) return undefined;
  // Beats also take the PEM text itself in place of a path.
  if (value.startsWith('-----BEGIN')) {
    try {
      return { path: file, file: readPkiFile(new TextEncoder().encode(value), { clock: env.clock }) };
    } catch {
      return undefined;
    }
  }
  const local = path.isAbsolute(value) ? path.normalize(value) : path.resolve(path.dirname(file), value);
  if (!env.options.readOutsideWorkspace && !insideRoots(local, env.options.workspaceRoots)) return undefined;
  try {
    const read = cache.read(local);
    return read.kind === 'parsed' ? { path: local, file: read.file } : undefined;
  } catch {
    return undefined;
  }
}
