// Revoked certificates. Elasticsearch has no CRL setting and the JDK does not check revocation in TLS unless
// the JVM is told to (com.sun.net.ssl.checkRevocation), so a revoked certificate still starts the node; but clients
// that check CRLs refuse it, and a CRL kept beside the certificates says the operator meant to revoke it. So CRL
// files (`*.crl`, `*.crl.pem`) in the directories of a context's certificate files are read, and each configured
// certificate whose issuer and serial number a CRL lists is reported.
import * as path from 'node:path';
import type { Finding } from '../../core/finding';
import { sameSerial } from '../../pki/dates';
import type { CertificateFiles } from '../../pki/fileCache';
import type { ParsedCertificate } from '../../pki/parsed';
import type { CrlSummary } from '../../pki/types';
import type { ContextFile, ContextFiles } from './files';
import type { RuleContext } from '../types';
import { makeFinding, q } from '../support';

/** CRL files read per directory at most; a folder of hundreds is not a certificate folder. */
const MAX_CRLS_PER_DIR = 16;
const CRL_NAME = /\.crl(\.pem)?$/i;
/** Directory entries looked at; a certificate folder holds a handful. */
const MAX_LISTED = 500;

interface FoundCrl {
  path: string;
  crl: CrlSummary;
}

/** Configured certificates listed in a CRL found beside the context's files. */
export function revocationFindings(ctx: RuleContext, files: ContextFiles, cache: CertificateFiles): Finding[] {
  const sources = [files.certificate, files.keystore, files.truststore, ...files.authorities].filter((f): f is ContextFile => !!f);
  if (sources.length === 0 || !ctx.fs.listDir) return [];
  const crls = crlsBeside(ctx, sources, cache);
  if (crls.length === 0) return [];
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const cf of sources) {
    for (const cert of certificatesOf(cf)) {
      const hit = revokedBy(cert, crls);
      if (!hit || reported.has(cert.summary.fingerprints.sha256)) continue;
      reported.add(cert.summary.fingerprints.sha256);
      const entry = hit.entry;
      const why = `${entry.revocationDate.slice(0, 10)}${entry.reason ? `, ${entry.reason}` : ''}`;
      out.push(makeFinding(ctx, 'certificate-revoked', cf.setting.key, { severity: 'warning', message: `The certificate ${q(cert.summary.subject)} (serial ${cert.summary.serialNumber}) in ${q(cf.path)} is revoked by ${q(hit.path)} (${why}). Elasticsearch does not check revocation by default, but clients that check CRLs will refuse it.`, range: cf.item.range }));
    }
  }
  return out;
}

function certificatesOf(cf: ContextFile): ParsedCertificate[] {
  if (cf.role === 'keystore' || cf.role === 'truststore') return cf.file.entries.flatMap((e) => e.chain);
  return cf.file.certificates;
}

function crlsBeside(ctx: RuleContext, sources: ContextFile[], cache: CertificateFiles): FoundCrl[] {
  const out: FoundCrl[] = [];
  for (const dir of new Set(sources.map((s) => path.dirname(s.path)))) {
    let names: string[];
    try {
      // Through the cache when it lists folders: a folder whose mtime is unchanged holds the same names.
      names = ((cache.listDir ? cache.listDir(dir, MAX_LISTED) : ctx.fs.listDir?.(dir, MAX_LISTED)) ?? []).filter((e) => !e.isDirectory).map((e) => e.name);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => CRL_NAME.test(n)).sort().slice(0, MAX_CRLS_PER_DIR)) {
      const read = cache.read(path.join(dir, name));
      if (read.kind !== 'parsed') continue;
      for (const crl of read.file.result.crls ?? []) out.push({ path: read.path, crl });
    }
  }
  return out;
}

function revokedBy(cert: ParsedCertificate, crls: FoundCrl[]): { path: string; entry: CrlSummary['revoked'][number] } | undefined {
  for (const { path: p, crl } of crls) {
    if (crl.issuer !== cert.summary.issuer) continue;
    const entry = crl.revoked.find((r) => sameSerial(r.serialNumber, cert.summary.serialNumber));
    if (entry) return { path: p, entry };
  }
  return undefined;
}
