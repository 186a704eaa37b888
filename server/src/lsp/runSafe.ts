// Every handler runs through here: a failure is logged (message and stack only, never the document text or a
// password) and answered with an empty result, so one bad file can never take the server down.
import type { CancellationToken } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** Where the server writes its own log lines (the client's output channel). */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** A failure as `what: message` plus the stack; an error's message is the only user-facing text included. */
export function formatError(what: string, e: unknown): string {
  if (e instanceof Error) return `${what}: ${e.message}${e.stack ? `\n${e.stack}` : ''}`;
  return `${what}: ${typeof e === 'string' ? e : 'unknown error'}`;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Runs a request handler after the current tick (so queued changes apply first), returning `onError` when it
 * throws or rejects and a cancellation error when the client gave up on it.
 */
export function runSafe<T>(
  log: Logger,
  what: string,
  func: () => T | Promise<T>,
  onError: T,
  token?: CancellationToken,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(async () => {
      if (token?.isCancellationRequested) return resolve(cancelled());
      try {
        const result = await func();
        resolve(token?.isCancellationRequested ? cancelled() : result);
      } catch (e) {
        log.error(formatError(what, e));
        resolve(onError);
      }
    });
  });
}

/** For notifications and timers: runs `func` and logs what it throws or rejects with. */
export function runSafeVoid(log: Logger, what: string, func: () => void | Promise<void>): void {
  try {
    const result = func();
    if (result instanceof Promise) result.catch((e: unknown) => log.error(formatError(what, e)));
  } catch (e) {
    log.error(formatError(what, e));
  }
}
