// The saved-people model without a browser (web/calculator/people/people.js): a stored set is type-checked on the way back
// in (what is valid kept, the rest named), a set file round-trips, an import never adds a person twice,
// and keep() never lets the draft on screen be lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { emptyDraft } from '../../web/calculator/draft.js';
import {
  MAX_PEOPLE, PeopleFileError, addPerson, exportSet, importPeople, isUnsaved, labelOf, openPeople, parseSetFile, sanitizeSet,
} from '../../web/calculator/people/people.js';

const memory = (init = {}) => {
  const m = new Map(Object.entries(init));
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), m };
};
const person = (name, region, extra = {}) => ({ ...emptyDraft(), name, region, ...extra });

test('a stored set keeps what is valid and names what it drops', () => {
  const { set, dropped } = sanitizeSet({
    version: 1, current: 'b',
    people: [
      { id: 'a', draft: { name: '甲', region: '650000', route: 'flying', training: [{ year: '2023', amount: 30 }] } },
      null,
      { id: 'a', draft: { name: '乙' } },
      { id: 'b', draft: [] },
    ],
  });
  assert.deepEqual(set.people.map((p) => p.draft.name), ['甲', '乙']);
  assert.equal(set.people[0].draft.region, '650000');
  assert.equal(set.people[0].draft.route, '');
  assert.equal(set.people[0].draft.training[0].year, '2023');
  assert.notEqual(set.people[1].id, 'a', 'a repeated id gets a new one');
  assert.equal(set.current, null, 'current names no kept person');
  assert.deepEqual(dropped, ['people/0/draft/route', 'people/0/draft/training/0/amount', 'people/1', 'people/2/id', 'people/3', 'current']);
  assert.deepEqual(sanitizeSet('x').dropped, ['']);
  assert.deepEqual(sanitizeSet({ people: 3 }).dropped, ['people']);
  const broken = openPeople(memory({ 'jxjy.people.v1': '{not json' }));
  assert.deepEqual([broken.set.people, broken.dropped], [[], ['']]);
});

test('a set file round-trips, carries profiles, and an import adds nobody twice', () => {
  const set = sanitizeSet({}).set;
  addPerson(set, person('张三', '650000', { year: '2023', route: 'review', level: 'intermediate' }));
  addPerson(set, person('', '150404'));
  const file = exportSet(set, '2026-12-01');
  assert.equal(file.type, 'jxjy-people');
  assert.deepEqual(file.people.map((p) => p.name), ['张三', '']);
  assert.deepEqual(file.people[0].profile, { region: '650000', year: 2023, route: 'review', level: 'intermediate', training: [] });
  const text = JSON.stringify(file);
  const { people, dropped } = parseSetFile(`\uFEFF${text}`);
  assert.deepEqual(dropped, []);
  assert.deepEqual(people, set.people.map((p) => p.draft));
  assert.deepEqual(importPeople(set, people), { added: 0, same: 2, skipped: 0 });
  // a person given only as a profile (another tool's file)
  const other = parseSetFile(JSON.stringify({ type: 'jxjy-people', version: 1, people: [{ name: '王五', profile: { region: '630000', year: 2023 } }, 5] }));
  assert.deepEqual(other.dropped, ['people/1']);
  assert.equal(other.people[0].name, '王五');
  assert.equal(other.people[0].year, '2023');
  assert.deepEqual(importPeople(set, other.people), { added: 1, same: 0, skipped: 0 });
  assert.equal(labelOf(set, set.people[1].id, (n) => `未命名（第${n}位）`), '未命名（第2位）');
  for (const [bad, key] of [['{', 'pp_json'], ['[]', 'pp_shape'], ['{"type":"jxjy-people"}', 'pp_shape']]) {
    assert.throws(() => parseSetFile(bad), (e) => e instanceof PeopleFileError && e.key === key, bad);
  }
});

