// textDocument/hover: key documentation, value meaning, or the certificate a path points at.
import type { Hover, HoverParams } from 'vscode-languageserver';
import { catalogFor } from '../../catalog';
import { safeMessage } from '../../core/safeText';
import { hoverAt } from '../../features/hover';
import { beatsHoverAt } from '../../features/beats';
import { newLocator } from '../../rules/paths';
import { analysisOf, checkEnvironment, partAt } from '../analysis';
import type { ServerContext } from '../context';
import { describeFileFor, exists, mayRead } from '../fileDescriptions';
import { runSafe } from '../runSafe';
import { toLspRange, toOffset } from '../convert';

function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const analysis = analysisOf(ctx, doc);
  if (!analysis) return null;
  const offset = toOffset(analysis.lines, params.position);
  if (analysis.form === 'beats') return beatsHover(ctx, doc.getText(), offset, analysis);
  const part = partAt(analysis, offset);
  if (!part) return null;
  const result = hoverAt(part.model, catalogFor(part.product), offset, {
    describeFile: (path, role) => describeFileFor(ctx, path, role),
    exists: (path) => mayRead(ctx, path) && exists(ctx, path),
    // A deployment file's document answers with the locator its check used (a compose service's mounts).
    locate: (value) => (part.paths ?? newLocator({ model: part.model, options: checkEnvironment(ctx).options, fs: ctx.fs })).locate(value),
    stackVersion: analysis.stackVersion,
  });
  if (!result) return null;
  // Values from the file are echoed: a password in a URL is masked and control characters are escaped.
  return { contents: { kind: 'markdown', value: safeMessage(result.markdown) }, range: toLspRange(analysis.lines, result.range) };
}

/** A Beats file: its `ssl` options and the files they name. */
function beatsHover(ctx: ServerContext, text: string, offset: number, analysis: NonNullable<ReturnType<typeof analysisOf>>): Hover | null {
  const { options } = checkEnvironment(ctx);
  const result = beatsHoverAt(text, offset, {
    describeFile: (path, role) => describeFileFor(ctx, path, role),
    locator: { filePath: analysis.filePath, fs: ctx.fs, workspaceRoots: options.workspaceRoots, pathMappings: options.pathMappings, liveConfigDirs: options.liveConfigDirs },
  });
  return result ? { contents: { kind: 'markdown', value: safeMessage(result.markdown) }, range: toLspRange(analysis.lines, result.range) } : null;
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params, token) => runSafe(ctx.log, 'Hover failed', () => hover(ctx, params), null, token));
}
