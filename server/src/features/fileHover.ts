// What a hover says about a file a path setting points at: the certificate summary, or why it cannot be read.
import type { FileRole } from '../catalog/types';
import type { CertificateFiles } from '../pki/fileCache';
import { renderCertificateMarkdown } from '../pki/render';
import type { Clock, FileSystem } from '../core/environment';
import type { PasswordProvider } from '../rules/types';

/** Whether a file may be read, and the reader that parses certificate files (cached). */
export interface FileHoverEnv {
  fs: FileSystem;
  clock: Clock;
  /** False for files outside the workspace when the workspace is not trusted. */
  mayRead(absolutePath: string): boolean;
  certificates?: CertificateFiles;
  passwords?: PasswordProvider;
}

function ioCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? 'I/O error';
}

function lockedLine(shown: string, code: string, hasPassword: boolean): string {
  if (code === 'BAD_PASSWORD' && hasPassword) return `**Locked**: the stored password for ${shown} is not right. Run *Elastic TLS: Unlock Keystore* to enter it again.`;
  return `**Locked**: ${shown} needs a password. Run *Elastic TLS: Unlock Keystore* to enter it; it is kept in VS Code's secret storage.`;
}

function certificateMarkdown(absolutePath: string, shown: string, env: FileHoverEnv & { certificates: CertificateFiles }): string {
  const password = env.passwords?.get(absolutePath);
  const read = env.certificates.read(absolutePath, password);
  if (read.kind === 'missing') return `**Missing**: ${shown} does not exist.`;
  // Names and expiry first (what a hover is read for), the file's path after them.
  if (read.kind === 'parsed') return `${renderCertificateMarkdown(read.file.result, { now: env.clock.now() })}\n\nFile: ${shown}`;
  const code = read.error.code;
  if (code === 'PASSWORD_REQUIRED' || code === 'BAD_PASSWORD') return lockedLine(shown, code, password !== undefined);
  return `**Cannot read** ${shown}: ${read.error.message}`;
}

/** A markdown description of the file at `absolutePath`; never throws. */
export function describeFile(absolutePath: string, role: FileRole | undefined, env: FileHoverEnv): string {
  const shown = `\`${absolutePath}\``;
  if (!env.mayRead(absolutePath)) {
    return `${shown} is outside the workspace, and the workspace is not trusted, so the file was not read.`;
  }
  let stat;
  try {
    stat = env.fs.stat(absolutePath);
  } catch (e) {
    return `**Cannot read** ${shown}: ${ioCode(e)}.`;
  }
  if (!stat) return `**Missing**: ${shown} does not exist.`;
  if (stat.isDirectory) return `${shown} is a folder; the setting needs a file.`;
  if (!env.certificates || role === undefined || role === 'other') return `${shown} (${stat.size} bytes).`;
  return certificateMarkdown(absolutePath, shown, { ...env, certificates: env.certificates });
}
