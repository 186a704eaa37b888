// Checks the settings documents of a deployment file (ECK, Helm values, compose, ConfigMap) with the same
// rules as a settings file, plus what each platform adds.
import * as path from 'node:path';
import { catalogFor, type Product } from '../catalog';
import type { SettingIndex } from '../catalog/lookup';
import { readDotEnv } from '../config/paths/composeFiles';
import { parseComposeMounts, type ComposeFile } from '../config/paths/composeMounts';
import { composeServiceMounts, PathLocator, type SecretMountFiles } from '../config/paths/locator';
import type { FileSystem } from '../core/environment';
import { insideRoots } from './paths';
import { AnswerMemo } from '../core/answerMemo';
import { embeddedModel, type EmbeddedDocument, type FormsResult } from '../config/forms';
import type { StackVersion } from '../catalog/version';
import type { ConfigModel } from '../config/types';
import { ruleDocsUrl } from './docs';
import type { Finding, TextEdit } from '../core/finding';
import { runRules } from './index';
import type { CheckEnvironment } from './types';
import { beatsFindings } from './beats';
import { eckCertificateFindings } from './formsCertificates';
import { platformFindings, withoutOperatorCompanions } from './formsPlatform';

/** One embedded document with its model (host offsets) and its findings. */
export interface EmbeddedCheck {
  document: EmbeddedDocument;
  model: ConfigModel;
  findings: Finding[];
  /** The release the document was judged by. */
  stackVersion?: StackVersion;
  /** Where the document's paths live (hovers ask it too). */
  paths: PathLocator;
}

/** What a check of a host file may know beyond its text. */
export interface FormsHost {
  /** The host file, when it is one: a compose file's mounts resolve against its folder. */
  filePath?: string;
  /** Parses of embedded documents kept by text (the caller keeps it across the checks of one document). */
  parses?: AnswerMemo<ConfigModel>;
}

/**
 * The mounts of a compose host, read from its own text: a setting in a service's `environment:` names a path
 * in that service's container, which its `volumes:` may bind to a workspace folder. Only where the rules may
 * read the compose file's folder.
 */
function composeOf(text: string, forms: FormsResult, env: CheckEnvironment, filePath: string | undefined): ComposeFile | undefined {
  if (!filePath || !forms.documents.some((d) => d.form === 'compose')) return undefined;
  if (!env.options.readOutsideWorkspace && !insideRoots(filePath, env.options.workspaceRoots)) return undefined;
  return parseComposeMounts(text, filePath, readDotEnv(env.fs, path.dirname(filePath)));
}

/**
 * The Secrets a Helm document's `secretMounts` mounts, each with its keys when its manifest was found (in this
 * file or beside it): a key's bytes are served under `<manifest file>#<secret>/<key>`, a name that says where
 * it is written.
 */
function secretMountFiles(document: EmbeddedDocument, forms: FormsResult, hostPath: string | undefined): { mounts: SecretMountFiles[]; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const mounts = (document.host.secretMounts ?? []).map((mount): SecretMountFiles => {
    const secret = forms.kubernetes.secrets.find((s) => s.name === mount.secretName);
    const file = secret?.file ?? hostPath;
    if (!secret || !file) return mount;
    const keys = new Map<string, string>();
    for (const [key, entry] of secret.entries) {
      if (entry.text === undefined) continue;
      const virtual = `${file}#${secret.name}/${key}`;
      keys.set(key, virtual);
      files.set(virtual, Buffer.from(entry.text, 'latin1'));
    }
    return { ...mount, secret: { file, keys } };
  });
  return { mounts, files };
}

/** A file system that also holds `files` (in memory, by absolute path). */
function withFiles(fs: FileSystem, files: ReadonlyMap<string, Uint8Array>): FileSystem {
  return {
    stat: (p) => {
      const bytes = files.get(p);
      return bytes ? { size: bytes.length, mtimeMs: 0, isFile: true, isDirectory: false } : fs.stat(p);
    },
    readFile: (p, kind) => files.get(p) ?? fs.readFile(p, kind),
    ...(fs.listDir ? { listDir: fs.listDir.bind(fs) } : {}),
  };
}

/** The check of a whole host file: each document's part, and every finding (host ones included), sorted. */
export interface FormsCheck {
  forms: FormsResult;
  parts: EmbeddedCheck[];
  findings: Finding[];
}

/**
 * Runs the settings rules on each embedded document. Paths inside a document name files in a container or
 * pod: only those a service of this very compose file binds to a workspace folder are looked up (as for a
 * settings file that service mounts); the rest are never read and get at most a hint.
 */
