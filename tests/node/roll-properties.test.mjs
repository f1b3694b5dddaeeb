// Properties of the roll reader (checker.readRoll / checker.openRoll: the core's one reader, as `jxjy roll`),
// over rosters generated the way offices write them: several rows a person, names written once (fill-down),
// namesakes in separate blocks, an ID column or none, 已备案 as 是 / 否 / blank or no such column, amounts with
// their unit in the cell ("30学时", "３天") or in the unit column. What must hold for every such roster:
//   1. reading in batches (openRoll, any batch size) gives exactly the people readRoll gives;
//   2. a name written once (merged cells, blank below) is the same roll as the name on every row;
//   3. the same name in separate blocks without an ID column is never one person: one per block, each warned;
//   4. unknown is never yes: a blank 已备案, or none at all, never gives a better verdict than 否 unless the
//      result says it is conditional (CONTRACT §5.1), and a blank cell reads exactly as a missing column.
// PROP_SEED and PROP_RUNS as in properties.test.mjs (a roll is 1–8 people, so runs are a tenth of those).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';

import { moduleUrl } from './corpus.mjs';

const SEED = Number(process.env.PROP_SEED ?? 20261206) | 0;
const RUNS = Math.max(1, Math.round(Number(process.env.PROP_RUNS ?? 4000) / 10) | 0);

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

const params = (salt) => ({ seed: (SEED + salt) | 0, numRuns: RUNS });
const RANK = { short: 0, advisory: 1, met: 2, exempt: 3 }; // a higher rank is a more lenient verdict

// A record as a clerk types it: year, subject, form, amount (unit in the cell or in its column), filing.
const recordArb = fc.record({
  back: fc.integer({ min: 0, max: 4 }), // years before the application year
  subject: fc.constantFrom('公需', '专业', '公需课', '专业课'),
  activity: fc.constantFrom('网络课程', '培训班', '面授', '网络培训'),
  amount: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.constantFrom(44, 45, 59, 60, 89, 90, 150)),
  unitInCell: fc.boolean(),
  unit: fc.constantFrom('学时', '学时', '天'),
  filed: fc.constantFrom('是', '否', ''),
});
const personArb = fc.record({
  name: fc.constantFrom('张伟', '王芳', '李娜', '刘洋', '陈静'), // a small pool: namesakes happen
  region: fc.constantFrom('630000', '150783', '410100', '650000', '青海省', '扎兰屯市'),
  year: fc.integer({ min: 2022, max: 2025 }),
  level: fc.constantFrom('初级', '中级', '高级'),
  gender: fc.constantFrom('男', '女'),
  age: fc.integer({ min: 22, max: 62 }),
  since: fc.integer({ min: 2010, max: 2021 }),
  records: fc.array(recordArb, { minLength: 1, maxLength: 4 }),
  // most people keep up: every year of the last six has public and professional hours around the
  // requirements, the professional ones often offline (where the notices ask for filing)
  yearly: fc.option(fc.record({
    pub: fc.constantFrom(24, 30, 40),
    prof: fc.constantFrom(44, 45, 60, 72, 90, 120),
    activity: fc.constantFrom('培训班', '面授', '网络课程'),
    filed: fc.constantFrom('是', '否', ''),
  }), { freq: 3, nil: null }),
}).map((p) => (p.yearly ? { ...p, records: [...[0, 1, 2, 3, 4, 5].flatMap((back) => [
  { back, subject: '公需', activity: '网络课程', amount: p.yearly.pub, unitInCell: true, unit: '学时', filed: '是' },
  { back, subject: '专业', activity: p.yearly.activity, amount: p.yearly.prof, unitInCell: false, unit: '学时', filed: p.yearly.filed },
]), ...p.records] } : p));
const rollArb = fc.record({
  people: fc.array(personArb, { minLength: 1, maxLength: 8 }),
  fillDown: fc.boolean(), // the name on the first row only
  idColumn: fc.boolean(),
  titleRow: fc.boolean(),
});

const digitsWide = (s) => String(s).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** The roster's CSV text. filing: 'as-is' | 'all-no' | 'all-blank' | 'no-column'; names: 'every' | 'first'. */
function rosterCsv(roll, { filing = 'as-is', names = roll.fillDown ? 'first' : 'every' } = {}) {
  const head = ['序号', '姓名', ...(roll.idColumn ? ['身份证号'] : []), '地区', '申报年度', '申报级别', '性别', '年龄', '任现职年份',
    '年度', '科目', '培训形式', '培训学时', '单位', ...(filing === 'no-column' ? [] : ['是否备案'])];
  const lines = [];
  if (roll.titleRow) lines.push('2023年专业技术人员继续教育培训花名册', '');
  lines.push(head.join(','));
  let n = 0;
  roll.people.forEach((p, i) => p.records.forEach((r, k) => {
    const first = k === 0;
    const amount = r.unitInCell ? `${k % 2 ? digitsWide(r.amount) : r.amount}${r.unit}` : String(r.amount);
    const filed = filing === 'all-no' ? '否' : filing === 'all-blank' ? '' : r.filed;
    lines.push([++n, first || names === 'every' ? p.name : '', ...(roll.idColumn ? [first || names === 'every' ? `6300001980010${String(i).padStart(5, '0')}` : ''] : []),
      first ? p.region : '', first ? p.year : '', first ? p.level : '', first ? p.gender : '', first ? p.age : '', first ? p.since : '',
      p.year - r.back, r.subject, r.activity, amount, r.unitInCell ? '' : r.unit, ...(filing === 'no-column' ? [] : [filed])].join(','));
  }));
  return lines.join('\r\n') + '\r\n';
}

