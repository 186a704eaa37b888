// estls/inspectFile: reads a certificate, key or keystore for the client (viewer, unlock prompt); and
// estls/exportPem: one certificate, chain or (confirmed) private key of it as PEM for the viewer's Export actions.
import { isFileGateError, readBounded } from '../../core/fileGate';
import { isPkiError } from '../../pki/errors';
import { inspectFile, readPkiFile } from '../../pki/inspect';
import { exportPem } from '../../pki/exportPem';
import { ExportPemRequest, InspectFileRequest, type ConfiguredTrust, type ExportPemParams, type ExportPemResponse, type InspectFileParams, type InspectFileResponse } from '../../protocol';
import { configuredTrust } from '../../workspace/configuredTrust';
import type { ServerContext } from '../context';
import { mayRead } from '../fileDescriptions';
import { formatError, runSafe } from '../runSafe';

const failed: InspectFileResponse = { ok: false, code: 'INTERNAL', message: 'Reading the file failed unexpectedly; the output log has details.' };
/** The file's bytes, or the response that says why they cannot be had. */
function readBytes(ctx: ServerContext, file: string): Uint8Array | InspectFileResponse {
  try {
    const stat = ctx.fs.stat(file);
    if (!stat) return { ok: false, code: 'MISSING', message: 'The file does not exist.' };
    if (stat.isDirectory) return { ok: false, code: 'MISSING', message: 'The path is a folder, not a file.' };
    return readBounded(ctx.fs, file, 'pki') ?? { ok: false, code: 'MISSING', message: 'The file does not exist.' };
  } catch (e) {
    if (isFileGateError(e)) return { ok: false, code: e.code === 'OUTSIDE_WORKSPACE' ? 'UNTRUSTED' : e.code, message: e.message };
    return { ok: false, code: 'UNREADABLE', message: `The file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'I/O error'}).` };
  }
}

/** How the workspace's settings that present this file's certificate verify it; none when that cannot be known. */
function trustOf(ctx: ServerContext, file: string): ConfiguredTrust[] {
  try {
    const now = ctx.clock.now();
    return ctx.stack.all().flatMap((model) => configuredTrust(model.allParts(), file, now, model.label));
  } catch (e) {
    ctx.log.error(formatError('Verifying the chain against the configured CAs failed', e));
    return [];
  }
}

function read(ctx: ServerContext, params: InspectFileParams): InspectFileResponse {
  if (typeof params?.path !== 'string' || params.path === '') return { ok: false, code: 'INVALID_INPUT', message: 'No file path was given.' };
  const file = params.path;
  if (!mayRead(ctx, file)) return { ok: false, code: 'UNTRUSTED', message: 'The file is outside the workspace, and the workspace is not trusted.' };
  const bytes = readBytes(ctx, file);
  if (!(bytes instanceof Uint8Array)) return bytes;
  // A given password is judged on its own (the unlock prompt relies on that); without one, the stored password
  // is used, and without that the empty one.
  const password = typeof params.password === 'string' ? params.password : ctx.passwords.get(file);
  try {
    const result = inspectFile(bytes, { fileName: file, password, clock: ctx.clock });
    return { ok: true, result, trust: trustOf(ctx, file) };
  } catch (e) {
    if (isPkiError(e)) return { ok: false, code: e.code, message: e.message };
    ctx.log.error(formatError('Reading a certificate file failed', e));
    return failed;
  }
}

function exportItem(ctx: ServerContext, params: ExportPemParams): ExportPemResponse {
  if (typeof params?.path !== 'string' || params.path === '') return { ok: false, code: 'INVALID_INPUT', message: 'No file path was given.' };
  const isKey = params.item?.kind === 'key' || params.item?.kind === 'entryKey';
  if (isKey && params.confirmedPrivateKey !== true) return { ok: false, code: 'INVALID_INPUT', message: 'A private key is exported only after the user confirms it.' };
  if (!mayRead(ctx, params.path)) return { ok: false, code: 'UNTRUSTED', message: 'The file is outside the workspace, and the workspace is not trusted.' };
  const bytes = readBytes(ctx, params.path);
  if (!(bytes instanceof Uint8Array)) return bytes as ExportPemResponse;
  const password = typeof params.password === 'string' ? params.password : ctx.passwords.get(params.path);
  try {
    return { ok: true, result: exportPem(readPkiFile(bytes, { fileName: params.path, password, clock: ctx.clock }), params.item) };
  } catch (e) {
    if (isPkiError(e)) return { ok: false, code: e.code, message: e.message };
    ctx.log.error(formatError('Exporting from a certificate file failed', e));
    return failed as ExportPemResponse;
  }
}

export function registerInspectFile(ctx: ServerContext): void {
  ctx.connection.onRequest(ExportPemRequest, (params, token) =>
    runSafe(ctx.log, 'Exporting from a certificate file failed', () => exportItem(ctx, params), failed as ExportPemResponse, token),
  );
  ctx.connection.onRequest(InspectFileRequest, (params, token) =>
    runSafe(ctx.log, 'Reading a certificate file failed', () => read(ctx, params), failed, token),
  );
}
