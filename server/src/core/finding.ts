/** A half-open span of character offsets [start, end) in a document's text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** One text replacement, in offsets of the document the finding belongs to. */
export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

/** A quick fix carried as data; the server turns it into a code action without reading the message. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Marks the fix the editor may apply with "fix all" / auto-fix. */
  isPreferred?: boolean;
  /** A shell command the user still has to run (for example `bin/elasticsearch-keystore add ...`). */
  command?: string;
}

/** Another place that explains the finding (the first occurrence of a duplicate key, say). */
export interface RelatedInfo {
  message: string;
  range: OffsetRange;
  /** Absolute path when the place is in another file; absent for the same document. */
  file?: string;
}

/** What a rule reports: plain data that the LSP server and the CLI both present. */
export interface Finding {
  /** kebab-case id such as `ssl-key-without-certificate`; also the docs anchor. */
  ruleId: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  fixes?: Fix[];
  related?: RelatedInfo[];
  /** Doc page that explains the setting or rule. */
  docsUrl?: string;
  /** Marks findings about deprecated or unnecessary text, which editors render specially. */
  tags?: Array<'deprecated' | 'unnecessary'>;
  /** Extra machine-readable facts for code actions (for example the path of a locked keystore). */
  data?: Record<string, string>;
}
