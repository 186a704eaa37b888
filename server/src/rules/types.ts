import type { SettingIndex } from '../catalog/lookup';
import type { ConfigModel } from '../config/types';
import type { Clock, FileSystem } from '../core/environment';
import type { Finding } from '../core/finding';
import { settingDefaults } from '../core/settingDefaults';

/** Options a user sets (VS Code settings or CLI flags). */
export interface CheckOptions {
  /** Warn when a certificate expires within this many days. */
  expiryWarningDays: number;
  /**
   * The CLI's `--config-dir`: the file is the live config of this machine and relative paths resolve against
   * this folder. Without it a file is live only when its folder looks like an installed config directory.
   */
  configDir?: string;
  /** Folders the user declared live config directories (`elasticTls.liveConfigDirs`). */
  liveConfigDirs?: string[];
  /** Container (or node) path prefixes mapped to local folders (`elasticTls.pathMappings`, `--map`). */
  pathMappings?: import('../config/paths/mappings').PathMapping[];
  /** When false (untrusted workspace), rules read no file outside `workspaceRoots`. */
  readOutsideWorkspace: boolean;
  workspaceRoots: string[];
  /** The stack version the file is for (setting, CLI flag or inferred); absent means the current 9.x is assumed. */
  stackVersion?: import('../catalog/version').StackVersion;
}

export const defaultCheckOptions: CheckOptions = {
  expiryWarningDays: settingDefaults.expiryWarningDays,
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
  /** Reads and caches certificate, key and keystore files; without it the certificate rules use a cache per check. */
  certificates?: import('../pki/fileCache').CertificateFiles;
  /** Where each path of the file lives (runRules makes one unless given). */
  paths?: import('../config/paths/locator').PathLocator;
  /** Answers the rules of one check share (runRules makes one unless given); a rule run alone computes its own. */
  scope?: import('./checkScope').CheckScope;
  /**
   * Moves whenever a file the rules read may have changed on disk (the server's file snapshot); while it stays,
   * a document's checker keeps answers that depend on files (rules/contextMemo.ts). Absent: none are kept.
   */
  filesVersion?: number;
}

/** A rule family: one file under rules/, one function. */
export type Rule = (ctx: RuleContext) => Finding[];

/** Input to one check of a settings file. */
export interface CheckInput {
  text: string;
  product: import('../catalog/types').Product;
  /** Absolute path of the yml, used to resolve relative paths the way Elasticsearch and Kibana do. */
  filePath?: string;
}

/** The engine's answer: the parsed model (for hovers and completion) and every finding, parse findings included. */
export interface CheckResult {
  model: ConfigModel;
  findings: Finding[];
}

/** The outside world a check needs; the checker (checker/documentChecker.ts) takes this. */
export type CheckEnvironment = Omit<RuleContext, 'model' | 'catalog'>;
