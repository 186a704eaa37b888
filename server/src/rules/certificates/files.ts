// The certificate rules' view of one SSL context: which files its settings name, read through the cache,
// and the findings that reading them produced (wrong format, password problems, unreadable files).
import type { FileRole } from '../../catalog/types';
import type { ScalarValue, Setting } from '../../config/types';
import { CertificateFileCache } from '../../pki/fileCache';
import type { CertificateFileRead, CertificateFiles } from '../../pki/fileCache';
import type { ParsedFile } from '../../pki/parsed';
import type { Finding } from '../../core/finding';
import { locatorOf, readablePaths } from '../paths';
import type { SslContext } from '../ssl/contexts';
import { plainScalar, valueItems } from '../ssl/contexts';
import type { RuleContext } from '../types';

/** One file named by a setting, read. */
export interface ContextFile {
  role: FileRole;
  setting: Setting;
  item: ScalarValue;
  path: string;
  file: ParsedFile;
}

/** What one SSL context's files hold, plus findings from reading them. */
export interface ContextFiles {
  context: SslContext;
  certificate?: ContextFile;
  key?: ContextFile;
  keystore?: ContextFile;
  truststore?: ContextFile;
  authorities: ContextFile[];
  findings: Finding[];
}

/** Password settings that go with each file role, per product (plain ones are readable from the yml). */
const PASSWORD_SUFFIXES: Record<'elasticsearch' | 'kibana', Partial<Record<FileRole, { plain: string[]; secure: string[] }>>> = {
  elasticsearch: {
    keystore: { plain: ['keystore.password'], secure: ['keystore.secure_password'] },
    truststore: { plain: ['truststore.password'], secure: ['truststore.secure_password'] },
    key: { plain: ['key_passphrase'], secure: ['secure_key_passphrase'] },
  },
  kibana: {
    keystore: { plain: ['keystore.password'], secure: [] },
    truststore: { plain: ['truststore.password'], secure: [] },
    key: { plain: ['keyPassphrase'], secure: [] },
  },
};

/** The cache the rules read through: the injected one, or a short-lived one for this check. */
export function certificateFiles(ctx: RuleContext): CertificateFiles {
  return ctx.certificates ?? new CertificateFileCache(ctx.fs, ctx.clock);
}

/** The password settings of a role in a context, and whether any is present. */
export function passwordSettings(ctx: RuleContext, context: SslContext, role: FileRole): { plain?: ScalarValue; secureNames: string[]; anyPresent: boolean } {
  const names = PASSWORD_SUFFIXES[ctx.model.product][role];
  if (!names) return { secureNames: [], anyPresent: false };
  const plainSetting = names.plain.map((s) => context.settings.get(s)).find((s) => s !== undefined);
  // A secure setting wrongly written in the yml (another rule reports that) still tells us the password.
  const secureInYml = names.secure.map((s) => context.settings.get(s)).find((s) => s !== undefined);
  return { plain: plainScalar(plainSetting) ?? plainScalar(secureInYml), secureNames: names.secure.map((s) => `${context.prefix}${s}`), anyPresent: !!plainSetting || !!secureInYml };
}

/** The first existing local file a setting value stands for (see PathLocator), within the workspace rules. */
export function resolveExisting(ctx: RuleContext, value: string, files: CertificateFiles, ymlPassword?: string): ResolvedRead | undefined {
  const candidates = readablePaths(ctx, locatorOf(ctx).locate(value));
  for (const path of candidates) {
    const supplied = ctx.passwords.get(path);
    const password = supplied ?? ymlPassword;
    const read = files.read(path, password);
    if (read.kind !== 'missing') return { path, read, passwordSource: supplied !== undefined ? 'user' : ymlPassword !== undefined ? 'yml' : undefined };
  }
  return undefined;
}

/** A read with where its password came from (the user's unlock, a plain yml setting, or none). */
export interface ResolvedRead {
  path: string;
  read: CertificateFileRead;
  passwordSource?: 'user' | 'yml';
}

/** The file settings of a context, by role, with their scalar items (lists split). */
export function fileSettings(ctx: RuleContext, context: SslContext): Array<{ role: FileRole; setting: Setting; item: ScalarValue }> {
  const out: Array<{ role: FileRole; setting: Setting; item: ScalarValue }> = [];
  for (const setting of context.settings.values()) {
    const def = ctx.catalog.lookup(setting.key)?.def;
    const role = def?.fileRole;
    if (!role || role === 'other') continue;
    const items = role === 'certificateAuthorities' ? valueItems(setting, ctx.model.product === 'elasticsearch') : valueItems(setting, false).slice(0, 1);
    for (const item of items) if (item.text.trim() !== '') out.push({ role, setting, item });
  }
  return out;
}
