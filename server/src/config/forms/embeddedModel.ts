// A settings model of one embedded document, in the host file's offsets.
import type { AnswerMemo } from '../../core/answerMemo';
import { parseConfig } from '../parse';
import { shiftFinding, shiftSettings } from '../parseChunk';
import type { ConfigModel } from '../types';
import { regionText } from './hostYaml';
import type { EmbeddedDocument } from './types';

/**
 * The model of an embedded document. Its `text` is the whole host text and every range (settings, parse
 * findings) is a host offset, so rules, hovers, completion and fixes work on it as on a settings file.
 * `filePath` is left out: the document's relative paths resolve inside a container or pod, not beside the host.
 * With `parses`, a region whose text an earlier document of this check (or of the previous check) had is not
 * parsed again: manifests repeat their configs, and an edit changes one document.
 */
export function embeddedModel(host: string, doc: EmbeddedDocument, parses?: AnswerMemo<ConfigModel>): ConfigModel {
  if (doc.source === 'settings') {
    const model: ConfigModel = { product: doc.product, text: host, settings: doc.settings, byKey: new Map(), findings: [] };
    for (const s of doc.settings) if (!model.byKey.has(s.key)) model.byKey.set(s.key, s);
    return model;
  }
  const region = regionText(host, doc);
  const parse = () => parseConfig(region, { product: doc.product });
  const parsed = parses ? parses.remember(`${doc.product}\n${region}`, parse) : parse();
  const settings = shiftSettings(parsed.settings, doc.start);
  const byKey = new Map<string, (typeof settings)[number]>();
  for (const s of settings) if (!byKey.has(s.key)) byKey.set(s.key, s);
  return { product: doc.product, text: host, settings, byKey, findings: parsed.findings.map((f) => shiftFinding(f, doc.start)) };
}
