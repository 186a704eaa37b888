// Chain building: from a leaf, through the extra certificates it came with, to one of the trust anchors,
// checking names, key identifiers, signatures, validity and CA flags, and naming what is missing.
import type { CertSummary } from './types';
import type { ParsedCertificate } from './x509/summary';

export type ChainProblemKind = 'missing-issuer' | 'signature-mismatch' | 'untrusted-root' | 'expired' | 'not-yet-valid' | 'issuer-not-ca' | 'too-long';

/** Why a chain does not verify, with the certificate where it broke. */
export interface ChainProblem {
  kind: ChainProblemKind;
  message: string;
  certificate: CertSummary;
  /** For missing-issuer and signature-mismatch: the issuer DN the certificate names. */
  issuer?: string;
}

export interface ChainResult {
  ok: boolean;
  /** Leaf first, then intermediates, then the anchor when one was reached. */
  chain: ParsedCertificate[];
  anchor?: ParsedCertificate;
  problems: ChainProblem[];
}

const MAX_DEPTH = 10;

/**
 * Answers of isIssuedBy per pair of parsed certificates. Both are immutable and kept by the file cache while
 * their files are unchanged, so the answer holds as long as they live; a signature check costs far more than
 * anything else an edit re-runs.
 */
const issuedBy = new WeakMap<ParsedCertificate, WeakMap<ParsedCertificate, boolean>>();

/** Name, AKI/SKI and signature: did `issuer` sign `child`? */
export function isIssuedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  let byIssuer = issuedBy.get(child);
  if (!byIssuer) issuedBy.set(child, (byIssuer = new WeakMap()));
  let answer = byIssuer.get(issuer);
  if (answer === undefined) byIssuer.set(issuer, (answer = checkIssued(child, issuer)));
  return answer;
}

function checkIssued(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  try {
    return child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

function sameCert(a: ParsedCertificate, b: ParsedCertificate): boolean {
  return a.summary.fingerprints.sha256 === b.summary.fingerprints.sha256;
}

function validityProblems(chain: ParsedCertificate[], now: Date): ChainProblem[] {
  const out: ChainProblem[] = [];
  for (const c of chain) {
    if (new Date(c.summary.notAfter) < now) out.push({ kind: 'expired', certificate: c.summary, message: `${c.summary.subject} expired on ${c.summary.notAfter.slice(0, 10)}.` });
    else if (new Date(c.summary.notBefore) > now) out.push({ kind: 'not-yet-valid', certificate: c.summary, message: `${c.summary.subject} is not valid before ${c.summary.notBefore.slice(0, 10)}.` });
  }
  for (const c of chain.slice(1)) {
    if (!c.summary.isCA) out.push({ kind: 'issuer-not-ca', certificate: c.summary, message: `${c.summary.subject} signs other certificates but is not marked as a CA (basicConstraints).` });
  }
  return out;
}

/**
 * Builds and checks the chain of `leaf` using `extra` certificates (the rest of the presented chain) up to one
 * of `anchors`. A leaf that is itself an anchor verifies. Validity is checked against `now`.
 */
export function verifyChain(leaf: ParsedCertificate, extra: readonly ParsedCertificate[], anchors: readonly ParsedCertificate[], now: Date): ChainResult {
  const chain = [leaf];
  let current = leaf;
  for (;;) {
    const anchorSelf = anchors.find((a) => sameCert(a, current));
    if (anchorSelf) return finish(chain, anchorSelf, [], now);
    const anchor = anchors.find((a) => isIssuedBy(current, a));
    if (anchor) {
      chain.push(anchor);
      return finish(chain, anchor, [], now);
    }
    const next = extra.find((c) => !chain.some((x) => sameCert(x, c)) && isIssuedBy(current, c));
    if (!next || current.summary.selfSigned) return finish(chain, undefined, [breakProblem(current, anchors)], now);
    if (chain.length >= MAX_DEPTH) return finish(chain, undefined, [{ kind: 'too-long', certificate: current.summary, message: 'The chain is longer than 10 certificates.' }], now);
    chain.push(next);
    current = next;
  }
}

function breakProblem(current: ParsedCertificate, anchors: readonly ParsedCertificate[]): ChainProblem {
  const s = current.summary;
  if (s.selfSigned) {
    return { kind: 'untrusted-root', certificate: s, message: `${s.subject} is self-signed and not among the trusted certificates.` };
  }
  const sameName = anchors.find((a) => a.summary.subject === s.issuer);
  if (sameName) {
    return {
      kind: 'signature-mismatch',
      certificate: s,
      issuer: s.issuer,
      message: `${s.subject} names ${s.issuer} as issuer, but the trusted certificate with that name did not sign it (was the CA regenerated?).`,
    };
  }
  return { kind: 'missing-issuer', certificate: s, issuer: s.issuer, message: `No trusted or supplied certificate issued ${s.subject}; it needs its issuer ${s.issuer}.` };
}

function finish(chain: ParsedCertificate[], anchor: ParsedCertificate | undefined, problems: ChainProblem[], now: Date): ChainResult {
  const all = [...problems, ...validityProblems(chain, now)];
  return { ok: all.length === 0 && !!anchor, chain, anchor, problems: all };
}
