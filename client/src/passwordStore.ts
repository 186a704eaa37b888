// Keystore passwords live in SecretStorage, one secret per absolute file path. The list of paths (not secret) is kept
// in globalState so the passwords can be sent to the server at start without enumerating SecretStorage.
import * as vscode from 'vscode';
import type { SetPasswordsParams } from '../../server/src/protocol';
import type { Log } from './log';

const KEY_PREFIX = 'elasticTls.password:';
const INDEX_KEY = 'elasticTls.passwordPaths';

/** One change to send to the server: a null password forgets that file. */
export type PasswordEntry = SetPasswordsParams['entries'][number];

/** Passwords by absolute path, backed by SecretStorage. */
export class PasswordStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PasswordEntry[]>();
  /** Fires with the entries that changed (here or in another window). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly log: Log,
  ) {
    this.subscription = secrets.onDidChange((e) => void this.forward(e.key));
  }

  /** Paths that have a stored password. */
  paths(): string[] {
    return this.state.get<string[]>(INDEX_KEY, []);
  }

  async get(path: string): Promise<string | undefined> {
    const password = await this.secrets.get(KEY_PREFIX + path);
    if (password !== undefined) this.log.addSecret(password);
    return password;
  }

  async set(path: string, password: string): Promise<void> {
    this.log.addSecret(password);
    await this.secrets.store(KEY_PREFIX + path, password);
    const paths = this.paths();
    if (!paths.includes(path)) await this.state.update(INDEX_KEY, [...paths, path]);
    this.changed.fire([{ path, password }]);
  }

  /** Every stored password, for the server at start (and after a restart). */
  async all(): Promise<PasswordEntry[]> {
    const entries: PasswordEntry[] = [];
    for (const path of this.paths()) {
      const password = await this.get(path);
      if (password !== undefined) entries.push({ path, password });
    }
    return entries;
  }

  /** Deletes every stored password and the index; returns how many there were. */
  async clear(): Promise<number> {
    const paths = this.paths();
    await Promise.all(paths.map((p) => this.secrets.delete(KEY_PREFIX + p)));
    await this.state.update(INDEX_KEY, []);
    this.changed.fire(paths.map((path) => ({ path, password: null })));
    return paths.length;
  }

  /** A secret changed outside this store (another window): tell the server about it. */
  private async forward(key: string): Promise<void> {
    if (!key.startsWith(KEY_PREFIX)) return;
    const path = key.slice(KEY_PREFIX.length);
    const password = await this.secrets.get(key);
    if (password !== undefined) this.log.addSecret(password);
    this.changed.fire([{ path, password: password ?? null }]);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
