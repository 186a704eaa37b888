// Recognises a YAML file's deployment form by content and returns the settings documents inside it.
import { checkLimits, limitFinding } from '../limits';
import { blankTemplates } from '../templating';
import { readCompose } from './compose';
import { readConfigMap } from './configMap';
import { readEck } from './eck';
import { readHelm, isHelmValues } from './helm';
import { MAX_HOST_TOKENS, parseHost } from './hostYaml';
import { sniffForms } from './sniff';
import type { EmbeddedDocument, FormKind, FormsResult } from './types';
import type { Finding } from '../../rules/finding';

/** Settings documents read from one host file; a 5,000-resource manifest is checked up to here. */
export const MAX_EMBEDDED_DOCUMENTS = 1000;

/**
 * The settings documents of a host file (ECK manifest, Helm values, compose file, ConfigMap), or undefined
 * when the text is none of these forms (a plain settings file, or YAML of another kind). `form` forces one
 * form instead of the content sniff; `plain` always answers undefined.
 */
export function recognizeForms(text: string, form?: FormKind): FormsResult | undefined {
  if (form === 'plain') return undefined;
  const candidates = form ? [form] : sniffForms(text);
  if (candidates.length === 0) return undefined;
  const result: FormsResult = { form: candidates[0], documents: [], findings: [] };
  const limit = checkLimits(text);
  if (limit) return { ...result, findings: [limit] };
  const docs = parseHost(blankTemplates(text));
  if (!docs) {
    const message = `The file holds more than ${MAX_HOST_TOKENS} YAML tokens, more than any deployment file needs, so it is not checked.`;
    return { ...result, findings: [limitFinding(text, 'file-too-large', message)] };
  }
  const found = new Set<FormKind>();
  for (const doc of docs) {
    if (result.documents.length >= MAX_EMBEDDED_DOCUMENTS) {
      result.findings.push(tooManyDocuments(text));
      break;
    }
    readDocument(text, doc, candidates, result, found);
  }
  result.form = candidates.find((c) => found.has(c)) ?? candidates[0];
  if (result.documents.length > MAX_EMBEDDED_DOCUMENTS) result.documents.length = MAX_EMBEDDED_DOCUMENTS;
  return result;
}

function readDocument(text: string, doc: Parameters<typeof readEck>[1], candidates: FormKind[], out: FormsResult, found: Set<FormKind>): void {
  const before = out.documents.length + out.findings.length;
  const mark = (kind: FormKind) => {
    if (out.documents.length + out.findings.length > before) found.add(kind);
  };
  if (candidates.includes('eck')) (readEck(text, doc, out), mark('eck'));
  if (candidates.includes('helm') && isHelmValues(doc.contents)) (readHelm(text, doc, out), mark('helm'));
  if (candidates.includes('compose')) (readCompose(text, doc, out), mark('compose'));
  if (candidates.includes('configmap')) (readConfigMap(text, doc, out), mark('configmap'));
}

function tooManyDocuments(text: string): Finding {
  const message = `The file holds more than ${MAX_EMBEDDED_DOCUMENTS} settings documents; only the first ${MAX_EMBEDDED_DOCUMENTS} are checked.`;
  return { ...limitFinding(text, 'file-too-large', message), severity: 'information' };
}

export type { EmbeddedDocument };
