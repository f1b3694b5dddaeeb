// One person's CSV in the roll format (web/calculator/files/person-file.js): written in the vocabulary's words (zh, or en),
// read back by the core's roll reader as the same profile; a file without a name column is one person.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { loadCorpus, moduleUrl, root } from './corpus.mjs';

let checker, pf;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
  pf = await import(new URL('../../web/calculator/files/person-file.js', import.meta.url));
});
const vocabulary = JSON.parse(readFileSync(join(root, 'core', 'data', 'vocabulary.json'), 'utf8'));

const PROFILE = {
  region: '630000', year: 2023, applicationDate: '2023-05-01', route: 'review', level: 'senior', gender: 'female', age: 47,
  education: 'bachelor', series: 'health', currentTitleSince: 2018,
  training: [
    { year: 2023, subject: 'public', activity: 'course', hours: 30, filed: true },
    { year: 2022, subject: 'professional', activity: 'conference', level: 'national', days: 2, filed: false, note: '备注, 有 "引号"' },
    { year: 2021, subject: 'professional', activity: 'training_class', hours: 12.5, start: '2021-03-01', end: '2021-03-03' },
    { year: 2021, subject: 'public', activity: 'course', hours: 10, filed: null },
  ],
};
// read back: an absent filed (v1: filed) is written 是 and comes back true; null (不清楚) stays null
const READ_BACK = { ...PROFILE, training: PROFILE.training.map((r) => (r.filed === undefined ? { ...r, filed: true } : r)) };

test('a person written as a roll reads back as the same profile, in both languages', () => {
  for (const lang of ['zh', 'en']) {
    const { text, left } = pf.personCsv(PROFILE, '张三', lang);
    assert.deepEqual(left, []);
    assert.ok(text.startsWith('\uFEFF'));
    const header = text.slice(1, text.indexOf('\r\n')).split(',');
    for (const h of header) assert.ok(vocabulary.rollColumn.some((c) => c[lang] === h), `${h} is a roll column's ${lang} word`);
    if (lang === 'zh') {
      assert.match(text, /\r\n张三,630000,2023,2023-05-01,职称评审,高级,女,47,,大学本科,,卫生,2018,2023,公需科目,/);
      assert.ok(text.includes(',公需'), 'values in words, not ids');
      assert.ok(!/\b(public|course|review)\b/.test(text), 'no ids in the Chinese file');
    }
    const roll = checker.readRoll(text, { locale: lang });
    assert.deepEqual(roll.errors, []);
    assert.equal(roll.people.length, 1);
    assert.deepEqual(roll.people[0].errors, []);
    assert.equal(roll.people[0].name, '张三');
    assert.deepEqual(roll.people[0].profile, READ_BACK);
  }
});

test('every corpus profile without circumstances survives the round trip with the same verdict', () => {
  let n = 0, named = 0;
  for (const { file, case: c } of loadCorpus()) {
    c.file = file;
    if (!c.profile || typeof c.profile !== 'object' || c.profile.circumstances || c.profile.grassroots !== undefined || c.file.startsWith('bad/')) continue;
    // a record without an amount (a degree's one-off hours) has no 数量: the roll reader asks for one
    if ((c.profile.training || []).some((r) => !['hours', 'minutes', 'days', 'months', 'subjects'].some((u) => r[u] !== undefined))) continue;
    const r0 = checker.evaluate(c.profile);
    if (!r0.ok) continue;
    const { text, left } = pf.personCsv(c.profile, '甲', 'zh');
    if (left.length) {
      // fields the roll cannot carry are named, never dropped without a word
      assert.ok(left.every((k) => /^training\/\w+$/.test(k)), left.join());
      ++named;
      continue;
    }
    const roll = checker.readRoll(text);
    assert.deepEqual([...roll.errors, ...(roll.people[0]?.errors || [])], [], `${c.file} ${c.name}`);
    const back = { ...roll.people[0].profile, ...(c.profile.checkDate ? { checkDate: c.profile.checkDate } : {}), ...(c.profile.locale ? { locale: c.profile.locale } : {}) };
    const r1 = checker.evaluate(back);
    assert.equal(r1.status, r0.status, `${c.file} ${c.name}`);
    assert.deepEqual(r1.shortfall, r0.shortfall, `${c.file} ${c.name}`);
    ++n;
  }
  assert.ok(n > 20, `${n} corpus profiles went through the file`);
  assert.ok(named > 0, 'some profiles have record fields (occasion) a roll cannot carry');
});

test('what a roll has no column for is named; formulas are written as text', () => {
  const { text, left } = pf.personCsv({ ...PROFILE, grassroots: true, circumstances: [{ kind: 'exceptional', yearsInPost: 3 }] }, '=cmd', 'zh');
  assert.deepEqual(left, ['circumstances', 'grassroots']);
  const occ = pf.personCsv({ region: '650000', training: [{ year: 2022, subject: 'public', activity: 'course', hours: 3, occasion: 'a' }] }, 'x');
  assert.deepEqual(occ.left, ['training/occasion']);
  assert.ok(text.includes('\r\n"\'=cmd",'), 'a name that looks like a formula is text');
});

test('the formula guard holds after leading CR, LF, tab or spaces; control characters are never written', () => {
  for (const lead of ['', '\r', '\n', '\t', '  ', ' \t\r\n'])
    for (const op of ['=', '+', '-', '@']) {
      const v = `${lead}${op}1+1`;
      assert.equal(pf.csvCell(v), `"'${v}"`, JSON.stringify(v));
    }
  assert.equal(pf.csvCell('-2.5'), '-2.5');
  assert.equal(pf.csvCell('\tx'), '"\'\tx"');
  assert.equal(pf.csvCell('a\u0000b'), 'ab');
  assert.equal(pf.csvCell('\u0000=1+1'), '"\'=1+1"');
  const { text } = pf.personCsv(PROFILE, '张\u0000三\u001b', 'zh');
  assert.ok(!/[\u0000\u001b]/.test(text));
  assert.ok(text.includes('\r\n张三,'), text);
  const notes = pf.personCsv({ ...PROFILE, training: [{ ...PROFILE.training[0], note: '\r\n@SUM(1)' }] }, 'x').text;
  assert.ok(notes.includes('"\'\r\n@SUM(1)"'), notes);
});

test('a one-person file without a name column: the column is added, nothing else', () => {
  const text = '\uFEFF年度;科目;形式;数量;单位;已备案;备注\r\n2023年;公需;网络课程;"30学时";;是;"a;b"\r\n\r\n2022;专业;培训班;3;天;否;\r\n';
  assert.equal(pf.hasPersonColumn(text), false);
  assert.equal(pf.hasPersonColumn('人员,年度\r\n'), true);
  assert.equal(pf.hasPersonColumn('Name;year\n'), true);
  const named = pf.withPersonColumn(text, '本人');
  assert.equal(pf.hasPersonColumn(named), true);
  const roll = checker.readRoll(named);
  assert.deepEqual(roll.errors, []);
  assert.equal(roll.people.length, 1);
  assert.deepEqual(roll.people[0].profile.training, [
    { year: 2023, subject: 'public', activity: 'course', hours: 30, filed: true, note: 'a;b' },
    { year: 2022, subject: 'professional', activity: 'training_class', days: 3, filed: false }]);
});
