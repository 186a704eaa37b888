import { parseAllDocuments } from 'yaml';
import { splitChunks, type Chunk } from './chunks';
import type { Finding, OffsetRange } from '../rules/finding';
import { checkLimits, MAX_ALIAS_COUNT } from './limits';
import { blankTemplates, isTemplated } from './templating';
import type { ConfigModel, ParseOptions, Setting, SettingValue } from './types';
import { walkDocument, type WalkState } from './walk';

/** At most this many YAML syntax errors are reported; the rest add noise, not help. */
const MAX_SYNTAX_FINDINGS = 20;

/**
 * Parses a settings file into a model: every leaf setting with its full dotted key, whether written flat
 * (`a.b.c: v`), nested or mixed, in source order, over all `---` documents. Duplicates are kept in
 * `settings` and reported; YAML errors and limits become findings. Never throws on user input.
 */
export function parseConfig(text: string, options: ParseOptions): ConfigModel {
  return parseWith(text, options, true);
}

/** The same parse with every line going through yaml; the reference the line reader is tested against. */
export function parseConfigWithYamlOnly(text: string, options: ParseOptions): ConfigModel {
  return parseWith(text, options, false);
}

function parseWith(text: string, options: ParseOptions, readLines: boolean): ConfigModel {
  const model: ConfigModel = {
    product: options.product,
    filePath: options.filePath,
    text,
    settings: [],
    byKey: new Map(),
    findings: [],
  };
  const limit = checkLimits(text);
  if (limit) {
    model.findings.push(limit);
    return model;
  }
  const parsed = blankTemplates(text);
  const state: WalkState = { text, settings: model.settings, findings: model.findings, aliasBudget: MAX_ALIAS_COUNT, base: 0 };
  const syntax: Finding[] = [];
  const chunks = readLines ? splitChunks(parsed) : undefined;
  for (const chunk of chunks ?? [{ kind: 'yaml', start: 0, end: parsed.length } as Chunk]) {
    if (chunk.kind === 'line') model.settings.push(lineSetting(chunk, text));
    else parseYaml(parsed, chunk.start, chunk.end, state, syntax);
  }
  model.findings.push(...dedupe(syntax).slice(0, MAX_SYNTAX_FINDINGS));
  indexSettings(model);
  return model;
}

/** Parses `parsed[start, end)` with yaml and walks its documents into settings. */
function parseYaml(parsed: string, start: number, end: number, state: WalkState, syntax: Finding[]): void {
  const source = start === 0 && end === parsed.length ? parsed : parsed.slice(start, end);
  // Aliases are never expanded by the parser here (no toJS); the walk follows at most MAX_ALIAS_COUNT of them.
  const docs = withoutStackTraces(() => parseAllDocuments(source, { uniqueKeys: false, prettyErrors: false }));
  state.base = start;
  docs.forEach((doc, i) => {
    for (const error of doc.errors.slice(0, MAX_SYNTAX_FINDINGS)) {
      syntax.push(syntaxFinding(error.message, [error.pos[0] + start, error.pos[1] + start], state.text));
    }
    walkDocument(doc, i, state);
  });
}

/**
 * Runs the parser with stack capture off: yaml builds an Error object for every problem, and garbage such as a
 * long run of quotes yields one per character, where capturing stacks would double the time. Restored at once.
 */
function withoutStackTraces<T>(run: () => T): T {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = saved;
  }
}

const NULL_VALUES = new Set(['', '~', 'null', 'Null', 'NULL']);

/** A setting from a line the chunk reader took directly: a flat key and a plain or simply quoted scalar. */
function lineSetting(line: Extract<Chunk, { kind: 'line' }>, text: string): Setting {
  const keyRange = { start: line.keyStart, end: line.keyEnd };
  const range = { start: line.valueStart, end: line.valueEnd };
  const source = text.slice(range.start, range.end);
  const quoted = source.startsWith('"') || source.startsWith("'");
  const value: SettingValue = !quoted && NULL_VALUES.has(source)
    ? { kind: 'null', range }
    : { kind: 'scalar', text: quoted ? source.slice(1, -1) : source, source, range, quoted, templated: isTemplated(source) };
  const key = text.slice(keyRange.start, keyRange.end);
  return { key, keyRange, keyParts: [{ text: key, range: keyRange }], value, pairRange: { start: keyRange.start, end: Math.max(keyRange.end, range.end) }, document: 0 };
}

/** Fills `byKey` with each first occurrence and reports every later one as a duplicate. */
function indexSettings(model: ConfigModel): void {
  for (const setting of model.settings) {
    const first = model.byKey.get(setting.key);
    if (!first) {
      model.byKey.set(setting.key, setting);
      continue;
    }
    model.findings.push(duplicateFinding(setting, first, model.product));
  }
}

function duplicateFinding(setting: Setting, first: Setting, product: string): Finding {
  // Elasticsearch refuses repeated keys outright; Kibana's YAML reader refuses them within one map and keeps
  // only one value when flat and nested forms repeat a key.
  const consequence = product === 'kibana' ? 'only one of the values can take effect' : 'Elasticsearch refuses a file that repeats a key';
  return {
    ruleId: 'duplicate-setting',
    severity: 'error',
    message: `The setting \`${setting.key}\` is set more than once; ${consequence}.`,
    range: setting.keyRange,
    related: [{ message: `\`${first.key}\` is first set here.`, range: first.keyRange }],
  };
}

function syntaxFinding(message: string, pos: [number, number], text: string): Finding {
  return {
    ruleId: 'yaml-syntax',
    severity: 'error',
    message: `YAML syntax error: ${firstLine(message)}`,
    range: widen({ start: Math.min(pos[0], text.length), end: Math.min(pos[1], text.length) }, text),
  };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** A zero-width error range grows to the rest of its word (or one character) so editors can show it. */
function widen(range: OffsetRange, text: string): OffsetRange {
  if (range.end > range.start) return range;
  let { start } = range;
  if (start >= text.length) start = Math.max(0, text.length - 1);
  let end = start;
  // Bounded, so thousands of errors in one long word do not rescan it each time.
  while (end < text.length && end - start < 80 && !/\s/.test(text[end])) end++;
  if (end === start) end = Math.min(text.length, start + 1);
  return { start, end };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = `${f.range.start}:${f.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
