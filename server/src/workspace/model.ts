// The workspace model: every settings file under a folder read into components, kept per file so that a
// change to one file re-derives that file's part only; the cross-file checks then run over the parts (their
// chain verdicts are memoised by certificate, so a re-check redoes only what the edit touched).
import * as path from 'node:path';
import { embeddedModel, recognizeForms } from '../config/forms';
import { parseConfig } from '../config/parse';
import type { ConfigModel } from '../config/types';
import { namedLikeSettings, settingsProductOf } from '../config/product';
import type { Finding } from '../core/finding';
import { readBoundedText } from '../core/fileGate';
import type { CheckEnvironment } from '../rules/types';
import { readBeat } from './beat';
import { componentInputs, readComponent, sameReads, type ComponentPart } from './component';
import { applyEckSecrets, applyKibanaAssociation, composeEnvironment, composeLocate, composeServices, hostNames, kibanaAssociations, kubernetesObjects, sameNamespace, secretsOf, settingsLessResources, type SecretLookup } from './deployment';
import type { SecretObject } from '../config/forms/kubernetes';
import type { LineIndex } from '../core/lineIndex';
import { httpChecks } from './httpTrust';
import { keystoreChecks, keystoreOf } from './keystoreChecks';
import { roleMappingFiles } from './roleMapping';
import { toModelData } from './modelData';
import { transportChecks, type CrossResult, type FileFinding, type PlaceLabel } from './trust';
import type { StackModelData } from './types';

/** Folders never descended into; bounds on a scan so a huge tree cannot stall the server. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'target', '.vscode-test']);
const MAX_DEPTH = 8;
const MAX_FILES = 5000;

/** The settings files under `root` (by name) and the YAML files that may be deployment files, in a stable order. */
export function listSettingsFiles(env: CheckEnvironment, root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    const entries = env.fs.listDir?.(dir, MAX_FILES) ?? [];
    for (const e of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_FILES) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory) {
        if (depth < MAX_DEPTH && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full, depth + 1);
      } else if (namedLikeSettings(full) || /\.ya?ml$/i.test(e.name)) out.push(full);
    }
  };
  walk(root, 0);
  return out;
}

/** Reads a settings file's text from disk, or undefined when it is gone or refused. */
function readText(env: CheckEnvironment, file: string): string | undefined {
  return readBoundedText(env.fs, file, 'settings');
}

/**
 * The components one file describes: a deployment file (compose, ECK, Helm, ConfigMap) gives one per settings
 * document inside, named as its host names it, its paths resolved through the host (compose mounts, ECK
 * Secrets); a Beat's file gives its Elasticsearch output; else a settings file named for its product is one.
 */
function readParts(file: string, text: string, env: CheckEnvironment, parsed?: ConfigModel, secrets?: SecretLookup, lines?: LineIndex): ComponentPart[] {
  const product = settingsProductOf(file, env.fs, env.options.workspaceRoots, undefined, text);
  // The checker's model of the same text and product is what parseConfig would give (chunked parse or not).
  if (parsed && product && parsed.text === text && parsed.product === product) return [readComponent(parsed, file, 'plain', env, [], lines)];
  // A deployment file is known by its content, whatever its name (as estls check FILE reads it).
  const forms = recognizeForms(text, undefined, file);
  if (!forms) return product ? [readComponent(parseConfig(text, { product, filePath: file }), file, 'plain', env)] : [];
  if (forms.form === 'beats') return readBeat(text, file, env);
  const services = forms.documents.some((d) => d.form === 'compose') ? composeServices(file, text, env) : undefined;
  const objects = forms.form === 'eck' ? kubernetesObjects(forms, file, env, secrets) : undefined;
  const associations = objects ? kibanaAssociations(text) : [];
  const documents = objects ? [...forms.documents, ...settingsLessResources(forms, associations)] : forms.documents;
  return documents.map((doc) => {
    const service = doc.form === 'compose' && doc.host.name ? services?.get(doc.host.name) : undefined;
    const docEnv = doc.form === 'compose' ? composeEnvironment(env, file, service) : env;
    const part = readComponent(embeddedModel(text, doc), file, doc.form, docEnv, hostNames(doc, service));
    if (doc.form === 'compose' && service) part.locate = composeLocate(docEnv, doc.product);
    if (doc.form === 'eck' && objects) applyEckSecrets(part, doc, objects, env.clock);
    if (doc.form === 'eck' && doc.product === 'kibana') applyKibanaAssociation(part, doc, associations);
    return part;
  });
}

