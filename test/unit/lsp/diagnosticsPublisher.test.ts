import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher } from '../../../server/src/lsp/handlers/diagnostics';
import { defaultSettings } from '../../../server/src/lsp/settings';
import { testContext } from './serverContext';

const uri = 'file:///etc/es/elasticsearch.yml';

function setup(validationDelay: number) {
  const sent: Array<{ uri: string; version?: number; diagnostics: unknown[] }> = [];
  const docs = new Map<string, TextDocument>();
  const ctx = testContext({
    connection: { sendDiagnostics: (p: (typeof sent)[number]) => (sent.push(p), Promise.resolve()) },
    documents: { get: (u: string) => docs.get(u), all: () => [...docs.values()] },
    log: { info: () => undefined, error: () => undefined },
    settings: { ...defaultSettings, validationDelay },
  });
  const edit = (version: number) => {
    const doc = TextDocument.create(uri, 'yaml', version, `xpack.security.transport.ssl.enabeld: true${'#'.repeat(version)}\n`);
    docs.set(uri, doc);
    return doc;
  };
  return { ctx, sent, edit, publisher: new DiagnosticsPublisher(ctx) };
}

// One pass of the event loop: an immediate check has run by then, a timer may need a few.
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('diagnostics publisher', () => {
  for (const delay of [0, 1]) {
    test(`with a delay of ${delay} ms, a burst of edits publishes once, for the last version`, async () => {
      const { sent, edit, publisher } = setup(delay);
      for (const v of [1, 2, 3]) publisher.schedule(edit(v));
      while (sent.length === 0) await turn();
      await turn();
      assert.deepEqual(sent.map((s) => s.version), [3]);
      assert.ok(sent[0].diagnostics.length > 0);
      publisher.dispose();
    });
  }

  test('closing before the check runs cancels it', async () => {
    const { sent, edit, publisher } = setup(0);
    publisher.schedule(edit(1));
    publisher.closed(uri);
    await turn();
    assert.equal(sent.length, 0);
  });

  test('dispose cancels pending checks', async () => {
    const { sent, edit, publisher } = setup(0);
    publisher.schedule(edit(1));
    publisher.dispose();
    await turn();
    assert.equal(sent.length, 0);
  });
});
