// Registers every command. Each handler loads its module on first use, so activation does not evaluate the
// prompt flows (nor the engine's validators they use).
import * as vscode from 'vscode';
import { Commands } from '../../../server/src/protocol';
import type { Services } from '../services';

type Handler = (services: Services, arg?: unknown) => Promise<unknown>;

const handlers: Record<string, () => Promise<Handler>> = {
  [Commands.generateCa]: async () => (await import('./generateCa.js')).generateCa,
  [Commands.generateNodeCertificate]: async () => (await import('./generateNodeCertificate.js')).generateNodeCertificate,
  [Commands.generateHttpCertificates]: async () => (await import('./generateHttpCertificates.js')).generateHttpCertificates,
  [Commands.generateKibanaClientCertificate]: async () =>
    (await import('./generateKibanaClientCertificate.js')).generateKibanaClientCertificate,
  [Commands.generateCsr]: async () => (await import('./generateCsr.js')).generateCsr,
  [Commands.unlockKeystore]: async () => (await import('./unlockKeystore.js')).unlockKeystore as Handler,
  [Commands.forgetPasswords]: async () => (await import('./forgetPasswords.js')).forgetPasswords,
  [Commands.openCertificate]: async () => async (_s, arg) => (await import('./openCertificate.js')).openCertificate(arg),
  [Commands.copyCommand]: async () => async (_s, arg) => (await import('./copyCommand.js')).copyCommand(arg),
  [Commands.addPathMapping]: async () => async (_s, arg) => (await import('./addPathMapping.js')).addPathMapping(arg),
};

/** Registers the commands; errors end in an error message, never in an unhandled rejection. */
export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, load]) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      try {
        const handler = await load();
        return await handler(services, arg);
      } catch (e) {
        services.log.error(`Command ${id} failed`, e);
        void vscode.window.showErrorMessage(`Elastic TLS: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    }),
  );
}
