// The names under which a settings file, or a template that renders one, is recognised without a mapping. Pure
// (no imports): the client builds its document selector from the same lists as the server's product detection.

/**
 * Extensions of the template languages that write a settings file out: Jinja (Ansible, Salt), Go templates
 * (Helm, consul-template, confd), Terraform `templatefile`, ERB, Mustache, Handlebars, Liquid, and the
 * `.template` of envsubst-style set-ups. `elasticsearch.yml.j2` is the name Ansible roles give the file.
 */
export const TEMPLATE_EXTENSIONS: readonly string[] = ['j2', 'jinja', 'jinja2', 'tpl', 'tmpl', 'gotmpl', 'tftpl', 'erb', 'ctmpl', 'mustache', 'hbs', 'liquid', 'template'];

/** The products whose settings files are named after them. */
const PRODUCTS = ['elasticsearch', 'kibana'] as const;

const templates = TEMPLATE_EXTENSIONS.join('|');

/**
 * Base-name patterns, first match wins: `elasticsearch*.yml` / `.yaml`; a template of one
 * (`elasticsearch.yml.j2`, `kibana-node1.yaml.tpl`); and, `loose`, a template named after the product with no YAML
 * extension (`elasticsearch-config.j2`), where a dot before the template's extension would name another format
 * (`elasticsearch.json.j2`, `elasticsearch.service.j2`). A loose name is a settings file only when its text starts
 * like one (`elasticsearch-repo.j2` is a yum repository file).
 */
export const SETTINGS_FILE_PATTERNS: ReadonlyArray<readonly [RegExp, (typeof PRODUCTS)[number], boolean]> = PRODUCTS.flatMap((p) => [
  [new RegExp(`^${p}[^/]*\\.ya?ml$`, 'i'), p, false] as const,
  [new RegExp(`^${p}[^/]*\\.ya?ml\\.(?:${templates})$`, 'i'), p, false] as const,
  [new RegExp(`^${p}[^/.]*\\.(?:${templates})$`, 'i'), p, true] as const,
]);

/**
 * The templates above as one glob for the editor's document selector (files of any language: VS Code gives a
 * `.j2` file no YAML language). It is wider than the patterns (`kibana.json.j2` matches it); the server reads
 * only what `SETTINGS_FILE_PATTERNS` names and publishes nothing for the rest.
 */
export const SETTINGS_TEMPLATE_GLOB = `**/{${PRODUCTS.join(',')}}*.{${TEMPLATE_EXTENSIONS.join(',')}}`;
