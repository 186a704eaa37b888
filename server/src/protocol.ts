// Every estls/* custom request and notification, defined once and imported by both client and server.
// Types only from the engine; the message names and shapes live here and nowhere else.
import type { GenerateRequestSpec, GenerateResult } from './pki/generate/types';
import type { InspectResult } from './pki/types';

/** Client -> server: read a certificate, key or keystore file. */
export const InspectFileRequest = 'estls/inspectFile';
export interface InspectFileParams {
  /** Absolute file system path. */
  path: string;
  /**
   * Password for a keystore or encrypted key. When given, it alone is tried (so a prompt never stores a wrong one);
   * when absent, the server tries the password stored for the path, then the empty one.
   */
  password?: string;
}
/** Either the result or a typed error (code from PkiErrorCode). */
export type InspectFileResponse = { ok: true; result: InspectResult } | { ok: false; code: string; message: string };

/** Client -> server: generate certificates. The client writes the files it gets back. */
export const GenerateRequest = 'estls/generate';
export type GenerateParams = GenerateRequestSpec & {
  /** Folder that relative CA paths resolve against. */
  baseDir?: string;
};
export type GenerateResponse = { ok: true; result: GenerateResult } | { ok: false; code: string; message: string };

/** Client -> server: passwords known for files (from SecretStorage), sent at start and whenever one changes. */
export const SetPasswordsNotification = 'estls/setPasswords';
export interface SetPasswordsParams {
  /** Absolute path to password; a null password forgets that file. */
  entries: Array<{ path: string; password: string | null }>;
}

/** Client -> server: forget every password the server holds. */
export const ForgetPasswordsNotification = 'estls/forgetPasswords';

/** Data a finding carries in Diagnostic.data when the user can unlock a keystore. */
export interface UnlockData {
  kind: 'unlock';
  path: string;
}

/** Client command ids, shared so the server can point code actions at them. */
export const Commands = {
  unlockKeystore: 'elasticTls.unlockKeystore',
  forgetPasswords: 'elasticTls.forgetPasswords',
  generateCa: 'elasticTls.generateCa',
  generateNodeCertificate: 'elasticTls.generateNodeCertificate',
  generateHttpCertificates: 'elasticTls.generateHttpCertificates',
  generateKibanaClientCertificate: 'elasticTls.generateKibanaClientCertificate',
  generateCsr: 'elasticTls.generateCsr',
  openCertificate: 'elasticTls.openCertificate',
  copyCommand: 'elasticTls.copyCommand',
  addPathMapping: 'elasticTls.addPathMapping',
} as const;
