// estls/generate: makes certificates in the server (the client writes the files). Refused in untrusted workspaces.
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { safeMessage } from '../../core/safeText';
import { isPkiError } from '../../pki/errors';
import { generate } from '../../pki/generate';
import { GenerateRequest, type GenerateParams, type GenerateResponse } from '../../protocol';
import type { ServerContext } from '../context';
import { formatError, runSafe } from '../runSafe';

const failed: GenerateResponse = { ok: false, code: 'INTERNAL', message: 'Generating the certificates failed unexpectedly; the output log has details.' };

/** `$/progress` under the client's token, when it gave one. */
function progressReporter(ctx: ServerContext, params: GenerateParams): WorkDoneProgressReporter | undefined {
  const token = params.workDoneToken;
  if (typeof token !== 'string' && typeof token !== 'number') return undefined;
  const reporter = ctx.connection.window.attachWorkDoneProgress(token);
  reporter.begin('Generating certificates', 0, undefined, true);
  return reporter;
}

async function handle(ctx: ServerContext, params: GenerateParams, token: CancellationToken): Promise<GenerateResponse> {
  if (!ctx.settings.trusted) {
    return { ok: false, code: 'UNTRUSTED', message: 'Certificates are not generated in an untrusted workspace. Trust the workspace to generate them.' };
  }
  if (typeof params !== 'object' || params === null) return { ok: false, code: 'INVALID_INPUT', message: 'The request holds no generation settings.' };
  const { baseDir, workDoneToken: _token, ...spec } = params;
  if (baseDir !== undefined && typeof baseDir !== 'string') return { ok: false, code: 'INVALID_INPUT', message: 'The request\'s "baseDir" must be a string.' };
  const reporter = progressReporter(ctx, params);
  try {
    const result = await generate(spec, {
      fs: ctx.fs,
      clock: ctx.clock,
      baseDir,
      // Checked between keys: the editor's cancel (or $/cancelRequest) stops a long run.
      cancelled: () => token.isCancellationRequested,
      progress: (done, total) => reporter?.report(Math.floor((done * 100) / total), `${done} of ${total} keys`),
    });
    return { ok: true, result };
  } catch (e) {
    // Messages may quote instance names from the request: escaped like every other output.
    if (isPkiError(e)) return { ok: false, code: e.code, message: safeMessage(e.message) };
    ctx.log.error(formatError('Generating certificates failed', e));
    return failed;
  } finally {
    reporter?.done();
  }
}

export function registerGenerate(ctx: ServerContext): void {
  ctx.connection.onRequest(GenerateRequest, (params, token) =>
    runSafe(ctx.log, 'Generating certificates failed', () => handle(ctx, params, token), failed, token),
  );
}
