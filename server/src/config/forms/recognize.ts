// Recognises a YAML file's deployment form by content and returns the settings documents inside it.
import { checkLimits, limitFinding } from '../limits';
import { blankTemplates } from '../templating';
import { readCompose } from './compose';
import { readConfigMap } from './configMap';
import { readEck } from './eck';
import { readHelm, isHelmValues } from './helm';
import { MAX_HOST_TOKENS, parseHost } from './hostYaml';
import { emptyObjects, readKubernetesObject } from './kubernetes';
import { candidateForms, type FormSniff } from './formSniff';
import { sniffForms } from './sniff';
import type { FormKind, FormsResult } from './types';
import type { Document } from 'yaml';

/**
 * The settings documents of a host file (ECK manifest, Helm values, compose file, ConfigMap), or undefined
 * when the text is none of these forms (a plain settings file, or YAML of another kind). `form` forces one
 * form instead of the content sniff; `plain` always answers undefined. A Beats or Agent file (by `fileName` or
 * content) answers the form `beats` with no document. `sniff`, an open document's FormSniff, makes the
 * content sniff of a new version cost what the edit changed; the answer is the same.
 */
export function recognizeForms(text: string, form?: FormKind, fileName?: string, sniff?: FormSniff): FormsResult | undefined {
  if (form === 'plain') return undefined;
  // A Beats file is checked as a whole (rules/beats.ts); it holds no settings document of its own.
  const candidates = form ? [form] : sniff ? sniff.candidates(text, fileName) : candidateForms(text, fileName);
  if (candidates.length === 0) return undefined;
  const result: FormsResult = { form: candidates[0], documents: [], findings: [], kubernetes: emptyObjects() };
  const limit = checkLimits(text);
  if (limit) return { ...result, findings: [limit] };
  if (candidates[0] === 'beats') return result;
  const docs = parseHost(blankTemplates(text), manifestFilter(candidates));
  if (!docs) {
    const message = `The file holds more than ${MAX_HOST_TOKENS} YAML tokens, more than any deployment file needs, so it is not checked.`;
    return { ...result, findings: [limitFinding(text, 'file-too-large', message)] };
  }
  const found = new Set<FormKind>();
  for (const doc of docs) {
    readDocument(text, doc, candidates, result, found);
    if (candidates.includes('eck')) readKubernetesObject(doc, result.kubernetes);
  }
  result.form = candidates.find((c) => found.has(c)) ?? candidates[0];
  return result;
}

/** The readers of each form; a reader adds what it finds in one YAML document of the host. */
const READERS: ReadonlyArray<[FormKind, (text: string, doc: Document.Parsed, out: FormsResult) => void]> = [
  ['eck', readEck],
  ['helm', (text, doc, out) => isHelmValues(doc.contents) && readHelm(text, doc, out)],
  ['compose', readCompose],
  ['configmap', readConfigMap],
];

function readDocument(text: string, doc: Document.Parsed, candidates: FormKind[], out: FormsResult, found: Set<FormKind>): void {
  for (const [kind, read] of READERS) {
    if (!candidates.includes(kind)) continue;
    const before = out.documents.length + out.findings.length;
    read(text, doc, out);
    if (out.documents.length + out.findings.length > before) found.add(kind);
  }
}

/**
 * For a Kubernetes manifest (ECK or ConfigMap forms only), the documents worth building nodes for: ECK
 * resources, and the Secrets, cert-manager Certificates and ConfigMaps the readers look at. A values or compose
 * file is one document, read whole.
 */
function manifestFilter(candidates: readonly FormKind[]): ((source: string) => boolean) | undefined {
  if (candidates.some((c) => c !== 'eck' && c !== 'configmap')) return undefined;
  return (source) => sniffForms(source).length > 0 || KUBERNETES_OBJECT.test(source);
}

/** The kinds kubernetes.ts reads beside ECK resources. */
const KUBERNETES_OBJECT = /^\s*kind:\s*["']?(?:Secret|Certificate)\b/m;
