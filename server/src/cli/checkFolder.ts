// `estls check DIR`: every settings file of a folder checked on its own, then the folder as one stack
// (the workspace model's cross-file findings, each with the places in other files that explain it).
import * as path from 'node:path';
import { LineIndex, lineColumnAt } from '../core/lineIndex';
import type { Finding } from '../core/finding';
import type { ConfigModel } from '../config/types';
import type { CheckEnvironment } from '../rules/types';
import { WorkspaceModel, listSettingsFiles } from '../workspace/model';
import { readText, toEntry, type CheckReportEntry } from './checkReport';
import type { CliIo } from './io';

/** How one file is checked alone (check.ts's checkFile), passed in so the two modules do not import each other. */
export type FileCheck = (io: CliIo, file: string, args: object, env: CheckEnvironment, hooks?: FileCheckHooks) => CheckReportEntry[] | string;

/** What a folder check already has for a file check: the text it read; and where the parsed settings go. */
export interface FileCheckHooks {
  read?: Exclude<ReturnType<typeof readText>, string>;
  onModel?: (model: ConfigModel) => void;
}

/** Checks a folder; a string return is why it could not be checked. */
export function checkFolder(io: CliIo, dir: string, env: CheckEnvironment, checkFile: FileCheck, tally: { files: number } = { files: 0 }): CheckReportEntry[] | string {
  if (!io.fs.listDir) return 'folders cannot be listed here';
  const root = path.resolve(io.cwd, dir);
  const folderEnv = { ...env, options: { ...env.options, workspaceRoots: [root] } };
  const model = new WorkspaceModel(root, () => folderEnv);
  const display = (file: string) => path.join(dir, path.relative(root, file));
  const entries: CheckReportEntry[] = [];
  const lines = new Map<string, LineIndex>();
  for (const file of listSettingsFiles(folderEnv, root)) {
    const read = readText(io, file);
    if (typeof read === 'string') {
      io.err(`estls check: ${display(file)}: ${read}\n`);
      continue;
    }
    lines.set(file, new LineIndex(read.text));
    // Each file as `estls check FILE` sees it (settings, deployment or Beats file); other YAML says nothing.
    // The model reads the settings the file check parsed (a settings file named for its product) instead of
    // parsing them again.
    let parsed: ConfigModel | undefined;
    const own = checkFile(io, file, {}, folderEnv, { read, onModel: (m) => (parsed = m) });
    if (typeof own !== 'string') {
      tally.files++;
      entries.push(...own.map((e) => ({ ...e, file: display(file) })));
    }
    if (!read.finding) model.update(file, read.text, parsed);
  }
  for (const [file, findings] of model.findingsByFile()) {
    for (const f of findings) entries.push(withRelated(toEntry(display(file), f, lines.get(file)!), f, lines, display));
  }
  return entries.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function withRelated(entry: CheckReportEntry, f: Finding, lines: Map<string, LineIndex>, display: (file: string) => string): CheckReportEntry {
  const related = (f.related ?? []).filter((r) => r.file).map((r) => {
    const at = lineColumnAt(lines.get(r.file!) ?? new LineIndex(''), lines.has(r.file!) ? r.range.start : 0);
    return { file: display(r.file!), line: at.line, column: at.column, message: r.message };
  });
  return related.length > 0 ? { ...entry, related } : entry;
}
