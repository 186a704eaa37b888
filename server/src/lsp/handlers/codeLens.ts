// textDocument/codeLens: in PEM documents, subject and expiry above each certificate, opening the viewer.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { certificateLenses } from '../../features/pemLenses';
import { Commands } from '../../protocol';
import { lineIndexOf, uriToPath, versionOf } from '../analysis';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import { toLspRange } from '../convert';

const PEM_EXTENSIONS = /\.(pem|crt|cer|cert)$/i;

function codeLenses(ctx: ServerContext, params: CodeLensParams): CodeLens[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || (doc.languageId !== 'pem' && !PEM_EXTENSIONS.test(doc.uri))) return [];
  const lines = lineIndexOf(ctx, doc);
  const file = uriToPath(doc.uri);
  const lenses = ctx.checker.derive(versionOf(doc), 'pemLenses', () => certificateLenses(lines.text, ctx.clock));
  return lenses.map((lens) => ({
    range: toLspRange(lines, lens.range),
    // Without a file on disk there is nothing for the viewer to open, so the lens is plain text.
    command: file ? { title: lens.title, command: Commands.openCertificate, arguments: [file] } : { title: lens.title, command: '' },
  }));
}

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens((params, token) => runSafe(ctx.log, 'Code lenses failed', () => codeLenses(ctx, params), [], token));
}
