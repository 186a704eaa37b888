// `estls gen` argument parsing: certutil's flags, each value flag repeatable, `--flag=value` accepted.

const VALUE_FLAGS = new Set(['out', 'pass', 'ca', 'ca-cert', 'ca-key', 'ca-pass', 'ca-dn', 'name', 'dns', 'ip', 'in', 'days', 'keysize', 'key-type', 'curve', 'k8s-secret', 'namespace', 'cluster']);
const BOOL_FLAGS = new Set(['self-signed', 'pem', 'p12', 'legacy', 'no-eku', 'mkdirs', 'help']);

/** Parsed command line: each value flag keeps all its values (repeatable). */
export interface GenArgs {
  kind?: string;
  values: Map<string, string[]>;
  flags: Set<string>;
}

/** Bad usage: exit 2 with the usage text. */
export class UsageError extends Error {}

/** Splits `estls gen` arguments into the kind, value flags and boolean flags; throws UsageError. */
export function parseArgs(args: string[]): GenArgs {
  const out: GenArgs = { values: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h') {
      out.flags.add('help');
      continue;
    }
    if (!arg.startsWith('--')) {
      if (out.kind !== undefined) throw new UsageError(`unexpected argument '${arg}'`);
      out.kind = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (BOOL_FLAGS.has(name) && eq < 0) out.flags.add(name);
    else if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      // `--pass --pem` is a forgotten value, not the password "--pem" (write `--pass=--pem` to mean that).
      const looksLikeFlag = eq < 0 && value !== undefined && /^--[a-z]/.test(value) && (VALUE_FLAGS.has(value.slice(2)) || BOOL_FLAGS.has(value.slice(2)));
      if (value === undefined || looksLikeFlag) throw new UsageError(`--${name} needs a value`);
      out.values.set(name, [...(out.values.get(name) ?? []), value]);
    } else throw new UsageError(`unknown option '--${name}'`);
  }
  return out;
}

/** The one value of a flag (undefined when absent); throws UsageError when it was given twice. */
export function one(a: GenArgs, name: string): string | undefined {
  const v = a.values.get(name);
  if (v && v.length > 1) throw new UsageError(`--${name} may be given only once`);
  return v?.[0];
}
