import 'reflect-metadata';
import { parse } from 'yaml';
import { PkiError } from '../errors';
import type { InstanceSpec } from './types';
import { validateInstance } from './validate';

const KNOWN_KEYS = new Set(['name', 'filename', 'ip', 'dns', 'cn']);

/** A YAML value that certutil reads as a list of strings: one string or a list of them. */
function stringList(value: unknown, field: string, errors: string[]): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string' || typeof item === 'number') out.push(String(item).trim());
    else errors.push(`[${field}] must be a string or a list of strings`);
  }
  return out;
}

function readInstance(raw: unknown, index: number): { spec?: InstanceSpec; label: string; errors: string[] } {
  const errors: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { label: `#${index + 1}`, errors: ['an instance must be a mapping with at least a name'] };
  }
  const map = raw as Record<string, unknown>;
  for (const key of Object.keys(map)) if (!KNOWN_KEYS.has(key)) errors.push(`unknown field [${key}]`);
  const name = typeof map.name === 'string' || typeof map.name === 'number' ? String(map.name) : undefined;
  if (name === undefined) errors.push('instance name may not be null');
  const filename = map.filename === undefined || map.filename === null ? undefined : String(map.filename);
  const spec: InstanceSpec = {
    name: name ?? '',
    ...(filename !== undefined ? { filename } : {}),
    ip: stringList(map.ip, 'ip', errors),
    dns: stringList(map.dns, 'dns', errors),
    cn: stringList(map.cn, 'cn', errors),
  };
  if (name !== undefined) errors.push(...validateInstance(spec));
  return { spec, label: name ?? `#${index + 1}`, errors };
}

/** The error's first line and, when yaml gave an offset, where it is (`at line 3, column 8`). */
function yamlErrorText(e: unknown, text: string): string {
  const message = (e as Error).message.split('\n')[0];
  const pos = (e as { pos?: [number, number] }).pos;
  if (!pos) return message;
  const before = text.slice(0, pos[0]);
  return `${message} at line ${before.split('\n').length}, column ${pos[0] - before.lastIndexOf('\n')}`;
}

/**
 * Reads certutil's `instances.yml` (`instances: [{name, filename, ip, dns, cn}]`) and checks every instance as
 * certutil does. All problems are gathered into one INVALID_INPUT error, one line per problem.
 */
export function parseInstances(yamlText: string): InstanceSpec[] {
  let doc: unknown;
  try {
    // yaml's pretty errors cost time per error for every error: quadratic on garbage (80 KB of `""` took seconds).
    doc = parse(yamlText, { prettyErrors: false });
  } catch (e) {
    throw new PkiError('INVALID_INPUT', `The instances file is not valid YAML: ${yamlErrorText(e, yamlText)}`);
  }
  const list = (doc as { instances?: unknown } | null)?.instances;
  if (!Array.isArray(list) || list.length === 0) {
    throw new PkiError('INVALID_INPUT', 'The instances file must have a non-empty `instances:` list.');
  }
  const problems: string[] = [];
  const specs: InstanceSpec[] = [];
  const seen = new Map<string, string>();
  list.forEach((raw, i) => {
    const { spec, label, errors } = readInstance(raw, i);
    const file = spec ? (spec.filename ?? spec.name) : '';
    if (spec && file && seen.has(file)) errors.push(`file name [${file}] is also used by instance [${seen.get(file)}]`);
    if (spec && file) seen.set(file, label);
    if (errors.length) problems.push(`Configuration for instance ${label} has invalid details`, ...errors.map((m) => ` * ${m}`));
    else if (spec) specs.push(spec);
  });
  if (problems.length) {
    throw new PkiError('INVALID_INPUT', ['The instances file contains invalid configuration details:', ...problems].join('\n'));
  }
  return specs;
}
