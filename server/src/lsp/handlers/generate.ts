// estls/generate: makes certificates in the server (the client writes the files). Refused in untrusted workspaces.
import { isPkiError } from '../../pki/errors';
import { generate } from '../../pki/generate';
import { GenerateRequest, type GenerateParams, type GenerateResponse } from '../../protocol';
import type { ServerContext } from '../context';
import { formatError, runSafe } from '../runSafe';

const failed: GenerateResponse = { ok: false, code: 'INTERNAL', message: 'Generating the certificates failed unexpectedly; the output log has details.' };

async function handle(ctx: ServerContext, params: GenerateParams): Promise<GenerateResponse> {
  if (!ctx.settings.trusted) {
    return { ok: false, code: 'UNTRUSTED', message: 'Certificates are not generated in an untrusted workspace. Trust the workspace to generate them.' };
  }
  if (typeof params !== 'object' || params === null) return { ok: false, code: 'INVALID_INPUT', message: 'The request holds no generation settings.' };
  const { baseDir, ...spec } = params;
  try {
    const result = await generate(spec, { fs: ctx.fs, clock: ctx.clock, baseDir });
    return { ok: true, result };
  } catch (e) {
    if (isPkiError(e)) return { ok: false, code: e.code, message: e.message };
    ctx.log.error(formatError('Generating certificates failed', e));
    return failed;
  }
}

export function registerGenerate(ctx: ServerContext): void {
  ctx.connection.onRequest(GenerateRequest, (params, token) =>
    runSafe(ctx.log, 'Generating certificates failed', () => handle(ctx, params), failed, token),
  );
}
