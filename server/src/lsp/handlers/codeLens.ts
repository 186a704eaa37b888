// textDocument/codeLens: in PEM documents, subject and expiry above each certificate, opening the viewer; in
// settings files, above every path setting that names a certificate or keystore, what it holds and its expiry.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathSettingLenses } from '../../features/pathLenses';
import { certificateLenses } from '../../features/pemLenses';
import { certificateItems } from '../../workspace/modelData';
import { Commands } from '../../protocol';
import { lineIndexOf, uriToPath, versionOf } from '../analysis';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import { toLspRange } from '../convert';

const PEM_EXTENSIONS = /\.(pem|crt|cer|cert)$/i;

function pemLenses(ctx: ServerContext, doc: TextDocument, file: string | undefined): CodeLens[] {
  const lines = lineIndexOf(ctx, doc);
  const lenses = ctx.checker.derive(versionOf(doc), 'pemLenses', () => certificateLenses(lines.text, ctx.clock));
  return lenses.map((lens) => ({
    range: toLspRange(lines, lens.range),
    // Without a file on disk there is nothing for the viewer to open, so the lens is plain text.
    command: file ? { title: lens.title, command: Commands.openCertificate, arguments: [file] } : { title: lens.title, command: '' },
  }));
}

/** Lenses over the path settings of a settings file, from its folder's workspace model. */
function settingsLenses(ctx: ServerContext, file: string): CodeLens[] {
  const model = ctx.stack.modelOf(file);
  if (!model) return [];
  return pathSettingLenses(certificateItems(model.data()), file).map((lens) => ({
    range: { start: { line: lens.line, character: lens.column }, end: { line: lens.line, character: lens.column } },
    command: { title: lens.title, command: Commands.openCertificate, arguments: [lens.target] },
  }));
}

function codeLenses(ctx: ServerContext, params: CodeLensParams): CodeLens[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return [];
  const file = uriToPath(doc.uri);
  if (doc.languageId === 'pem' || PEM_EXTENSIONS.test(doc.uri)) return pemLenses(ctx, doc, file);
  return file ? settingsLenses(ctx, file) : [];
}

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens((params, token) => runSafe(ctx.log, 'Code lenses failed', () => codeLenses(ctx, params), [], token));
}
