// The roll reader in the JS module (checker.readRoll, checker.rollResultsCSV): the core's one reader,
// so the module and `jxjy roll` agree on every person, error (row, column, code) and result line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { moduleUrl, nativeCli } from './corpus.mjs';

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

const HEADER = '姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位,会议级别,已备案,备注\r\n';
const GOOD = '\uFEFF' + HEADER +
  '张三,630000,2023,高级,女,47,2023年,公需,网络课程,30学时,,,是,\r\n' +
  '张三,,,,,,2023,专业,培训班,5,天,国家级,否,"备注,有逗号"\r\n' +
  '李四,630000,2023,中级,男,40,2022,专业科目,学术会议,2,天,国家级,是,\r\n';

const dir = mkdtempSync(join(tmpdir(), 'jxjy-roll-'));
function cli(text, ...args) {
  assert.ok(existsSync(nativeCli), `the native CLI is missing: ${nativeCli} (scripts/build.sh)`);
  const file = join(dir, `roll-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  return spawnSync(nativeCli, ['roll', file, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

test('readRoll: Chinese headers and values become the contract profile, rows kept per record', () => {
  const roll = checker.readRoll(GOOD);
  assert.deepEqual(roll.errors, []);
  assert.deepEqual(roll.people.map((p) => [p.name, p.firstRow, p.rows, p.errors]),
    [['张三', 2, [2, 3], []], ['李四', 4, [4], []]]);
  assert.deepEqual(roll.people[0].profile, {
    region: '630000', year: 2023, route: 'review', level: 'senior', gender: 'female', age: 47,
    training: [{ year: 2023, subject: 'public', activity: 'course', hours: 30, filed: true },
      { year: 2023, subject: 'professional', activity: 'training_class', level: 'national', days: 5, filed: false, note: '备注,有逗号' }],
  });
  // no 申报途径 column: title review, said once (issue 27 item 2), the same in jxjy roll
  assert.deepEqual(roll.notes.map((n) => [n.code, n.message]), [['route_assumed', '未给出申报途径，按职称评审核查']]);
  assert.equal(roll.headerRow, 1);
  assert.equal(roll.title, '');
  // a roll's profile is answered as the same profile given to evaluate
  const r = checker.evaluate(roll.people[0].profile);
  assert.equal(r.ok, true);
  assert.equal(r.ruleSet.region, '630000');
});

test('readRoll: English words, semicolons and LF; locale en words the messages', () => {
  const roll = checker.readRoll('name;region;application year;level;gender;age;year;subject;activity;amount;unit\n' +
    'Ann;150783;2023;senior;female;47;2023;public;course;30;hours\nAnn;;;;;;2023;public;course;lots;hours\n', { locale: 'en' });
  assert.deepEqual(roll.errors, []);
  assert.equal(roll.people.length, 1);
  assert.equal(roll.people[0].profile.locale, undefined, 'a roll\'s profile carries no locale');
  assert.deepEqual(roll.people[0].allRows, [2, 3]);
  assert.deepEqual(roll.people[0].errors.map(({ row, column, code }) => ({ row, column, code })),
    [{ row: 3, column: 'amount', code: 'bad_value' }]);
  assert.match(roll.people[0].errors[0].message, /not an amount/);
  // the place said once: the message has it, the detail (for views with their own row and column) not
  assert.equal(roll.people[0].errors[0].detail, 'not an amount: lots');
  assert.equal(roll.people[0].errors[0].message, 'row 3, amount: not an amount: lots');
});

test('readRoll: each row and file error agrees with jxjy roll (row, column, code)', () => {
  // a header jxjy does not know is no error (issue 27): said once as not used, here and by jxjy roll
  const bad = HEADER.replace('已备案', '已被案') + '张三,630000,2023,高级,女,47,2023,公需,网络课程,30,学时,,是,\r\n';
  const roll = checker.readRoll(bad);
  assert.deepEqual(roll.errors, []);
  assert.deepEqual(roll.notes.map(({ row, column, code }) => ({ row, column, code })),
    [{ row: 1, column: '', code: 'unused_columns' }, { row: 0, column: '申报途径', code: 'route_assumed' },
      { row: 0, column: '已备案', code: 'filing_not_given' }]);
  // (已被案 is not 已备案: the filing is not given, so every record is of unknown filing, never taken as filed)
  assert.equal(roll.people[0].profile.training[0].filed, null);
  assert.equal(roll.notes[0].message, '未用到的列（核查不需要，已略过）：已被案');
  assert.deepEqual(roll.columns.find((c) => c.header === '已被案'), { index: 12, header: '已被案', column: '', guessed: false, unit: '' });
  const out = cli(bad);
  assert.equal(out.status, 0, out.stderr);
  for (const n of roll.notes) assert.ok(out.stderr.includes(`note: ${n.message} (${n.code})`), out.stderr);
  // the clerk's reading: 已被案 as 已备案
  assert.equal(checker.readRoll(bad, { columns: { 已被案: 'filed' } }).people[0].profile.training[0].filed, true);
  assert.throws(() => checker.readRoll(bad, { columns: { 已被案: 1 } }), TypeError);
  assert.throws(() => checker.readRoll(bad, { regions: 1 }), TypeError);

  // a row without a name and nobody above it; a bad value: each at its row and column, as jxjy roll says
  const rows = HEADER + ',630000,2023,高级,女,47,2023,公需,网络课程,30,学时,,是,\r\n张三,630000,2023,高级,女,47,2023,公需,网络课程,30,学时,,也许,\r\n';
  const r2 = checker.readRoll(rows);
  const all = [...r2.errors, ...r2.people.flatMap((p) => p.errors)];
  assert.deepEqual(all.map(({ row, column, code }) => [row, column, code]).sort(), [[3, '已备案', 'bad_value'], [2, '姓名', 'missing']].sort());
  const out2 = cli(rows);
  for (const e of all) assert.ok(out2.stderr.includes(`row ${e.row}, column ${e.column}: ${e.message} (${e.code})`), out2.stderr);
});

test('rollResultsCSV is exactly what jxjy roll writes, in both languages', () => {
  const [head, ...lines] = GOOD.split('\r\n').filter(Boolean);
  const withDate = [`${head},核查日期`, ...lines.map((l) => `${l},2024-03-01`)].join('\r\n') + '\r\n';
  assert.equal(checker.readRoll(withDate).people[0].profile.checkDate, '2024-03-01');
  for (const locale of ['zh', 'en']) {
    const out = cli(withDate, '--locale', locale);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(checker.rollResultsCSV(withDate, { locale }), out.stdout);
    // options.checkDate stands in for a 核查日期 the rows do not give, and only then
    assert.equal(checker.rollResultsCSV(GOOD, { locale, checkDate: '2024-03-01' }), out.stdout);
    assert.equal(checker.rollResultsCSV(withDate, { locale, checkDate: '2030-01-01' }), out.stdout);
  }
  const zh = checker.rollResultsCSV(GOOD).split('\r\n');
  assert.equal(zh[0], '姓名,行号,结论,适用规则,缺口,能否补足,截止日期,提示,错误');
  assert.equal(zh.length, 4); // two people and the final CRLF
});

test('options.checkDate that is no day is the roll\'s error (row 0, no column), in readRoll and openRoll alike', () => {
  for (const read of [(o) => checker.readRoll(GOOD, o), (o) => { const r = checker.openRoll(GOOD, o); return { errors: r.errors, people: r.people(0, 10) }; }]) {
    const roll = read({ checkDate: '2026-02-30', locale: 'en' });
    assert.deepEqual(roll.people, []);
    assert.equal(roll.errors.length, 1);
    assert.equal(roll.errors[0].code, 'bad_check_date');
    assert.equal(roll.errors[0].row, 0);
    assert.equal(roll.errors[0].column, '');
    assert.equal(roll.errors[0].message, 'the day of the check "2026-02-30" is not a real date (format YYYY-MM-DD)');
  }
});

test('rollResultsCSV guards cells a spreadsheet would run as formulas', () => {
  const csv = HEADER + '=HYPERLINK("x"),630000,2023,高级,女,47,2023,公需,网络课程,30,学时,,是,\r\n';
  const line = checker.rollResultsCSV(csv).split('\r\n')[1];
  assert.ok(line.startsWith('"\'=HYPERLINK(""x"")"'), line);
});

test('rollResultsCSV: the formula guard holds after leading tabs or spaces (OWASP); a name starting with CR or LF is refused', async () => {
  const { parseCsv } = await import(new URL('../../web/calculator/files/training-file.js', import.meta.url));
  for (const lead of ['', '\t', '  ', ' \t ', '\u3000']) {
    for (const op of ['=', '+', '-', '@']) {
      const name = `${lead}${op}HYPERLINK("x")`;
      const csv = HEADER + `"${name.replace(/"/g, '""')}",630000,2023,高级,女,47,2023,公需,网络课程,30,学时,,是,\r\n`;
      const out = checker.rollResultsCSV(csv);
      const rows = parseCsv(out);
      assert.equal(rows.length, 2, out);
      assert.ok(rows[1][0].startsWith("'"), JSON.stringify(rows[1][0]));
      assert.ok(out.split('\r\n')[1].startsWith('"\''), JSON.stringify(out));
      assert.equal(cli(csv).stdout, out, 'jxjy roll writes the same cells');
    }
  }
  for (const lead of ['\r', '\n', '\r\n', ' \r\n']) {
    const csv = HEADER + `"${lead}=HYPERLINK(""x"")",630000,2023,高级,女,47,2023,公需,网络课程,30,学时,,是,\r\n`;
    const roll = checker.readRoll(csv);
    assert.deepEqual(roll.people, []);
    assert.equal(roll.errors[0].code, 'bad_value');
    assert.ok(!checker.rollResultsCSV(csv).includes('HYPERLINK'));
  }
});

