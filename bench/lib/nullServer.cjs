// The floor for diagnostics latency: a language server over stdio that does nothing but answer each open and
// change with empty diagnostics for that version. What any server pays for the protocol alone. It asks for
// incremental changes, as ours and yaml-language-server do, so it decodes no more than they do.
const { createConnection, ProposedFeatures, TextDocumentSyncKind } = require('vscode-languageserver/node');

const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
const publish = ({ textDocument }) => connection.sendDiagnostics({ uri: textDocument.uri, version: textDocument.version, diagnostics: [] });
connection.onDidOpenTextDocument(publish);
connection.onDidChangeTextDocument(publish);
connection.listen();
