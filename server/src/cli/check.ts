// `estls check`: checks settings files and prints the findings like a compiler, or as JSON.
import * as path from 'node:path';
import type { Product } from '../catalog/types';
import { parseMapArgument, type PathMapping } from '../config/paths/mappings';
import { settingsProductOf } from '../config/product';
import { FORM_KINDS, recognizeForms, type FormKind } from '../config/forms';
import { LineIndex } from '../core/lineIndex';
import { settingDefaults } from '../core/settingDefaults';
import { CertificateFileCache } from '../pki/fileCache';
import { configuredStackVersion, parseStackVersion } from '../catalog/version';
import { checkDeployment, checkText } from '../checker/documentChecker';
import type { CheckEnvironment } from '../rules/types';
import { outputFormat, parseCommandArgs } from './args';
import { readText, toEntry, type CheckReportEntry } from './checkReport';
import type { FileCheckHooks } from './checkFolder';
import { runFileSystem } from './runFileSystem';

export type { CheckReportEntry } from './checkReport';
import { ExitCode, type CliIo } from './io';

export const checkUsage = `Usage: estls check [--format text|json] [--product elasticsearch|kibana] [--form FORM] [--expiry-days N]
                   [--stack-version X.Y.Z] [--config-dir DIR] [--map CONTAINER_PATH=LOCAL_PATH]... FILE|DIR...

Checks elasticsearch.yml and kibana.yml files, and the settings inside deployment files: ECK
manifests, Helm values of Elastic's charts, docker-compose files and Kubernetes ConfigMaps.
A folder is checked as one stack: each of its settings files, then across files (nodes trusting
each other's transport certificates, Kibana's CAs and hosts against the nodes' HTTP certificates,
elasticsearch.keystore against elasticsearch.yml).
A deployment file is recognised by its content; a settings file's product comes from its name
(elasticsearch*.yml, kibana*.yml, or a template of one: elasticsearch.yml.j2, kibana.yml.tpl), or from
where a docker-compose file in its folder or above mounts it (es01.yml as .../config/elasticsearch.yml);
a YAML list or an Ansible vault is never a settings file. Beats and standalone Elastic Agent files
(filebeat.yml, ..., elastic-agent.yml) get their outputs' TLS checked. --product checks the file as
that product's settings file; --form (plain, eck, helm, compose, configmap, beats) reads it as that form.
Verdicts that depend on the release follow --stack-version, else the version a deployment file
states for its settings (ECK spec.version, an image tag, Helm imageTag), else a version found
beside the file (compose image tags, Helm imageTag, Ansible es_version), else the current 9.x.

Where paths are checked: a file whose folder holds what an installed product keeps there
(elasticsearch.keystore, jvm.options, log4j2.properties; kibana.keystore, node.options), or every
file when --config-dir DIR is given, is this machine's config: a missing file is an error. Any other
file describes another machine: its paths are checked only where a docker-compose file (in its folder
or above, up to the current directory) mounts them, or a --map says where they are; a missing mounted
file is a warning, and paths nothing maps are not checked. A file kept in a copy of a machine's /etc
(repo/etc/elasticsearch/elasticsearch.yml) is never live: its /etc paths are read from that copy.
Exit status: 0 no errors, 1 at least one error, 2 could not run (bad usage, unreadable file).
`;

interface CheckArgs {
  format: 'text' | 'json';
  product?: Product;
  form?: FormKind;
  expiryDays: number;
  stackVersion?: string;
  files: string[];
  configDir?: string;
  mappings: PathMapping[];
}

function parseCheckArgs(args: string[], cwd: string): CheckArgs | string {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
    product: { type: 'string' },
    form: { type: 'string' },
    'expiry-days': { type: 'string' },
    'stack-version': { type: 'string' },
    'config-dir': { type: 'string' },
    map: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help) return '';
  const chosen = outputFormat(values.format);
  if (typeof chosen === 'string') return chosen;
  const { format } = chosen;
  const product = values.product;
  if (product !== undefined && product !== 'elasticsearch' && product !== 'kibana') return `unknown product '${product}' (use elasticsearch or kibana)`;
  const form = values.form as FormKind | undefined;
  if (form !== undefined && !FORM_KINDS.includes(form)) return `unknown form '${form}' (use ${FORM_KINDS.join(', ')})`;
  const days = values['expiry-days'] ?? String(settingDefaults.expiryWarningDays);
  if (!/^\d{1,6}$/.test(days)) return `--expiry-days takes a whole number of days, not '${days}'`;
  const stackVersion = values['stack-version'];
  if (stackVersion !== undefined && !parseStackVersion(stackVersion)) return `--stack-version takes a version such as 8.11.0 or 7.17, not '${stackVersion}'`;
  if (positionals.length === 0) return 'no file given';
  const paths = pathArgs(values.map ?? [], values['config-dir'], cwd);
  if (typeof paths === 'string') return paths;
  return { format, product, form, expiryDays: Number(days), stackVersion, files: positionals, ...paths };
}

/** `--map` and `--config-dir`, relative to the current folder; a string says what is wrong. */
function pathArgs(maps: string[], configDir: string | undefined, cwd: string): Pick<CheckArgs, 'mappings' | 'configDir'> | string {
  const mappings: PathMapping[] = [];
  for (const text of maps) {
    const mapping = parseMapArgument(text, cwd);
    if (typeof mapping === 'string') return mapping;
    mappings.push(mapping);
  }
  return { mappings, ...(configDir !== undefined ? { configDir: path.resolve(cwd, configDir) } : {}) };
}

