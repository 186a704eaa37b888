// The PEM grammar, tokenized by the same TextMate engine VS Code uses (taken from the
// code-server install). Needs scripts/setup-code-server.sh first.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { codeServerDir, repoRoot } from '../../scripts/lib/codeServer.mjs';

const vscodeModules = path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
const grammarPath = path.join(repoRoot, 'syntaxes', 'pem.tmLanguage.json');
let grammar;

before(async () => {
  const load = createRequire(path.join(vscodeModules, 'noop.js'));
  const textmate = load('vscode-textmate');
  const oniguruma = load('vscode-oniguruma');
  const wasm = fs.readFileSync(path.join(vscodeModules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  grammar = await registry.loadGrammar('source.pem');
});

/** Tokenizes `text` and returns, per line, [text, innermost scope] pairs. */
function tokenize(text) {
  let stack = null;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.at(-1)]);
  });
}

/** The innermost scope of the first token whose text is `piece` on line `n`. */
const scopeOf = (lines, n, piece) => lines[n].find(([text]) => text === piece)?.[1];

test('BEGIN and END lines name the label and delimit a block', () => {
  const lines = tokenize('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----');
  assert.equal(scopeOf(lines, 0, 'BEGIN'), 'keyword.control.begin.pem');
  assert.equal(scopeOf(lines, 0, 'CERTIFICATE'), 'entity.name.type.label.pem');
  assert.equal(scopeOf(lines, 1, 'MIIB'), 'string.unquoted.base64.pem');
  assert.equal(scopeOf(lines, 2, 'END'), 'keyword.control.end.pem');
});

test('encrypted-key headers are keys and values, not body', () => {
  const lines = tokenize([
    '-----BEGIN RSA PRIVATE KEY-----',
    'Proc-Type: 4,ENCRYPTED',
    'DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF',
    '',
    'MIIEowIBAAKCAQEA',
    '-----END RSA PRIVATE KEY-----',
  ].join('\n'));
  assert.equal(scopeOf(lines, 1, 'Proc-Type'), 'keyword.other.header.pem');
  assert.equal(scopeOf(lines, 1, 'ENCRYPTED'), 'constant.language.encrypted.pem');
  assert.equal(scopeOf(lines, 2, 'DEK-Info'), 'keyword.other.header.pem');
  assert.equal(scopeOf(lines, 2, 'AES-128-CBC'), 'support.constant.cipher.pem');
  assert.equal(scopeOf(lines, 2, '0123456789ABCDEF0123456789ABCDEF'), 'constant.numeric.iv.pem');
  assert.equal(scopeOf(lines, 4, 'MIIEowIBAAKCAQEA'), 'string.unquoted.base64.pem');
});

const bodyCases = [
  { line: 'AAAA*BBB', piece: '*', scope: 'invalid.illegal.character.pem' },
  { line: 'AAAA-BBB', piece: '-', scope: 'invalid.illegal.character.pem' },
  { line: 'AAAAÄBBB', piece: 'Ä', scope: 'invalid.illegal.character.pem' },
  { line: 'AAAA_BBB', piece: '_', scope: 'invalid.illegal.character.pem' },
  { line: 'AAA=', piece: '=', scope: 'keyword.operator.padding.pem' },
  { line: 'AA==', piece: '==', scope: 'keyword.operator.padding.pem' },
  { line: 'A=AA', piece: '=', scope: 'invalid.illegal.character.pem' },
  { line: 'ab+/09', piece: 'ab+/09', scope: 'string.unquoted.base64.pem' },
];

for (const { line, piece, scope } of bodyCases) {
  test(`body line ${JSON.stringify(line)}: ${JSON.stringify(piece)} is ${scope}`, () => {
    const lines = tokenize(`-----BEGIN CERTIFICATE-----\n${line}\n-----END CERTIFICATE-----`);
    assert.equal(scopeOf(lines, 1, piece), scope);
  });
}

test('text around blocks is explanatory, a stray END and a cut-off block are invalid', () => {
  const lines = tokenize([
    'Bag Attributes',
    '    friendlyName: es01',
    'subject=CN = es01',
    '-----END CERTIFICATE-----',
    '-----BEGIN CERTIFICATE-----',
    'MIIB',
    '-----BEGIN PRIVATE KEY-----',
  ].join('\n'));
  assert.equal(lines[0][0][1], 'comment.line.explanatory.pem');
  assert.equal(lines[2][0][1], 'comment.line.explanatory.pem');
  assert.equal(lines[3][0][1], 'invalid.illegal.unmatched-end.pem');
  assert.equal(lines[6][0][1], 'invalid.illegal.unterminated-block.pem');
});

test('two blocks in one file (a chain) are both recognised', () => {
  const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
  const lines = tokenize(`${cert}\n${cert}`);
  assert.equal(scopeOf(lines, 3, 'BEGIN'), 'keyword.control.begin.pem');
  assert.equal(scopeOf(lines, 4, 'MIIB'), 'string.unquoted.base64.pem');
});
