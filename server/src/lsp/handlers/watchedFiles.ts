// workspace/didChangeWatchedFiles: a certificate, keystore or yml changed on disk, so every open settings file
// is checked again. Watching is registered dynamically when the client allows it.
import { DidChangeWatchedFilesNotification, WatchKind, type ClientCapabilities } from 'vscode-languageserver';
import { uriToPath } from '../analysis';
import type { ServerContext } from '../context';
import { runSafeVoid } from '../runSafe';

/** Files whose contents can change a diagnostic. */
// The formats read since issue 14 (bundles, Java keystores, CRLs, which certificate-revoked reads), then the
// files that decide where paths live.
export const WATCHED_GLOBS = [
  '**/*.{p12,pfx,jks,pem,crt,cer,key,der}',
  '**/*.{p7b,p7c,jceks,crl}',
  '**/*.yml',
  '**/*.yaml',
  // Their presence makes a folder a live config directory; .env feeds compose's interpolation.
  '**/{elasticsearch.keystore,jvm.options,jvm.options.d,log4j2.properties,kibana.keystore,node.options,.env}',
];

export function canWatchDynamically(capabilities: ClientCapabilities): boolean {
  return capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
}

/** Asks the client to watch the files (call after `initialized`). */
export async function registerFileWatchers(ctx: ServerContext): Promise<void> {
  const watchers = WATCHED_GLOBS.map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }));
  await ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}

export function registerWatchedFiles(ctx: ServerContext): void {
  ctx.connection.onDidChangeWatchedFiles((params) =>
    runSafeVoid(ctx.log, 'Handling changed files failed', () => {
      const paths = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => !!p);
      if (paths.length) ctx.environmentChanged(paths);
    }),
  );
}
