// Each tab's draft (web/calculator/draft.js loadTab/saveTab, issue #26): the draft and the person it belongs to are
// one value, in sessionStorage (this tab) and localStorage (where a new tab starts); a draft of the
// localStorage era (STORAGE_KEY) is taken over first and removed once the tab's pair is written.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { STORAGE_KEY, TAB_KEY, emptyDraft, loadTab, saveTab } from '../../web/calculator/draft.js';

const memory = (init = {}) => {
  const m = new Map(Object.entries(init));
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), m };
};
const draft = (region, name = '') => ({ ...emptyDraft(), region, name });

test('a tab\'s pair: its own first, then the last tab\'s; the draft never without its person', () => {
  const local = memory();
  const a = memory();
  const b = memory();
  assert.equal(loadTab(a, local), null, 'nothing stored');
  assert.equal(saveTab(a, local, draft('630000', '甲'), { id: 'p1', rev: 3 }), true);
  assert.equal(saveTab(b, local, draft('150404'), null), true);
  const mine = loadTab(a, local);
  assert.deepEqual([mine.draft.region, mine.draft.name, mine.person], ['630000', '甲', { id: 'p1', rev: 3 }]);
  const fresh = loadTab(memory(), local);
  assert.deepEqual([fresh.draft.region, fresh.person], ['150404', null], 'a new tab starts where the last tab wrote, with its person');
  // junk: an empty draft, the path named
  const junk = loadTab(memory({ [TAB_KEY]: '{x' }), local);
  assert.deepEqual([junk.draft.region, junk.dropped, junk.person], ['', [''], null]);
  const bad = loadTab(memory({ [TAB_KEY]: JSON.stringify({ draft: { region: 5 }, person: { id: 7, rev: 'x' } }) }), local);
  assert.deepEqual([bad.dropped, bad.person], [['region'], null]);
});

test('the draft of before is taken over, and removed once this tab\'s pair is written', () => {
  const local = memory({ [STORAGE_KEY]: JSON.stringify(draft('410100', '旧')) });
  const tab = memory();
  const got = loadTab(tab, local);
  assert.deepEqual([got.draft.region, got.legacy, got.person], ['410100', true, null]);
  assert.ok(local.m.has(STORAGE_KEY), 'kept until written elsewhere');
  assert.equal(saveTab(tab, local, got.draft, null, true), true);
  assert.equal(local.m.has(STORAGE_KEY), false);
  assert.equal(loadTab(tab, local).legacy, false);
  // a refused write keeps it
  const full = { ...memory(), setItem() { throw new Error('QuotaExceededError'); } };
  const local2 = memory({ [STORAGE_KEY]: JSON.stringify(draft('410100')) });
  assert.equal(saveTab(full, local2, got.draft, null, true), false);
  assert.ok(local2.m.has(STORAGE_KEY));
});
