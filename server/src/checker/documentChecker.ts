// The one checker: the CLI and the language server both check a settings file through here. It owns the
// parse (with its chunk cache), the rule run and every memo kept between checks, in two layers:
//   1. per document version (and environment): the checked document, its line index and other values derived
//      from its text, because diagnostics, hover, completion and code lens ask about one version many times;
//   2. per input, across versions: parse pieces by text, catalog and rule answers by key (certificate files
//      by path and stat live in the CertificateFiles the environment brings), because an edit should redo
//      only what it touched.
import { catalogFor, type Product } from '../catalog';
import { AnswerMemo } from '../core/answerMemo';
import { LineIndex } from '../core/lineIndex';
import { ChunkCache } from '../config/chunkCache';
import { parseConfig } from '../config/parse';
import type { ConfigModel } from '../config/types';
import { runRules } from '../rules';
import { CheckScope } from '../rules/checkScope';
import { QuietMemo } from '../rules/quietMemo';
import { ContextMemo } from '../rules/contextMemo';
import type { CheckEnvironment, CheckInput, CheckResult } from '../rules/types';
import { CURRENT_STACK_VERSION, type StackVersion } from '../catalog/version';
import { FormSniff, recognizeForms } from '../config/forms';
import type { EmbeddedCheck } from '../rules/forms';
import { checkForms, type FormsCheck } from '../rules/forms';
import type { FormKind, FormsResult } from '../config/forms';
import { addSiblingObjects } from '../config/forms/siblingObjects';
import { insideRoots } from '../rules/paths';
import { inferStackVersion } from '../workspace/stackVersion';
import { CatalogMemo } from './catalogMemo';
import { DocumentCache } from './documentCache';

/** One version of an open document, as the checker needs it. */
export interface DocumentVersion {
  /** Identifies the document across versions (a uri, or the CLI's path). */
  uri: string;
  version: number;
  text: string;
}

/** A settings file checked at one version: what diagnostics, hover, completion and the CLI read. */
export interface CheckedDocument {
  product: Product;
  /** Absolute path, when the document is a file on disk. */
  filePath?: string;
  version: number;
  /** The stack version the check followed, and where it came from (hovers show it). */
  stackVersion: StackVersion;
  result: CheckResult;
  lines: LineIndex;
  /**
   * For a deployment file (ECK, Helm values, compose, ConfigMap): each settings document inside it, in the
   * file's offsets. `result.findings` then holds every finding of the file and `result.model` the first
   * document's model.
   */
  parts?: EmbeddedCheck[];
  /** For a deployment file, its form (`beats` files have no embedded document: hover and completion read the text). */
  form?: FormKind;
}

/** What one document keeps across its versions (layer 2), and its latest parse. */
class DocumentMemo {
  chunks = new ChunkCache();
  catalog = new CatalogMemo();
  rules = new AnswerMemo();
  quiet = new QuietMemo();
  contexts = new ContextMemo();
  /** The content sniff of the last version, so that a new one tests only what the edit changed. */
  sniff = new FormSniff();
  /** A deployment file's embedded settings documents, parsed, by text. */
  embedded = new AnswerMemo<ConfigModel>();
  /** The parse of the latest version, reused when only the environment changed. */
  parsed: { version: number; product: Product; filePath?: string; model: ConfigModel } | undefined;

  /** Keys and pieces mean other things to another product (a settings change remapped the file): start over. */
  forProduct(product: Product): this {
    if (this.parsed && this.parsed.product !== product) {
      [this.chunks, this.catalog, this.rules, this.quiet, this.contexts, this.parsed] = [new ChunkCache(), new CatalogMemo(), new AnswerMemo(), new QuietMemo(), new ContextMemo(), undefined];
    }
    return this;
  }
}

/**
 * Checks settings files and keeps what a next check can reuse. One instance per server (or CLI run); the
 * environment is read on every check, and `environmentChanged` drops the answers that depend on it.
 */
export class DocumentChecker {
  /** Layer 1: values computed from one version's text and the environment, by name; layer 2 as its state. */
  private readonly versions = new DocumentCache<Map<string, unknown>>();

  /** `environment` is asked on each check: settings and trust may change between checks. */
  constructor(private readonly environment: () => CheckEnvironment) {}

  /** The check of `doc` as `product`, computed at most once per version and environment. */
  check(doc: DocumentVersion, product: Product, filePath?: string): CheckedDocument {
    return this.derive(doc, `check\n${product}\n${filePath ?? ''}`, () => this.run(doc, product, filePath));
  }

  /**
   * The check of `doc` when `productOf` names a product for it, or undefined; the answer is kept per version,
   * so a file no product claims costs one lookup a version.
   */
  checkIfSettings(doc: DocumentVersion, productOf: () => { product?: Product; filePath?: string }): CheckedDocument | undefined {
    return this.derive(doc, 'settings', () => {
      const { product, filePath } = productOf();
      return product ? this.check(doc, product, filePath) : undefined;
    });
  }