export function checkForms(text: string, forms: FormsResult, env: CheckEnvironment, host: FormsHost = {}): FormsCheck {
  const parts: EmbeddedCheck[] = [];
  const parses = host.parses ?? new AnswerMemo<ConfigModel>();
  parses.startCheck();
  const compose = composeOf(text, forms, env, host.filePath);
  // One lookup cache per product for all documents: a manifest's documents ask the catalog the same keys.
  const catalogs = new Map<Product, SettingIndex>();
  const catalogOf = (product: Product) => catalogs.get(product) ?? catalogs.set(product, catalogFor(product).withLookupCache()).get(product)!;
  for (const document of forms.documents) {
    const services = compose && document.form === 'compose' && document.host.name ? composeServiceMounts(compose, document.host.name, document.product) : [];
    const secrets = secretMountFiles(document, forms, host.filePath);
    // Only what a compose service mounts and the Secrets' manifests are read: they are the workspace's own files.
    const reads = services.length > 0 || secrets.files.size > 0 ? {} : { readOutsideWorkspace: false, workspaceRoots: [] };
    const options = { ...env.options, ...reads, configDir: undefined, liveConfigDirs: undefined, stackVersion: stackVersionFor(document, env) };
    const model = embeddedModel(text, document, parses);
    // A Secret's keys are read from memory: a per-check certificate cache over the real files and those.
    const files = secrets.files.size > 0 ? { fs: withFiles(env.fs, secrets.files), certificates: undefined } : {};
    const paths = new PathLocator({ product: document.product, fs: files.fs ?? env.fs, workspaceRoots: options.workspaceRoots, pathMappings: options.pathMappings, services, secretMounts: secrets.mounts });
    let findings = runRules({ ...env, ...files, options, model, catalog: catalogOf(document.product), paths });
    if (document.names === 'env') findings = findings.filter((f) => f.ruleId !== 'unknown-setting').map(envFinding);
    if (document.source === 'settings') findings = findings.map((f) => keepEnvEdits(f, model, document.names));
    findings = withoutOperatorCompanions(document, model, findings);
    findings.push(...platformFindings(document, model));
    parts.push({ document, model, findings, stackVersion: options.stackVersion, paths });
  }
  const beats = forms.form === 'beats' && forms.findings.length === 0 ? beatsFindings(text, env, host.filePath) : [];
  const all = [...forms.findings, ...beats, ...eckCertificateFindings(forms.kubernetes, env.clock), ...parts.flatMap((p) => p.findings)];
  for (const f of all) f.docsUrl ??= ruleDocsUrl(f.ruleId, 'elasticsearch');
  all.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { forms, parts, findings: all };
}

/**
 * The release a document is judged by: one the user configured, else the one its host names (ECK
 * spec.version, an image tag, Helm imageTag), else what the environment assumed.
 */
function stackVersionFor(document: EmbeddedDocument, env: CheckEnvironment): StackVersion | undefined {
  const given = env.options.stackVersion;
  // Configured wins; a version found beside the file yields to the one the host file itself states.
  if ((given && !given.assumed && !given.inferred) || !document.version) return given;
  return { version: document.version.version, source: document.version.source };
}

/**
 * Kibana's image takes secrets from variables as its documentation shows, so a literal one is a hint that
 * says where it can come from instead (kibana.yml and its keystore advice do not apply to a variable).
 */
function envFinding(finding: Finding): Finding {
  if (finding.ruleId !== 'plaintext-secret') return finding;
  const message = 'This variable holds a secret written in plain text in this file; an interpolated `${VAR}` from an `.env` file kept out of the repository, or the Kibana keystore, keeps it out.';
  return { ...finding, severity: 'hint', message, fixes: undefined };
}

/**
 * Fixes written for a YAML settings file do not all fit an environment entry: an inserted `key: value` line is
 * not a variable, and a Kibana variable renamed to a dotted setting is one the image ignores. Only edits that
 * change a value, remove a whole entry, or (for the Elasticsearch image, which reads dotted names) rename a
 * key are kept.
 */
function keepEnvEdits(finding: Finding, model: ConfigModel, names: EmbeddedDocument['names']): Finding {
  if (!finding.fixes) return finding;
  const within = (e: { start: number; end: number }, r: { start: number; end: number }) => e.start >= r.start && e.end <= r.end;
  const fits = (e: TextEdit) =>
    (e.newText === '' && e.range.end > e.range.start) ||
    model.settings.some((s) => (s.value.kind !== 'null' && within(e.range, s.value.range)) || (names === 'yaml' && within(e.range, s.keyRange)));
  const fixes = finding.fixes.filter((fix) => fix.edits.every(fits));
  return { ...finding, fixes: fixes.length > 0 ? fixes : undefined };
}
