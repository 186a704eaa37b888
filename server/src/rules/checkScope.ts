// What the rules of one check share: answers that cannot change within one check (the SSL contexts of the
// model, a stat of a path, a read of a certificate file) are computed once and dropped with the check.
// runRules makes one per check; a rule run on its own works the same without it.
import type { ConfigModel } from '../config/types';
import type { CertificateFileRead, CertificateFiles } from '../pki/fileCache';
import type { FileStat, FileSystem } from './environment';
import { sslContexts, type SslContext } from './sslContexts';
import type { RuleContext } from './types';

/** Answers shared by the rules of one check. */
export class CheckScope {
  private contexts: { model: ConfigModel; value: SslContext[] } | undefined;

  /** The model's SSL contexts, grouped once per check (callers must not change them). */
  sslContexts(model: ConfigModel): SslContext[] {
    if (this.contexts?.model !== model) this.contexts = { model, value: sslContexts(model) };
    return this.contexts.value;
  }
}

/** The SSL contexts of the check's model, shared when the check has a scope. */
export function sslContextsOf(ctx: RuleContext): SslContext[] {
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
    readFile: (path: string) => fs.readFile(path),
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
