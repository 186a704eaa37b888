import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogFor } from '../../../server/src/catalog';
import { KeyAnswers } from '../../../server/src/checker/catalogMemo';
import { CountingCatalogMemo as CatalogMemo } from '../helpers/counting';

describe('catalog memo of one document', () => {
  const catalog = catalogFor('elasticsearch');
  const cases = ['xpack.security.transport.ssl.enabeld', 'xpack.security.http.ssl.keystore.pth', 'nothing.close.to.this.at.all'];

  test('answers exactly as the catalog does', () => {
    const memo = new CatalogMemo();
    for (const key of cases) {
      const view = memo.view(catalog);
      assert.deepEqual(view.suggest(key), catalog.suggest(key));
      assert.deepEqual(view.suggest(key, 1), catalog.suggest(key, 1));
      assert.deepEqual(view.suggest(key), catalog.suggest(key)); // the memo's answer, asked again
    }
  });

  test('a key asked in the previous check is not recomputed; one not asked since is dropped', () => {
    const memo = new CatalogMemo();
    memo.view(catalog).suggest(cases[0]);
    assert.equal(memo.computedCount, 1);
    memo.view(catalog).suggest(cases[0]);
    assert.equal(memo.computedCount, 1);
    memo.view(catalog).suggest(cases[1]);
    memo.view(catalog).suggest(cases[0]);
    assert.equal(memo.computedCount, 3);
  });

  test('another catalog starts afresh, and the view keeps the catalog lookups', () => {
    const memo = new CatalogMemo();
    memo.view(catalog).suggest(cases[0]);
    const kibana = memo.view(catalogFor('kibana'));
    kibana.suggest(cases[0]);
    assert.equal(memo.computedCount, 2);
    assert.equal(kibana.lookup('server.ssl.enabled')?.def.key, catalogFor('kibana').lookup('server.ssl.enabled')?.def.key);
  });

  test('lookups and ownership answer as the catalog does, across checks', () => {
    const memo = new CatalogMemo();
    const keys = ['xpack.security.http.ssl.enabled', 'xpack.security.authc.realms.ldap.ldap1.url', 'xpack.security.nope', 'cluster.name', 'my.own.key'];
    for (let round = 0; round < 2; round++) {
      const view = memo.view(catalog);
      for (const key of keys) {
        assert.deepEqual(view.lookup(key), catalog.lookup(key), key);
        assert.equal(view.isOwned(key), catalog.isOwned(key), key);
      }
    }
  });

  test('changing a returned list does not change the next answer', () => {
    const memo = new CatalogMemo();
    const first = memo.view(catalog).suggest(cases[0]);
    assert.ok(first.length > 0);
    first.length = 0;
    assert.deepEqual(memo.view(catalog).suggest(cases[0]), catalog.suggest(cases[0]));
  });

  test('lookups by key: one computation per key while asked, and bounded when the keys change on every check', () => {
    const answers = new KeyAnswers<string>();
    let computed = 0;
    const ask = (key: string) => answers.remember(key, () => (computed++, `${key}!`));
    answers.startCheck();
    assert.deepEqual(['a', 'b', 'a'].map(ask), ['a!', 'b!', 'a!']);
    assert.equal(computed, 2);
    for (let check = 0; check < 50; check++) {
      answers.startCheck();
      // 100 keys a check: 90 the same every time, 10 new ones (as typing in keys makes).
      for (let i = 0; i < 100; i++) assert.equal(ask(i < 90 ? `same${i}` : `new${check}.${i}`), i < 90 ? `same${i}!` : `new${check}.${i}!`);
      assert.ok(answers.size <= 2 * 100 + 64 + 100, `holds ${answers.size} answers`);
    }
    assert.equal(computed, 2 + 90 + 50 * 10);
  });
});
