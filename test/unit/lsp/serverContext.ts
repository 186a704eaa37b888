// A server context for unit tests of lsp/: no files, a fixed clock, fresh caches. Extra fields (a connection,
// open documents, a log) are merged over it by the tests that need them.
import type { ServerContext } from '../../../server/src/lsp/context';
import { DocumentChecker } from '../../../server/src/checker/documentChecker';
import { checkEnvironment } from '../../../server/src/lsp/analysis';
import { FileSnapshot } from '../../../server/src/lsp/fileSnapshot';
import { PasswordStore } from '../../../server/src/lsp/passwords';
import { StackModels } from '../../../server/src/lsp/stackModels';
import { defaultSettings } from '../../../server/src/lsp/settings';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import type { FileSystem } from '../../../server/src/core/environment';

export const emptyFs: FileSystem = { stat: () => undefined, readFile: () => undefined };
export const fixedClock = { now: () => new Date('2026-01-01T00:00:00Z') };

export function testContext(overrides: Record<string, unknown> = {}): ServerContext {
  const ctx = {
    settings: { ...defaultSettings },
    workspaceRoots: [],
    passwords: new PasswordStore(),
    fs: emptyFs,
    clock: fixedClock,
    certificates: new CertificateFileCache(emptyFs, fixedClock),
    environmentChanged: () => undefined,
    ...overrides,
  } as unknown as ServerContext;
  ctx.checkFs ??= new FileSnapshot(ctx.fs);
  ctx.checker ??= new DocumentChecker(() => checkEnvironment(ctx));
  // The real folder models: with no workspace folder they hold nothing, as a server opened on loose files.
  ctx.stack ??= new StackModels(() => ctx.workspaceRoots, () => checkEnvironment(ctx));
  return ctx;
}
