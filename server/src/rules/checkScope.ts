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
import { sslContexts, type SslContext } from './ssl/contexts';

/** Answers shared by the rules of one check. */
export class CheckScope {
  private contexts: { model: ConfigModel; value: SslContext[] } | undefined;
  private readonly chains: Array<{ leaf: ParsedCertificate; extra: ParsedCertificate[]; anchors: ParsedCertificate[]; result: ChainResult }> = [];
  private now: Date | undefined;

  /** With a memo, answers that depend only on their key also outlive the check. */
  constructor(private readonly memo?: AnswerMemo) {
    memo?.startCheck();
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
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
