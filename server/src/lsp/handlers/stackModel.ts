// estls/stackModel and estls/certificates: the workspace model as plain data for the Stack view and the
// Certificates tree. Names only for keystores; nothing here carries a password or a keystore value.
import { CertificatesRequest, StackModelRequest } from '../../protocol';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';

const EMPTY = { folders: [], clusters: [], components: [], certificates: [], keystores: [], edges: [] };

export function registerStackModel(ctx: ServerContext): void {
  ctx.connection.onRequest(StackModelRequest, (params) => runSafe(ctx.log, 'Building the stack model failed', () => ctx.stack.data(params?.folder), EMPTY));
  ctx.connection.onRequest(CertificatesRequest, (params) => runSafe(ctx.log, 'Listing the certificates failed', () => ({ items: ctx.stack.certificates(params?.folder) }), { items: [] }));
}
