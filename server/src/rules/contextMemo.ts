// The findings a rule made for one SSL context (or one setting), kept across the checks of one document, so that
// typing elsewhere does not load certificate files, verify chains or look up paths again. An answer is reused
// when the settings it was computed from hold the same keys and the same text, and the environment is the same:
// product, file, options and the files on disk (the environment's `filesVersion`, which the server moves whenever
// a file may have changed).
//
// Which settings an answer was computed from is either given (`findings`: a fixed list) or recorded while it is
// computed (`trackedFindings`): the computation reads the model and the context through views that note every
// lookup, with what it found or that it found nothing, and, when it walks the context, the context's list of
// keys and each setting it then looks into. The next check asks the same lookups of the new model and compares.
// A computation that reads what the views cannot record (the model's text, its list of settings, a walk of
// every key) is computed afresh each time.
//
// Two settings are compared by their origin when the chunked parse linked both to one (config/chunkCache.ts
// `settingOrigin`: one origin and one full key hold the same key and value text), else by their key and pair
// text. The settings may have moved in the file: every range of a kept finding lies inside one of them, and
// moves with it. A finding with a range outside them (say a fix that inserts a line elsewhere) makes its answer
// computed afresh each time.
//
// The workspace model records what reading a component's TLS contexts read through the same views
// (`trackReads`), so that typing into a setting no one reads keeps its part (workspace/component.ts).
import { settingOrigin } from '../config/chunkCache';
import type { ConfigModel, Setting } from '../config/types';
import type { Finding, OffsetRange } from '../core/finding';
import type { SslContext } from './ssl/contexts';

/** The maps a tracked computation reads: the context's settings by suffix, the model's by full key. */
const CONTEXT = 0;
const MODEL = 1;

/** One lookup an answer depended on: what `key` named in one of the maps, or nothing. */
interface Read {
  map: number;
  key: string;
  /** The setting found, as of the last check that used the answer (undefined: none), and its origin. */
  setting: Setting | undefined;
  origin: Setting | undefined;
  /** Its full key and pair text (compared when origins do not settle it). */
  text: string;
  /** Its pair range where the kept findings were made: their ranges lie in these. */
  at: OffsetRange | undefined;
}

interface Kept {
  reads: Read[];
  /** The context's keys, in order, when the computation walked them. */
  keys: string[] | undefined;
  /** Plain copies, at the `at` ranges of the reads; never handed out. */
  findings: Finding[];
}

/** Per-context answers of one document, for one environment. */
export class ContextMemo {
  private environment: string | undefined;
  /** Answers by rule, then by context or setting: two levels, so that asking builds no key string. */
  private kept = new Map<string, Map<string, Kept>>();
  private used = new Map<string, Map<string, Kept>>();

  /**
   * Starts a check in `environment` (undefined: nothing outlives the check). Answers of another environment, and
   * those the previous check did not ask for, are dropped.
   */
  startCheck(environment: string | undefined): void {
    this.kept = environment !== undefined && environment === this.environment ? this.used : new Map();
    this.used = new Map();
    this.environment = environment;
  }

  /** The findings of `rule` for `name` (say a setting's key) computed from `inputs` alone, settings of a model of `text`. */
  findings(rule: string, name: string, inputs: readonly Setting[], text: string, compute: () => Finding[]): Finding[] {
    if (this.environment === undefined) return compute();
    const before = this.kept.get(rule)?.get(name);
    if (before && before.reads.length === inputs.length && before.reads.every((r, i) => r.key === inputs[i].key && same(r, inputs[i], text))) return this.reuse(rule, name, before);
    const findings = compute();
    this.keep(rule, name, inputs.map((s) => readOf(MODEL, s.key, s, text)), undefined, findings);
    return findings;
  }

