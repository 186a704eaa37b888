// A server context for unit tests of lsp/: no files, a fixed clock, fresh caches. Extra fields (a connection,
// open documents, a log) are merged over it by the tests that need them.
import type { ServerContext } from '../../../server/src/lsp/context';
import { DocumentCache } from '../../../server/src/lsp/documentCache';
import { PasswordStore } from '../../../server/src/lsp/passwords';
import { defaultSettings } from '../../../server/src/lsp/settings';
import { CertificateFileCache } from '../../../server/src/pki/fileCache';
import type { FileSystem } from '../../../server/src/core/environment';

export const emptyFs: FileSystem = { stat: () => undefined, readFile: () => undefined };
export const fixedClock = { now: () => new Date('2026-01-01T00:00:00Z') };

export function testContext(overrides: Record<string, unknown> = {}): ServerContext {
  return {
    settings: { ...defaultSettings },
    workspaceRoots: [],
    passwords: new PasswordStore(),
    fs: emptyFs,
    clock: fixedClock,
    certificates: new CertificateFileCache(emptyFs, fixedClock),
    models: new DocumentCache(),
    analyses: new DocumentCache(),
    lineIndexes: new DocumentCache(),
    pemLenses: new DocumentCache(),
    environmentChanged: () => undefined,
    ...overrides,
  } as unknown as ServerContext;
}
