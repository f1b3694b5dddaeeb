// One list of unit words: the words a person may type after an amount ("30课时", "2h", "3日") are the
// vocabulary's (core/data/vocabulary.json: each unit's zh, en, id and `also`), read alike by the page
// (web/calculator/draft.js parseAmount) and the roll reader of the core (checker.readRoll), with no copy in the page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';

import { parseAmount } from '../../web/calculator/draft.js';
import { moduleUrl } from './corpus.mjs';

const vocabulary = JSON.parse(readFileSync(new URL('../../core/data/vocabulary.json', import.meta.url), 'utf8'));
const units = vocabulary.unit.filter((u) => !u.ruleOnly);
const wordsOf = (u) => [u.zh, u.en, u.id, ...(u.also ?? [])];

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

// The unit the roll reads from an amount cell "3<word>" (a subjects amount is an exam, which is professional).
function rollUnit(word) {
  const csv = '姓名,地区,申报年度,申报级别,年度,科目,形式,数量\r\n' +
    `张三,630000,2023,高级,2023,专业,${'培训班'},3${word}\r\n`;
  const roll = checker.readRoll(csv);
  if (roll.errors.length || roll.people[0].errors.length) return { errors: [...roll.errors, ...roll.people[0].errors].map((e) => e.code) };
  const record = roll.people[0].profile.training[0];
  return units.map((u) => u.id).find((id) => id in record) ?? null;
}

test('the page reads every unit word of the vocabulary, and only the vocabulary holds them', () => {
  for (const u of units)
    for (const w of wordsOf(u)) {
      assert.deepEqual(parseAmount(`3${w}`), { value: 3, unit: u.id }, `"3${w}"`);
      assert.deepEqual(parseAmount(`3 ${w.toUpperCase()}`), { value: 3, unit: u.id }, `"3 ${w.toUpperCase()}"`);
    }
  assert.deepEqual(parseAmount('30课时'), { value: 30, unit: 'hours' });
  assert.deepEqual(parseAmount('30 furlongs'), { value: null, unit: null });
  const source = readFileSync(new URL('../../web/calculator/draft.js', import.meta.url), 'utf8');
  for (const w of ['课时', '小时', '分钟', "'min'", '个月'])
    assert.ok(!source.includes(w), `web/calculator/draft.js holds the unit word ${w}: it belongs in the vocabulary's "also"`);
});

test('the roll reads the same words as the page: "30课时" is hours in both', () => {
  for (const u of units)
    for (const w of wordsOf(u)) assert.equal(rollUnit(w), u.id, `roll reads "3${w}" as ${u.id}`);
  assert.deepEqual(rollUnit('furlongs'), { errors: ['bad_value'] });
});

// The records CSV (web/calculator/files/training-file.js) reads a subject, a unit and a yes or no by the
// vocabulary's words and "also" words, as the roll does: no list of its own ("公需课" was refused there
// while the roll took it; "√" was yes there and nothing in a roll).
test('the records CSV and the roll read the same subject and yes/no words', async () => {
  const { parseTrainingFile } = await import('../../web/calculator/files/training-file.js');
  const also = (list, id) => vocabulary[list].find((e) => e.id === id).also;
  const cases = [
    ...also('subject', 'public').map((w) => ['subject', w, 'public']),
    ...also('subject', 'professional').map((w) => ['subject', w, 'professional']),
    ...also('yesNo', 'yes').map((w) => ['filed', w, 'yes']),
    ...also('yesNo', 'no').map((w) => ['filed', w, 'no']),
    ['filed', '是', 'yes'], ['filed', 'NO', 'no'], ['filed', '√', 'yes'], ['subject', '公需课', 'public'],
  ];
  for (const [column, w, id] of cases) {
    const csv = `year,subject,activity,amount,unit,filed\r\n2023,${column === 'subject' ? w : '专业'},培训班,30,学时,${column === 'filed' ? w : ''}\r\n`;
    assert.equal(parseTrainingFile(csv).rows[0][column], id, `records CSV: ${column} "${w}"`);
    const roll = checker.readRoll('姓名,地区,申报年度,申报级别,年度,科目,形式,数量,已备案\r\n' +
      `张三,630000,2023,高级,2023,${column === 'subject' ? w : '专业'},培训班,30学时,${column === 'filed' ? w : '是'}\r\n`);
    assert.deepEqual(roll.errors, []);
    const record = roll.people[0].profile.training[0];
    assert.equal(column === 'subject' ? record.subject : record.filed ? 'yes' : 'no', id, `roll: ${column} "${w}"`);
  }
  const source = readFileSync(new URL('../../web/calculator/files/training-file.js', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /'已备案'|'未备案'|公需:/, 'training-file.js keeps no copy of the vocabulary\'s words');
});
