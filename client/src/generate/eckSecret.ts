// The Kubernetes Secret step of Generate CA and Generate HTTP Certificates, offered only when the workspace holds an
// ECK Elasticsearch resource: the Secret ECK reads for HTTPS (ca.crt, tls.crt, tls.key; or ca.crt + ca.key for a CA
// ECK issues from), named in the resource's spec.http.tls.certificate.secretName.
//
// Names: the engine refuses what Kubernetes refuses and the names ECK owns (pki/generate/k8sSecret.ts); the ECK 1.0 "Custom HTTP certificate" guide names its custom one `quickstart-es-cert` for the
// cluster `quickstart`, hence <name>-es-cert (and <name>-es-ca for a CA). A name the resource already gives in
// secretName wins over both.
import * as vscode from 'vscode';
import type { EckResource, GenerateResult } from '../../../server/src/protocol';
import { Commands } from '../../../server/src/protocol';
import { eckHttpServiceNames, secretNameProblem } from '../../../server/src/pki/generate/k8sSecret';
import type { Services } from '../services';
import { askText } from './prompts';

/** The Secret to write, and the ECK resource it is for. */
export interface EckSecretChoice {
  resource: EckResource;
  k8sSecret: { name: string; namespace?: string; cluster?: string };
}

/** The validation message for a Secret name (the engine's rule: Kubernetes object names, not a name ECK owns). */
export function checkSecretName(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? 'Enter a Secret name' : secretNameProblem(v);
}

/** The Secret name offered first: the one the resource names, else <name>-es-cert (HTTP) or <name>-es-ca (CA). */
export function defaultSecretName(resource: EckResource, kind: 'ca' | 'http'): string {
  return resource.secretName ?? `${resource.name}-es-${kind === 'ca' ? 'ca' : 'cert'}`;
}

/** The SANs ECK's HTTP service answers to: `<name>-es-http` and `<name>-es-http.<namespace>.svc`. */
export function eckServiceNames(resource: EckResource): string[] {
  return eckHttpServiceNames(resource.name, resource.namespace ?? 'default');
}

function where(resource: EckResource): string {
  const file = vscode.workspace.asRelativePath(resource.file);
  return `${resource.namespace ? `namespace ${resource.namespace}, ` : ''}${file}:${resource.line + 1}`;
}

/**
 * Asks whether to write a Kubernetes Secret for an ECK cluster of the workspace, and its name. `null` when the
 * workspace has no ECK Elasticsearch resource (nothing is asked) or the user wants plain files; undefined when
 * the user cancelled.
 */
export async function askEckSecret(services: Services, title: string, kind: 'ca' | 'http'): Promise<EckSecretChoice | null | undefined> {
  let resources: EckResource[];
  try {
    resources = (await services.server.eckResources()).filter((r) => r.kind === 'Elasticsearch');
  } catch (e) {
    services.log.error('Listing the ECK resources failed', e);
    return null;
  }
  if (resources.length === 0) return null;
  const what = kind === 'ca' ? 'ca.crt + ca.key: ECK issues the HTTP certificates from this CA' : 'ca.crt, tls.crt, tls.key';
  const items: Array<vscode.QuickPickItem & { resource?: EckResource }> = [
    ...resources.map((r) => ({ label: `Yes: a Secret for ${r.name}`, description: where(r), detail: what, resource: r })),
    { label: 'No: certificate files' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Write the certificates as a Kubernetes Secret for ECK?', ignoreFocusOut: true });
  if (!picked) return undefined;
  const resource = picked.resource;
  if (!resource) return null;
  const name = await askText({
    title,
    prompt: `Name of the Secret (spec.http.tls.certificate.secretName of ${resource.name})`,
    value: defaultSecretName(resource, kind),
    validateInput: checkSecretName,
  });
  if (name === undefined) return undefined;
  return {
    resource,
    k8sSecret: { name: name.trim(), ...(resource.namespace ? { namespace: resource.namespace } : {}), ...(kind === 'http' ? { cluster: resource.name } : {}) },
  };
}

/** After a Secret was written: the lines to add to the Elasticsearch resource, to copy, and the resource to open. */
export async function offerSecretFollowUp(result: GenerateResult, written: vscode.Uri, resource: EckResource | undefined): Promise<void> {
  const lines = result.k8sSpecLines ?? [];
  const name = written.path.slice(written.path.lastIndexOf('/') + 1);
  const actions = ['Copy the lines', ...(resource ? [`Open ${resource.name}`] : [])];
  // The last line is `secretName: NAME`; its path in the resource is the lines above it.
  const setting = `spec.http.tls.certificate.${lines[lines.length - 1]?.trim() ?? ''}`;
  const target = resource ? `the Elasticsearch resource ${resource.name}` : 'the Elasticsearch resource';
  const picked = await vscode.window.showInformationMessage(
    `Elastic TLS wrote the Secret to ${name} (0600; keep it out of version control). Apply it with kubectl apply -f ${name}, and set ${setting} in ${target}.`,
    ...actions,
  );
  if (picked === 'Copy the lines') await vscode.commands.executeCommand(Commands.copyCommand, lines.join('\n'));
  else if (picked && resource) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(resource.file));
    const at = new vscode.Position(resource.line, 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), preview: false });
  }
}
