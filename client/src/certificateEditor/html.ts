// HTML building blocks for the certificate viewer. Pure (no VS Code), so render tests run in plain Node.

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Where the page's own style and script come from, and the nonce that lets only that script run. */
export interface PageOptions {
  nonce: string;
  /** The webview's `cspSource`. */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
  /** Days before expiry from which a certificate is shown amber. */
  expiryWarningDays: number;
}

/** A complete document with a strict CSP: no remote resources, only our stylesheet and our nonce'd script. */
export function page(title: string, body: string, opts: PageOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${opts.cspSource}`,
    `img-src ${opts.cspSource} data:`,
    `script-src 'nonce-${opts.nonce}'`,
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    // The policy's own single quotes must stay literal; only characters that could end the attribute are escaped.
    `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&"<>]/g, (c) => escapeHtml(c))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${escapeHtml(opts.styleUri)}">`,
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body>',
    body,
    `<script nonce="${escapeHtml(opts.nonce)}" src="${escapeHtml(opts.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** A two-column row; `valueHtml` must already be escaped. */
export function row(label: string, valueHtml: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${valueHtml}</td></tr>`;
}

/** Escaped text plus a Copy button that copies exactly that text. */
export function copyable(text: string): string {
  return `<code>${escapeHtml(text)}</code> <button type="button" class="copy" data-copy="${escapeHtml(text)}" title="Copy">Copy</button>`;
}

/** A comma-separated escaped list, or an em dash when empty. */
export function list(values: readonly string[]): string {
  return values.length === 0 ? '<span class="none">—</span>' : values.map((v) => escapeHtml(v)).join(', ');
}
