// PKCS#12 files -> certificates, keys and Java-style entries (key entries with chains, trusted entries).
import * as crypto from 'node:crypto';
import type { Deadline } from './limits';
import { PkiError } from './errors';
import type { ParsedCertificate, ParsedEntry, ParsedFile, ParsedKey } from './parsed';
import type { WorkBudget } from './pkcs12/crypto';
import { readPkcs12 } from './pkcs12/read';
import type { Pkcs12Bag } from './pkcs12/read';
import { addKey, emptyFile } from './fileBuild';
import type { ReadOptions } from './parsed';
import { parseCertificate } from './x509/summary';
import { selectKeyEntry } from './keySelection';

const MAX_CHAIN = 10;

/** Reads a PKCS#12 file and pairs its keys with certificates; see readPkiFile for the errors. */
export function readPkcs12File(bytes: Uint8Array, opts: ReadOptions, budget: WorkBudget, deadline: Deadline): ParsedFile {
  const contents = readPkcs12(bytes, opts.password, budget, deadline);
  const file = emptyFile(opts.fileName, 'pkcs12');
  file.result.protection = contents.protection;
  const certs: Array<{ bag: Pkcs12Bag; cert: ParsedCertificate }> = [];
  for (const bag of contents.bags.filter((b) => b.kind === 'certificate')) {
    const cert = parseCertificate(bag.der, opts.clock);
    certs.push({ bag, cert });
    file.certificates.push(cert);
    file.result.certificates.push(cert.summary);
  }
  const used = new Set<ParsedCertificate>();
  for (const bag of contents.bags.filter((b) => b.kind === 'key')) {
    const key = importKey(bag);
    const leaf = certs.find((c) => c.bag.localKeyId !== undefined && c.bag.localKeyId === bag.localKeyId)?.cert ?? certs.find((c) => safeCheck(c.cert, key))?.cert;
    const parsedKey = addKey(file, key, leaf, bag.encrypted);
    const chain = leaf ? buildChain(leaf, certs.map((c) => c.cert)) : [];
    chain.forEach((c) => used.add(c));
    addEntry(file, { summary: entrySummary(bag.alias ?? certs.find((c) => c.cert === leaf)?.bag.alias, parsedKey, chain, false), key: parsedKey, chain });
  }
  for (const { bag, cert } of certs) {
    if (bag.trusted) addEntry(file, { summary: entrySummary(bag.alias, undefined, [cert], true), chain: [cert] });
    else if (!used.has(cert)) addEntry(file, { summary: entrySummary(bag.alias, undefined, [cert], false), chain: [cert] });
  }
  file.result.keystore = { type: 'PKCS12', entryCount: file.result.entries.length, selection: selectKeyEntry('pkcs12', file.result.entries) };
  return file;
}

function importKey(bag: Pkcs12Bag): crypto.KeyObject {
  try {
    return crypto.createPrivateKey({ key: bag.der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new PkiError('BAD_PKCS12', 'A private key in the keystore is malformed or of an unsupported type.');
  }
}

function safeCheck(cert: ParsedCertificate, key: crypto.KeyObject): boolean {
  try {
    return cert.x509.checkPrivateKey(key);
  } catch {
    return false;
  }
}

function entrySummary(alias: string | undefined, key: ParsedKey | undefined, chain: ParsedCertificate[], trusted: boolean): ParsedEntry['summary'] {
  const summary: ParsedEntry['summary'] = { hasKey: !!key, certificates: chain.map((c) => c.summary), trusted };
  if (alias !== undefined) summary.alias = alias;
  if (key) summary.keyMatchesCertificate = key.summary.matchesCertificate ?? false;
  return summary;
}

function addEntry(file: ParsedFile, entry: ParsedEntry): void {
  file.entries.push(entry);
  file.result.entries.push(entry.summary);
}

/** The leaf followed by its issuers found among `pool`, stopping at a self-signed certificate or a loop. */
export function buildChain(leaf: ParsedCertificate, pool: readonly ParsedCertificate[]): ParsedCertificate[] {
  const chain = [leaf];
  let current = leaf;
  while (chain.length < MAX_CHAIN && !current.summary.selfSigned) {
    const issuer = pool.find((c) => !chain.includes(c) && issuedBy(current, c));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}

function issuedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  try {
    return child.x509.checkIssued(issuer.x509) && child.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}
