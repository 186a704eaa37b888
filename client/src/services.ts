// What commands and the certificate editor share: the log, the password store and the way to the server.
import type * as vscode from 'vscode';
import type { Log } from './log';
import type { PasswordStore } from './passwordStore';
import type { ServerGateway } from './server';

/** Handed to every command and to the certificate editor. */
export interface Services {
  context: vscode.ExtensionContext;
  log: Log;
  passwords: PasswordStore;
  server: ServerGateway;
}
