import type { Finding, OffsetRange } from '../core/finding';
import { isForeignSource } from './foreignSource';
import { settle, type ChunkCache, type Piece, type TopSpan } from './chunkCache';
import type { ChunkSpan } from './chunks';
import { checkLimits, limitFinding, MAX_SYNTAX_FINDINGS, MAX_YAML_TOKENS } from './limits';
import { parseChunk, shift, shiftFinding, shiftSettings, type ChunkResult, type KeyPart } from './parseChunk';
import { TemplateBranches } from './templateBranches';
import { blankTemplates, mayHoldTemplates, moveLeadingTags, unshiftOffset, type LineShift } from './templating';
import type { ConfigModel, ParseOptions, Setting } from './types';

/**
 * Parses a settings file into a model: every leaf setting with its full dotted key, whether written flat
 * (`a.b.c: v`), nested or mixed, in source order, over all `---` documents. Duplicates are kept in
 * `settings` and reported; YAML errors and limits become findings. Never throws on user input.
 *
 * Without `cache` the file is one yaml parse. With a cache (one per open document, kept by the caller) the
 * file is cut into pieces at top-level entries and each piece is parsed by yaml alone, reusing the pieces an
 * edit did not touch; the model is the same as the single parse gives.
 */
export function parseConfig(text: string, options: ParseOptions, cache?: ChunkCache): ConfigModel {
  const model: ConfigModel = { product: options.product, filePath: options.filePath, text, settings: [], byKey: new Map(), findings: [] };
  const limit = checkLimits(text);
  if (limit) {
    model.findings.push(limit);
    return model;
  }
  // Lines such as `{% if x %}key: value` are read as `key: value`; `moved.shifts` maps their offsets back.
  const moved = moveLeadingTags(text);
  const view = moved?.view ?? text;
  const parsed = blankTemplates(view);
  const reader: Reader = { text: view, parsed, cache };
  const spans: TopSpan[] = cache ? cache.plan(view, parsed) : [{ span: { start: 0, end: parsed.length }, moved: 0, piece: undefined }];
  const errors: Finding[] = [];
  let tokens = 0;
  try {
    for (let i = 0; i < spans.length; i++) {
      const top = spans[i];
      settle(top);
      if (!top.piece) {
        reader.keys = top.span.section ? [] : undefined;
        top.piece = readSpan(reader, top.span, []);
        top.keys = reader.keys;
        reader.keys = undefined;
      }
      let piece = top.piece;
      if (piece) tokens += piece.tokens;
      // A piece with any yaml error may end inside something the next piece continues, and yaml's recovery
      // may join lines across the cut: from here on, the rest of the file is parsed in one piece. A section
      // is trusted only when all its parts parsed cleanly.
      const rest = piece && !piece.clean && (i + 1 < spans.length || top.span.section !== undefined);
      if (rest) {
        piece = readSpan(reader, { start: top.span.start, end: parsed.length }, []);
        if (piece) tokens += piece.tokens;
      }
      if (!piece || tokens > MAX_YAML_TOKENS) return tooManyTokens(model);
      for (const setting of piece.settings) model.settings.push(setting);
      for (const finding of piece.findings) model.findings.push(finding);
      for (const e of piece.errors) errors.push(syntaxFinding(e.message, e.range, view));
      if (rest) break;
    }
    // Kept only once every span read stayed within the token budget.
    cache?.keep(view, parsed, spans);
  } finally {
    cache?.finishParse();
  }
  const syntax = dedupe(errors).slice(0, MAX_SYNTAX_FINDINGS);
  model.findings.push(...(isForeignSource(options.filePath) ? syntax.map(asForeignSourceHint) : syntax));
  if (moved) unshiftModel(model, moved.shifts);
  indexSettings(model);
  return model;
}

/** Puts every range of the settings and findings back on the user's text, from the view the parser read. */
function unshiftModel(model: ConfigModel, shifts: readonly LineShift[]): void {
  const at = (r: OffsetRange): OffsetRange => ({ start: unshiftOffset(r.start, shifts), end: unshiftOffset(r.end, shifts) });
  model.settings = model.settings.map((s) => ({
    ...s,
    keyRange: at(s.keyRange),
    keyParts: s.keyParts.map((p) => ({ text: p.text, range: at(p.range) })),
    pairRange: at(s.pairRange),
    value: s.value.kind === 'list' ? { ...s.value, range: at(s.value.range), items: s.value.items.map((i) => ({ ...i, range: at(i.range) })) } : { ...s.value, range: at(s.value.range) },
  }));
  model.findings = model.findings.map((f) => ({ ...f, range: at(f.range), ...(f.related ? { related: f.related.map((r) => ({ ...r, range: at(r.range) })) } : {}) }));
}