  /**
   * The findings of `rule` for `name` (say a context's prefix), computed by `compute` from the views of `model`
   * and `context` it is handed, which record what it reads (see above). `compute` must read the model and the
   * context only through those views.
   */
  trackedFindings(rule: string, name: string, model: ConfigModel, context: SslContext, compute: (model: ConfigModel, context: SslContext) => Finding[]): Finding[] {
    if (this.environment === undefined) return compute(model, context);
    const maps: ReadonlyArray<ReadonlyMap<string, Setting>> = [context.settings, model.byKey];
    const before = this.kept.get(rule)?.get(name);
    if (before && (!before.keys || sameKeys(context.settings, before.keys)) && before.reads.every((r) => same(r, maps[r.map].get(r.key), model.text))) return this.reuse(rule, name, before);
    const log = new ReadLog(model.text);
    const findings = compute(trackedModel(model, log), { prefix: context.prefix, settings: new TrackedContext(context.settings, log) });
    if (!log.opaque) this.keep(rule, name, [...log.reads.values()], log.keys, findings);
    return findings;
  }

  /** A kept answer for this check, whose reads `same` moved to this check's settings; its findings, copied, move with them. */
  private reuse(rule: string, name: string, kept: Kept): Finding[] {
    this.use(rule, name, kept);
    if (kept.findings.length === 0) return [];
    const move = mover(kept.reads);
    return kept.findings.map((f) => copyFinding(f, move));
  }

  /** Keeps fresh findings when every range of them lies in a setting read. */
  private keep(rule: string, name: string, reads: Read[], keys: string[] | undefined, findings: Finding[]): void {
    const within = (r: OffsetRange) => reads.some((x) => x.at !== undefined && x.at.start <= r.start && r.end <= x.at.end);
    if (findings.every((f) => rangesOf(f).every(within))) this.use(rule, name, { reads, keys, findings: findings.map((f) => copyFinding(f, (r) => ({ ...r }))) });
  }

  private use(rule: string, name: string, kept: Kept): void {
    let byName = this.used.get(rule);
    if (!byName) this.used.set(rule, (byName = new Map()));
    byName.set(name, kept);
  }
}

/** A read of `key` in map `map` that found `setting`, in a model of `text`. */
function readOf(map: number, key: string, setting: Setting | undefined, text: string): Read {
  return { map, key, setting, origin: setting && settingOrigin(setting), text: setting ? textOf(setting, text) : '', at: setting?.pairRange };
}

function textOf(setting: Setting, text: string): string {
  return `${setting.key}\u0000${text.slice(setting.pairRange.start, setting.pairRange.end)}`;
}

/**
 * Whether `now` (a setting of a model of `text`) holds what the read found; if so the read now refers to it (an
 * answer whose reads do not all hold is computed again, and its reads dropped, so a partial update is harmless).
 */
function same(read: Read, now: Setting | undefined, text: string): boolean {
  const was = read.setting;
  if (now === undefined || was === undefined) return now === was;
  if (now === was) return true;
  const origin = settingOrigin(now);
  if (!(origin !== undefined && origin === read.origin && now.key === was.key) && textOf(now, text) !== read.text) return false;
  read.setting = now;
  read.origin = origin;
  return true;
}

function sameKeys(map: ReadonlyMap<string, Setting>, keys: readonly string[]): boolean {
  if (map.size !== keys.length) return false;
  let i = 0;
  for (const key of map.keys()) if (key !== keys[i++]) return false;
  return true;
}

/** What one computation read. */
class ReadLog {
  readonly reads = new Map<string, Read>();
  keys: string[] | undefined;
  /** It read something no lookup records: its answer is not kept. */
  opaque = false;
  /** Once closed (trackReads): where reads not recorded before go, by full key (`<prefix>*` for a walk). */
  private late: Set<string> | undefined;
  private prefix = '';

  constructor(private readonly text: string) {}

  read(map: number, key: string, setting: Setting | undefined): void {
    const id = `${map}\n${key}`;
    if (this.reads.has(id)) return;
    if (this.late) this.late.add(this.prefix + key);
    else this.reads.set(id, readOf(map, key, setting, this.text));
  }

