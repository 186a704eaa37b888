// estls/stackModel and estls/certificates: the workspace model as plain data for the Stack view and the
// Certificates tree. Names only for keystores; nothing here carries a password or a keystore value.
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import { CertificatesRequest, EckResourcesRequest, StackModelChangedNotification, StackModelRequest } from '../../protocol';
import { findEckResources } from '../../workspace/eckResources';
import { checkEnvironment } from '../analysis';
import type { ServerContext } from '../context';
import { runSafe, runSafeVoid } from '../runSafe';

const EMPTY = { folders: [], clusters: [], components: [], certificates: [], keystores: [], edges: [] };

export function registerStackModel(ctx: ServerContext): void {
  ctx.connection.onRequest(StackModelRequest, (params) => runSafe(ctx.log, 'Building the stack model failed', () => ctx.stack.data(params?.folder), EMPTY));
  ctx.connection.onRequest(EckResourcesRequest, (params) =>
    // A Generate command asks just after the user may have written a manifest: the disk as it is now, not the
    // checks' snapshot (lsp/fileSnapshot.ts), which may not have heard of the file yet.
    runSafe(ctx.log, 'Listing the ECK resources failed', () => ({ resources: findEckResources({ ...checkEnvironment(ctx), fs: ctx.fs }, ctx.workspaceRoots.filter((r) => !params?.folder || r === params.folder)) }), { resources: [] }),
  );
  ctx.connection.onRequest(CertificatesRequest, (params) => runSafe(ctx.log, 'Listing the certificates failed', () => ({ items: ctx.stack.certificates(params?.folder) }), { items: [] }));
}

/** The model changed: the views ask again, and so do the path settings' code lenses when the client can be told. */
export function notifyModelChanged(ctx: ServerContext, refreshLenses: boolean): void {
  runSafeVoid(ctx.log, 'Announcing a stack model change failed', () => {
    void ctx.connection.sendNotification(StackModelChangedNotification);
    if (refreshLenses) void ctx.connection.sendRequest(CodeLensRefreshRequest.type);
  });
}
