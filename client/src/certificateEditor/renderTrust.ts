// The viewer's section on how the workspace uses the file: for each TLS context presenting its certificate, the
// chain and its verification against the CAs configured beside it, with links to the settings. Pure, escaping all.
import type { ConfiguredTrust, SettingPlace, StackPlace } from '../../../server/src/protocol';
import { escapeHtml } from './html';

/**
 * The places the section links to, in the order of their `data-open` indexes: for each entry the setting that names
 * the file, then its CA settings. The provider opens `trustPlaces(trust)[index]`, so a page can only open these.
 */
export function trustPlaces(trust: readonly ConfiguredTrust[]): StackPlace[] {
  return trust.flatMap((t) => [t.usedBy.place, ...t.authorities.map((a) => a.place)]);
}

const VERDICT: Record<ConfiguredTrust['verdict'], { cls: string; word: string }> = {
  trusted: { cls: 'ok', word: 'Trusted' },
  untrusted: { cls: 'expired', word: 'Not trusted' },
  'no-cas': { cls: 'warning-text', word: 'Not verified' },
};

function link(place: SettingPlace, index: number): string {
  return `<code>${escapeHtml(place.setting)}</code> (<code>${escapeHtml(place.value)}</code>) in <a href="#" class="open" data-open="${index}" title="Open the setting">${escapeHtml(place.label)}</a>`;
}

const samePlace = (a: SettingPlace, b: SettingPlace) => a.place.file === b.place.file && a.place.line === b.place.line && a.place.column === b.place.column;

/** The message with its verdict word in bold (colour is not the only cue). */
function verdictHtml(message: string, word: string): string {
  return message.startsWith(word) ? `<strong>${word}</strong>${escapeHtml(message.slice(word.length))}` : `<strong>${word}</strong>: ${escapeHtml(message)}`;
}

function entry(t: ConfiguredTrust, first: number): string {
  const v = VERDICT[t.verdict];
  const anchorIndex = t.anchor ? t.authorities.findIndex((a) => samePlace(a, t.anchor!.setting)) : -1;
  const chain = t.chain.map((subject, i) => {
    const isAnchor = t.anchor !== undefined && i === t.chain.length - 1 && subject === t.anchor.subject;
    const tag = i === 0 ? ' <span class="tag">this certificate</span>' : isAnchor ? ' <span class="tag">configured CA</span>' : '';
    return `<li>${escapeHtml(subject)}${tag}</li>`;
  });
  const cas = t.authorities.length === 0
    ? '<span class="none">none configured</span>'
    : t.authorities.map((a, j) => link(a, first + 1 + j) + (j === anchorIndex ? ' <span class="tag">verifies it</span>' : '')).join('; ');
  return [
    `<div class="trust-entry" data-verdict="${t.verdict}">`,
    `<h3>${escapeHtml(t.component)} · <code>${escapeHtml(t.prefix)}</code></h3>`,
    `<p class="verdict ${v.cls}">${verdictHtml(t.message, v.word)}</p>`,
    `<p class="used-by">Presented through ${link(t.usedBy, first)}</p>`,
    `<p class="chain-label">Chain:</p><ol class="chain">${chain.join('')}</ol>`,
    `<p class="cas">CAs configured beside it: ${cas}</p>`,
    '</div>',
  ].join('\n');
}

/** The section, or nothing when no setting of the workspace presents a certificate of this file. */
export function trustSection(trust: readonly ConfiguredTrust[] | undefined): string {
  if (!trust || trust.length === 0) return '';
  let next = 0;
  const entries = trust.map((t) => {
    const html = entry(t, next);
    next += 1 + t.authorities.length;
    return html;
  });
  return `<section class="trust"><h2>Verification against the configured CAs</h2>\n${entries.join('\n')}\n</section>`;
}