/** What one parse reads from: the user's text, the text yaml sees, the document's cache. */
interface Reader {
  text: string;
  parsed: string;
  cache: ChunkCache | undefined;
  /** Collects the cache keys of the pieces read, while a section is read. */
  keys?: string[];
}

/** Reads one span (a section through its parts); undefined once a piece passes the token limit. */
function readSpan(reader: Reader, span: ChunkSpan, parents: KeyPart[]): Piece | undefined {
  if (span.section) return readSection(reader, span, span.section, parents);
  const result = readPiece(reader, span.start, span.end);
  if (result.overBudget) return undefined;
  const placed = reader.cache
    ? reader.cache.place(result, span.start, parents)
    : { settings: shiftSettings(result.settings, span.start, parents), findings: result.findings.map((f) => shiftFinding(f, span.start)) };
  const errors = result.errors.map((e) => ({ message: e.message, range: shift(e.range, span.start) }));
  return { settings: placed.settings, findings: placed.findings, errors, clean: errors.length === 0, tokens: result.tokens };
}

/**
 * A `key:` entry whose map was cut into pieces: the header line alone gives the key (yaml reads it as a key
 * with no value), and each piece of the map is read under it.
 */
function readSection(reader: Reader, span: ChunkSpan, section: NonNullable<ChunkSpan['section']>, parents: KeyPart[]): Piece | undefined {
  const header = readPiece(reader, span.start, section.headerEnd);
  if (header.overBudget) return undefined;
  const own = header.settings.length === 1 && header.settings[0].value.kind === 'null' ? header.settings[0].keyParts : undefined;
  const clean = own !== undefined && header.errors.length === 0 && header.findings.length === 0;
  const piece: Piece = { settings: [], findings: [], errors: [], clean, tokens: header.tokens };
  if (!own || !clean) return piece;
  const under = [...parents, ...own.map((p) => ({ text: p.text, range: shift(p.range, span.start) }))];
  for (const child of section.body) {
    const part = readSpan(reader, child, under);
    if (!part) return undefined;
    piece.tokens += part.tokens;
    if (!part.clean) return { ...piece, clean: false };
    for (const setting of part.settings) piece.settings.push(setting);
    for (const finding of part.findings) piece.findings.push(finding);
  }
  return piece;
}

/** yaml's result for `[start, end)`, from the cache when the same text was parsed before. */
function readPiece(reader: Reader, start: number, end: number): ChunkResult {
  const { text, parsed, cache } = reader;
  const whole = start === 0 && end === parsed.length;
  const source = whole ? parsed : parsed.slice(start, end);
  const original = parsed === text ? source : text.slice(start, end);
  if (!cache) return parseChunk(source, original);
  // Settings quote the user's text, so blanked templates make the original part of the key.
  const key = original === source ? source : `${source}\0${original}`;
  reader.keys?.push(key);
  return cache.get(key, () => parseChunk(source, original));
}

function tooManyTokens(model: ConfigModel): ConfigModel {
  model.settings.length = 0;
  model.findings.length = 0;
  const message = `The file holds more than ${MAX_YAML_TOKENS} YAML tokens, more than any settings file needs, so it is not checked.`;
  model.findings.push(limitFinding(model.text, 'file-too-large', message));
  return model;
}

/**
 * Fills `byKey` with each first occurrence and reports every later one as a duplicate, unless the two stand in
 * different branches of a template conditional (only one of them is ever rendered).
 */
function indexSettings(model: ConfigModel): void {
  let branches: TemplateBranches | undefined;
  // Asked once, not for each repeated key: it scans the whole text.
  let templates: boolean | undefined;
  for (const setting of model.settings) {
    const first = model.byKey.get(setting.key);
    if (!first) {
      model.byKey.set(setting.key, setting);
      continue;
    }
    if ((templates ??= mayHoldTemplates(model.text))) {
      branches ??= TemplateBranches.of(model.text);
      if (branches.exclusive(first.keyRange.start, setting.keyRange.start)) continue;
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

/** A syntax error in a file of another language: the product reads the YAML it produces, so a hint. */
function asForeignSourceHint(finding: Finding): Finding {
  return { ...finding, severity: 'hint', message: `${finding.message} (this file is not YAML; only the settings that parse are checked)` };
}

function syntaxFinding(message: string, range: OffsetRange, text: string): Finding {
  return {
    ruleId: 'yaml-syntax',
    severity: 'error',
    message: `YAML syntax error: ${firstLine(message)}`,
    range: widen({ start: Math.min(range.start, text.length), end: Math.min(range.end, text.length) }, text),
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