  /**
   * The check of `doc` when its content is a deployment form (ECK, Helm values, compose, ConfigMap, Beats),
   * or undefined; YAML of any other kind costs one cheap content sniff a version.
   */
  checkDeployment(doc: DocumentVersion, fileName: string, filePath?: string): CheckedDocument | undefined {
    return this.derive(doc, 'deployment', () => {
      const memo = this.versions.stateOf(doc.uri, () => new DocumentMemo());
      const forms = recognizeForms(doc.text, undefined, fileName, memo.sniff);
      if (!forms) return undefined;
      const check = checkDeployment(doc.text, forms, this.environment(), filePath, memo.embedded);
      const first = check.parts[0];
      const product = first?.document.product ?? 'elasticsearch';
      const model: ConfigModel = first?.model ?? { product, text: doc.text, settings: [], byKey: new Map(), findings: [] };
      const stackVersion = first?.stackVersion ?? CURRENT_STACK_VERSION;
      return { product, filePath, version: doc.version, stackVersion, result: { model, findings: check.findings }, lines: this.lines(doc), parts: check.parts, form: forms.form };
    });
  }

  /** The line index of a version, shared with its check. */
  lines(doc: DocumentVersion): LineIndex {
    return this.derive(doc, 'lines', () => new LineIndex(doc.text));
  }

  /** A value computed from one version's text (and the environment), made once and kept with the version. */
  derive<T>(doc: DocumentVersion, name: string, compute: () => T): T {
    const values = this.versions.get(doc.uri, doc.version, () => new Map());
    if (!values.has(name)) values.set(name, compute());
    return values.get(name) as T;
  }

  /** Something outside the documents changed (a file on disk, a password, a setting): re-check on next ask. */
  environmentChanged(): void {
    this.versions.invalidateAll();
  }

  /** Forgets everything kept for a closed document. */
  close(uri: string): void {
    this.versions.delete(uri);
  }

  private run(doc: DocumentVersion, product: Product, filePath: string | undefined): CheckedDocument {
    const memo = this.versions.stateOf(doc.uri, () => new DocumentMemo()).forProduct(product);
    const last = memo.parsed;
    const same = last && last.version === doc.version && last.product === product && last.filePath === filePath;
    const model = same ? last.model : parseConfig(doc.text, { product, filePath }, memo.chunks);
    memo.parsed = { version: doc.version, product, filePath, model };
    const env = withStackVersion(this.environment(), product, filePath);
    const result = checkModel(model, env, memo);
    return { product, filePath, version: doc.version, stackVersion: env.options.stackVersion!, result, lines: this.lines(doc) };
  }
}

/** Runs every rule on a parsed model; with a memo, answers the previous check computed are reused. */
function checkModel(model: ConfigModel, env: CheckEnvironment, memo?: DocumentMemo): CheckResult {
  const catalog = catalogFor(model.product);
  if (!memo) return { model, findings: runRules({ ...env, model, catalog }) };
  // The per-setting rules' verdicts hold for one environment: the product, the file's place, the options.
  const environment = JSON.stringify([model.product, model.filePath, env.options]);
  memo.quiet.startCheck(environment);
  // Answers that read files also hold for one state of the disk.
  memo.contexts.startCheck(env.filesVersion === undefined ? undefined : `${env.filesVersion}\n${environment}`);
  const scope = new CheckScope(memo.rules, memo.quiet, memo.contexts);
  return { model, findings: runRules({ ...env, model, catalog: memo.catalog.view(catalog), scope }) };
}

/**
 * Checks one settings file once: parses it, runs every rule, and returns the model with all findings (parse
 * findings included) sorted by offset. A rule that throws contributes no findings instead of failing the check.
 * The CLI and tests use this; an open document goes through a DocumentChecker, which gives the same findings.
 */
export function checkText(input: CheckInput, env: CheckEnvironment): CheckResult {
  const model = parseConfig(input.text, { product: input.product, filePath: input.filePath });
  return checkModel(model, withStackVersion(env, input.product, input.filePath));
}

/**
 * The environment with the stack version this file is checked against: the one the user configured (the
 * environment already carries it), else one found in the deployment files around the file, else the current 9.x.
 */
export function withStackVersion(env: CheckEnvironment, product: Product, filePath: string | undefined): CheckEnvironment {
  const configured = env.options.stackVersion;
  if (configured && !configured.assumed) return env;
  const stackVersion = inferStackVersion({
    filePath, product, fs: env.fs, workspaceRoots: env.options.workspaceRoots, readOutsideWorkspace: env.options.readOutsideWorkspace,
  });
  return { ...env, options: { ...env.options, stackVersion } };
}

/**
 * Checks a recognised deployment file (ECK manifest, Helm values, compose file, ConfigMap, Beats file). A
 * version the user configured wins; otherwise each embedded document follows the version its host states
 * (ECK `spec.version`, an image tag, Helm `imageTag`), else the one found beside the file, else the current 9.x.
 */
export function checkDeployment(text: string, forms: FormsResult, env: CheckEnvironment, filePath: string | undefined, parses?: AnswerMemo<ConfigModel>): FormsCheck {
  const product = forms.documents[0]?.product ?? 'elasticsearch';
  if (filePath && mayRead(env, filePath)) addSiblingObjects(forms.kubernetes, filePath, env.fs);
  return checkForms(text, forms, withStackVersion(env, product, filePath), { filePath, parses });
}

/** Files beside a deployment file are read only where the environment lets the rules read. */
function mayRead(env: CheckEnvironment, filePath: string): boolean {
  return env.options.readOutsideWorkspace || insideRoots(filePath, env.options.workspaceRoots);
}
