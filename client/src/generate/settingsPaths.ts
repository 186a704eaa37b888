// Pure helpers for inserting generated settings: the engine writes file values relative to the output folder; in the
// yml they must be relative to the yml's own folder (Elasticsearch and Kibana resolve them against the config dir).
import * as path from 'node:path';

/**
 * Rewrites `key: value` lines whose value is one of the generated relative paths so that the value is relative to
 * `ymlDir` (or absolute when the output folder is not below it). Other lines are kept as they are.
 */
export function relocateSettingLines(lines: string[], generatedPaths: string[], outputDir: string, ymlDir: string): string[] {
  const known = new Set(generatedPaths);
  return lines.map((line) => {
    const match = /^(\s*[^#:\s][^:]*:\s*)(["']?)([^"'#]+?)\2(\s*(?:#.*)?)$/.exec(line);
    if (!match || !known.has(match[3])) return line;
    const absolute = path.join(outputDir, ...match[3].split('/'));
    const relative = path.relative(ymlDir, absolute);
    const value = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
    return `${match[1]}${match[2]}${value}${match[2]}${match[4]}`;
  });
}

/** The block appended to a yml: a blank line, a comment, then the settings, ending in a newline. */
export function settingsBlock(existingText: string, lines: string[]): string {
  const lead = existingText === '' || existingText.endsWith('\n\n') ? '' : existingText.endsWith('\n') ? '\n' : '\n\n';
  return `${lead}# TLS settings added by Elastic TLS\n${lines.join('\n')}\n`;
}
