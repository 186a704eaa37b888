// `estls inspect`: reads a certificate, key or keystore file and prints what it holds, as text or JSON.
import 'reflect-metadata';
import * as path from 'node:path';
import { outputFormat, parseCommandArgs } from './args';
import { isFileGateError, readBounded } from '../core/fileGate';
import { isPkiError } from '../pki/errors';
import { inspectFile } from '../pki/inspect';
import type { CertSummary, CrlSummary, InspectResult, KeystoreEntry, SubjectAltName } from '../pki/types';
import { selectionText } from '../pki/keySelection';
import { crlFreshness } from '../pki/renderContainers';
import { ExitCode, type CliIo } from './io';

export const inspectUsage = `Usage: estls inspect [--pass P] [--format text|json] FILE

Reads a PEM, DER, PKCS#7, PKCS#12, JKS, JCEKS, CRL or elasticsearch.keystore file and prints its
certificates, keys, keystore entries, revocation lists, or (elasticsearch.keystore) setting names only.
The password may also come from the ESTLS_PASS environment variable (as in estls gen; --password
is the same as --pass); without one the empty password is tried.
Exit status: 0 read, 1 unreadable or wrong password, 2 bad usage.
`;

interface InspectArgs {
  format: 'text' | 'json';
  password?: string;
  file: string;
}

/** The password: --pass / --password, else ESTLS_PASS, else the older ESTLS_PASSWORD (with a line saying so). */
function passwordFrom(given: string | undefined, io: CliIo): string | undefined {
  if (given !== undefined) return given;
  if (io.env.ESTLS_PASS !== undefined) return io.env.ESTLS_PASS;
  if (io.env.ESTLS_PASSWORD === undefined) return undefined;
  io.err('estls inspect: ESTLS_PASSWORD is deprecated; set ESTLS_PASS instead (the name estls gen uses)\n');
  return io.env.ESTLS_PASSWORD;
}