// The blocks of rows a person's name begins (two adjacent people of the same name are one block).
function blocks(roll) {
  const out = [];
  for (const [i, p] of roll.people.entries()) {
    if (roll.idColumn || i === 0 || roll.people[i - 1].name !== p.name) out.push(p.name);
  }
  return out;
}

const persons = (r) => r.people.map(({ name, profile, rows, errors }) => ({ name, profile, rows, errors: errors.map((e) => e.code) }));

test('roll property 1: openRoll read in batches of any size gives exactly the people of readRoll', () => {
  fc.assert(fc.property(rollArb, fc.integer({ min: 1, max: 5 }), (roll, batch) => {
    const text = rosterCsv(roll);
    const whole = checker.readRoll(text);
    const open = checker.openRoll(text);
    try {
      assert.equal(open.size, whole.people.length);
      assert.deepEqual(open.notes, whole.notes);
      assert.deepEqual(open.errors, whole.errors);
      const got = [];
      for (let from = 0; from < open.size; from += batch) got.push(...open.people(from, batch));
      assert.deepEqual(got, whole.people);
    } finally {
      open.close();
    }
  }), params(1));
});

test('roll property 2: a name written once (fill-down) reads as the name on every row', () => {
  fc.assert(fc.property(rollArb, (roll) => {
    const every = checker.readRoll(rosterCsv(roll, { names: 'every' }));
    const once = checker.readRoll(rosterCsv(roll, { names: 'first' }));
    assert.deepEqual(persons(once), persons(every));
    const multi = roll.people.some((p) => p.records.length > 1);
    assert.equal(once.notes.some((n) => n.code === 'filled_down'), multi, 'filled_down said exactly when a row had no name');
  }), params(2));
});

test('roll property 3: the same name in separate blocks is never silently one person', () => {
  fc.assert(fc.property(rollArb, (roll) => {
    const r = checker.readRoll(rosterCsv(roll));
    const b = blocks(roll);
    assert.equal(r.people.length, b.length, `blocks ${b.join('/')}, people ${r.people.map((p) => p.name).join('/')}`);
    assert.deepEqual(r.people.map((p) => p.name), b);
    if (roll.idColumn) return;
    for (const [i, p] of r.people.entries()) {
      const twin = b.filter((n) => n === p.name).length > 1;
      assert.equal(p.warnings.some((w) => w.code === 'same_name'), twin, `${p.name} (person ${i + 1}): same_name said exactly for namesakes`);
    }
  }), params(3));
});

test('roll property 4: a blank 已备案 or no such column is never a better verdict than 否, unless conditional', () => {
  fc.assert(fc.property(rollArb, (roll) => {
    const no = checker.readRoll(rosterCsv(roll, { filing: 'all-no' }));
    const blank = checker.readRoll(rosterCsv(roll, { filing: 'all-blank' }));
    const none = checker.readRoll(rosterCsv(roll, { filing: 'no-column' }));
    assert.deepEqual(none.people.map((p) => p.profile), blank.people.map((p) => p.profile), 'a blank cell reads as a missing column');
    assert.ok(none.notes.some((n) => n.code === 'filing_not_given'), 'a roster without 已备案 says so');
    assert.equal(blank.notes.some((n) => n.code === 'filing_not_given'), false);
    assert.equal(no.people.length, blank.people.length);
    for (const [i, p] of blank.people.entries()) {
      if (p.errors.length || no.people[i].errors.length) continue;
      for (const rec of p.profile.training) assert.equal(rec.filed, null, 'a blank 已备案 is filed: null');
      const u = checker.evaluate(p.profile), n = checker.evaluate(no.people[i].profile);
      if (!u.ok || !n.ok) continue;
      if (RANK[u.status] > RANK[n.status]) {
        assert.equal(u.conditional, true, `${p.name}: ${u.status} with filing unknown, ${n.status} with 否, and not conditional`);
        const w = u.warnings.find((x) => x.code === 'filing_unknown');
        assert.ok(w && w.source, `${p.name}: the condition is said with its clause`);
      }
    }
  }), params(4));
});
