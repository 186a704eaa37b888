import type { OffsetRange } from '../core/finding';

/** One completion proposal as plain data; the server maps it onto an LSP CompletionItem. */
export interface CompletionEntry {
  label: string;
  kind: 'property' | 'module' | 'value' | 'enumMember' | 'file' | 'folder';
  /** Short text beside the label (the type, or the default). */
  detail?: string;
  /** Markdown shown for the selected item. */
  documentation?: string;
  /** For keys: the catalog key whose documentation the editor may ask for later (keeps long lists small). */
  documentationKey?: string;
  /** Text that replaces `range`; a snippet when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
  range: OffsetRange;
  filterText?: string;
  sortText?: string;
  deprecated?: boolean;
  /** Ask the editor for completions again after inserting (a folder, say). */
  retrigger?: boolean;
  /** The insert text carries its own indentation; the editor must not re-indent it. */
  keepIndentation?: boolean;
}

/** A folder entry as the completion of a path value needs it. */
export interface DirEntry {
  name: string;
  isDirectory: boolean;
}