function parseInspectArgs(args: string[], io: CliIo): InspectArgs | string {
  const parsed = parseCommandArgs(args, { format: { type: 'string' }, pass: { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help) return '';
  const chosen = outputFormat(values.format);
  if (typeof chosen === 'string') return chosen;
  const { format } = chosen;
  if (positionals.length !== 1) return 'give exactly one FILE';
  if (values.pass !== undefined && values.password !== undefined) return 'give --pass or --password, not both';
  return { format, password: passwordFrom(values.pass ?? values.password, io), file: positionals[0] };
}

/** Runs `estls inspect`; returns the exit code. */
export async function runInspect(args: string[], io: CliIo): Promise<number> {
  const parsed = parseInspectArgs(args, io);
  if (typeof parsed === 'string') {
    if (parsed === '') {
      io.out(inspectUsage);
      return ExitCode.ok;
    }
    io.err(`estls inspect: ${parsed}\n${inspectUsage}`);
    return ExitCode.usage;
  }
  const bytes = readInput(io, parsed.file);
  if (typeof bytes === 'string') {
    io.err(`estls inspect: ${parsed.file}: ${bytes}\n`);
    return ExitCode.findings;
  }
  try {
    const result = inspectFile(bytes, { fileName: parsed.file, password: parsed.password, clock: io.clock });
    io.out(parsed.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
    return ExitCode.ok;
  } catch (e) {
    const message = isPkiError(e) || isFileGateError(e) ? `${e.message} [${e.code}]` : 'the file could not be read';
    io.err(`estls inspect: ${parsed.file}: ${message}\n`);
    return ExitCode.findings;
  }
}

/** The file's bytes, or why there are none, in words (a folder, a missing file, an unreadable one). */
function readInput(io: CliIo, file: string): Uint8Array | string {
  const absolute = path.resolve(io.cwd, file);
  try {
    const stat = io.fs.stat(absolute);
    if (!stat) return 'no such file';
    if (stat.isDirectory) return 'is a folder; give a certificate, key or keystore file in it';
    // FIFOs, devices, /proc files and what is over the limit: the file gate refuses them and says which.
    return readBounded(io.fs, absolute, 'pki') ?? 'no such file';
  } catch (e) {
    if (isFileGateError(e)) return `${e.message} [${e.code}]`;
    return `cannot read it (${(e as NodeJS.ErrnoException).code ?? 'I/O error'})`;
  }
}

function sanText(s: SubjectAltName): string {
  return `${s.type}:${s.value}${s.unicode ? ` (${s.unicode})` : ''}`;
}

function certText(c: CertSummary, indent: string): string[] {
  const sans = c.sans.map(sanText).join(', ') || '(none)';
  const expiry = c.daysLeft < 0 ? `EXPIRED ${-c.daysLeft} days ago` : `${c.daysLeft} days left`;
  return [
    `${indent}Subject:     ${c.subject}`,
    `${indent}Issuer:      ${c.issuer}${c.selfSigned ? ' (self-signed)' : ''}`,
    `${indent}Names:       ${sans}`,
    `${indent}Valid:       ${c.notBefore} to ${c.notAfter} (${expiry})`,
    `${indent}Key:         ${[c.publicKey.algorithm, c.publicKey.curve, c.publicKey.size && `${c.publicKey.size} bits`].filter(Boolean).join(' ')}`,
    `${indent}CA:          ${c.isCA ? `yes${c.pathLength !== undefined ? ` (path length ${c.pathLength})` : ''}` : 'no'}`,
    `${indent}Usage:       ${[...c.keyUsage, ...c.extendedKeyUsage].join(', ') || '(not restricted)'}`,
    `${indent}Serial:      ${c.serialNumber}`,
    `${indent}Signature:   ${c.signatureAlgorithm}`,
    `${indent}SHA-256:     ${c.fingerprints.sha256}`,
  ];
}

/** The human-readable form of an InspectResult. */
export function renderText(r: InspectResult): string {
  const lines = [`${r.file} (${r.format})`];
  if (r.protection) {
    const p = r.protection;
    lines.push(`Protection: keys ${p.keyAlgorithm ?? 'none'}, certificates ${p.certAlgorithm ?? 'none'}, MAC ${p.macAlgorithm ?? 'none'}${p.iterations ? `, ${p.iterations} iterations` : ''}`);
  }
  lines.push(...containerText(r));
  if (r.entries.length > 0) {
    for (const e of r.entries) {
      lines.push('', `Entry ${e.alias ?? '(no alias)'}: ${entryKind(e)}`);
      e.certificates.forEach((c, i) => lines.push(`  [${i}]`, ...certText(c, '    ')));
    }
  } else {
    r.certificates.forEach((c, i) => lines.push('', `Certificate ${i + 1}`, ...certText(c, '  ')));
  }
  for (const k of r.keys.filter(() => r.entries.length === 0)) {
    const match = k.matchesCertificate === undefined ? '' : k.matchesCertificate ? ', matches the first certificate' : ', DOES NOT MATCH the first certificate';
    lines.push('', `Private key: ${[k.algorithm, k.curve, k.size && `${k.size} bits`].filter(Boolean).join(' ')}${k.encrypted ? ' (encrypted)' : ''}${match}`);
  }
  for (const csr of r.csrs ?? []) lines.push('', `Certificate request: ${csr.subject}`, `  Names: ${csr.sans.map(sanText).join(', ') || '(none)'}`);
  for (const crl of r.crls ?? []) lines.push('', ...crlText(crl));
  const rank = { error: 0, warning: 1, hint: 2 };
  const lints = [...(r.lints ?? [])].sort((a, b) => rank[a.severity] - rank[b.severity]);
  if (lints.length > 0) lines.push('', 'Policy lints:', ...lints.map((l) => `  ${l.severity}: ${l.message} [${l.id}]`));
  return `${lines.join('\n')}\n`;
}

function entryKind(e: KeystoreEntry): string {
  if (e.secretKey) return 'secret key (not used for TLS)';
  if (!e.hasKey) return e.trusted ? 'trusted certificate' : 'certificate';
  const match = e.keyLocked ? ', key locked (not checked)' : e.keyMatchesCertificate ? ', key matches' : ', KEY DOES NOT MATCH';
  return `key entry${match}${e.usedByElasticsearch ? ', used by Elasticsearch' : ''}`;
}

/** Keystore and elasticsearch.keystore lines; the keystore's setting values are never read into the result. */
function containerText(r: InspectResult): string[] {
  const lines: string[] = [];
  const es = r.elasticsearchKeystore;
  if (es) {
    lines.push(`Elasticsearch keystore: format version ${es.formatVersion}, ${es.hasPassword ? 'password-protected' : 'no password'}`);
    lines.push(`Settings (${es.settingNames.length}):`, ...es.settingNames.map((n) => `  ${n}`));
  }
  const ks = r.keystore;
  if (ks) {
    const integrity = ks.integrity === 'verified' ? ', integrity verified' : ks.integrity === 'not-verified' ? ', integrity NOT verified (give --password)' : '';
    lines.push(`Keystore: ${ks.type}, ${ks.entryCount} entries${integrity}`);
    if (ks.unlistedEntries) lines.push(`  ${ks.unlistedEntries} entries after a secret-key entry are not listed`);
    const selection = selectionText(ks.selection);
    if (selection) lines.push(`  ${selection}`);
  }
  return lines;
}

function crlText(c: CrlSummary): string[] {
  const count = c.revoked.length + (c.moreRevoked ?? 0);
  return [
    `Revocation list`,
    `  Issuer:      ${c.issuer}`,
    `  Updated:     ${c.thisUpdate} (${crlFreshness(c)})`,
    ...(c.crlNumber ? [`  CRL number:  ${c.crlNumber}`] : []),
    `  Signature:   ${c.signatureAlgorithm}`,
    `  Revoked:     ${count}`,
    ...c.revoked.map((x) => `    ${x.serialNumber}  ${x.revocationDate}${x.reason ? `  ${x.reason}` : ''}`),
    ...(c.moreRevoked ? [`    … ${c.moreRevoked} more`] : []),
  ];
}
