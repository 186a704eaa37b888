// Every estls/* custom request and notification, defined once and imported by both client and server. Each is
// a typed message (RequestType / NotificationType), so a request, its params and its answer cannot drift apart.
// Types only from the engine; the message names and shapes live here and nowhere else.
import { NotificationType, NotificationType0, RequestType } from 'vscode-languageserver-protocol';
import type { GenerateRequestSpec, GenerateResult } from './pki/generate/types';
import type { InspectResult } from './pki/types';
import type { ExportItem, ExportedPem } from './pki/exportPem';
import type { StackModelData, WorkspaceCertificateItem } from './workspace/types';
import type { EckResource } from './workspace/eckResources';
import type { ConfiguredTrust } from './workspace/configuredTrust';

/** Params of `estls/inspectFile`. */
export interface InspectFileParams {
  /** Absolute file system path. */
  path: string;
  /**
   * Password for a keystore or encrypted key. When given, it alone is tried (so a prompt never stores a wrong one);
   * when absent, the server tries the password stored for the path, then the empty one.
   */
  password?: string;
}
/**
 * Either the result or a typed error (code from PkiErrorCode). `trust`: each TLS context of the workspace that
 * presents a certificate of this file, with the chain's verification against the CAs configured beside it.
 */
export type InspectFileResponse = { ok: true; result: InspectResult; trust?: ConfiguredTrust[] } | { ok: false; code: string; message: string };

/** Client -> server: read a certificate, key or keystore file. */
export const InspectFileRequest = new RequestType<InspectFileParams, InspectFileResponse, void>('estls/inspectFile');

/** Params of `estls/generate`. */

/** Params of `estls/exportPem`: one certificate, chain or private key of a file as PEM (the viewer's Export actions). */
export interface ExportPemParams {
  path: string;
  /** As for InspectFileParams: given, it alone is tried; absent, the stored one, then the empty one. */
  password?: string;
  item: ExportItem;
  /** Must be true for a private key: the client asked the user and the user agreed. */
  confirmedPrivateKey?: boolean;
}
export type ExportPemResponse = { ok: true; result: ExportedPem } | { ok: false; code: string; message: string };

/** Client -> server: export one item of a file as PEM. */
export const ExportPemRequest = new RequestType<ExportPemParams, ExportPemResponse, void>('estls/exportPem');

export type GenerateParams = GenerateRequestSpec & {
  /** Folder that relative CA paths resolve against. */
  baseDir?: string;
  /** LSP work-done progress token: the server reports `$/progress` (keys made of keys asked) under it. */
  workDoneToken?: number | string;
};
export type GenerateResponse = { ok: true; result: GenerateResult } | { ok: false; code: string; message: string };

/** Client -> server: generate certificates. The client writes the files it gets back. */
export const GenerateRequest = new RequestType<GenerateParams, GenerateResponse, void>('estls/generate');

/** Params of `estls/setPasswords`. */
export interface SetPasswordsParams {
  /** Absolute path to password; a null password forgets that file. */
  entries: Array<{ path: string; password: string | null }>;
}

/** Client -> server: passwords known for files (from SecretStorage), sent at start and whenever one changes. */
export const SetPasswordsNotification = new NotificationType<SetPasswordsParams>('estls/setPasswords');

/** Client -> server: forget every password the server holds. */
export const ForgetPasswordsNotification = new NotificationType0('estls/forgetPasswords');

/** Re-exported so the client takes the engine's shapes from the protocol alone. */
export type { CaSource, GeneratedFile, GenerateRequestSpec, GenerateResult, InstanceSpec, KeySpec, OutputFormat } from './pki/generate/types';
export type { CertSummary, InspectResult, KeySummary, KeystoreEntry, PublicKeyInfo, SubjectAltName } from './pki/types';
export type { CertificateLint } from './pki/lint/types';
export type {
  CertificateStatus, ComponentKind, HostTarget, ReachName, SettingsForm, StackCertificate, StackCluster, StackComponent, StackContext,
  StackKeystore, StackModelData, StackPlace, TrustEdge, Verdict, WorkspaceCertificateItem,
} from './workspace/types';

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

/** Params of `estls/stackModel` and `estls/certificates`. */
export interface StackModelParams {
  /** Absolute path of one workspace folder; absent means every open folder. */
  folder?: string;
}

/** Client -> server: the stack model of the workspace (nodes, contexts, certificates, trust edges with verdicts). */
export const StackModelRequest = new RequestType<StackModelParams, StackModelData, void>('estls/stackModel');

/** Answer of `estls/certificates`: every certificate and keystore the workspace's settings name, soonest expiry first. */
export interface CertificatesResponse {
  items: WorkspaceCertificateItem[];
}

/** Client -> server: the certificates and keystores of the workspace, for the Certificates tree. */
export const CertificatesRequest = new RequestType<StackModelParams, CertificatesResponse, void>('estls/certificates');

/** Answer of `estls/eckResources`: the ECK resources (kind Elasticsearch or Kibana) of the workspace's YAML files. */
export interface EckResourcesResponse {
  resources: EckResource[];
}
export type { EckResource } from './workspace/eckResources';
export type { ConfiguredTrust, SettingPlace } from './workspace/configuredTrust';

/** Client -> server: the ECK resources of the workspace, so the Generate commands can offer a Kubernetes Secret. */
export const EckResourcesRequest = new RequestType<StackModelParams, EckResourcesResponse, void>('estls/eckResources');

/** Server -> client: the stack model changed (a file was edited or saved); views ask again. */
export const StackModelChangedNotification = new NotificationType0('estls/stackModelChanged');
