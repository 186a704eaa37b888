// Masks secrets in text bound for the output channel. Pure, so it can be unit tested without VS Code.

const SECRET_KEYS = /("(?:password|keyPassword|passphrase|keyPassphrase)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
const MASK = '***';
/** A PEM private key, raw or inside JSON (newlines escaped): the viewer's Export answer carries one. */
const PRIVATE_KEY_PEM = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g;

/** Replaces secret JSON values, PEM private keys and every given secret string (raw or JSON-escaped) with `***`. */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text.replace(SECRET_KEYS, `$1"${MASK}"`).replace(PRIVATE_KEY_PEM, `-----BEGIN $1PRIVATE KEY-----${MASK}-----END $1PRIVATE KEY-----`);
  for (const secret of secrets) {
    // Very short secrets would mask ordinary words; the key-based rule above still covers their JSON form.
    if (secret.length < 3) continue;
    out = out.split(secret).join(MASK);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(MASK);
  }
  return out;
}
