// yaml's parser, run for text whose parse errors are only counted or dropped, never shown to the user.
import { parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * Runs `run` with stack capture off: yaml builds an Error object for every problem, and garbage such as a long
 * run of quotes yields one per character, where capturing stacks would double the time. Restored at once.
 */
export function withoutStackTraces<T>(run: () => T): T {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = saved;
  }
}

/**
 * `parseDocument` without pretty errors (each copies its whole line into the message: quadratic on one long
 * line; 100 KB of quotes in a compose file took 20 s) and without stack traces.
 */
export function parseDocumentQuietly(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): Document.Parsed {
  return withoutStackTraces(() => parseDocument(text, { ...options, prettyErrors: false }));
}
