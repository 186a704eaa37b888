// Masks secrets in text bound for the output channel. Pure, so it can be unit tested without VS Code.
import { maskUrlCredentials } from '../../server/src/core/safeText';

// A password field's value: a JSON string, or a number a client sent where a string belongs.
const SECRET_KEYS = /("(?:password|keyPassword|passphrase|keyPassphrase)"\s*:\s*)(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;
// Generated files travel to the client as base64 (a private key among them); the log never needs their bytes.
const FILE_CONTENT = /("contentBase64"\s*:\s*)"[^"]*"/g;
// A PEM private key anywhere in a message, raw or inside JSON (newlines then written as \n): the viewer's
// Export answer carries one.
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----/g;
// A settings file's own secret values (`truststore.password: x`), as a traced didOpen/didChange carries the text:
// the value after a key ending in password or passphrase, plain, quoted, or quoted inside JSON.
const YAML_SECRET = /(\b[\w.-]*(?:password|passphrase)[ \t]*:[ \t]*)(\\"(?:[^"\\]|\\\\)*\\"|"[^"\n]*"|'[^'\n]*'|[^\s"'\\]+)/gi;
const MASK = '***';

/**
 * Replaces secret JSON values, generated file contents, PEM private keys, the secret values of a settings file's
 * text, passwords inside URLs and every given secret string (raw or JSON-escaped) with `***`.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text.replace(SECRET_KEYS, `$1"${MASK}"`).replace(FILE_CONTENT, `$1"${MASK}"`).replace(PEM_PRIVATE_KEY, `${MASK} ($1PRIVATE KEY)`).replace(YAML_SECRET, `$1${MASK}`);
  out = maskUrlCredentials(out);
  for (const secret of secrets) {
    // Very short secrets would mask ordinary words; the key-based rule above still covers their JSON form.
    if (secret.length < 3) continue;
    out = out.split(secret).join(MASK);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(MASK);
  }
  return out;
}
