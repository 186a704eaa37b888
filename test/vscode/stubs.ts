// Scripted answers for the prompts the interactive command flows show. The extension and this suite share one
// `vscode` API object, so replacing `window.showInputBox` and friends here answers the extension's prompts.
import * as vscode from 'vscode';

/** One scripted answer: what the prompt must look like (a regexp on its prompt/placeholder) and what to answer. */
export interface Answer {
  kind: 'input' | 'pick' | 'message';
  expect: RegExp;
  /** Input: the text typed. Pick: the label of the item chosen (a regexp). Message: the button pressed. */
  answer: string | RegExp | undefined;
  /** Input only: texts whose validation must fail (message expected), checked before answering. */
  rejects?: string[];
  /** Input only: the text the box must be pre-filled with. */
  value?: string;
}

/** What the stubs saw: every prompt, and the validation message for each rejected text. */
export interface Transcript {
  prompts: string[];
  validation: Array<{ text: string; message: string | undefined }>;
  messages: Array<{ text: string; modal: boolean; detail?: string }>;
  /** Resolves when a message matching `pattern` is shown (now or later). */
  messageShown(pattern: RegExp): Promise<{ text: string; modal: boolean; detail?: string }>;
}

type Window = typeof vscode.window;
type Patched = Pick<Window, 'showInputBox' | 'showQuickPick' | 'showWarningMessage' | 'showInformationMessage' | 'showErrorMessage'>;

function describeOptions(options: vscode.InputBoxOptions | vscode.QuickPickOptions | undefined): string {
  const o = options as { prompt?: string; placeHolder?: string; title?: string } | undefined;
  return [o?.title, o?.prompt, o?.placeHolder].filter(Boolean).join(' | ');
}

/** Installs the stubs; the returned function restores the real window functions. */
export function scriptPrompts(answers: Answer[], transcript: Transcript): () => void {
  const window = vscode.window as unknown as Record<keyof Patched, unknown>;
  const saved: Record<string, unknown> = {};
  const next = (kind: Answer['kind'], shown: string): Answer => {
    const answer = answers.shift();
    if (!answer || answer.kind !== kind || !answer.expect.test(shown)) {
      throw new Error(`unexpected ${kind} "${shown}" (next scripted: ${answer ? `${answer.kind} ${answer.expect}` : 'none'})`);
    }
    return answer;
  };
  const message = (text: string, ...rest: unknown[]): Promise<string | undefined> => {
    const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in (rest[0] as object)) ? (rest[0] as vscode.MessageOptions) : undefined;
    transcript.messages.push({ text, modal: options?.modal === true, detail: options?.detail });
    waiters.splice(0).forEach((notify) => notify());
    if (answers[0]?.kind !== 'message' || !answers[0].expect.test(text)) return Promise.resolve(undefined);
    return Promise.resolve(next('message', text).answer as string | undefined);
  };
  const stubs: Patched = {
    showInputBox: (async (options?: vscode.InputBoxOptions) => {
      const shown = describeOptions(options);
      transcript.prompts.push(shown);
      const answer = next('input', shown);
      if (answer.value !== undefined && options?.value !== answer.value) {
        throw new Error(`"${shown}" is pre-filled with "${options?.value ?? ''}", not "${answer.value}"`);
      }
      for (const text of answer.rejects ?? []) {
        transcript.validation.push({ text, message: (await options?.validateInput?.(text)) as string | undefined });
      }
      if (typeof answer.answer === 'string') {
        const problem = await options?.validateInput?.(answer.answer);
        if (problem) throw new Error(`the scripted answer "${answer.answer}" fails validation: ${JSON.stringify(problem)}`);
      }
      return answer.answer as string | undefined;
    }) as Window['showInputBox'],
    showQuickPick: (async (items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>, options?: vscode.QuickPickOptions) => {
      const shown = describeOptions(options);
      transcript.prompts.push(shown);
      const answer = next('pick', shown);
      const list = await items;
      if (answer.answer === undefined) return undefined;
      const pick = list.find((i) => (answer.answer as RegExp).test(typeof i === 'string' ? i : i.label));
      if (!pick) throw new Error(`no item matches ${answer.answer} in "${shown}"`);
      return pick;
    }) as unknown as Window['showQuickPick'],
    showWarningMessage: message as Window['showWarningMessage'],
    showInformationMessage: message as Window['showInformationMessage'],
    showErrorMessage: message as Window['showErrorMessage'],
  };
  for (const [name, stub] of Object.entries(stubs)) {
    saved[name] = window[name as keyof Patched];
    window[name as keyof Patched] = stub;
  }
  return () => {
    for (const [name, original] of Object.entries(saved)) window[name as keyof Patched] = original;
  };
}

const waiters: Array<() => void> = [];

export function newTranscript(): Transcript {
  const transcript: Transcript = {
    prompts: [],
    validation: [],
    messages: [],
    messageShown: (pattern) =>
      new Promise((resolve) => {
        const check = (): void => {
          const found = transcript.messages.find((m) => pattern.test(m.text));
          if (found) resolve(found);
          else waiters.push(check);
        };
        check();
      }),
  };
  return transcript;
}
