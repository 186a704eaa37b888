// `estls inspect`: reads a certificate, key or keystore file and prints what it holds, as text or JSON.
import 'reflect-metadata';
import * as path from 'node:path';
import { outputFormat, parseCommandArgs } from './args';
import { isPkiError } from '../pki/errors';
import { inspectFile } from '../pki/inspect';
import type { CertSummary, InspectResult } from '../pki/types';
import { ExitCode, type CliIo } from './io';

export const inspectUsage = `Usage: estls inspect [--password P] [--format text|json] FILE

Reads a PEM, DER or PKCS#12 file and prints its certificates, keys and keystore entries.
The password may also come from the ESTLS_PASSWORD environment variable; without one the
empty password is tried.
Exit status: 0 read, 1 unreadable or wrong password, 2 bad usage.
`;

interface InspectArgs {
  format: 'text' | 'json';
  password?: string;
  file: string;
}

function parseInspectArgs(args: string[], env: CliIo['env']): InspectArgs | string {
  const parsed = parseCommandArgs(args, { format: { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help) return '';
  const chosen = outputFormat(values.format);
  if (typeof chosen === 'string') return chosen;
  const { format } = chosen;
  if (positionals.length !== 1) return 'give exactly one FILE';
  return { format, password: values.password ?? env.ESTLS_PASSWORD, file: positionals[0] };
}

/** Runs `estls inspect`; returns the exit code. */
export async function runInspect(args: string[], io: CliIo): Promise<number> {
  const parsed = parseInspectArgs(args, io.env);
  if (typeof parsed === 'string') {
    if (parsed === '') {
      io.out(inspectUsage);
      return ExitCode.ok;
    }
    io.err(`estls inspect: ${parsed}\n${inspectUsage}`);
    return ExitCode.usage;
  }
  const filePath = path.resolve(io.cwd, parsed.file);
  const bytes = io.fs.readFile(filePath);
  if (!bytes) {
    io.err(`estls inspect: ${parsed.file}: no such file\n`);
    return ExitCode.findings;
  }
  try {
    const result = inspectFile(bytes, { fileName: parsed.file, password: parsed.password, clock: io.clock });
    io.out(parsed.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
    return ExitCode.ok;
  } catch (e) {
    const message = isPkiError(e) ? `${e.message} [${e.code}]` : 'the file could not be read';
    io.err(`estls inspect: ${parsed.file}: ${message}\n`);
    return ExitCode.findings;
  }
}

function certText(c: CertSummary, indent: string): string[] {
  const sans = c.sans.map((s) => `${s.type}:${s.value}`).join(', ') || '(none)';
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
  if (r.entries.length > 0) {
    for (const e of r.entries) {
      const kind = e.hasKey ? 'key entry' : e.trusted ? 'trusted certificate' : 'certificate';
      const match = e.hasKey ? (e.keyMatchesCertificate ? ', key matches' : ', KEY DOES NOT MATCH') : '';
      lines.push('', `Entry ${e.alias ?? '(no alias)'}: ${kind}${match}`);
      e.certificates.forEach((c, i) => lines.push(`  [${i}]`, ...certText(c, '    ')));
    }
  } else {
    r.certificates.forEach((c, i) => lines.push('', `Certificate ${i + 1}`, ...certText(c, '  ')));
  }
  for (const k of r.keys.filter(() => r.entries.length === 0)) {
    const match = k.matchesCertificate === undefined ? '' : k.matchesCertificate ? ', matches the first certificate' : ', DOES NOT MATCH the first certificate';
    lines.push('', `Private key: ${[k.algorithm, k.curve, k.size && `${k.size} bits`].filter(Boolean).join(' ')}${k.encrypted ? ' (encrypted)' : ''}${match}`);
  }
  for (const csr of r.csrs ?? []) lines.push('', `Certificate request: ${csr.subject}`, `  Names: ${csr.sans.map((s) => `${s.type}:${s.value}`).join(', ') || '(none)'}`);
  const rank = { error: 0, warning: 1, hint: 2 };
  const lints = [...(r.lints ?? [])].sort((a, b) => rank[a.severity] - rank[b.severity]);
  if (lints.length > 0) lines.push('', 'Policy lints:', ...lints.map((l) => `  ${l.severity}: ${l.message} [${l.id}]`));
  return `${lines.join('\n')}\n`;
}
