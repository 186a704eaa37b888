// A minimal stand-in for the `vscode` module, enough for dist/extension.js and vscode-languageclient to activate
// and start a real language server in plain Node. Anything not modelled here is an inert stub: property reads give
// more stubs, calls return stubs, and no stub is a thenable or an iterable with items.
const path = require('node:path');
const Module = require('node:module');

function stub(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => `[${name}]`;
      if (typeof prop === 'symbol') return undefined;
      if (prop === 'dispose') return () => undefined;
      return stub(`${name}.${prop}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}

class Disposable {
  constructor(fn) { this.fn = fn; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d?.dispose?.())); }
  dispose() { this.fn?.(); this.fn = undefined; }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(l);
      const d = new Disposable(() => this.listeners.delete(l));
      disposables?.push(d);
      return d;
    };
  }
  fire(e) { for (const l of [...this.listeners]) l(e); }
  dispose() { this.listeners.clear(); }
}

const noEvent = () => new Disposable();

class Uri {
  constructor(scheme, fsPath) { this.scheme = scheme; this.fsPath = fsPath; this.path = fsPath; this.authority = ''; this.query = ''; this.fragment = ''; }
  static file(p) { return new Uri('file', path.resolve(p)); }
  static parse(s) { return s.startsWith('file://') ? Uri.file(decodeURIComponent(s.slice(7))) : new Uri(s.split(':')[0], s); }
  static joinPath(base, ...parts) { return Uri.file(path.join(base.fsPath, ...parts)); }
  with() { return this; }
  toString() { return `file://${this.fsPath}`; }
  toJSON() { return { scheme: this.scheme, path: this.path }; }
}

class CancellationTokenSource {
  constructor() { this.token = { isCancellationRequested: false, onCancellationRequested: noEvent }; }
  cancel() { this.token.isCancellationRequested = true; }
  dispose() {}
}

class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
  contains(other) { return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`); }
  intersects(other) { return this.contains(other) || other.contains(this); }
}
for (const [name, value] of Object.entries({ Empty: '', QuickFix: 'quickfix', Refactor: 'refactor', RefactorExtract: 'refactor.extract',
  RefactorInline: 'refactor.inline', RefactorRewrite: 'refactor.rewrite', Source: 'source', SourceOrganizeImports: 'source.organizeImports',
  SourceFixAll: 'source.fixAll', Notebook: 'notebook' })) CodeActionKind[name] = new CodeActionKind(value);

/** The log lines the extension writes, so the harness can read its own figure back. */
const logLines = [];

function outputChannel(name) {
  const write = (level) => (message) => logLines.push(`[${level}] ${message}`);
  return {
    name, logLevel: 2, onDidChangeLogLevel: noEvent,
    trace: write('trace'), debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'),
    append: (v) => logLines.push(v), appendLine: (v) => logLines.push(v), replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
  };
}

const watcher = () => ({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {}, ignoreCreateEvents: false, ignoreChangeEvents: false, ignoreDeleteEvents: false });

function createVscode(workspaceDir) {
  const vscode = {
    version: '1.100.0',
    Disposable, EventEmitter, Uri, CancellationTokenSource, CodeActionKind,
    RelativePattern: class { constructor(base, pattern) { this.baseUri = typeof base === 'string' ? Uri.file(base) : base.uri ?? base; this.pattern = pattern; } },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    ViewColumn: { Active: -1, Beside: -2, One: 1 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    UIKind: { Desktop: 1, Web: 2 },
    workspace: {
      isTrusted: true,
      workspaceFolders: [{ uri: Uri.file(workspaceDir), name: 'bench', index: 0 }],
      textDocuments: [],
      notebookDocuments: [],
      getConfiguration: () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined }),
      getWorkspaceFolder: () => undefined,
      createFileSystemWatcher: watcher,
      onDidChangeConfiguration: noEvent, onDidGrantWorkspaceTrust: noEvent, onDidOpenTextDocument: noEvent, onDidCloseTextDocument: noEvent,
      onDidChangeTextDocument: noEvent, onDidSaveTextDocument: noEvent, onWillSaveTextDocument: noEvent, onDidChangeWorkspaceFolders: noEvent,
      onDidOpenNotebookDocument: noEvent, onDidCloseNotebookDocument: noEvent, onDidChangeNotebookDocument: noEvent, onDidSaveNotebookDocument: noEvent,
      onDidCreateFiles: noEvent, onDidRenameFiles: noEvent, onDidDeleteFiles: noEvent, onWillCreateFiles: noEvent, onWillRenameFiles: noEvent, onWillDeleteFiles: noEvent,
      registerTextDocumentContentProvider: () => new Disposable(),
      fs: stub('workspace.fs'),
    },
    window: {
      createOutputChannel: outputChannel,
      activeTextEditor: undefined,
      visibleTextEditors: [],
      onDidChangeActiveTextEditor: noEvent, onDidChangeVisibleTextEditors: noEvent,
      showErrorMessage: async () => undefined, showWarningMessage: async () => undefined, showInformationMessage: async () => undefined,
      registerCustomEditorProvider: () => new Disposable(),
      createStatusBarItem: () => stub('statusBarItem'),
      withProgress: async (_o, task) => task({ report() {} }, new CancellationTokenSource().token),
    },
    languages: {
      createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {}, forEach() {}, get: () => undefined, has: () => false }),
      match: () => 0,
      onDidChangeDiagnostics: noEvent,
    },
    commands: { registerCommand: () => new Disposable(), executeCommand: async () => undefined },
    env: { language: 'en', appName: 'bench', machineId: 'bench', sessionId: 'bench', uiKind: 1, clipboard: { writeText: async () => undefined } },
    extensions: { getExtension: () => undefined, all: [], onDidChange: noEvent },
  };
  for (const ns of ['workspace', 'window', 'languages', 'commands', 'env', 'extensions']) vscode[ns] = open(vscode[ns], ns);
  // Everything else (other register* calls, enums the client converts with) is an inert stub.
  return new Proxy(vscode, {
    get: (t, prop) => {
      if (prop in t) return t[prop];
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      // Capitalised names are classes the client extends or constructs (CompletionItem, Range, ...).
      t[prop] = /^[A-Z]/.test(prop) ? plainClass(prop) : stubFor(prop);
      return t[prop];
    },
  });
}

function plainClass(name) {
  const cls = class {
    constructor(...args) {
      this.args = args;
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

/** A namespace whose missing register, on and create members return disposables and other members inert stubs. */
function open(ns, name) {
  return new Proxy(ns, {
    get: (t, p) => {
      if (p in t || typeof p === 'symbol' || p === 'then') return t[p];
      return /^(register|on[A-Z]|create)/.test(p) ? () => new Disposable() : stub(`${name}.${p}`);
    },
  });
}

function stubFor(prop) {
  return new Proxy({}, {
    get: (t, p) => (p in t ? t[p] : typeof p === 'symbol' || p === 'then' ? undefined : String(p).startsWith('register') || String(p).startsWith('onDid') ? () => new Disposable() : stub(`${prop}.${String(p)}`)),
  });
}

/** Makes `require('vscode')` return the fake for the rest of this process. */
function installFakeVscode(workspaceDir) {
  const fake = createVscode(workspaceDir);
  const original = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? fake : original.call(this, request, ...rest);
  };
  return fake;
}

/** A minimal ExtensionContext for `root` (the extension folder). */
function fakeContext(root, storageDir) {
  const memento = () => { const m = new Map(); return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => void m.set(k, v), keys: () => [...m.keys()], setKeysForSync() {} }; };
  const secrets = new Map();
  return {
    subscriptions: [],
    extensionPath: root,
    extensionUri: Uri.file(root),
    asAbsolutePath: (p) => path.join(root, p),
    storageUri: Uri.file(path.join(storageDir, 'ws')),
    globalStorageUri: Uri.file(path.join(storageDir, 'global')),
    logUri: Uri.file(path.join(storageDir, 'log')),
    extensionMode: 1,
    globalState: memento(),
    workspaceState: memento(),
    secrets: { get: async (k) => secrets.get(k), store: async (k, v) => void secrets.set(k, v), delete: async (k) => void secrets.delete(k), onDidChange: noEvent },
    environmentVariableCollection: stub('environmentVariableCollection'),
  };
}

module.exports = { installFakeVscode, fakeContext, logLines };