  /** A walk of the keys (`keys` lists them); after closing, a first walk is a late read. */
  walk(keys: () => string[]): void {
    if (this.keys !== undefined) return;
    if (this.late) this.late.add(`${this.prefix}*`);
    else this.keys = keys();
  }

  /** A read nothing records (the model's text, its settings); after closing, a late read. */
  blind(): void {
    if (this.late) this.late.add(`${this.prefix}*`);
    else this.opaque = true;
  }

  /** Records nothing more; what is read from now on and was not before goes to `late`. */
  close(late: Set<string>, prefix: string): void {
    [this.late, this.prefix] = [late, prefix];
  }
}

/**
 * Settings by key that record each lookup in a ReadLog (found, or absent), and cannot be changed. What a walk
 * of them (keys, values, entries, size, forEach) records, and what it yields, is the subclass's `walk`.
 */
abstract class RecordingMap extends Map<string, Setting> {
  constructor(
    protected readonly source: ReadonlyMap<string, Setting>,
    protected readonly log: ReadLog,
    private readonly map: number,
    private readonly what: string,
  ) {
    super();
  }

  /** Records a walk and gives what it walks. */
  protected abstract walk(): ReadonlyMap<string, Setting>;

  override get(key: string): Setting | undefined {
    const setting = this.source.get(key);
    this.log.read(this.map, key, setting);
    return setting;
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  override get size(): number {
    return this.walk().size;
  }

  override keys(): MapIterator<string> {
    return this.walk().keys() as MapIterator<string>;
  }

  override values(): MapIterator<Setting> {
    return this.walk().values() as MapIterator<Setting>;
  }

  override entries(): MapIterator<[string, Setting]> {
    return this.walk().entries() as MapIterator<[string, Setting]>;
  }

  override [Symbol.iterator](): MapIterator<[string, Setting]> {
    return this.entries();
  }

  override forEach(f: (setting: Setting, key: string, map: Map<string, Setting>) => void, self?: unknown): void {
    this.walk().forEach((setting, key) => f.call(self, setting, key, this));
  }

  override set(): this {
    throw new Error(`the settings of a tracked ${this.what} cannot be changed`);
  }

  override delete(): boolean {
    throw new Error(`the settings of a tracked ${this.what} cannot be changed`);
  }

  override clear(): void {
    throw new Error(`the settings of a tracked ${this.what} cannot be changed`);
  }
}

/**
 * A context's settings: a walk records the list of keys and yields each setting wrapped, so that reading
 * anything of it but its key records it as read.
 */
class TrackedContext extends RecordingMap {
  private readonly wrapped = new Map<string, Setting>();

  constructor(source: ReadonlyMap<string, Setting>, log: ReadLog) {
    super(source, log, CONTEXT, 'SSL context');
    for (const [suffix, setting] of source) this.wrapped.set(suffix, watched(suffix, setting, log));
  }

  protected walk(): ReadonlyMap<string, Setting> {
    this.log.walk(() => [...this.source.keys()]);
    return this.wrapped;
  }
}

/** A setting met on a walk of a context: reading anything but its key records it as read. */
function watched(suffix: string, setting: Setting, log: ReadLog): Setting {
  const record = () => log.read(CONTEXT, suffix, setting);
  return new Proxy(setting, {
    get(target, property, receiver) {
      if (property !== 'key') record();
      return Reflect.get(target, property, receiver);
    },
    has(target, property) {
      record();
      return Reflect.has(target, property);
    },
    ownKeys(target) {
      record();
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, property) {
      record();
      return Reflect.getOwnPropertyDescriptor(target, property);
    },
  });
}

/** The model's settings by full key: a walk of them makes the answer opaque. */
class TrackedKeys extends RecordingMap {
  constructor(source: ReadonlyMap<string, Setting>, log: ReadLog) {
    super(source, log, MODEL, 'model');
  }

