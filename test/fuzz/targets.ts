// Every in-process fuzz target: what it calls, which errors count as a proper answer, and its time bound.
// Modules load lazily, so a target whose module has not landed is reported as missing, not as a crash.
import 'reflect-metadata';
import type { FuzzInput } from './lib/input';
import { MAX_READ_MS } from '../../server/src/pki/limits';

/** One target run on one input: returns on success or a typed error, throws on a crash. */
export type Runner = (input: FuzzInput) => void | Promise<void>;

export interface TargetSpec {
  name: string;
  /** Milliseconds one input may take before the run counts it as a hang. */
  timeoutMs: number;
  load(): Promise<Runner>;
}

/** A broken invariant (a range outside the text, say) is a crash just like an exception. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

const dec = new TextDecoder();

/** Loads an engine module when the target is first used, so a missing module only disables its target. */
function need<T>(modulePath: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(modulePath) as T;
}
const CLOCK = { now: () => new Date('2026-06-01T00:00:00Z') };
const CONFIG_DIR = '/fuzz/config';

function check(ok: boolean, what: string): void {
  if (!ok) throw new InvariantError(what);
}

async function pkiTyped(): Promise<(e: unknown) => boolean> {
  const { PkiError } = need<typeof import('../../server/src/pki/errors')>('../../server/src/pki/errors');
  return (e) => e instanceof PkiError;
}

/** Calls `run`; a typed error is a proper answer, anything else propagates as a crash. */
function typedOnly(isTyped: (e: unknown) => boolean, run: Runner): Runner {
  return async (input) => {
    try {
      await run(input);
    } catch (e) {
      if (!isTyped(e)) throw e;
    }
  };
}

function offsetsIn(input: FuzzInput, length: number): number[] {
  return (input.opts.offsets ?? [0]).map((o) => (length === 0 ? 0 : o % (length + 1)));
}

function checkRanges(findings: ReadonlyArray<{ ruleId: string; range: { start: number; end: number } }>, length: number): void {
  for (const f of findings) {
    check(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= length, `finding ${f.ruleId} has range ${f.range.start}-${f.range.end} outside 0-${length}`);
  }
}

/** An in-memory file system that serves the input's files for every certificate-like path under the config dir. */
function memoryFs(files: readonly Uint8Array[]) {
  const pick = (p: string) => {
    if (files.length === 0 || !p.startsWith('/fuzz') || p.endsWith('/missing.crt')) return undefined;
    let h = 0;
    for (const ch of p) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return files[h % files.length];
  };
  return {
    stat: (p: string) => {
      if (p === CONFIG_DIR || p === '/fuzz') return { size: 0, mtimeMs: 0, isFile: false, isDirectory: true };
      const f = pick(p);
      return f ? { size: f.length, mtimeMs: 0, isFile: true, isDirectory: false } : undefined;
    },
    readFile: (p: string) => pick(p),
  };
}

const yamlTarget: TargetSpec = {
  name: 'yaml',
  timeoutMs: 2000,
  async load() {
    const { parseConfig, settingAt, keyPathAt } = need<typeof import('../../server/src/config')>('../../server/src/config');
    return (input) => {
      const text = dec.decode(input.bytes);
      const model = parseConfig(text, { product: input.opts.product ?? 'elasticsearch', filePath: `${CONFIG_DIR}/elasticsearch.yml` });
      checkRanges(model.findings, text.length);
      for (const s of model.settings) check(s.keyRange.end <= text.length && s.pairRange.end <= text.length, `setting ${s.key} range past the text`);
      for (const o of offsetsIn(input, text.length)) {
        settingAt(model, o);
        keyPathAt(text, o);
      }
    };
  },
};