test('an import past the 500 cap says how many were skipped (导入 492 位；另有 8 位…未导入)', async () => {
  const set = sanitizeSet({}).set;
  for (let i = 0; i < 8; i++) addPerson(set, person(`已有${i}`, '650000'));
  const drafts = Array.from({ length: MAX_PEOPLE }, (_, i) => person(`新${i}`, '650000'));
  drafts.push(person('已有0', '650000'));
  assert.deepEqual(importPeople(set, drafts), { added: MAX_PEOPLE - 8, same: 1, skipped: 8 });
  assert.equal(set.people.length, MAX_PEOPLE);
  const { TEXT } = await import('../../web/base/texts.js');
  assert.equal(TEXT.zh.peopleImportSkipped(8, 500), '另有 8 位超过 500 人的上限，未导入；请先删除不需要的人员再导入。');
  assert.ok(TEXT.en.peopleImportSkipped(8, 500).includes('8 more were not imported'));
});

test('keep(): the draft on screen is kept before anything replaces it', () => {
  const storage = memory();
  const store = openPeople(storage);
  assert.equal(store.keep(emptyDraft()), null, 'nothing entered: nothing to keep');
  assert.equal(store.set.people.length, 0);
  const draft = person('张三', '650000');
  assert.equal(isUnsaved(store.set, draft), true);
  const id = store.keep(draft);
  assert.equal(store.set.people.length, 1);
  assert.equal(store.set.current, null);
  assert.equal(isUnsaved(store.set, draft), true, 'detached: the screen may now be replaced');
  // the current person is synced, then detached (never a second copy)
  store.set.current = id;
  store.keep({ ...draft, year: '2024' });
  assert.equal(store.set.people.length, 1);
  assert.equal(store.set.people[0].draft.year, '2024');
  assert.deepEqual(JSON.parse(storage.getItem('jxjy.people.v1')).people[0].draft.year, '2024');
});

test('a full storage is noticed (store.saved false), and the people stay in memory', () => {
  const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem() {} };
  const store = openPeople(full);
  assert.equal(store.saved, true);
  store.keep({ ...emptyDraft(), name: '张三' });
  assert.equal(store.saved, false);
  assert.equal(store.set.people.length, 1);
});

// Two tabs of the page share one localStorage: each tab's store saves through mergePeople, so neither
// overwrites what the other added, renamed or deleted (#14: people kept apart, nothing lost).
test('two tabs at once: every add, change and delete of either survives the other\'s saves', () => {
  const storage = memory();
  const a = openPeople(storage);
  const b = openPeople(storage);
  addPerson(a.set, person('甲', '650000'));
  a.save();
  addPerson(b.set, person('乙', '150404'));
  b.save(); // b never saw 甲: a plain write would drop it
  const names = (s) => s.set.people.map((p) => p.draft.name);
  const stored = () => openPeople(storage).set.people.map((p) => p.draft.name);
  assert.deepEqual(stored(), ['甲', '乙']);
  assert.equal(a.refresh(), true, 'a takes b\'s write');
  assert.deepEqual(names(a), ['甲', '乙']);
  assert.equal(a.refresh(), false, 'nothing new');
  // a changes 甲, b deletes 乙 and changes nothing else: both land
  a.set.people[0].draft.region = '630000';
  a.save();
  b.set.people = b.set.people.filter((p) => p.draft.name !== '乙');
  b.save();
  const now = openPeople(storage).set.people;
  assert.deepEqual(now.map((p) => [p.draft.name, p.draft.region]), [['甲', '630000']]);
  // the person shown in b is deleted in a: b's current is let go, its draft on screen is not lost
  const jia = now[0].id;
  b.refresh();
  b.set.current = jia;
  b.save();
  a.refresh();
  a.set.people = [];
  a.set.current = null;
  a.save();
  assert.equal(b.refresh(), true);
  assert.equal(b.set.current, null);
  assert.equal(isUnsaved(b.set, person('甲', '630000')), true, 'the draft on screen counts as unsaved, so keep() adds it back');
  // changed here, deleted there: kept
  const c = openPeople(storage);
  const d = openPeople(storage);
  addPerson(c.set, person('丙', '410100'));
  c.save();
  d.refresh();
  d.set.people[0].draft.region = '150783';
  c.set.people = [];
  c.save();
  d.save();
  assert.deepEqual(openPeople(storage).set.people.map((p) => [p.draft.name, p.draft.region]), [['丙', '150783']]);
  // b's current stays its own when a shows someone else
  const e = openPeople(storage);
  const f = openPeople(storage);
  e.set.current = e.set.people[0].id;
  e.save();
  f.refresh();
  assert.equal(f.set.current, null);
});
