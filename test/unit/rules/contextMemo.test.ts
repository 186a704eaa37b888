// The context memo keeps a computation's findings while what it read holds. These cases drive it directly, with
// computations that read one thing each, so that a lookup the views fail to record shows as a kept answer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChunkCache } from '../../../server/src/config/chunkCache';
import { parseConfig } from '../../../server/src/config/parse';
import type { ConfigModel } from '../../../server/src/config/types';
import type { Finding } from '../../../server/src/core/finding';
import { ContextMemo } from '../../../server/src/rules/contextMemo';
import { sslContexts, type SslContext } from '../../../server/src/rules/ssl/contexts';

const P = 'xpack.security.http.ssl.';
const filler = Array.from({ length: 30 }, (_, i) => `node.attr.a${i}: v`).join('\n');

/** Checks versions of a text in turn through one memo; `read` is the computation. Returns how often it ran. */
function runs(texts: string[], read: (model: ConfigModel, context: SslContext) => Finding[], chunks = true): number[] {
  const memo = new ContextMemo();
  const cache = new ChunkCache();
  return texts.map((text) => {
    memo.startCheck('env');
    const model = parseConfig(text, { product: 'elasticsearch' }, chunks ? cache : undefined);
    if (chunks) cache.finishParse();
    const context = sslContexts(model).find((c) => c.prefix === P)!;
    let ran = 0;
    const got = memo.trackedFindings('rule', P, model, context, (m, c) => (ran++, read(m, c)));
    // What came back equals a fresh computation on the real model.
    assert.deepEqual(got, read(model, context));
    return ran;
  });
}

const base = `${P}certificate: a.crt\n${P}cipher_suites: [ X ]\n${filler}\nnetwork.host: h\n`;

describe('context memo', () => {
  for (const chunks of [true, false]) {
    const how = chunks ? 'chunked parse' : 'whole parse';

    test(`a lookup in the context is an input, and so is finding nothing (${how})`, () => {
      const read = (_: ConfigModel, c: SslContext): Finding[] => [c.settings.get('certificate'), c.settings.get('key')].flatMap((s) => (s ? [{ ruleId: 'x', severity: 'hint', message: s.key, range: s.pairRange } as Finding] : []));
      const texts = [base, base.replace('[ X ]', '[ Y ]'), base.replace('a.crt', 'b.crt'), base.replace('a.crt', 'b.crt'), `${base}${P}key: k\n`, `x: 1\n${base}${P}key: k\n`];
      assert.deepEqual(runs(texts, read, chunks), [1, 0, 1, 0, 1, 0]);
    });

    test(`a walk of the context makes its key list an input, and each setting looked into (${how})`, () => {
      const read = (_: ConfigModel, c: SslContext): Finding[] => [...c.settings.values()].filter((s) => s.key.endsWith('certificate')).map((s) => ({ ruleId: 'x', severity: 'hint', message: String(s.value.kind === 'scalar' && s.value.text), range: s.pairRange }) as Finding);
      const other = base.replace('a.crt', 'b.crt');
      const texts = [base, base.replace('[ X ]', '[ Y ]'), other, `${other}${P}key: k\n`, `${other}${P}key: k\n`, `${other}${P}key: j\n`];
      assert.deepEqual(runs(texts, read, chunks), [1, 0, 1, 1, 0, 0]);
    });

    test(`a lookup in the model is an input (${how})`, () => {
      const read = (m: ConfigModel): Finding[] => (m.byKey.get('network.host') ? [] : [{ ruleId: 'x', severity: 'hint', message: 'none', range: { start: 0, end: 0 } } as Finding]);
      const texts = [base, base.replace('[ X ]', '[ Y ]'), base.replace('network.host: h', 'network.host: i'), base.replace('network.host: h', 'network.host: i')];
      assert.deepEqual(runs(texts, read, chunks), [1, 0, 1, 0]);
    });

    test(`reading the model's text, its settings or a walk of its keys is never kept (${how})`, () => {
      for (const read of [(m: ConfigModel) => (void m.text.length, []), (m: ConfigModel) => (void m.settings.length, []), (m: ConfigModel) => (void [...m.byKey.keys()], [])]) {
        assert.deepEqual(runs([base, base, base.replace('[ X ]', '[ Y ]')], read, chunks), [1, 1, 1]);
      }
    });
  }

  test('the views cannot be changed', () => {
    const model = parseConfig(base, { product: 'elasticsearch' });
    const memo = new ContextMemo();
    memo.startCheck('env');
    memo.trackedFindings('rule', P, model, sslContexts(model).find((c) => c.prefix === P)!, (m, c) => {
      assert.throws(() => c.settings.set('x', m.settings[0]));
      assert.throws(() => c.settings.delete('certificate'));
      assert.throws(() => m.byKey.clear());
      return [];
    });
  });
});
