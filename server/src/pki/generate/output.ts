import type { KeyObject } from 'node:crypto';
import { certificateToPem, csrToPem, privateKeyToPem } from '../pemWrite';
import { writePkcs12 } from '../pkcs12/write';
import type { CaMaterial, IssuedCertificate } from './issue';
import type { FileRole, GeneratedFile } from './types';

/** How keystores and keys are protected in this run. */
export interface Protection {
  /** P12 password ('' allowed) or PEM passphrase (undefined: the PEM key is not encrypted). */
  password?: string;
  legacy?: boolean;
}

/** Collects the files of one generation run, in order, with the private flag set for keys and keystores. */
export class FileSet {
  readonly files: GeneratedFile[] = [];

  add(path: string, content: string | Uint8Array, isPrivate: boolean, role?: FileRole): void {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    this.files.push({ path, contentBase64: bytes.toString('base64'), private: isPrivate, ...(role ? { role } : {}) });
  }

  /** A P12 with one key entry (chain = leaf only, as certutil writes) and, when given, the CA as trusted entry `ca`. */
  addPkcs12(path: string, alias: string, issued: IssuedCertificate, ca: CaMaterial | undefined, protection: Protection): void {
    const trusted = ca ? [{ alias: 'ca', certDer: ca.certDer }] : [];
    const bytes = writePkcs12([{ alias, key: issued.key, chain: [issued.certDer] }], trusted, {
      password: protection.password ?? '',
      legacy: protection.legacy,
    });
    this.add(path, bytes, true);
  }

  addCertificate(path: string, certDer: Uint8Array, role?: FileRole): void {
    this.add(path, certificateToPem(certDer), false, role);
  }

  addCsr(path: string, csrDer: Uint8Array): void {
    this.add(path, csrToPem(csrDer), false);
  }

  /** A PEM key in its traditional form, encrypted when a passphrase is set (certutil's format). */
  addKey(path: string, key: KeyObject, protection: Protection, role?: FileRole): void {
    this.add(path, privateKeyToPem(key, { passphrase: protection.password }), true, role);
  }
}

/** The last path segment (for settings that name a file copied into certs/). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
