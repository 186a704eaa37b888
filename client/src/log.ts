// The "Elastic TLS" output channel. Everything written to it passes through redaction, so a password the
// user typed (or one that appears in a traced estls/* message) never reaches the log.
import * as vscode from 'vscode';
import { redact } from './redact';

/** A log channel that redacts secrets; also handed to the language client for its own and trace output. */
export class Log implements vscode.LogOutputChannel {
  readonly name: string;
  private readonly secrets = new Set<string>();

  constructor(private readonly channel: vscode.LogOutputChannel) {
    this.name = channel.name;
  }

  /** Remembers a secret so that any later mention of it is masked. */
  addSecret(secret: string): void {
    if (secret) this.secrets.add(secret);
  }

  private clean(message: string | Error, args: unknown[]): string {
    const text = message instanceof Error ? message.message : message;
    const rest = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a)));
    return redact([text, ...rest].join(' '), this.secrets);
  }

  get logLevel(): vscode.LogLevel {
    return this.channel.logLevel;
  }

  get onDidChangeLogLevel(): vscode.Event<vscode.LogLevel> {
    return this.channel.onDidChangeLogLevel;
  }

  trace(message: string, ...args: unknown[]): void {
    this.channel.trace(this.clean(message, args));
  }

  debug(message: string, ...args: unknown[]): void {
    this.channel.debug(this.clean(message, args));
  }

  info(message: string, ...args: unknown[]): void {
    this.channel.info(this.clean(message, args));
  }

  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(this.clean(message, args));
  }

  error(message: string | Error, ...args: unknown[]): void {
    this.channel.error(this.clean(message, args));
  }

  append(value: string): void {
    this.channel.append(redact(value, this.secrets));
  }

  appendLine(value: string): void {
    this.channel.appendLine(redact(value, this.secrets));
  }

  replace(value: string): void {
    this.channel.replace(redact(value, this.secrets));
  }

  clear(): void {
    this.channel.clear();
  }

  show(preserveFocusOrColumn?: boolean | vscode.ViewColumn, preserveFocus?: boolean): void {
    if (typeof preserveFocusOrColumn === 'boolean' || preserveFocusOrColumn === undefined) {
      this.channel.show(preserveFocusOrColumn);
    } else {
      this.channel.show(preserveFocusOrColumn, preserveFocus);
    }
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** Creates the single "Elastic TLS" channel. */
export function createLog(): Log {
  return new Log(vscode.window.createOutputChannel('Elastic TLS', { log: true }));
}
