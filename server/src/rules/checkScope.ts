// What the rules of one check share: answers that cannot change within one check (the SSL contexts of the
// model, a stat of a path, a read of a certificate file) are computed once and dropped with the check.
// runRules makes one per check; a rule run on its own works the same without it. This is not a cache between
// checks: answers that outlive a check live in the document's AnswerMemo, which a scope may be given.
import type { ConfigModel } from '../config/types';
import type { CertificateFileRead, CertificateFiles } from '../pki/fileCache';
import type { ParsedCertificate } from '../pki/parsed';
import { verifyChain, type ChainResult } from '../pki/verifyChain';
import type { AnswerMemo } from '../core/answerMemo';
import type { Clock, FileStat, FileSystem } from '../core/environment';
import type { Setting } from '../config/types';
import type { QuietMemo } from './quietMemo';
import type { ContextMemo } from './contextMemo';
import type { Finding } from '../core/finding';
import { sslContexts, type SslContext } from './ssl/contexts';

/** Answers shared by the rules of one check. */
export class CheckScope {
  private contexts: { model: ConfigModel; value: SslContext[] } | undefined;
  private readonly chains: Array<{ leaf: ParsedCertificate; extra: ParsedCertificate[]; anchors: ParsedCertificate[]; result: ChainResult }> = [];
  private now: Date | undefined;
  private quietBits: { list: Setting[]; bits: Int32Array } | undefined;

  /**
   * With a memo, answers that depend only on their key also outlive the check; with a quiet memo (started
   * for this check's environment by the caller), so do the settings a rule had nothing to say about.
   */
  constructor(private readonly memo?: AnswerMemo, private readonly quietMemo?: QuietMemo, private readonly contextMemo?: ContextMemo) {
    memo?.startCheck();
  }

  /**
   * A rule's findings for one SSL context or setting (`name`), from the document's context memo when the settings
   * they were made from (`inputs`, settings of `model`) are unchanged in key and text (see rules/contextMemo.ts).
   */
  contextFindings(rule: string, name: string, inputs: readonly Setting[], model: ConfigModel, compute: () => Finding[]): Finding[] {
    return this.contextMemo ? this.contextMemo.findings(rule, name, inputs, model.text, compute) : compute();
  }

  /**
   * A rule's findings for one SSL context, from the document's context memo when what `compute` read last time
   * through the views of the model and the context it is handed reads the same now (see rules/contextMemo.ts).
   */
  trackedContextFindings(rule: string, name: string, model: ConfigModel, context: SslContext, compute: (model: ConfigModel, context: SslContext) => Finding[]): Finding[] {
    return this.contextMemo ? this.contextMemo.trackedFindings(rule, name, model, context, compute) : compute(model, context);
  }

  /**
   * Runs a per-setting rule's `check` on each setting, in order, except those an earlier check of this
   * document found it quiet on. `check` returns true when it had nothing to say and decided that from the
   * setting's key and value and the environment alone (then that is kept); false when it reported, or looked
   * at anything else (then it runs again next time).
   */
  eachPending(rule: string, settings: Iterable<Setting>, check: (setting: Setting) => boolean): void {
    const memo = this.quietMemo;
    if (!memo) {
      for (const setting of settings) check(setting);
      return;
    }
    const bit = memo.bitOf(rule);
    if (Array.isArray(settings)) {
      // Several rules walk the same list: each setting's quiet rules are read once a check, not once a rule.
      const bits = this.quietBitsOf(memo, settings as Setting[]);
      for (let i = 0; i < bits.length; i++) {
        if ((bits[i] & bit) === 0 && check(settings[i])) {
          memo.markQuiet(bit, settings[i]);
          bits[i] |= bit;
        }
      }
      return;
    }
    for (const setting of settings) if (!memo.isQuiet(bit, setting) && check(setting)) memo.markQuiet(bit, setting);
  }

  /** The quiet rules of each setting of `list`, read at the first walk of the list in this check. */
  private quietBitsOf(memo: QuietMemo, list: Setting[]): Int32Array {
    if (this.quietBits?.list !== list) this.quietBits = { list, bits: Int32Array.from(list, (s) => memo.quietBits(s)) };
    return this.quietBits.bits;
  }

  /** The answer for `key`, from the document's memo when there is one (the key must name all inputs). */
  remember<T>(key: string, compute: () => T): T {
    return this.memo ? this.memo.remember(key, compute) : compute();
  }

  /** The answer about two immutable objects, from the document's memo when there is one. */
  rememberPair<T>(kind: string, a: object, b: object, compute: () => T): T {
    return this.memo ? this.memo.rememberPair(kind, a, b, compute) : compute();
  }

  /**
   * The chain of `leaf` checked against `anchors`, once per check for the same certificates (several SSL
   * contexts often present the same files). Validity is judged at one instant for the whole check.
   */
  verifiedChain(leaf: ParsedCertificate, extra: readonly ParsedCertificate[], anchors: readonly ParsedCertificate[], clock: Clock): ChainResult {
    const hit = this.chains.find((c) => c.leaf === leaf && sameItems(c.extra, extra) && sameItems(c.anchors, anchors));
    if (hit) return hit.result;
    this.now ??= clock.now();
    const result = verifyChain(leaf, extra, anchors, this.now);
    this.chains.push({ leaf, extra: [...extra], anchors: [...anchors], result });
    return result;
  }

  /** The model's SSL contexts, grouped once per check (callers must not change them). */
  sslContexts(model: ConfigModel): SslContext[] {
    if (this.contexts?.model !== model) this.contexts = { model, value: sslContexts(model) };
    return this.contexts.value;
  }
}

/** A per-setting rule's checks through the scope's quiet memo when there is one (see CheckScope.eachPending). */
export function eachPending(ctx: { scope?: CheckScope }, rule: string, settings: Iterable<Setting>, check: (setting: Setting) => boolean): void {
  if (ctx.scope) ctx.scope.eachPending(rule, settings, check);
  else for (const setting of settings) check(setting);
}

/** The SSL contexts of the check's model, shared when the check has a scope. */
export function sslContextsOf(ctx: { model: ConfigModel; scope?: CheckScope }): SslContext[] {
  return ctx.scope ? ctx.scope.sslContexts(ctx.model) : sslContexts(ctx.model);
}

/** A file system whose stats are answered once per path for this check; errors are not kept. */
export function statOncePerCheck(fs: FileSystem): FileSystem {
  const stats = new Map<string, FileStat | undefined>();
  return {
    stat(path: string): FileStat | undefined {
      if (stats.has(path)) return stats.get(path);
      const stat = fs.stat(path);
      stats.set(path, stat);
      return stat;
    },
    readFile: (path, kind) => fs.readFile(path, kind),
    listDir: fs.listDir ? (path, max) => fs.listDir?.(path, max) : undefined,
  };
}

/** Certificate files read once per path and password for this check (several contexts name the same files). */
export function readOncePerCheck(files: CertificateFiles): CertificateFiles {
  const reads = new Map<string, Map<string | undefined, CertificateFileRead>>();
  return {
    read(path: string, password?: string): CertificateFileRead {
      let byPassword = reads.get(path);
      if (!byPassword) reads.set(path, (byPassword = new Map()));
      let read = byPassword.get(password);
      if (!read) byPassword.set(password, (read = files.read(path, password)));
      return read;
    },
    listDir: files.listDir ? (path, max) => files.listDir?.(path, max) : undefined,
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