/** The model of one folder: parts by file, cross-file results computed on demand and kept until a change. */
export class WorkspaceModel {
  private readonly parts = new Map<string, ComponentPart[]>();
  /** The text each part was read from, so an unchanged text is not read again. */
  private readonly texts = new Map<string, string>();
  /**
   * For a file read as one plain component: what the component was read from (component.ts componentInputs,
   * given what reading the part read of its TLS contexts).
   */
  private readonly inputs = new Map<string, string>();
  /**
   * Files whose text changed since their part was read, but not in anything the part reads nor in the line and
   * column of any of it (typing in another setting): the line index of the current text. Offsets of the part
   * are moved to it by line and column when findings are handed out.
   */
  private readonly moved = new Map<string, LineIndex>();
  private cross: CrossResult | undefined;
  /** Files outside the parts that the cross-file checks read (role mapping files). */
  private crossInputs = new Set<string>();
  /** The Secrets of every YAML file that defines some, for ECK resources whose Secret is in another folder. */
  private readonly secretFiles = new Map<string, SecretObject[]>();
  private scanning = false;
  private readonly secretLookup: SecretLookup = (name, namespace) => {
    for (const [file, secrets] of this.secretFiles) {
      const hit = secrets.find((s) => s.name === name && sameNamespace(s.namespace, namespace));
      if (hit) return { ...hit, file };
    }
    return undefined;
  };

  /** `environment` is asked on each read, as the checker does. */
  constructor(readonly root: string, private readonly environment: () => CheckEnvironment) {}

  /** Reads every settings file under the root. */
  scan(): this {
    const env = this.environment();
    this.scanning = true;
    try {
      for (const file of listSettingsFiles(env, this.root)) this.update(file);
    } finally {
      this.scanning = false;
    }
    // An ECK manifest read before the file holding its Secret is read again now that every Secret is known.
    if (this.secretFiles.size > 0) this.rereadEck();
    return this;
  }

  /**
   * Re-derives one file's part from `text` (an open editor's), or from disk when absent; gone files drop out.
   * Returns false when the text is the one the part was read from (nothing changed).
   */
  update(file: string, text?: string, parsed?: ConfigModel, lines?: LineIndex): boolean {
    const env = this.environment();
    const body = text ?? readText(env, file);
    if (body !== undefined && this.texts.get(file) === body) return false;
    if (this.crossInputs.has(file)) this.cross = undefined;
    const secretsChanged = this.indexSecrets(file, body);
    // The checker's model and line index of this very text: what the part reads of it, computed once here and
    // kept for the part read from it below.
    const given = body !== undefined && parsed?.text === body && lines?.text === body ? { parsed, lines } : undefined;
    const plainFile = given && (this.inputs.has(file) || settingsProductOf(file, env.fs, env.options.workspaceRoots, undefined, body) === given.parsed.product);
    // What the part read of its contexts when it was read (a file with inputs has one plain part).
    const reads = this.inputs.has(file) ? this.parts.get(file)?.[0]?.reads : undefined;
    const inputs = plainFile ? componentInputs(given.parsed, given.lines, reads) : undefined;
    if (given && !secretsChanged && inputs === this.inputs.get(file)) {
      this.texts.set(file, body!);
      this.moved.set(file, given.lines);
      return false;
    }
    const had = this.parts.has(file);
    const parts = body === undefined ? [] : readParts(file, body, env, parsed, this.secretLookup, given?.lines);
    if (body === undefined) this.texts.delete(file);
    else this.texts.set(file, body);
    const reread = secretsChanged && !this.scanning && this.rereadEck(file);
    this.moved.delete(file);
    const plain = parts.length === 1 && parts[0].data.form === 'plain' && parts[0].model.text === body ? parts[0] : undefined;
    if (plain) this.inputs.set(file, inputs !== undefined && plain.model === given?.parsed && sameReads(reads, plain.reads) ? inputs : componentInputs(plain.model, plain.lines, plain.reads));
    else this.inputs.delete(file);
    if (parts.length === 0) {
      if (had) this.cross = undefined;
      return this.parts.delete(file) || reread;
    }
    this.cross = undefined;
    this.parts.set(file, parts);
    return true;
  }

  /** Records the Secrets a text defines; true when they differ from what the file held before. */
  private indexSecrets(file: string, body: string | undefined): boolean {
    const secrets = body === undefined ? [] : secretsOf(body);
    const before = this.secretFiles.get(file);
    if (secrets.length === 0) return this.secretFiles.delete(file);
    this.secretFiles.set(file, secrets);
    const key = (list: SecretObject[] | undefined) => JSON.stringify((list ?? []).map((s) => [s.name, s.namespace, [...s.entries].map(([k, e]) => [k, e.text])]));
    return key(before) !== key(secrets);
  }

