// textDocument/codeAction: quick fixes rebuilt from Diagnostic.data only (never from the message text).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../core/finding';
import { asFindingPayload, planCodeActions, planFixAll, type ActionPlan } from '../../features/codeActions';
import { Commands } from '../../protocol';
import { analysisOf, lineIndexOf } from '../analysis';
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
  const fixAll = new Map<string, ActionPlan | undefined>();
  for (const diagnostic of params.context.diagnostics) {
    const payload = asFindingPayload(diagnostic.data);
    // Offsets belong to the version the diagnostic was made for; a newer text would receive misplaced edits.
    if (!payload || payload.version !== doc.version) continue;
    const plans = planCodeActions(payload, lines.text.length);
    for (const plan of plans) actions.push(toAction(plan, diagnostic, doc.uri, lines));
    if (!plans.some((p) => p.isPreferred && p.edits)) continue;
    // The same rule's other findings in this version, from the check the diagnostics were published from.
    if (!fixAll.has(payload.ruleId)) {
      const plan = planFixAll(payload.ruleId, documentFindings(ctx, doc), lines.text.length);
      fixAll.set(payload.ruleId, plan);
      if (plan) actions.push(toAction(plan, diagnostic, doc.uri, lines));
    }
  }
  return actions;
}

/** The findings of the document's current version that carry fixes: its own check's (cross-file ones carry none). */
function documentFindings(ctx: ServerContext, doc: TextDocument): readonly Finding[] {
  return analysisOf(ctx, doc)?.result.findings ?? [];
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params, token) => runSafe(ctx.log, 'Code actions failed', () => codeActions(ctx, params), [], token));
}