const rulesTarget: TargetSpec = {
  name: 'rules',
  // The rules read the certificate files a settings file names; each read may take MAX_READ_MS.
  timeoutMs: 6000,
  async load() {
    const { allRules } = need<typeof import('../../server/src/rules')>('../../server/src/rules');
    const { checkText } = need<typeof import('../../server/src/checker/documentChecker')>('../../server/src/checker/documentChecker');
    const { catalogFor } = need<typeof import('../../server/src/catalog')>('../../server/src/catalog');
    const { defaultCheckOptions } = need<typeof import('../../server/src/rules/types')>('../../server/src/rules/types');
    const { applyEdits } = need<typeof import('../unit/helpers/edits')>('../unit/helpers/edits');
    const { parseConfig } = need<typeof import('../../server/src/config')>('../../server/src/config');
    return (input) => {
      const text = dec.decode(input.bytes);
      const product = input.opts.product ?? 'elasticsearch';
      const filePath = `${CONFIG_DIR}/${product}.yml`;
      const password = input.opts.password;
      const env = {
        fs: memoryFs(input.opts.files ?? []), clock: CLOCK, passwords: { get: () => password },
        options: { ...defaultCheckOptions, workspaceRoots: ['/fuzz'] },
      };
      // checkText keeps going when a rule throws, so each rule is called bare here, where a throw is a crash.
      const started = performance.now();
      const model = parseConfig(text, { product, filePath });
      const ctx = { ...env, model, catalog: catalogFor(product) };
      const findings = [...model.findings, ...allRules.flatMap((rule) => rule(ctx))];
      checkRanges(findings, text.length);
      for (const f of findings) {
        for (const fix of f.fixes ?? []) parseConfig(applyEdits(text, fix.edits), { product, filePath });
      }
      // The entry point itself, when that does not double a slow input's cost.
      if (performance.now() - started < 200) checkRanges(checkText({ text, product, filePath }, env).findings, text.length);
    };
  },
};

const featuresTarget: TargetSpec = {
  name: 'features',
  timeoutMs: 2000,
  async load() {
    const { parseConfig } = need<typeof import('../../server/src/config')>('../../server/src/config');
    const { catalogFor } = need<typeof import('../../server/src/catalog')>('../../server/src/catalog');
    const { hoverAt } = need<typeof import('../../server/src/features/hover')>('../../server/src/features/hover');
    const { completeAt } = need<typeof import('../../server/src/features/completion')>('../../server/src/features/completion');
    const { planCodeActions, payloadOf } = need<typeof import('../../server/src/features/codeActions')>('../../server/src/features/codeActions');
    const { applyEdits } = need<typeof import('../unit/helpers/edits')>('../unit/helpers/edits');
    return (input) => {
      const text = dec.decode(input.bytes);
      const product = input.opts.product ?? 'elasticsearch';
      const catalog = catalogFor(product);
      const model = parseConfig(text, { product, filePath: `${CONFIG_DIR}/${product}.yml` });
      for (const o of offsetsIn(input, text.length)) {
        const hover = hoverAt(model, catalog, o, { configDir: CONFIG_DIR, describeFile: (p) => `file ${p}` });
        if (hover) check(hover.range.end <= text.length, 'hover range past the text');
        completeAt(text, o, catalog, { baseDirs: [CONFIG_DIR], listDir: () => [{ name: 'a.p12', isDirectory: false }] });
      }
      for (const f of model.findings) {
        for (const plan of planCodeActions(payloadOf(f, 1), text.length)) if (plan.edits) applyEdits(text, plan.edits);
      }
    };
  },
};

function inspectTarget(name: string, timeoutMs: number): TargetSpec {
  return {
    name,
    timeoutMs,
    async load() {
      const { inspectFile } = need<typeof import('../../server/src/pki/inspect')>('../../server/src/pki/inspect');
      return typedOnly(await pkiTyped(), (input) => {
        inspectFile(input.bytes, { fileName: input.opts.fileName, password: input.opts.password, clock: CLOCK });
      });
    },
  };
}

const verifyTarget: TargetSpec = {
  name: 'verify',
  timeoutMs: 6000,
  async load() {
    const { readPkiFile } = need<typeof import('../../server/src/pki/inspect')>('../../server/src/pki/inspect');
    const v = need<typeof import('../../server/src/pki/verify')>('../../server/src/pki/verify');
    const lint = need<typeof import('../../server/src/pki/lint')>('../../server/src/pki/lint');
    return typedOnly(await pkiTyped(), (input) => {
      const file = readPkiFile(input.bytes, { fileName: input.opts.fileName, password: input.opts.password, clock: CLOCK });
      const certs = [...file.certificates, ...file.entries.flatMap((e) => e.chain)];
      const now = CLOCK.now();
      for (const [i, leaf] of certs.entries()) {
        v.verifyChain(leaf, certs.slice(i + 1), certs.slice(0, 1), now);
        for (const host of input.opts.hosts ?? []) v.certificateCoversHost(leaf.summary, host);
        v.missingExtendedKeyUsages(leaf.summary, ['serverAuth', 'clientAuth']);
        v.transportEkuProblem(leaf.summary);
        v.caLint(leaf.summary);
        // The config-only lints (inspectFile runs the others).
        lint.caAsNodeLint(leaf.summary);
        lint.keyUsageLint(leaf.summary, { jssePeers: true });
        lint.chainIncompleteLint(leaf, certs.slice(i + 1), certs.slice(0, 1));
        for (const k of [...file.keys, ...file.entries.flatMap((e) => (e.key ? [e.key] : []))]) v.keyMatchesCertificate(k.key, leaf);
      }
      for (const host of input.opts.hosts ?? []) v.canonicalIp(host);
    });
  },
};