  /** Reads every ECK manifest's parts again (but `except`), as a Secret they may use changed; true when any was. */
  private rereadEck(except?: string): boolean {
    let any = false;
    for (const [file, parts] of [...this.parts]) {
      if (file === except || !parts.some((p) => p.data.form === 'eck')) continue;
      const text = this.texts.get(file);
      this.texts.delete(file);
      this.update(file, text);
      any = true;
    }
    return any;
  }

  /** Forgets a file (deleted, or no longer under the root). */
  remove(file: string): void {
    if (this.crossInputs.has(file)) this.cross = undefined;
    this.texts.delete(file);
    this.inputs.delete(file);
    this.moved.delete(file);
    if (this.parts.delete(file)) this.cross = undefined;
    if (this.secretFiles.delete(file)) this.rereadEck();
  }

  /** Files on disk changed (certificates, keystores): every part is read again from the text it has. */
  refresh(): void {
    const texts = [...this.texts];
    this.texts.clear();
    for (const [file, text] of texts) this.update(file, text);
    this.cross = undefined;
  }

  /** An offset of a file's part, in the file's current text. */
  private movedOffset(file: string, offset: number): number {
    const to = this.moved.get(file);
    const part = this.parts.get(file)?.[0];
    return to && part ? to.offsetAt(part.lines.positionAt(offset)) : offset;
  }

  /** A cross-file finding of `file` with its ranges (and those of its related places) in current texts. */
  private movedFinding(file: string, finding: Finding): Finding {
    if (this.moved.size === 0) return finding;
    const move = (f: string, r: Finding['range']) => (this.moved.has(f) ? { start: this.movedOffset(f, r.start), end: this.movedOffset(f, r.end) } : r);
    const related = finding.related?.map((r) => ({ ...r, range: move(r.file ?? file, r.range) }));
    return { ...finding, range: move(file, finding.range), ...(related ? { related } : {}) };
  }

  /** True when the file is part of the model. */
  has(file: string): boolean {
    return this.parts.has(file);
  }

  /** Every component part. */
  allParts(): ComponentPart[] {
    return [...this.parts.values()].flat();
  }

  /**
   * The cross-file findings and edges, computed once per change. `withEdges` false leaves the edges out (the
   * findings are the same): a cluster of n nodes has n² transport edges, which only the map and views draw.
   */
  crossResult(withEdges = true): CrossResult {
    if (this.cross && (this.crossHasEdges || !withEdges)) return this.cross;
    const env = this.environment();
    const all = this.allParts();
    const nodes = all.filter((p) => p.data.kind === 'elasticsearch');
    const out: CrossResult = { findings: [], edges: [] };
    const now = env.clock.now();
    transportChecks(nodes, now, this.label, out, withEdges);
    httpChecks(all.filter((p) => p.data.kind === 'kibana' || p.data.kind === 'beat' || p.data.kind === 'agent'), nodes, now, this.label, out, env);
    // The role mapping files the checks read: a change to one re-runs them (they are no part of the model).
    this.crossInputs = new Set(nodes.flatMap(roleMappingFiles));
    keystoreChecks(nodes, env, out);
    this.cross = out;
    this.crossHasEdges = withEdges;
    return out;
  }

  /** Whether `cross` was computed with every edge. */
  private crossHasEdges = false;

  /** Cross-file findings grouped by the file they belong to (every modelled file has an entry, maybe empty). */
  findingsByFile(): Map<string, Finding[]> {
    const map = new Map<string, Finding[]>([...this.parts.keys()].map((f) => [f, []]));
    for (const { file, finding } of this.crossResult(false).findings as FileFinding[]) {
      const list = map.get(file);
      const moved = this.movedFinding(file, finding);
      if (list) list.push(moved);
      else map.set(file, [moved]);
    }
    return map;
  }

  /** The cross-file findings of one file, as `findingsByFile().get(file)` gives them (moving only that file's). */
  findingsOf(file: string): Finding[] {
    const out: Finding[] = [];
    for (const f of this.crossResult(false).findings as FileFinding[]) if (f.file === file) out.push(this.movedFinding(file, f.finding));
    return out;
  }

  /** The model as plain data for the map and the views. */
  data(): StackModelData {
    const env = this.environment();
    return toModelData([this.root], this.allParts(), this.crossResult().edges, env, (p) => keystoreOf(p, env));
  }

  /** `node-a/elasticsearch.yml:14`: the part's file relative to the root, and the 1-based line of `offset`. */
  readonly label: PlaceLabel = (part, offset) => `${path.relative(this.root, part.file).split(path.sep).join('/')}:${part.lines.positionAt(offset).line + 1}`;
}
