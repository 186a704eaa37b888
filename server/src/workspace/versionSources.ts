// Literal stack versions in the deployment files that usually sit beside a settings file.
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseStackVersion, type StackVersion } from '../catalog/version';
import type { Product } from '../catalog/types';
import type { FileSystem } from '../core/environment';
import { readBounded } from '../core/fileGate';
import { parseDotEnv } from '../config/paths/composeMounts';
import { withoutStackTraces } from '../config/quietYaml';
import { IMAGE_FLAVOUR } from '../config/forms/compose';
import { flavourVersion } from '../config/forms/version';

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];
const HELM_VALUES = ['values.yaml', 'values.yml'];
const ANSIBLE_VARS = ['group_vars/all.yml', 'group_vars/all.yaml', 'group_vars/all/main.yml', 'defaults/main.yml', 'vars/main.yml'];

/** Files looked at in each folder, in this order: compose, Helm values, Ansible variables. */
export const WORKSPACE_VERSION_FILES: readonly string[] = [...COMPOSE_FILES, ...HELM_VALUES, ...ANSIBLE_VARS];

/** Deployment files are small; a large one is not read. */
const MAX_BYTES = 512 * 1024;

/** Ansible variables that name the stack version in common roles (elastic/ansible-elasticsearch: `es_version`). */
const ANSIBLE_KEYS: Record<Product, readonly string[]> = {
  elasticsearch: ['es_version', 'elasticsearch_version', 'elastic_version', 'elastic_stack_version', 'elk_version', 'stack_version'],
  kibana: ['kibana_version', 'elastic_version', 'elastic_stack_version', 'elk_version', 'stack_version', 'es_version'],
};

/** Image names of each product (docker.elastic.co, Docker Hub, mirrors), with Elastic's flavours and their tag. */
const IMAGES: Record<Product, RegExp> = {
  elasticsearch: new RegExp(`(?:^|/)elasticsearch${IMAGE_FLAVOUR}:([^@\\s]+)$`),
  kibana: new RegExp(`(?:^|/)kibana${IMAGE_FLAVOUR}:([^@\\s]+)$`),
};

/** The version one deployment file states for a product, or undefined. */
export function versionsInFile(fs: FileSystem, file: string, product: Product): StackVersion | undefined {
  const doc = readYaml(fs, file);
  if (!isRecord(doc)) return undefined;
  const name = path.basename(file);
  const shown = path.join(path.basename(path.dirname(file)), name);
  if (COMPOSE_FILES.includes(name)) return composeVersion(fs, file, doc, product, shown);
  if (HELM_VALUES.includes(name)) return literal(doc.imageTag, `imageTag in ${shown}`);
  for (const key of ANSIBLE_KEYS[product]) {
    const found = literal(doc[key], `${key} in ${shown}`);
    if (found) return found;
  }
  return undefined;
}

/** `image:` tags of the compose services; the product's own image first, then the other product's. */
function composeVersion(fs: FileSystem, file: string, doc: Record<string, unknown>, product: Product, shown: string): StackVersion | undefined {
  const services = isRecord(doc.services) ? Object.values(doc.services).filter(isRecord) : [];
  const images = services.map((s) => s.image).filter((i): i is string => typeof i === 'string');
  const other: Product = product === 'kibana' ? 'elasticsearch' : 'kibana';
  for (const wanted of [product, other]) {
    for (const image of images) {
      const tag = IMAGES[wanted].exec(image.trim())?.[1];
      if (!tag) continue;
      const resolved = resolveVariable(fs, file, tag);
      const found = literal(resolved?.value, `image: ${image.trim()} in ${shown}${resolved?.from ? ` (${resolved.from})` : ''}`);
      if (found) return found;
      // A tag that names no version still dates an image Elastic published for one release line only.
      const line = flavourVersion(image);
      if (line) return { version: line, source: `image: ${image.trim()} in ${shown} (published for ${line} only)` };
    }
  }
  return undefined;
}

/** `${VAR}`, `${VAR:-default}` or `$VAR` from the `.env` file beside the compose file (as compose reads it). */
function resolveVariable(fs: FileSystem, composeFile: string, tag: string): { value: string; from?: string } | undefined {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}?$/.exec(tag);
  if (!m) return { value: tag };
  const env = readEnvFile(fs, path.join(path.dirname(composeFile), '.env'));
  const value = env.get(m[1]);
  if (value) return { value, from: `${m[1]} from .env` };
  return m[2] ? { value: m[2], from: `default of ${m[1]}` } : undefined;
}

/** The `.env` file as compose reads it (config/paths/composeMounts.ts parseDotEnv); empty when there is none. */
function readEnvFile(fs: FileSystem, file: string): Map<string, string> {
  const bytes = smallFile(fs, file);
  return bytes ? parseDotEnv(new TextDecoder().decode(bytes)) : new Map();
}

function literal(value: unknown, source: string): StackVersion | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && parseStackVersion(text) ? { version: text.trim(), source } : undefined;
}

function readYaml(fs: FileSystem, file: string): unknown {
  const bytes = smallFile(fs, file);
  if (!bytes) return undefined;
  // Templated values (Helm, Jinja) may not parse; such a file just names no version.
  // The failsafe schema keeps every scalar a string, so `imageTag: 7.10` stays `7.10` instead of the number 7.1.
  // Without pretty errors and stacks (config/quietYaml.ts): a long garbage line would cost seconds.
  return withoutStackTraces(() => parse(new TextDecoder().decode(bytes), { schema: 'failsafe', uniqueKeys: false, maxAliasCount: 20, logLevel: 'silent', prettyErrors: false }));
}

function smallFile(fs: FileSystem, file: string): Uint8Array | undefined {
  const stat = fs.stat(file);
  if (!stat?.isFile || stat.size > MAX_BYTES) return undefined;
  // The gate refuses what is not a regular file or is over the limit; such a file names no version.
  try {
    return readBounded(fs, file, 'settings');
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
