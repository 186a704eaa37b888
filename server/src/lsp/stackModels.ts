// The workspace model of each open folder, for the server: scanned on first use, handed to the diagnostics for
// a file (which update it from open documents' text as they change, that file's part only, and ask it for the
// file's cross-file findings), refreshed when files on disk change, and asked for the stack model data and the
// certificate rows.
import * as path from 'node:path';
import { WorkspaceModel } from '../workspace/model';
import { certificateItems } from '../workspace/modelData';
import type { CheckEnvironment } from '../rules/types';
import type { StackModelData, WorkspaceCertificateItem } from '../workspace/types';

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** One WorkspaceModel per workspace folder. */
export class StackModels {
  private readonly models = new Map<string, WorkspaceModel>();
  /** Called after a folder is scanned or re-read, so its findings reach files no editor has open. */
  onChange: () => void = () => undefined;

  /** `roots` and `environment` are asked on each use: folders and settings change while the server runs. */
  constructor(private readonly roots: () => readonly string[], private readonly environment: () => CheckEnvironment) {}

  /** The model of the folder holding `file` (the innermost folder), scanned on first use. */
  modelOf(file: string): WorkspaceModel | undefined {
    const root = this.roots().filter((r) => inside(r, file)).sort((a, b) => b.length - a.length)[0];
    return root ? this.model(root) : undefined;
  }

  /** Every folder's model. */
  all(folder?: string): WorkspaceModel[] {
    return this.roots().filter((r) => !folder || r === folder).map((r) => this.model(r));
  }

  /** Files on disk or the environment changed: re-read every part (certificates, keystores) on next use. */
  refresh(): void {
    for (const m of this.models.values()) m.refresh();
    if (this.models.size > 0) this.onChange();
  }

  /** Folders changed: forget models of folders that are gone. */
  foldersChanged(): void {
    for (const root of [...this.models.keys()]) if (!this.roots().includes(root)) this.models.delete(root);
  }

  /** The stack model data of one folder, or of all merged. */
  data(folder?: string): StackModelData {
    const parts = this.all(folder).map((m) => m.data());
    return {
      folders: parts.flatMap((p) => p.folders), clusters: parts.flatMap((p) => p.clusters), components: parts.flatMap((p) => p.components),
      certificates: parts.flatMap((p) => p.certificates).sort((a, b) => a.daysLeft - b.daysLeft), keystores: parts.flatMap((p) => p.keystores), edges: parts.flatMap((p) => p.edges),
    };
  }

  /** The Certificates view's rows. */
  certificates(folder?: string): WorkspaceCertificateItem[] {
    return certificateItems(this.data(folder));
  }

  private model(root: string): WorkspaceModel {
    let m = this.models.get(root);
    if (!m) {
      m = new WorkspaceModel(root, this.environment).scan();
      this.models.set(root, m);
      this.onChange();
    }
    return m;
  }
}
