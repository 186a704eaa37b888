// workspace/didChangeConfiguration: new `elasticTls.*` settings re-check every open settings file.
import type { DidChangeConfigurationParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { runSafeVoid } from '../runSafe';
import { mergeSettings } from '../settings';

/** Pulls `elasticTls` from the client when the notification carries no settings (pull-model clients). */
async function pullSettings(ctx: ServerContext): Promise<unknown> {
  return ctx.connection.workspace.getConfiguration('elasticTls');
}

async function changed(ctx: ServerContext, params: DidChangeConfigurationParams, canPull: boolean): Promise<void> {
  const pushed = params.settings as Record<string, unknown> | null | undefined;
  const raw = pushed && typeof pushed === 'object' && 'elasticTls' in pushed ? pushed : canPull ? { elasticTls: await pullSettings(ctx) } : undefined;
  if (!raw) return;
  ctx.settings = mergeSettings(ctx.settings, raw);
  ctx.environmentChanged();
}

export function registerConfiguration(ctx: ServerContext, canPull: () => boolean): void {
  ctx.connection.onDidChangeConfiguration((params) =>
    runSafeVoid(ctx.log, 'Applying settings failed', () => changed(ctx, params, canPull())),
  );
}