test('a name with NUL or another control character is refused, in the module and jxjy roll alike', () => {
  for (const [ch, code] of [['\u0000', 'U+0000'], ['\u001b', 'U+001B'], ['\u007f', 'U+007F']]) {
    const csv = HEADER + `张${ch}三,630000,2023,高级,女,47,2023,公需,网络课程,30,学时,,是,\r\n`;
    const roll = checker.readRoll(csv);
    assert.equal(roll.errors.length, 1, JSON.stringify(roll));
    assert.equal(roll.errors[0].code, 'bad_value');
    assert.equal(roll.errors[0].row, 2);
    assert.ok(roll.errors[0].message.includes(code), roll.errors[0].message);
    assert.ok(roll.errors[0].message.includes('控制字符'), roll.errors[0].message);
    assert.ok(!checker.rollResultsCSV(csv).includes(ch), 'never copied into the CSV');
    const native = cli(csv);
    assert.equal(native.status, 2);
    assert.ok(native.stderr.includes(code), native.stderr);
    assert.ok(!native.stdout.includes(ch));
    const en = checker.readRoll(csv, { locale: 'en' });
    assert.ok(en.errors[0].message.includes('control character'), en.errors[0].message);
  }
});

test('an amount with more decimals than the engine keeps is refused at its cell, never rounded up', () => {
  const csv = HEADER + '张三,630000,2023,高级,女,47,2023,公需,网络课程,59.999999999,学时,,是,\r\n';
  const out = checker.rollResultsCSV(csv);
  assert.ok(/六位小数/.test(out), out);
  assert.equal(cli(csv).stdout, out);
});

