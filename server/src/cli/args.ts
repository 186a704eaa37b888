// Argument plumbing shared by the estls commands: parse, or say in one line what is wrong.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags and positionals, or the parser's own one-line complaint. */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (e) {
    return (e as Error).message;
  }
}

/** `--format`, defaulting to text; a string names the problem. */
export function outputFormat(value: string | boolean | undefined): { format: 'text' | 'json' } | string {
  const format = value ?? 'text';
  return format === 'text' || format === 'json' ? { format } : `unknown format '${String(format)}' (use text or json)`;
}
