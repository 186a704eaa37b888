// Generated file names come from the server; a name must never lead outside the chosen output folder.

/** Splits a relative path into segments; throws on an absolute path, a drive letter, `..`, `.` or an empty segment. */
export function safeSegments(relativePath: string): string[] {
  const segments = relativePath.split(/[\\/]/);
  const bad =
    relativePath === '' ||
    /^[\\/]|^[a-zA-Z]:/.test(relativePath) ||
    segments.some((s) => s === '' || s === '.' || s === '..');
  if (bad) throw new Error(`The server returned an unsafe file name: ${JSON.stringify(relativePath)}`);
  return segments;
}
