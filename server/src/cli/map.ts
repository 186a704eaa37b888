// `estls map DIR`: the stack a folder describes (nodes, contexts, certificates, trust edges with verdicts) as
// JSON or as a mermaid flowchart. Keystores appear by setting names only.
import * as path from 'node:path';
import { CertificateFileCache } from '../pki/fileCache';
import type { CheckEnvironment } from '../rules/types';
import { WorkspaceModel } from '../workspace/model';
import { toMermaid } from '../workspace/modelData';
import { parseCommandArgs } from './args';
import { ExitCode, type CliIo } from './io';

export const mapUsage = `Usage: estls map [--format json|mermaid] DIR

Prints the stack the settings files under DIR describe: clusters, nodes and Kibana instances, their TLS
contexts, the certificates each presents and trusts, and the trust edges between them with verdicts.
`;

/** Runs `estls map` with the arguments after `map`; resolves to the exit code. */
export async function runMap(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (typeof parsed === 'string') return usage(io, parsed);
  if (parsed.values.help) return io.out(mapUsage), ExitCode.ok;
  const format = parsed.values.format ?? 'json';
  if (format !== 'json' && format !== 'mermaid') return usage(io, `unknown format '${format}' (use json or mermaid)`);
  if (parsed.positionals.length !== 1) return usage(io, 'give one folder');
  const root = path.resolve(io.cwd, parsed.positionals[0]);
  if (!io.fs.stat(root)?.isDirectory) return usage(io, `${parsed.positionals[0]}: not a folder`);
  const env: CheckEnvironment = {
    fs: io.fs, clock: io.clock, passwords: { get: () => undefined }, certificates: new CertificateFileCache(io.fs, io.clock),
    options: { expiryWarningDays: 30, readOutsideWorkspace: true, workspaceRoots: [root] },
  };
  const data = new WorkspaceModel(root, () => env).scan().data();
  io.out(format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : toMermaid(data));
  return ExitCode.ok;
}

function usage(io: CliIo, problem: string): number {
  io.err(`estls map: ${problem}\n\n${mapUsage}`);
  return ExitCode.usage;
}