/**
 * The folder check, loaded when a folder is given: it brings the workspace model and the keystore readers,
 * which checking one file (a pre-commit hook runs `estls check` per file) never needs.
 */
function loadCheckFolder(): typeof import('./checkFolder').checkFolder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load; the bundler keeps it
  return (require('./checkFolder') as typeof import('./checkFolder')).checkFolder;
}

/** Parsed certificate files kept for one run: far above any real folder, a bound on a pathological one. */
const RUN_CACHE_ENTRIES = 20_000;

const unknownProduct = 'cannot tell whether it is an Elasticsearch or a Kibana settings file, nor a deployment file (ECK, Helm values, compose, ConfigMap) from its name and content; pass --product elasticsearch or --product kibana';

/** Checks one file; a string return is why it could not be checked. */
export function checkFile(io: CliIo, file: string, args: { product?: Product; form?: FormKind }, env: CheckEnvironment, hooks: FileCheckHooks = {}): CheckReportEntry[] | string {
  const absolute = path.resolve(io.cwd, file);
  const read = hooks.read ?? readText(io, absolute);
  if (typeof read === 'string') return read;
  const lines = new LineIndex(read.text);
  if (read.finding) return [toEntry(file, read.finding, lines)];
  // A deployment file is known by its content, whatever its name; --product reads the file as settings.
  const forms = args.product && !args.form ? undefined : recognizeForms(read.text, args.form, absolute);
  if (forms) return checkDeployment(read.text, forms, env, absolute).findings.map((f) => toEntry(file, f, lines));
  const product = args.product ?? settingsProductOf(absolute, env.fs, env.options.workspaceRoots, undefined, read.text);
  if (!product) return args.form === 'plain' || args.form === undefined ? unknownProduct : [];
  const result = checkText({ text: read.text, product, filePath: absolute }, env);
  hooks.onModel?.(result.model);
  return result.findings.map((f) => toEntry(file, f, lines));
}

function formatText(entries: CheckReportEntry[]): string {
  const related = (e: CheckReportEntry) => (e.related ?? []).map((r) => `    ${r.file}:${r.line}:${r.column} ${r.message}\n`).join('');
  return entries.map((e) => `${e.file}:${e.line}:${e.column} ${e.severity} ${e.ruleId} ${e.message}\n${related(e)}`).join('');
}

function summary(entries: CheckReportEntry[], files: number): string {
  const count = (s: string) => entries.filter((e) => e.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')} in ${plural(files, 'file')}\n`;
}

/** Runs `estls check` with the arguments after `check`; resolves to the exit code. */
export async function runCheck(args: string[], cliIo: CliIo): Promise<number> {
  // One run is one snapshot of the disk: each path is stat'ed and each folder listed once.
  const io: CliIo = { ...cliIo, fs: runFileSystem(cliIo.fs) };
  const parsed = parseCheckArgs(args, io.cwd);
  if (typeof parsed === 'string') {
    if (parsed === '') return io.out(checkUsage), ExitCode.ok;
    io.err(`estls check: ${parsed}\n\n${checkUsage}`);
    return ExitCode.usage;
  }
  const env: CheckEnvironment = {
    fs: io.fs,
    clock: io.clock,
    passwords: { get: () => undefined },
    // Every file the run names stays parsed until the run ends: a folder's settings files share their CAs, and
    // the cross-file checks read each context's files again after the per-file checks.
    certificates: new CertificateFileCache(io.fs, io.clock, RUN_CACHE_ENTRIES),
    // The current directory bounds the search for compose files and for a stack version in deployment files
    // around each file, as a workspace folder does in the editor.
    options: {
      expiryWarningDays: parsed.expiryDays, readOutsideWorkspace: true, workspaceRoots: [io.cwd],
      stackVersion: configuredStackVersion(parsed.stackVersion, '--stack-version'),
      configDir: parsed.configDir, pathMappings: parsed.mappings,
    },
  };
  const entries: CheckReportEntry[] = [];
  let checked = 0;
  // Files checked, a folder's settings and deployment files each (a folder of other YAML adds none).
  const tally = { files: 0 };
  for (const file of parsed.files) {
    const folder = io.fs.stat(path.resolve(io.cwd, file))?.isDirectory;
    const result = folder ? loadCheckFolder()(io, file, env, checkFile, tally) : checkFile(io, file, parsed, env);
    if (typeof result === 'string') io.err(`estls check: ${file}: ${result}\n`);
    else {
      checked++;
      if (!folder) tally.files++;
      entries.push(...result);
    }
  }
  const failed = checked < parsed.files.length;
  if (parsed.format === 'json') io.out(`${JSON.stringify(entries, null, 2)}\n`);
  else {
    io.out(formatText(entries));
    // The summary counts the files that were checked; with none there is nothing to sum up.
    if (checked > 0) io.err(summary(entries, tally.files));
  }
  if (failed) return ExitCode.usage;
  return entries.some((e) => e.severity === 'error') ? ExitCode.findings : ExitCode.ok;
}