test('a roll over 16 MiB is too_long, in the words of jxjy roll', () => {
  const big = 'x'.repeat(16 * 1024 * 1024 + 1);
  for (const locale of ['zh', 'en']) {
    const roll = checker.readRoll(big, { locale });
    assert.deepEqual(roll.people, []);
    assert.equal(roll.errors.length, 1);
    assert.equal(roll.errors[0].code, 'too_long');
    const out = cli(big, '--locale', locale);
    assert.ok(out.stderr.includes(`${roll.errors[0].message} (too_long)`), out.stderr);
  }
});

test('readRoll and rollResultsCSV refuse bad arguments with a clear error', () => {
  assert.throws(() => checker.readRoll(42), TypeError);
  assert.throws(() => checker.readRoll('a', { locale: 'fr' }), RangeError);
  assert.throws(() => checker.readRoll('a', null), TypeError);
  assert.throws(() => checker.rollResultsCSV('a', { checkDate: '1 May' }), RangeError);
  const empty = checker.readRoll('');
  assert.deepEqual(empty.errors.map((e) => [e.row, e.code]), [[0, 'empty']]);
});

// Issue #26 item 4: two 张伟 on rows 2 and 4 (separate blocks, notes naming different departments), one
// with only public hours, one with only professional, never come out as one 张伟 达标.
const NAMESAKES = HEADER +
  '张伟,150783,2023,初级,男,30,2023,公需,网络课程,30,学时,,是,内科\r\n' +
  '李娜,150783,2023,初级,女,31,2023,公需,网络课程,30,学时,,是,\r\n' +
  '张伟,150783,2023,初级,男,30,2023,专业,培训班,60,学时,,是,财务科\r\n';

test('namesakes in separate blocks of rows are two people, flagged, in the module and jxjy roll alike', async () => {
  const { summarise } = await import(new URL('../../web/roll/roll.js', import.meta.url));
  const roll = checker.readRoll(NAMESAKES);
  assert.deepEqual(roll.people.map((p) => [p.name, p.allRows]), [['张伟', [2]], ['李娜', [3]], ['张伟', [4]]]);
  for (const i of [0, 2]) {
    assert.deepEqual(roll.people[i].warnings.map((w) => w.code), ['same_name']);
    assert.match(roll.people[i].warnings[0].message, /^第2行与第4行同名，是否同一人？/);
    const line = summarise(roll.people[i], checker.evaluate(roll.people[i].profile), i, 'zh', () => ({ row: 0, column: '' }));
    assert.equal(line.status, 'short');
    assert.equal(line.warnings[0].code, 'same_name', 'the page shows the flag first');
  }
  assert.deepEqual(roll.people[1].warnings, []);
  const out = cli(NAMESAKES);
  assert.equal(checker.rollResultsCSV(NAMESAKES), out.stdout);
  assert.equal(out.stdout.split('\r\n').filter((l) => l.startsWith('张伟,')).length, 2);
  assert.ok(!/张伟,[^,]*,达标/.test(out.stdout), out.stdout);
  assert.match(out.stderr, /row 4: warning: 第2行与第4行同名/);
  // an ID column is the person: one ID over rows 2 and 4 is one 张伟 (met), without a flag
  const [head, ...rows] = NAMESAKES.split('\r\n').filter(Boolean);
  const withId = [`工号,${head}`, `A1,${rows[0]}`, `B2,${rows[1]}`, `A1,${rows[2]}`].join('\r\n') + '\r\n';
  const one = checker.readRoll(withId);
  assert.deepEqual(one.people.map((p) => [p.name, p.allRows, p.warnings.length]), [['张伟', [2, 4], 0], ['李娜', [3], 0]]);
  assert.equal(checker.evaluate(one.people[0].profile).status, 'met');
  assert.equal(checker.rollResultsCSV(withId), cli(withId).stdout);
});
