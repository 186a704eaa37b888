// What one fuzz input is, as sent to the worker and as saved for replay.

/** Options a target reads besides the main bytes; chosen by the run's generator, saved with every crash. */
export interface InputOptions {
  product?: 'elasticsearch' | 'kibana';
  /** Absent: no password given (the reader tries the empty one). */
  password?: string;
  fileName?: string;
  /** Offsets for hover, completion and position lookups (taken modulo the text length). */
  offsets?: number[];
  /** Contents of the certificate files an in-memory file system serves to the rules. */
  files?: Uint8Array[];
  /** Host names and EKUs the verify target checks. */
  hosts?: string[];
}

export interface FuzzInput {
  bytes: Uint8Array;
  opts: InputOptions;
}

/** The JSON form of an input (crash files and the committed regression corpus). */
export interface SavedInput {
  target: string;
  /** The input's bytes; or, for a large but repetitive input, `parts` (each text repeated so many times, as UTF-8). */
  base64?: string;
  parts?: Array<[string, number]>;
  opts?: Omit<InputOptions, 'files'> & { files?: string[] };
  /** Why the input is kept: what it once broke. */
  note?: string;
}

export function toSaved(target: string, input: FuzzInput, note?: string): SavedInput {
  const { files, ...rest } = input.opts;
  const opts = files ? { ...rest, files: files.map((f) => Buffer.from(f).toString('base64')) } : rest;
  return { target, base64: Buffer.from(input.bytes).toString('base64'), opts, ...(note ? { note } : {}) };
}

export function fromSaved(saved: SavedInput): FuzzInput {
  const { files, ...rest } = saved.opts ?? {};
  const opts: InputOptions = files ? { ...rest, files: files.map((f) => Buffer.from(f, 'base64')) } : rest;
  const bytes = saved.parts ? Buffer.from(saved.parts.map(([text, times]) => text.repeat(times)).join(''), 'utf8') : Buffer.from(saved.base64 ?? '', 'base64');
  return { bytes, opts };
}