  protected walk(): ReadonlyMap<string, Setting> {
    this.log.blind();
    return this.source;
  }
}

/** A view of `model` whose `byKey` records lookups; reading its text, settings or findings makes the answer opaque. */
function trackedModel(model: ConfigModel, log: ReadLog): ConfigModel {
  const byKey = new TrackedKeys(model.byKey, log);
  return new Proxy(model, {
    get(target, property, receiver) {
      if (property === 'byKey') return byKey;
      if (property === 'text' || property === 'settings' || property === 'findings') log.blind();
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Every range of a finding in its own document (related places in other files are not). */
function rangesOf(f: Finding): OffsetRange[] {
  return [f.range, ...(f.related ?? []).filter((r) => r.file === undefined).map((r) => r.range), ...(f.fixes ?? []).flatMap((x) => x.edits.map((e) => e.range))];
}

/** Moves a range inside the pair range a read had when the findings were made to the same place in its setting now. */
function mover(reads: readonly Read[]): (r: OffsetRange) => OffsetRange {
  if (reads.every((x) => x.at === undefined || x.setting!.pairRange.start === x.at.start)) return (r) => ({ start: r.start, end: r.end });
  return (r) => {
    const read = reads.find((x) => x.at !== undefined && x.at.start <= r.start && r.end <= x.at.end)!;
    const delta = read.setting!.pairRange.start - read.at!.start;
    return { start: r.start + delta, end: r.end + delta };
  };
}

/** A deep copy of a finding (plain data), with its own ranges moved. */
function copyFinding(f: Finding, move: (r: OffsetRange) => OffsetRange): Finding {
  const copy: Finding = { ...f, range: move(f.range) };
  if (f.related) copy.related = f.related.map((r) => ({ ...r, range: r.file === undefined ? move(r.range) : { ...r.range } }));
  if (f.fixes) copy.fixes = f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: move(e.range) })) }));
  if (f.tags) copy.tags = [...f.tags];
  if (f.data) copy.data = { ...f.data };
  return copy;
}

/**
 * What a computation read of a model and of some of its SSL contexts, as `trackReads` saw it through the same
 * views `trackedFindings` hands out: the full key of every lookup (found or not, in the model or in a context),
 * the contexts whose list of keys it walked, and whether it read what no lookup records (then all is an input).
 */
export interface SettingReads {
  keys: string[];
  /** The prefixes of the contexts walked. */
  walked: string[];
  opaque: boolean;
  /**
   * What was read through the views after `compute` returned (through settings or views it kept) and not
   * before, by full key (`<prefix>*`: a walk, or a read no lookup records). Such a read is in none of the above,
   * so a holder of the views must treat the record as incomplete once this is not empty.
   */
  late: ReadonlySet<string>;
}

/**
 * Runs `compute` on views of `model` and `contexts` that record what it reads (see `trackedFindings`), and says
 * what it read. Reads made after `compute` returns (through settings or views it kept) are not recorded but
 * noted in `late`.
 */
export function trackReads<T>(model: ConfigModel, contexts: readonly SslContext[], compute: (model: ConfigModel, contexts: SslContext[]) => T): { result: T; reads: SettingReads } {
  const modelLog = new ReadLog(model.text);
  const logs = contexts.map(() => new ReadLog(model.text));
  const result = compute(trackedModel(model, modelLog), contexts.map((c, i) => ({ prefix: c.prefix, settings: new TrackedContext(c.settings, logs[i]) })));
  const keys = [...modelLog.reads.values()].map((r) => r.key);
  contexts.forEach((c, i) => {
    for (const r of logs[i].reads.values()) keys.push(c.prefix + r.key);
  });
  const walked = contexts.filter((_, i) => logs[i].keys !== undefined).map((c) => c.prefix);
  const late = new Set<string>();
  modelLog.close(late, '');
  contexts.forEach((c, i) => logs[i].close(late, c.prefix));
  return { result, reads: { keys: [...new Set(keys)], walked, opaque: modelLog.opaque, late } };
}
