// textDocument/codeAction: quick fixes rebuilt from Diagnostic.data only (never from the message text).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { asFindingPayload, planCodeActions, type ActionPlan } from '../../features/codeActions';
import { Commands } from '../../protocol';
import { lineIndexOf } from '../analysis';
import type { ServerContext } from '../context';
import type { LineIndex } from '../../core/lineIndex';
import { runSafe } from '../runSafe';
import { toLspRange } from '../convert';

function toAction(plan: ActionPlan, diagnostic: Diagnostic, uri: string, lines: LineIndex): CodeAction {
  const action: CodeAction = { title: plan.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (plan.isPreferred) action.isPreferred = true;
  if (plan.edits) {
    action.edit = { changes: { [uri]: plan.edits.map((e) => ({ range: toLspRange(lines, e.range), newText: e.newText })) } };
  }
  if (plan.command) action.command = { title: plan.title, command: Commands[plan.command.name], arguments: plan.command.args };
  return action;
}

function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return [];
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const lines = lineIndexOf(ctx, doc);
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const payload = asFindingPayload(diagnostic.data);
    // Offsets belong to the version the diagnostic was made for; a newer text would receive misplaced edits.
    if (!payload || payload.version !== doc.version) continue;
    for (const plan of planCodeActions(payload, lines.text.length)) actions.push(toAction(plan, diagnostic, doc.uri, lines));
  }
  return actions;
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params, token) => runSafe(ctx.log, 'Code actions failed', () => codeActions(ctx, params), [], token));
}
