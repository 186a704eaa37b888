// For the certificate viewer: each TLS context of the workspace that presents a certificate from a given file, with
// the chain that certificate builds and its verification against the CAs configured beside it (the same context's
// certificate_authorities / certificateAuthorities or truststore, as anchorsOf reads them). The product verifies a
// peer's chain the same way (Elasticsearch: the transport layer's nodes present and verify with one context).
import * as path from 'node:path';
import { verifyChain, type ChainProblem } from '../pki/verify';
import type { ParsedCertificate } from '../pki/parsed';
import type { ContextFile } from '../rules/certificates/files';
import type { ComponentPart, LoadedContext } from './component';
import type { StackPlace } from './types';

/** A setting and where it is written, with a short `file:line` label relative to the workspace folder. */
export interface SettingPlace {
  setting: string;
  /** The path as written (one item of a list setting). */
  value: string;
  place: StackPlace;
  label: string;
}

/** One context presenting a certificate of the file, and whether its own CAs verify the chain. */
export interface ConfiguredTrust {
  /** The component (node, Kibana instance) and its context's settings prefix. */
  component: string;
  prefix: string;
  /** The setting that names the file (certificate or keystore path). */
  usedBy: SettingPlace;
  /** Subjects of the chain as built, leaf first, ending with the CA reached when there is one. */
  chain: string[];
  /** `trusted`: the chain reaches a configured CA with no problem; `no-cas`: the context configures no CA. */
  verdict: 'trusted' | 'untrusted' | 'no-cas';
  /** The configured CA the chain reached, and the setting that configures it. */
  anchor?: { subject: string; setting: SettingPlace };
  /** Every CA setting of the context (certificate authorities, truststore). */
  authorities: SettingPlace[];
  /** One sentence saying why. */
  message: string;
}

type Label = (part: ComponentPart, offset: number) => string;

function settingPlace(part: ComponentPart, cf: ContextFile, label: Label): SettingPlace {
  const p = part.lines.positionAt(cf.item.range.start);
  return { setting: cf.setting.key, value: cf.item.text, place: { file: part.file, line: p.line, column: p.character }, label: label(part, cf.item.range.start) };
}

const same = (a: ParsedCertificate, b: ParsedCertificate) => a.summary.fingerprints.sha256 === b.summary.fingerprints.sha256;

/** The CA settings of a context and which of them holds a given anchor. */
function trustFiles(context: LoadedContext): ContextFile[] {
  return [...context.files.authorities, ...(context.files.truststore ? [context.files.truststore] : [])];
}

/** `setting (file:line)`, once each: the items of one list setting share their line. */
function where(places: SettingPlace[]): string {
  return [...new Set(places.map((p) => `${p.setting} (${p.label})`))].join(', ');
}

function untrustedMessage(problem: ChainProblem, cas: string): string {
  switch (problem.kind) {
    case 'missing-issuer':
      return `Not trusted: its issuer ${problem.issuer ?? problem.certificate.issuer} is not among the CAs configured beside it in ${cas}.`;
    case 'untrusted-root':
      return `Not trusted: ${problem.certificate.subject} is self-signed and not among the CAs configured beside it in ${cas}.`;
    default:
      return `Not trusted: ${problem.message}`;
  }
}

/** The verdict of one context on its presented chain. */
export function contextTrust(part: ComponentPart, context: LoadedContext, now: Date, label: Label): ConfiguredTrust | undefined {
  const source = context.files.certificate ?? context.files.keystore;
  if (!context.leaf || !source) return undefined;
  const base = { component: part.data.name, prefix: context.data.prefix, usedBy: settingPlace(part, source, label) };
  const files = trustFiles(context);
  const authorities = files.map((f) => settingPlace(part, f, label));
  const anchors = context.anchors;
  if (!anchors || anchors.length === 0) {
    const chain = [context.leaf, ...context.extra].map((c) => c.summary.subject);
    const message = anchors
      ? `Not verified: the CA settings beside it (${where(authorities)}) hold no certificate.`
      : `Not verified: no certificate authorities or truststore are configured beside it (${context.data.prefix}*).`;
    return { ...base, chain, verdict: 'no-cas', authorities, message };
  }
  const result = verifyChain(context.leaf, context.extra, anchors, now);
  const chain = result.chain.map((c) => c.summary.subject);
  const holder = result.anchor ? files.find((f) => f.file.certificates.some((c) => same(c, result.anchor!)) || f.file.entries.some((e) => e.chain.some((c) => same(c, result.anchor!)))) : undefined;
  const anchor = result.anchor ? { subject: result.anchor.summary.subject, setting: holder ? settingPlace(part, holder, label) : authorities[0] } : undefined;
  if (result.ok && anchor) {
    return { ...base, chain, verdict: 'trusted', anchor, authorities, message: `Trusted by ${anchor.subject}, configured in ${where([anchor.setting])}.` };
  }
  const problem = result.problems[0];
  // The chain reached a configured CA, yet something on it fails (an expired certificate, an issuer not marked CA).
  const reached = anchor && problem ? `Not trusted: it chains to ${anchor.subject}, configured in ${where([anchor.setting])}, but ${problem.message}` : undefined;
  const message = reached ?? (problem ? untrustedMessage(problem, where(authorities)) : 'Not trusted.');
  return { ...base, chain, verdict: 'untrusted', ...(anchor ? { anchor } : {}), authorities, message };
}

/** A path to compare: resolved, and on Windows without case (VS Code and settings may spell a drive letter differently). */
function comparable(p: string): string {
  const resolved = path.resolve(p);
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}

/** Every context of `parts` that presents a certificate read from `file`, with its verdict. */
export function configuredTrust(parts: readonly ComponentPart[], file: string, now: Date, label: Label): ConfiguredTrust[] {
  const want = comparable(file);
  const out: ConfiguredTrust[] = [];
  for (const part of parts) {
    for (const context of part.contexts) {
      const source = context.files.certificate ?? context.files.keystore;
      if (!source || comparable(source.path) !== want) continue;
      const trust = contextTrust(part, context, now, label);
      if (trust) out.push(trust);
    }
  }
  return out;
}
