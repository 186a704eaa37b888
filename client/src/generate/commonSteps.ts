// The questions most generation commands end with: key type, validity, format, password and output folder.
import * as vscode from 'vscode';
import type { OutputFormat } from '../../../server/src/protocol';
import type { GenerateCommandArgs } from './args';
import { askOutputFolder } from './outputFolder';
import { askDays, askNewPassword, pickFormat, pickKeySpec, type Steps } from './prompts';

export interface CommonOptions {
  /** Pre-filled days; leaving it unchanged lets the engine apply its default. */
  defaultDays?: number;
  /** Offer PKCS#12 or PEM; without it the output is PEM (CSR). */
  chooseFormat: boolean;
  /** What the file being protected is called in the password prompt. */
  what: string;
  /** A folder the command was started on (explorer context menu). */
  folder?: vscode.Uri;
  /** The output is a Kubernetes Secret: PEM with an unencrypted key (ECK reads no other), so neither is asked. */
  k8sSecret?: boolean;
}

function passwordPrompt(format: OutputFormat, what: string): string {
  return format === 'pkcs12'
    ? `Password for the ${what} keystore (may be empty)`
    : `Passphrase to encrypt the ${what} private key (empty: not encrypted)`;
}

/** Days in `years` calendar years from today, as the engine counts the HTTP default. */
export function daysInYears(years: number, now = new Date()): number {
  const later = new Date(now);
  later.setUTCFullYear(now.getUTCFullYear() + years);
  return Math.round((later.getTime() - now.getTime()) / 86_400_000);
}

/** Asks the common questions; undefined when the user cancelled. */
export async function askCommon(steps: Steps, options: CommonOptions): Promise<GenerateCommandArgs | undefined> {
  const key = await pickKeySpec(steps.next());
  if (!key) return undefined;
  let days: number | null | undefined = null;
  if (options.defaultDays !== undefined) {
    days = await askDays(steps.next(), options.defaultDays);
    if (days === undefined) return undefined;
  }
  const chooseFormat = options.chooseFormat && !options.k8sSecret;
  const format = chooseFormat ? await pickFormat(steps.next()) : 'pem';
  if (!format) return undefined;
  const password = options.k8sSecret ? '' : await askNewPassword(steps.next(), passwordPrompt(format, options.what));
  if (password === undefined) return undefined;
  const outputDir = options.folder?.fsPath ?? (await askOutputFolder(steps.next()))?.toString();
  if (!outputDir) return undefined;
  return {
    outputDir,
    key,
    ...(days !== null ? { days } : {}),
    ...(chooseFormat ? { format } : {}),
    ...(format === 'pkcs12' || password !== '' ? { password } : {}),
  };
}
