// What the start of a file says about whether it can be a settings file at all, whatever its name. Pure.

/**
 * The first line that holds content: blank lines, comments, `---`, `%` directives and lines that are only a
 * template tag (`{% if tls %}`, `{{ ansible_managed | comment }}`, `{# note #}`) are passed over. Reads at most
 * the first 8 KB.
 */
export function firstContentLine(text: string): string | undefined {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === '---' || line.startsWith('%')) continue;
    if (/^(?:\{%.*%\}|\{\{.*\}\}|\{#.*#\})$/.test(line)) continue;
    return line;
  }
  return undefined;
}

/**
 * True when a text is a YAML list at its top level (its first line of content starts with `- `): an Ansible task
 * file or playbook named `elasticsearch.yml`, a Beats module config. Neither product reads a list as its settings,
 * and no typo turns a settings file into one.
 */
export function isYamlList(text: string): boolean {
  const line = firstContentLine(text);
  return line !== undefined && (line === '-' || line.startsWith('- '));
}

/** True when a text is encrypted with Ansible Vault (`$ANSIBLE_VAULT;1.1;AES256`): nothing in it can be read. */
export function isVaultText(text: string): boolean {
  return text.trimStart().startsWith('$ANSIBLE_VAULT;');
}

/** A file whose name says settings but whose text cannot be a settings file: a YAML list, or a vault. */
export function cannotBeSettings(text: string): boolean {
  return isVaultText(text) || isYamlList(text);
}

/**
 * True when the first line of content is a YAML `key:` (or a flow map): what a settings file starts with. A name
 * that only loosely says settings (`elasticsearch-config.j2`) needs this, since `elasticsearch-repo.j2` is a yum
 * repository file (`[elasticsearch]`, `name=...`).
 */
export function startsLikeMapping(text: string): boolean {
  const line = firstContentLine(text);
  if (line === undefined || cannotBeSettings(text)) return false;
  return line.startsWith('{') || /^(?:"[^"]*"|'[^']*'|[^\s#[\]{},:=][^:=#]*?)\s*:(?:\s|$)/.test(line);
}
