// Settings text kept inside a file of another language (a Go or Python source with the elasticsearch.yml in a
// string literal, say). The product never reads that file: it reads the YAML the program writes out. So the
// file's own syntax is not something Elasticsearch or Kibana would refuse, and YAML syntax errors there are hints.
import * as path from 'node:path';
import { TEMPLATE_EXTENSIONS } from './settingsFileNames';

/**
 * Extensions of YAML, of the template languages that render YAML (the product reads their output), of Salt
 * states, and of copies kept beside a file.
 */
const YAML_LIKE = new Set([
  '', '.yml', '.yaml', ...TEMPLATE_EXTENSIONS.map((e) => `.${e}`), '.sls', '.example', '.sample', '.orig', '.bak', '.dist',
]);

/** True when `filePath` names a source file of another language, judged by its last extension. */
export function isForeignSource(filePath: string | undefined): boolean {
  if (!filePath) return false;
  const base = path.basename(filePath).toLowerCase();
  // A name with no dot but the leading one (`.env`-like) or none at all is not a foreign source.
  const ext = base.lastIndexOf('.') > 0 ? path.extname(base) : '';
  return !YAML_LIKE.has(ext);
}
