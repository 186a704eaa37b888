// The Stack view's page: the layout drawn as inline SVG, the trust verdicts as a list, one inline style and one
// inline script, both allowed by nonce alone (no network, no other resource). Clicking an element posts
// { type: 'open', file, line } to the extension. Pure (no VS Code).
import type { StackModelData, StackPlace } from '../../../server/src/protocol';
import { escapeHtml } from '../certificateEditor/html';
import { layoutStack, type Box, type Link, type StackLayout } from './stackLayout';

const STYLE = `
body { font-family: var(--vscode-font-family, sans-serif); font-size: 13px; color: var(--vscode-foreground, #ccc); background: var(--vscode-editor-background, #1e1e1e); margin: 12px; }
h1 { font-size: 16px; margin: 0 0 8px; }
.legend span { margin-right: 16px; }
svg.stack { max-width: 100%; height: auto; }
svg text { fill: var(--vscode-foreground, #ccc); font-size: 12px; }
svg .title { font-weight: bold; }
.box rect { fill: var(--vscode-editorWidget-background, #252526); stroke-width: 2; }
.box.component rect { stroke: #888; }
.box.certificate rect, .box.ca rect { stroke: #888; stroke-dasharray: 0; }
[data-file] { cursor: pointer; }
[data-file]:hover rect, [data-file]:focus rect { stroke-width: 3; }
.tone-ok rect, rect.tone-ok { stroke: #3fb950; }
.tone-bad rect, rect.tone-bad { stroke: #f85149; }
.tone-warn rect, rect.tone-warn { stroke: #d29922; }
text.tone-ok { fill: #3fb950; } text.tone-bad { fill: #f85149; } text.tone-warn { fill: #d29922; }
path.link { fill: none; stroke: #888; stroke-width: 1.5; }
path.issued-by { stroke-dasharray: 5 4; }
path.trust { stroke-width: 2.5; }
path.trust.tone-ok { stroke: #3fb950; } path.trust.tone-bad { stroke: #f85149; } path.trust.tone-unknown { stroke: #888; stroke-dasharray: 3 3; }
ul.verdicts { list-style: none; padding: 0; }
ul.verdicts li { margin: 4px 0; padding: 4px 8px; border-left: 4px solid #888; }
ul.verdicts li.tone-ok { border-color: #3fb950; } ul.verdicts li.tone-bad { border-color: #f85149; }
.empty { opacity: 0.8; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
function open(el) { vscode.postMessage({ type: 'open', file: el.getAttribute('data-file'), line: Number(el.getAttribute('data-line')) }); }
document.addEventListener('click', (e) => { const el = e.target.closest('[data-file]'); if (el) open(el); });
document.addEventListener('keydown', (e) => { if (e.key !== 'Enter' && e.key !== ' ') return; const el = e.target.closest('[data-file]'); if (el) { e.preventDefault(); open(el); } });
`;

function placeAttrs(place: StackPlace | undefined): string {
  return place ? ` data-file="${escapeHtml(place.file)}" data-line="${place.line}" tabindex="0" role="link"` : '';
}

function boxSvg(b: Box): string {
  const title = b.title.length > 34 ? `${b.title.slice(0, 33)}…` : b.title;
  const rows = b.lines.map((l, i) => {
    const y = b.y + 26 + 18 * i + 13;
    const tone = l.tone ? ` class="tone-${l.tone}"` : '';
    const text = `<text x="${b.x + 10}" y="${y}"${tone}>${escapeHtml(l.text.length > 36 ? `${l.text.slice(0, 35)}…` : l.text)}</text>`;
    return l.place ? `<g${placeAttrs(l.place)}>${text}</g>` : text;
  });
  return [
    `<g class="box ${b.kind} tone-${b.tone}" data-id="${escapeHtml(b.id)}"${placeAttrs(b.place)}>`,
    `<title>${escapeHtml(b.tip)}</title>`,
    `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="${b.kind === 'ca' ? 12 : 4}"></rect>`,
    `<text class="title" x="${b.x + 10}" y="${b.y + 18}">${escapeHtml(title)}</text>`,
    ...rows,
    '</g>',
  ].join('');
}

/** Arrow heads, one a tone, in the colours of the arcs. */
const ARROWS: Record<string, string> = { ok: '#3fb950', bad: '#f85149', warn: '#d29922', unknown: '#888' };

function linkSvg(l: Link): string {
  return `<path class="link ${l.kind} tone-${l.tone}" d="${l.path}"${l.kind === 'trust' ? ` marker-end="url(#arrow-${l.tone})"` : ''}><title>${escapeHtml(l.tip)}</title></path>`;
}

/** The picture as an SVG element. */
export function stackSvg(layout: StackLayout): string {
  return [
    `<svg class="stack" xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<defs>${Object.entries(ARROWS).map(([tone, fill]) => `<marker id="arrow-${tone}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${fill}"></path></marker>`).join('')}</defs>`,
    ...layout.links.map(linkSvg),
    ...layout.boxes.map(boxSvg),
    '</svg>',
  ].join('\n');
}

function verdictList(layout: StackLayout): string {
  if (layout.verdicts.length === 0) return '<p class="empty">No TLS connection between these components is configured.</p>';
  const items = layout.verdicts.map((v) => `<li class="tone-${v.tone}"${placeAttrs(v.place)}>${escapeHtml(v.text)}</li>`);
  return `<h2>Connections</h2><ul class="verdicts">${items.join('')}</ul>`;
}

/** The whole page for `data`, with a strict CSP allowing only the inline style and script carrying `nonce`. */
export function stackPage(data: StackModelData, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
  const layout = layoutStack(data);
  const body = data.components.length === 0 && data.certificates.length === 0
    ? '<p class="empty">No Elasticsearch, Kibana or Beats settings with TLS were found in this workspace.</p>'
    : `<p class="legend"><span>left: nodes, Kibana, Beats</span><span>middle: certificates they present</span><span>right: CAs</span><span>arcs: connections, green trusted, red failing</span></p>${stackSvg(layout)}${verdictList(layout)}`;
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>Stack</title><style nonce="${escapeHtml(nonce)}">${STYLE}</style></head>`,
    `<body><h1>Stack: ${escapeHtml(data.folders.map((f) => f.split(/[\\/]/).pop()).join(', '))}</h1>`,
    body,
    `<script nonce="${escapeHtml(nonce)}">${SCRIPT}</script></body></html>`,
  ].join('\n');
}
