// Text that came from a file (a subject, a SAN, an instance name, a setting value) is shown only through these:
// control characters escaped so a terminal or an editor shows them instead of obeying them, and passwords inside
// URLs masked so no output channel (findings, hovers, logs, JSON) repeats them.

/**
 * C0 controls but tab and line feed, DEL, C1 controls (0x9b is a one-byte CSI to many terminals), the Unicode line
 * and paragraph separators, and the bidirectional overrides that reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, and tab and line feed too: for one value on one line. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One value from a file, shown on one line: every control character as `\u001b`. */
export function escapeControl(value: string): string {
  return value.replace(CONTROL, escapeOne);
}

/** A message of several lines: control characters escaped, tab and line feed kept. */
export function escapeControlInLines(text: string): string {
  return text.replace(CONTROL_IN_LINES, escapeOne);
}

/**
 * `scheme://user:password@host` with the password as `***`. The password runs to the last `@` before the host
 * (a password may hold an unescaped `@`), and stops at white space, quotes and the path.
 */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"'`<>]*):([^\s/?#"'`<>]*)@/gi;

/** Masks the password of every URL in `text`; a URL without one is left as it is. */
export function maskUrlCredentials(text: string): string {
  // Most messages hold no URL: the expression tries a scheme at every letter, which costs more than this test.
  if (!text.includes('://')) return text;
  return text.replace(URL_CREDENTIALS, (_all, scheme: string, user: string) => `${scheme}${user}:***@`);
}

/**
 * What every message shown to people goes through: control characters escaped, then passwords in URLs masked (in
 * that order, so a control character inside a URL cannot hide its password from the mask).
 */
export function safeMessage(text: string): string {
  return maskUrlCredentials(escapeControlInLines(text));
}
