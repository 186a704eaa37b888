// Export from any container as PEM: one certificate, a keystore entry's chain, or a private key (unencrypted
// PKCS#8). The front ends ask the user before a key leaves its container and write it 0600; this only encodes.
import type { ParsedFile } from './parsed';
import { PkiError } from './errors';
import { certificateToPem, privateKeyToPem } from './pemWrite';

/** What to export, by index into the InspectResult's `certificates`, `entries` or `keys`. */
export type ExportItem =
  | { kind: 'certificate'; index: number }
  | { kind: 'chain'; entry: number }
  | { kind: 'key'; index: number }
  | { kind: 'entryKey'; entry: number };

/** The PEM text, and whether it holds a private key (then it must be written 0600). */
export interface ExportedPem {
  pem: string;
  privateKey: boolean;
  /** A file name to offer, from the alias or subject. */
  suggestedName: string;
}

function pick<T>(list: readonly T[], index: unknown): T {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= list.length) throw new PkiError('INVALID_INPUT', 'There is no such item in the file.');
  return list[index];
}

function safeName(text: string | undefined, fallback: string): string {
  const cleaned = (text ?? '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60);
  return cleaned || fallback;
}

/** Encodes one item of a read file as PEM; throws INVALID_INPUT for an item the file does not hold. */
export function exportPem(file: ParsedFile, item: ExportItem): ExportedPem {
  switch (item?.kind) {
    case 'certificate': {
      const cert = pick(file.certificates, item.index);
      return { pem: certificateToPem(cert.der), privateKey: false, suggestedName: `${safeName(cnOf(cert.summary.subject), 'certificate')}.crt` };
    }
    case 'chain': {
      const entry = pick(file.entries, item.entry);
      return { pem: entry.chain.map((c) => certificateToPem(c.der)).join(''), privateKey: false, suggestedName: `${safeName(entry.summary.alias, 'chain')}-chain.crt` };
    }
    case 'key': {
      const key = pick(file.keys, item.index);
      return { pem: privateKeyToPem(key.key, { format: 'pkcs8' }), privateKey: true, suggestedName: 'private.key' };
    }
    case 'entryKey': {
      const entry = pick(file.entries, item.entry);
      if (!entry.key) throw new PkiError(entry.summary.keyLocked ? 'PASSWORD_REQUIRED' : 'INVALID_INPUT', entry.summary.keyLocked ? 'The key of this entry is locked; unlock the keystore first.' : 'This entry holds no private key.');
      return { pem: privateKeyToPem(entry.key.key, { format: 'pkcs8' }), privateKey: true, suggestedName: `${safeName(entry.summary.alias, 'private')}.key` };
    }
    default:
      throw new PkiError('INVALID_INPUT', 'Unknown export item.');
  }
}

function cnOf(dn: string): string | undefined {
  return /(?:^|,)CN=((?:[^,\\]|\\.)*)/.exec(dn)?.[1];
}
