import type { SettingIndex } from '../catalog/lookup';
import type { ConfigModel } from '../config/types';
import type { Clock, FileSystem } from './environment';
import type { Finding } from './finding';

/** Options a user sets (VS Code settings or CLI flags). */
export interface CheckOptions {
  /** Warn when a certificate expires within this many days. */
  expiryWarningDays: number;
  /** Directory against which relative paths resolve; defaults to the yml's folder. */
  configDir?: string;
  /** When false (untrusted workspace), rules read no file outside `workspaceRoots`. */
  readOutsideWorkspace: boolean;
  workspaceRoots: string[];
}

export const defaultCheckOptions: CheckOptions = {
  expiryWarningDays: 30,
  readOutsideWorkspace: true,
  workspaceRoots: [],
};

/** Passwords the user supplied for keystores and encrypted keys, by absolute path. Never logged. */
export interface PasswordProvider {
  get(absolutePath: string): string | undefined;
}

/** Everything a rule may look at. Rules are pure functions of this. */
export interface RuleContext {
  model: ConfigModel;
  catalog: SettingIndex;
  fs: FileSystem;
  clock: Clock;
  options: CheckOptions;
  passwords: PasswordProvider;
}

/** A rule family: one file under rules/, one function. */
export type Rule = (ctx: RuleContext) => Finding[];
