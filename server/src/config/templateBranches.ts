// The if/else structure of a templated settings file, so that a key set once in each branch of a conditional is
// not taken for a duplicate: only one branch is ever rendered. Control tags of Jinja/Salt (`{% if %}`,
// `{% elif %}`, `{% else %}`, `{% endif %}`, `{% for %}`), Go templates (`{{ if }}`, `{{ else }}`, `{{ end }}`,
// `{{ range }}`, `{{ with }}`), Terraform (`%{ if }`, `%{ else }`, `%{ endif }`, `%{ for }`) and ERB
// (`<% if %>`, `<% elsif %>`, `<% else %>`, `<% end %>`).

/** Where an offset stands: the branch taken in each enclosing block, outermost first. */
type BranchPath = ReadonlyArray<readonly [block: number, branch: number]>;

type Step = 'open' | 'branch' | 'close';

/** A tag's text without its delimiters and whitespace-control marks. */
// One line and at most 200 characters each: control tags are short, and a stray opening costs little.
const TAG = /\{%[-+]?\s*(.{0,200}?)\s*[-+]?%\}|\{\{-?\s*(.{0,200}?)\s*-?\}\}|%\{~?\s*(.{0,200}?)\s*~?\}|<%[-=]?\s*(.{0,200}?)\s*-?%>/g;

const JINJA: Record<string, Step> = { if: 'open', for: 'open', elif: 'branch', else: 'branch', endif: 'close', endfor: 'close' };
const GO: Record<string, Step> = { if: 'open', range: 'open', with: 'open', define: 'open', block: 'open', else: 'branch', end: 'close' };
const TERRAFORM: Record<string, Step> = { if: 'open', for: 'open', else: 'branch', endif: 'close', endfor: 'close' };
const ERB: Record<string, Step> = { if: 'open', unless: 'open', case: 'open', while: 'open', elsif: 'branch', else: 'branch', when: 'branch', end: 'close' };

/** At most this many tags are read; a file with more is treated as having no branches. */
const MAX_TAGS = 20_000;

/** Answers whether two offsets lie in different branches of one conditional. */
export class TemplateBranches {
  private constructor(
    /** Offsets where the branch path changes, ascending, with the path from there on. */
    private readonly starts: number[],
    private readonly paths: BranchPath[],
  ) {}

  /** The branch structure of a text; empty when it holds no control tags. */
  static of(text: string): TemplateBranches {
    const starts: number[] = [0];
    const paths: BranchPath[] = [[]];
    const stack: Array<[number, number]> = [];
    let blocks = 0;
    let count = 0;
    for (const m of text.matchAll(TAG)) {
      if (++count > MAX_TAGS) return new TemplateBranches([0], [[]]);
      const step = stepOf(m);
      if (!step) continue;
      if (step === 'open') stack.push([blocks++, 0]);
      else if (step === 'branch' && stack.length > 0) stack[stack.length - 1] = [stack[stack.length - 1][0], stack[stack.length - 1][1] + 1];
      else if (step === 'close') stack.pop();
      starts.push(m.index + m[0].length);
      paths.push(stack.map(([b, n]) => [b, n] as const));
    }
    return new TemplateBranches(starts, paths);
  }

  /** True when `a` and `b` are in different branches of the same if/else, so at most one is rendered. */
  exclusive(a: number, b: number): boolean {
    const pa = this.pathAt(a);
    const pb = this.pathAt(b);
    for (let i = 0; i < pa.length && i < pb.length; i++) {
      if (pa[i][0] !== pb[i][0]) return false;
      if (pa[i][1] !== pb[i][1]) return true;
    }
    return false;
  }

  private pathAt(offset: number): BranchPath {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.paths[lo];
  }
}

/** What a control tag does to the block structure, by dialect; undefined for expressions and unknown tags. */
function stepOf(m: RegExpMatchArray): Step | undefined {
  const [jinja, go, terraform, erb] = [m[1], m[2], m[3], m[4]];
  if (jinja !== undefined) return JINJA[firstWord(jinja)];
  if (go !== undefined) return GO[firstWord(go)];
  if (terraform !== undefined) return TERRAFORM[firstWord(terraform)];
  if (erb !== undefined) return erbStep(erb);
  return undefined;
}

function erbStep(body: string): Step | undefined {
  const word = firstWord(body);
  if (ERB[word]) return ERB[word];
  // `<% hosts.each do |h| %>` opens a block that `<% end %>` closes.
  return /\bdo(\s*\|[^|]*\|)?$/.test(body) ? 'open' : undefined;
}

function firstWord(body: string): string {
  return /^[a-z]+/.exec(body)?.[0] ?? '';
}