const instancesTarget: TargetSpec = {
  name: 'instances',
  timeoutMs: 2000,
  async load() {
    const { parseInstances } = need<typeof import('../../server/src/pki/generate/instances')>('../../server/src/pki/generate/instances');
    return typedOnly(await pkiTyped(), (input) => void parseInstances(dec.decode(input.bytes)));
  },
};

const dnTarget: TargetSpec = {
  name: 'dn',
  timeoutMs: 2000,
  async load() {
    const { parseDn } = need<typeof import('../../server/src/pki/generate/dn')>('../../server/src/pki/generate/dn');
    const isPki = await pkiTyped();
    // parseDn documents a plain Error for a malformed DN (makeCa turns it into INVALID_INPUT); TypeError,
    // RangeError and the like are still crashes.
    const isTyped = (e: unknown) => isPki(e) || (e instanceof Error && e.constructor === Error);
    return typedOnly(isTyped, (input) => void parseDn(dec.decode(input.bytes)));
  },
};

const generateTarget: TargetSpec = {
  name: 'generate',
  // Key generation and, with a CA keystore, its read (MAX_READ_MS) both count.
  timeoutMs: 8000,
  async load() {
    const { generate } = need<typeof import('../../server/src/pki/generate')>('../../server/src/pki/generate');
    return typedOnly(await pkiTyped(), async (input) => {
      // The request arrives as JSON, as estls/generate receives it; fields may have any type.
      let spec: Parameters<typeof generate>[0];
      try {
        spec = JSON.parse(dec.decode(input.bytes));
      } catch {
        return;
      }
      await generate(spec, { fs: memoryFs(input.opts.files ?? []), clock: CLOCK, baseDir: CONFIG_DIR });
    });
  },
};

const formsTarget: TargetSpec = {
  name: 'forms',
  // Every settings document of a host is checked like a settings file.
  timeoutMs: 6000,
  async load() {
    const { recognizeForms, embeddedModel } = need<typeof import('../../server/src/config/forms')>('../../server/src/config/forms');
    const { checkForms } = need<typeof import('../../server/src/rules/forms')>('../../server/src/rules/forms');
    const { defaultCheckOptions } = need<typeof import('../../server/src/rules/types')>('../../server/src/rules/types');
    const { applyEdits } = need<typeof import('../unit/helpers/edits')>('../unit/helpers/edits');
    const { eckResourcesIn } = need<typeof import('../../server/src/workspace/eckResources')>('../../server/src/workspace/eckResources');
    return (input) => {
      const text = dec.decode(input.bytes);
      // The ECK resources the Generate commands offer a Secret for, read from any host text.
      const lines = text.split('\n').length;
      for (const r of eckResourcesIn(text, '/fuzz/eck.yaml')) check(r.name !== '' && r.line >= 0 && r.line < lines, `ECK resource ${r.name} at line ${r.line} of ${lines}`);
      const forms = recognizeForms(text) ?? recognizeForms(text, (['eck', 'helm', 'compose', 'configmap'] as const)[input.bytes.length % 4]);
      if (!forms) return;
      for (const doc of forms.documents) {
        if (doc.source === 'text') check(doc.start >= 0 && doc.start <= doc.end && doc.end <= text.length, `document ${doc.start}-${doc.end} outside the text`);
        for (const s of embeddedModel(text, doc).settings) check(s.keyRange.end <= text.length && s.pairRange.end <= text.length, `setting ${s.key} range past the text`);
      }
      const env = { fs: memoryFs(input.opts.files ?? []), clock: CLOCK, passwords: { get: () => undefined }, options: { ...defaultCheckOptions, workspaceRoots: ['/fuzz'] } };
      // As a file of the workspace, so compose mounts, Secret mounts and Beats files are located and read.
      const { findings } = checkForms(text, forms, env, { filePath: '/fuzz/host.yml' });
      checkRanges(findings, text.length);
      for (const f of findings.slice(0, 20)) for (const fix of f.fixes ?? []) recognizeForms(applyEdits(text, fix.edits));
    };
  },
};

