// Which settings a rule found nothing to say about, kept across the checks of one document, so that an edit
// re-runs the per-setting rules only on the settings it touched. Kept on the setting's origin (its parse
// piece's setting, reused while the piece's text is unchanged) with its full key: the rules that use this
// decide "nothing to say" from the setting's key and value and the check's environment alone, never from
// other settings, file contents or text outside the setting. Settings that did get a finding are always re-run,
// so counters across settings (suggestion budgets, "reported once") stay exact.
import { settingOrigin } from '../config/chunkCache';
import type { Setting } from '../config/types';

/** What is kept on an origin setting: for which memo and environment, under which full key, which rules. */
interface Quiet {
  token: number;
  key: string;
  rules: number;
}

/**
 * Kept as a hidden property of the origin, which only its document's parse holds: a WeakMap lookup per
 * setting and rule cost more than the rules it saves on a 1,000-line file.
 */
const QUIET = Symbol('quiet');
let tokens = 0;

/** Settings each rule had nothing to say about, for one document and one environment. */
export class QuietMemo {
  private environment: string | undefined;
  private token = 0;
  private readonly bits = new Map<string, number>();

  /** Starts a check: an environment (product version, options) unlike the last one forgets every answer. */
  startCheck(environment: string): void {
    if (environment === this.environment) return;
    this.environment = environment;
    this.token = ++tokens;
  }

  /** True when the rule of `bit` found nothing to say about a setting of the same origin and key before. */
  isQuiet(bit: number, setting: Setting): boolean {
    const origin = settingOrigin(setting);
    const quiet = origin && (origin as { [QUIET]?: Quiet })[QUIET];
    return quiet !== undefined && quiet.token === this.token && (quiet.rules & bit) !== 0 && quiet.key === setting.key;
  }

  /** The bits of the rules that found nothing to say about a setting of the same origin and key before (0: none). */
  quietBits(setting: Setting): number {
    const origin = settingOrigin(setting);
    const quiet = origin && (origin as { [QUIET]?: Quiet })[QUIET];
    return quiet !== undefined && quiet.token === this.token && quiet.key === setting.key ? quiet.rules : 0;
  }

  /** Notes that the rule of `bit` has nothing to say about `setting`. */
  markQuiet(bit: number, setting: Setting): void {
    const origin = settingOrigin(setting) as ({ [QUIET]?: Quiet } & Setting) | undefined;
    if (!origin) return;
    const quiet = origin[QUIET];
    if (quiet && quiet.token === this.token && quiet.key === setting.key) quiet.rules |= bit;
    else Object.defineProperty(origin, QUIET, { value: { token: this.token, key: setting.key, rules: bit }, writable: true, configurable: true, enumerable: false });
  }

  /** The bit of a rule's name (at most 31 rules). */
  bitOf(rule: string): number {
    let bit = this.bits.get(rule);
    if (bit === undefined) this.bits.set(rule, (bit = 1 << this.bits.size));
    return bit;
  }
}
