// The commands' and the editor's way to the language server. It waits for the client to be running, so a command
// run during start-up is answered instead of failing.
import type * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  ExportPemRequest,
  type ExportPemParams,
  type ExportPemResponse,
  ForgetPasswordsNotification,
  GenerateRequest,
  InspectFileRequest,
  type GenerateParams,
  type GenerateResponse,
  type InspectFileParams,
  type InspectFileResponse,
  CertificatesRequest,
  EckResourcesRequest,
  type EckResource,
  StackModelChangedNotification,
  StackModelRequest,
  type StackModelData,
  type WorkspaceCertificateItem,
} from '../../server/src/protocol';

/** Typed access to the estls/* requests. */
export class ServerGateway {
  private client: LanguageClient | undefined;
  private waiting: Array<(client: LanguageClient) => void> = [];
  private readonly modelListeners = new Set<() => void>();

  /** Called once the language client has started. */
  attach(client: LanguageClient): void {
    this.client = client;
    client.onNotification(StackModelChangedNotification, () => {
      for (const listener of [...this.modelListeners]) listener();
    });
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve(client);
  }

  /** The running client; waits for start-up. */
  ready(): Promise<LanguageClient> {
    if (this.client) return Promise.resolve(this.client);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Reads a certificate, key or keystore in the server. */
  async inspectFile(params: InspectFileParams, token?: vscode.CancellationToken): Promise<InspectFileResponse> {
    const client = await this.ready();
    return client.sendRequest(InspectFileRequest, params, token);
  }

  /** One certificate, chain or confirmed private key of a file as PEM (the viewer's Export actions). */
  async exportPem(params: ExportPemParams): Promise<ExportPemResponse> {
    const client = await this.ready();
    return client.sendRequest(ExportPemRequest, params);
  }

  /**
   * Generates certificates in the server; the caller writes the returned files. `token` cancels the request (the
   * server stops between keys); `onProgress` hears the server's `$/progress` ("3 of 40 keys").
   */
  async generate(params: GenerateParams, token?: vscode.CancellationToken, onProgress?: (message: string, percentage?: number) => void): Promise<GenerateResponse> {
    const client = await this.ready();
    if (!onProgress) return client.sendRequest(GenerateRequest, params, token);
    const workDoneToken = `estls-generate-${randomUUID()}`;
    const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'report' && value.message) onProgress(value.message, value.percentage);
    });
    try {
      return await client.sendRequest(GenerateRequest, { ...params, workDoneToken }, token);
    } finally {
      listening.dispose();
    }
  }

  /** The ECK resources (Elasticsearch, Kibana) in the workspace's YAML files. */
  async eckResources(): Promise<EckResource[]> {
    const client = await this.ready();
    return (await client.sendRequest(EckResourcesRequest, {})).resources;
  }

  /** The stack model of every open folder (nodes, contexts, certificates, trust edges with verdicts). */
  async stackModel(): Promise<StackModelData> {
    const client = await this.ready();
    return client.sendRequest(StackModelRequest, {});
  }

  /** The certificates and keystores of the workspace, soonest expiry first. */
  async certificates(): Promise<WorkspaceCertificateItem[]> {
    const client = await this.ready();
    return (await client.sendRequest(CertificatesRequest, {})).items;
  }

  /**
   * Calls `listener` whenever the server says the stack model changed. The client keeps one handler a notification
   * method (a second registration replaces the first), so the gateway registers once and fans out.
   */
  onStackModelChanged(listener: () => void): vscode.Disposable {
    this.modelListeners.add(listener);
    return { dispose: () => this.modelListeners.delete(listener) };
  }

  /** Tells the server to drop every password it holds. */
  async forgetPasswords(): Promise<void> {
    const client = await this.ready();
    await client.sendNotification(ForgetPasswordsNotification);
  }
}