const READ_KINDS = ['settings', 'instances', 'pki'] as const;

/** A scratch folder per worker: the file the gate reads, a link to it, and a link out of the "workspace". */
function gateScratch() {
  const fs = need<typeof import('node:fs')>('node:fs');
  const os = need<typeof import('node:os')>('node:os');
  const path = need<typeof import('node:path')>('node:path');
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'estls-fuzz-gate-'));
  process.on('exit', () => fs.rmSync(base, { recursive: true, force: true }));
  const workspace = path.join(base, 'ws');
  fs.mkdirSync(workspace);
  const file = path.join(workspace, 'input.bin');
  fs.writeFileSync(path.join(base, 'outside.bin'), 'outside');
  fs.symlinkSync(file, path.join(workspace, 'link.bin'));
  fs.symlinkSync(path.join(base, 'outside.bin'), path.join(workspace, 'out.bin'));
  return { fs, path, workspace, file };
}

const gateTarget: TargetSpec = {
  name: 'gate',
  timeoutMs: 2000,
  async load() {
    const gate = need<typeof import('../../server/src/core/fileGate')>('../../server/src/core/fileGate');
    const { createNodeFileSystem, nodeFileSystem } = need<typeof import('../../server/src/core/nodeFileSystem')>('../../server/src/core/nodeFileSystem');
    const scratch = gateScratch();
    const confined = createNodeFileSystem(new gate.Confinement(() => [scratch.workspace]));
    return (input) => {
      const kind = READ_KINDS.find((k) => k === input.opts.fileName) ?? 'pki';
      scratch.fs.writeFileSync(scratch.file, input.bytes);
      for (const [fs, at] of [[nodeFileSystem, scratch.file], [confined, scratch.path.join(scratch.workspace, 'link.bin')]] as const) {
        try {
          const read = gate.readBounded(fs, at, kind);
          check(input.bytes.length <= gate.READ_LIMITS[kind], `read ${input.bytes.length} bytes past the ${kind} limit`);
          check(read !== undefined && Buffer.from(read).equals(Buffer.from(input.bytes)), 'the gate changed the bytes');
        } catch (e) {
          if (!gate.isFileGateError(e) || e.code !== 'TOO_LARGE' || input.bytes.length <= gate.READ_LIMITS[kind]) throw e;
        }
      }
      try {
        confined.readFile(scratch.path.join(scratch.workspace, 'out.bin'), kind);
        check(false, 'a link out of the workspace was read');
      } catch (e) {
        if (!gate.isFileGateError(e) || e.code !== 'OUTSIDE_WORKSPACE') throw e;
      }
    };
  },
};

const safeTextTarget: TargetSpec = {
  name: 'safeText',
  timeoutMs: 2000,
  async load() {
    const t = need<typeof import('../../server/src/core/safeText')>('../../server/src/core/safeText');
    // eslint-disable-next-line no-control-regex -- raw control characters are what must not come out
    const raw = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    return (input) => {
      const text = dec.decode(input.bytes);
      check(!raw.test(t.escapeControl(text)), 'escapeControl left a control character');
      const lines = t.escapeControlInLines(text);
      check(!raw.test(lines.replace(/[\t\n]/g, '')), 'escapeControlInLines left a control character');
      const masked = t.maskUrlCredentials(text);
      check(t.maskUrlCredentials(masked) === masked, 'masking twice changed the text');
      check(t.safeMessage(t.safeMessage(text)) === t.safeMessage(text), 'safeMessage twice changed the text');
      // Whatever still looks like scheme://user:password@ in the output has the password masked.
      for (const m of masked.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"'`<>]*:([^\s/?#@"'`<>]+)@/gi)) {
        check(m[1] === '***', 'a URL password survived the mask');
      }
    };
  },
};

/** The in-process targets, in the order a run visits them. A reader's bound is its own documented one, MAX_READ_MS. */
export const TARGETS: readonly TargetSpec[] = [
  yamlTarget, rulesTarget, featuresTarget, formsTarget,
  inspectTarget('pem', MAX_READ_MS), inspectTarget('der', MAX_READ_MS), inspectTarget('pkcs12', MAX_READ_MS),
  inspectTarget('jks', MAX_READ_MS), inspectTarget('elasticsearch-keystore', MAX_READ_MS),
  verifyTarget, instancesTarget, dnTarget, generateTarget, gateTarget, safeTextTarget,
];
