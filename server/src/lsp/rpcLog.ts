// Everything the connection logs goes to the client's output channel. vscode-jsonrpc logs an invalid message
// whole (params and all, so a password in estls/generate too), and Node's type errors quote the value they got:
// the console here keeps only what identifies such a message (its method and id) and drops quoted values.
import type { ConsoleFeature, RemoteConsole } from 'vscode-languageserver';
import { safeMessage } from '../core/safeText';

/** vscode-jsonrpc's log lines that end in a JSON dump of what it received. */
const DUMPS = /^(Received message which is neither a response nor a notification message:|Received response message without id: Error is: )\s*\n/;
const MAX_FIELD = 100;

function field(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  return `${name} ${JSON.stringify(text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD)}…` : text)}`;
}

/** The method and id of a dumped message; nothing else of it. */
function identify(dump: string): string {
  try {
    const parsed: unknown = JSON.parse(dump);
    if (typeof parsed !== 'object' || parsed === null) return '(no method or id)';
    const { method, id } = parsed as { method?: unknown; id?: unknown };
    return [field('method', method), field('id', id)].filter(Boolean).join(', ') || '(no method or id)';
  } catch {
    return '(unreadable)';
  }
}

/**
 * Node's argument errors end in `Received type number (12345)` or `Received '…'`: the value a caller passed,
 * which may be a password. Only the type is kept.
 */
const NODE_RECEIVED = /\. Received (?:type (\w+) \([^\n]*\)|[^\n]*)/g;

/** A log line with dumped messages reduced to method and id, quoted values dropped, then masked and escaped. */
export function quietLogLine(message: string): string {
  const dump = DUMPS.exec(message);
  const reduced = dump ? `${dump[1].trim()} ${identify(message.slice(dump[0].length))}` : message;
  return safeMessage(reduced.replace(NODE_RECEIVED, (_all, type?: string) => `. Received ${type ? `a ${type}` : 'a value'} (not shown)`));
}

/** The connection's console with every line passed through quietLogLine. */
export const quietConsole: ConsoleFeature<object> = (Base) =>
  class extends (Base as new () => RemoteConsole) {
    override error(message: string): void {
      super.error(quietLogLine(message));
    }
    override warn(message: string): void {
      super.warn(quietLogLine(message));
    }
    override info(message: string): void {
      super.info(quietLogLine(message));
    }
    override log(message: string): void {
      super.log(quietLogLine(message));
    }
    override debug(message: string): void {
      super.debug(quietLogLine(message));
    }
  };
