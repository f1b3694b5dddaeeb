// The roll view's model (web/roll/roll.js, as web/roll/roll-run.js drives it) with the real checker: lines of the
// table, filter and sort, the template (read back by the core's reader without a single error), and the
// one source of the verdict words (the vocabulary's status list and the page's status_* texts must say
// the same).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { before, test } from 'node:test';

import { moduleUrl, root } from './corpus.mjs';

let checker, roll, run, texts;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
  roll = await import(new URL('../../web/roll/roll.js', import.meta.url));
  run = await import(new URL('../../web/roll/roll-run.js', import.meta.url));
  texts = await import(new URL('../../web/base/texts.js', import.meta.url));
});

const vocabulary = JSON.parse(readFileSync(join(root, 'core', 'data', 'vocabulary.json'), 'utf8'));

test('the verdict words of the roll (vocabulary status) are the page\'s status words', async () => {
  const { statusWord } = await import(new URL('../../web/base/words.js', import.meta.url));
  for (const s of vocabulary.status) {
    assert.equal(statusWord(s.id, 'zh'), s.zh, `status ${s.id} (zh)`);
    // English: the same word, the page capitalising the first letter of a heading word
    assert.equal(statusWord(s.id, 'en').toLowerCase(), s.en.toLowerCase(), `status ${s.id} (en)`);
    // texts.js keeps no copy of its own (the page reads the vocabulary)
    assert.equal(texts.say('zh', `status_${s.id}`), `status_${s.id}`, `texts.js has no status_${s.id}`);
  }
  // and the roll's statuses are all the page knows: no verdict without its words
  assert.deepEqual([...roll.STATUS_ORDER].sort(), vocabulary.status.map((s) => s.id).sort());
});

// the table's lines as the roll's worker makes them (roll-run.js checkRoll: summarise with checker.rollPlace)
const lines = (text, lang = 'zh', checkDate = '2024-06-30') => {
  const out = [];
  run.checkRoll(checker, { text, lang, checkDate }, (m) => { if (m.type === 'lines') out.push(...m.lines); });
  return out;
};

const HEADER = '姓名,地区,申报年度,申报级别,性别,年龄,年度,科目,形式,数量,单位,已备案\r\n';

test('a line per person: verdict, shortfall with deadline, errors at their row and column', () => {
  const csv = HEADER +
    '甲,630000,2023,中级,男,40,2022,公需,网络课程,5,学时,是\r\n' +
    '乙,630000,2023,中级,男,40,2022,公需,网络课程,十,学时,是\r\n' +
    '丙,630000,2023,中级,男,40,2022,专业,网络课程,100000,学时,是\r\n';
  const [a, b, c] = lines(csv);
  assert.equal(a.name, '甲');
  assert.equal(a.status, 'short');
  assert.ok(a.shortfall.length > 0);
  assert.equal(a.hours, a.shortfall.reduce((s, x) => s + x.hours, 0));
  assert.equal(a.readable, true);
  assert.equal(b.status, 'error');
  assert.equal(b.readable, false);
  assert.deepEqual(b.errors.map((e) => [e.row, e.column]), [[3, '数量']]);
  assert.equal(c.readable, true);
  // every line names its rows; the profile to open in the calculator stays in the worker (a line of a
  // roll of 700,000 stays small): personProfile gives it as it was checked, on the check's day
  assert.deepEqual([a.firstRow, b.firstRow, c.firstRow], [2, 3, 4]);
  assert.equal(a.profile, undefined);
  assert.equal(run.personProfile(a.index).region, '630000');
  assert.equal(run.personProfile(a.index).checkDate, '2024-06-30');
  assert.equal(run.personProfile(c.index).training[0].hours, 100000);
  assert.equal(run.personProfile(3), null);
});

test('a roll\'s file is opened as its bytes (openRoll of a Uint8Array, roll-run.js rollSource): the same roll as its text; GB 18030 read again as text; neither: code encoding', async () => {
  let csv = '\uFEFF' + HEADER;
  for (let i = 0; i < 150; ++i) csv += `人员${i},630000,2023,中级,男,40,2022,公需,网络课程,${i % 5 ? 30 : 10},学时,是\r\n`;
  const utf8 = new TextEncoder().encode(csv);
  // the checker: UTF-8 bytes (a BOM dropped) give exactly the roll of the text
  const fromText = checker.openRoll(csv);
  const textPeople = fromText.people(0, 200);
  const fromBytes = checker.openRoll(utf8);
  for (const k of ['size', 'errors', 'notes', 'headerRow', 'title', 'columns']) assert.deepEqual(fromBytes[k], fromText[k], k);
  assert.deepEqual(fromBytes.people(0, 200), textPeople);
  assert.throws(() => checker.openRoll(utf8.buffer), TypeError); // (an ArrayBuffer is not a Uint8Array)
  assert.throws(() => checker.openRoll(42), /UTF-8 bytes/);
  // the worker's path: a file's bytes as rollSource gives them, checked as the text is
  const checked = (text) => {
    const out = [];
    run.checkRoll(checker, { text, lang: 'zh', checkDate: '2024-06-30' }, (m) => { if (m.type === 'lines') out.push(...m.lines); });
    return out;
  };
  const source = await run.rollSource({ buffer: utf8.buffer.slice(0) });
  assert.ok(source instanceof Uint8Array);
  const byText = checked(csv);
  assert.equal(byText.length, 150);
  assert.deepEqual(checked(source), byText);
  // checkRoll lets go of the bytes once they are in the module
  const request = { text: source, lang: 'zh', checkDate: '2024-06-30' };
  run.checkRoll(checker, request, () => {});
  assert.equal(request.text, null);
  // GB 18030 bytes (as a Windows spreadsheet saves them): the core says not_utf8, and they are read as GB 18030
  const gb = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: csv.slice(1) });
  assert.equal(gb.status, 0, 'iconv');
  assert.equal(checker.openRoll(new Uint8Array(gb.stdout)).errors[0].code, 'not_utf8');
  assert.deepEqual(checked(new Uint8Array(gb.stdout)), byText);
  // bytes that are neither: the code the page words (roll_encoding)
  assert.throws(() => checked(new Uint8Array([0x81, 0x20, 0xff, 0xfe, 0x0a])), (e) => e.code === 'encoding');
  // and the export of such bytes too
  assert.throws(() => run.exportRoll(checker, { text: new Uint8Array([0x81, 0x20, 0xff]), lang: 'zh' }), (e) => e.code === 'encoding');
  assert.equal(run.exportRoll(checker, { text: new Uint8Array(gb.stdout), lang: 'zh', checkDate: '2024-06-30' }),
    run.exportRoll(checker, { text: csv, lang: 'zh', checkDate: '2024-06-30' }));
});

test('a roll is read a batch of people at a time (checker.openRoll): the same people as readRoll, in order', () => {
  const people = 250; // more than one batch of the worker (100)
  let csv = HEADER;
  for (let i = 0; i < people; ++i) csv += `人员${i},630000,2023,中级,男,40,2022,公需,网络课程,${i % 7 ? 30 : '十'},学时,是\r\n`;
  const whole = checker.readRoll(csv);
  const open = checker.openRoll(csv);
  assert.equal(open.size, people);
  for (const k of ['errors', 'notes', 'headerRow', 'title', 'columns']) assert.deepEqual(open[k], whole[k], k);
  assert.deepEqual([...open.people(0, 100), ...open.people(100, 100), ...open.people(200, 100)], whole.people);
  assert.deepEqual(open.people(250, 10), []);
  // one roll open at a time: a newer one closes it
  const other = checker.openRoll(HEADER + '甲,630000,2023,中级,男,40,2022,公需,网络课程,5,学时,是\r\n');
  assert.deepEqual(open.people(0, 1), []);
  assert.equal(other.people(0, 1)[0].name, '甲');
  other.close();
  assert.equal(other.people(0, 1).length, 0, 'closed: the module lets the text go, people() reads nothing');
  // a whole-file problem: no people
  const bad = checker.openRoll('编号,地区\r\n1,630000\r\n');
  assert.equal(bad.size, 0);
  assert.deepEqual(bad.errors.map((e) => e.code), ['missing_column']);
  // lines of a person of 130,000 rows: no stack overflow (no Math.max(...rows))
  const rows = Array.from({ length: 130_000 }, (_, i) => i + 2);
  const line = roll.summarise({ name: '甲', firstRow: 2, rows, allRows: rows, errors: [], profile: {} }, null, 0);
  assert.equal(line.lastRow, 130_001);
});

test('an error of the checker is placed at the row and column of the roll (the core\'s map, checker.rollPlace)', () => {
  const person = { name: 'x', firstRow: 5, rows: [5, 7, 9], errors: [], profile: {} };
  assert.deepEqual(checker.rollPlace('/training/2/hours', person), { row: 9, column: 'amount' });
  assert.deepEqual(checker.rollPlace('/training/1/level', person), { row: 7, column: 'confLevel' });
  assert.deepEqual(checker.rollPlace('/training/0/days', person), { row: 5, column: 'amount' });
  assert.deepEqual(checker.rollPlace('/training/2', person), { row: 9, column: '' });
  assert.deepEqual(checker.rollPlace('/route', person), { row: 5, column: 'route' });
  assert.deepEqual(checker.rollPlace('', person), { row: 5, column: '' });
  // a record past the person's rows, or a field no column holds: the person's first row, no column
  assert.deepEqual(checker.rollPlace('/training/3/hours', person), { row: 5, column: 'amount' });
  assert.deepEqual(checker.rollPlace('/circumstances/0', person), { row: 5, column: '' });
  assert.throws(() => checker.rollPlace(undefined, person), TypeError);
  assert.throws(() => checker.rollPlace('/route', { firstRow: 5 }), TypeError);
  // the checker's own missing-field error, through summarise
  const [line] = lines('姓名,地区,年度,科目,形式,数量,单位\r\n甲,630000,2022,公需,网络课程,5,学时\r\n');
  assert.equal(line.status, 'error');
  assert.ok(line.errors.length > 0);
  for (const e of line.errors) assert.equal(e.row, 2);
  assert.ok(line.errors.some((e) => e.column === '申报年度' || e.column === '申报级别'), JSON.stringify(line.errors));
});

test('the page places a checker error where the core\'s results CSV does (one column map: vocabulary paths)', () => {
  // a record that ends before it starts (结束日期 of row 3), and a person's field missing (申报年度, given
  // by no row: the CSV names the column only, the view points at the person's first row)
  const csv = '姓名,地区,申报级别,年度,科目,形式,数量,单位,开始日期,结束日期\r\n' +
    '甲,630000,高级,2022,专业,网络课程,5,学时,,\r\n甲,,,2022,专业,学术会议,2,天,2022-05-01,2022-04-01\r\n';
  const withYear = csv.replace('申报级别,', '申报级别,申报年度,').replace('甲,630000,高级,', '甲,630000,高级,2023,').replace('甲,,,', '甲,,,,');
  const noYear = csv.replace('2022-04-01', '2022-05-02');
  for (const [text, column, row] of [[withYear, '结束日期', 3], [noYear, '申报年度', 2]]) {
    const [line] = lines(text);
    const core = checker.rollResultsCSV(text, { locale: 'zh' });
    assert.equal(line.status, 'error');
    assert.deepEqual(line.errors.map((e) => [e.row, e.column]), [[row, column]]);
    const [e] = line.errors;
    assert.ok(core.includes(`「${column}」：${e.message}`), `${JSON.stringify(e)} in ${core}`);
    if (column === '结束日期') assert.ok(core.includes(`第 ${row} 行「${column}」：`), core);
  }
});

test('the worker keeps what filters and sorts a line; viewLines makes the lines shown again, as they were checked', () => {
  // people of every verdict, namesakes, deadlines and shortfalls; an own-department person counted apart
  const csv = HEADER.replace('\r\n', ',系列\r\n') +
    '王五,630000,2023,中级,男,40,2022,公需,网络课程,45,学时,是,\r\n' +
    '王五,,,,,,2022,专业,网络课程,90,学时,是,\r\n' +
    '张三,630000,2025,中级,男,40,2024,公需,网络课程,5,学时,是,\r\n' +
    '李四,630000,2023,中级,男,40,2022,公需,网络课程,十,学时,是,\r\n' +
    '张小三,630000,2024,中级,男,40,2022,公需,网络课程,5,学时,是,\r\n' +
    '赵六,630000,2023,中级,男,40,2022,公需,网络课程,5,学时,是,卫生\r\n' +
    '钱七,150783,2023,高级,女,50,2022,专业,培训班,3,天,否,\r\n';
  const streamed = [];
  let done = null;
  run.checkRoll(checker, { text: csv, lang: 'zh', checkDate: '2024-06-30' }, (m) => {
    if (m.type === 'lines') streamed.push(...m.lines);
    if (m.type === 'done') done = m;
  });
  assert.equal(streamed.length, 6);
  // the oracle: the lines as streamed, filtered and sorted here in the plain way
  const STATUS = roll.STATUS_ORDER;
  const byName = new Intl.Collator('zh-CN');
  const order = {
    row: () => 0,
    name: (a, b) => byName.compare(a.name, b.name),
    status: (a, b) => STATUS.indexOf(a.status) - STATUS.indexOf(b.status),
    shortfall: (a, b) => b.hours - a.hours,
    deadline: (a, b) => (a.deadline || '9999').localeCompare(b.deadline || '9999'),
  };
  assert.deepEqual(Object.keys(order), roll.SORT_KEYS, 'every sort the page offers');
  for (const sort of roll.SORT_KEYS)
    for (const filter of [{}, { status: 'short' }, { name: '三' }, { status: 'met', name: '三' }, { status: 'error' }]) {
      const want = streamed.filter((l) => (!filter.status || l.status === filter.status) && (!filter.name || l.name.includes(filter.name)))
        .sort((a, b) => order[sort](a, b) || a.firstRow - b.firstRow);
      const got = run.viewLines({ ...filter, sort });
      assert.equal(got.all, 6);
      assert.equal(got.shown, want.length);
      assert.deepEqual(got.lines, want, `${sort} ${JSON.stringify(filter)}`);
    }
  assert.ok(new Set(streamed.map((l) => l.status)).size >= 3, streamed.map((l) => l.status).join());
  assert.ok(streamed.some((l) => l.deadline) && streamed.some((l) => l.hours > 0));
  // counted: own-department people apart, never among met or short (issue 27 item 2)
  const count = { total: 6, apart: 0, error: 0, short: 0, met: 0, exempt: 0, advisory: 0 };
  for (const l of streamed) count[l.apart ? 'apart' : l.status] += 1;
  assert.equal(count.apart, 1);
  assert.deepEqual(done.counts, count);
  // paged: a page of 2 of the shown lines
  const paged = run.viewLines({ sort: 'name', page: 1, pageSize: 2, allAtOnce: 3 });
  assert.equal(paged.paged, true);
  assert.deepEqual(paged.lines, run.viewLines({ sort: 'name' }).lines.slice(2, 4));
});

test('the template has every roll column and reads back without an error, in both languages', () => {
  for (const lang of ['zh', 'en']) {
    const csv = roll.templateCsv(lang);
    assert.ok(csv.startsWith('\uFEFF'));
    const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
    assert.deepEqual(header, vocabulary.rollColumn.map((c) => c[lang]));
    const r = checker.readRoll(csv, { locale: lang });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.people.map((p) => p.errors), [[], []]);
    assert.equal(r.people[0].profile.training.length, 2);
    for (const p of r.people) assert.equal(checker.evaluate({ checkDate: '2025-03-01', ...p.profile }).ok, true);
  }
});

// Issue 27: an office's roll through the worker's run — the reader's title and notes come first (the
// "read" message), a record the engine leaves out is said at its row in the person's line, and people
// under their own department's rules are apart from 达标/未达标.
test('an office\'s roll: read message with title and notes; left-out records and own-department people on their lines', () => {
  const text = '2023年专业技术人员继续教育培训花名册\r\n' +
    '序号,姓名,工作单位,地区,申报年度,申报级别,系列,公需课/专业课,培训形式,培训学时,是否备案\r\n' +
    '1,张三,某医院,青海省,2024,高级,,公需课,网络培训,３０,是\r\n' +
    ',,,,,,,专业课,培训班,３天,是\r\n' +
    '2,李四,某医院,青海省,2024,高级,卫生,公需课,网络培训,30,是\r\n';
  const messages = [];
  run.checkRoll(checker, { text, lang: 'zh', checkDate: '2024-06-30', regions: '630000 青海省\n630100 西宁市' }, (m) => messages.push(m));
  const read = messages[0];
  assert.equal(read.type, 'read');
  assert.equal(read.title, '2023年专业技术人员继续教育培训花名册');
  assert.equal(read.headerRow, 2);
  assert.deepEqual(read.notes.map((n) => n.code), ['column_guessed', 'column_guessed', 'column_guessed', 'column_guessed',
    'unused_columns', 'year_from_title', 'filled_down', 'route_assumed']);
  assert.deepEqual(read.columns.filter((c) => c.guessed).map((c) => [c.header, c.column]),
    [['公需课/专业课', 'subject'], ['培训形式', 'activity'], ['培训学时', 'amount'], ['是否备案', 'filed']]);
  const out = messages.filter((m) => m.type === 'lines').flatMap((m) => m.lines);
  assert.equal(out.length, 2);
  const [zhang, li] = out;
  // the "3天" class in 青海 earns nothing: said at its row, with the engine's reason
  assert.ok(zhang.warnings.some((w) => w.code === 'unit_not_accepted' && w.message.startsWith('第 4 行：本地区“进修班/培训班/研修班”不按天折算')),
    JSON.stringify(zhang.warnings));
  assert.equal(zhang.apart, false);
  assert.equal(li.apart, true);
  const { counts } = messages.find((m) => m.type === 'done');
  assert.equal(counts.apart, 1);
  assert.equal(counts[zhang.status], 1);
});

test('a blank 已备案 is unknown filing: the line is met on a condition, said; the export never a bare 达标 (CONTRACT §5.1)', () => {
  // 青海 五（一）: online training must be filed; the public record's 已备案 is left blank
  const csv = HEADER +
    '张三,630000,2023,初级,女,40,2023,公需,网络课程,45,学时,\r\n' +
    '张三,,,,,,2023,专业,网络课程,90,学时,是\r\n' +
    '李四,630000,2023,初级,男,40,2023,公需,网络课程,45,学时,是\r\n' +
    '李四,,,,,,2023,专业,网络课程,90,学时,是\r\n';
  const [a, b] = lines(csv);
  assert.equal(a.status, 'met');
  assert.equal(a.conditional, true);
  assert.ok(a.warnings.some((w) => w.code === 'filing_unknown'), JSON.stringify(a.warnings));
  assert.equal(b.status, 'met');
  assert.equal(b.conditional, false);
  const out = run.exportRoll(checker, { text: csv, lang: 'zh', checkDate: '2023-06-30' }).replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(out[1].split(',')[2], '达标（有前提）');
  assert.equal(out[2].split(',')[2], '达标');
});

// Issue 27: a warning about the notice applied (新疆: a city's notice applied region-wide) is the same
// sentence for every person of a region: said once above the table with how many people it concerns (the
// 'done' message's notices, counted by message in the worker), never in a line's 提示; what concerns the
// person (a record left out, an assumption about their title) stays on their line.
test('whole-notice warnings are counted once by message in the done message, on no line; the person\'s own stay on theirs', () => {
  const csv = HEADER +
    '新甲,650100,2023,中级,男,40,2022,公需,网络课程,30,学时,是\r\n' +
    '新乙,650100,2023,中级,女,41,2022,专业,网络课程,60,学时,是\r\n' +
    '新丙,650000,2023,中级,男,42,2022,公需,网络课程,30,学时,是\r\n' +
    '新丁,650100,2023,中级,女,43,2022,公需,网络课程,十,学时,是\r\n' + // (an error line: never evaluated, no warning)
    '青海,630000,2023,高级,男,40,2022,专业,培训班,3,天,是\r\n';
  const messages = [];
  run.checkRoll(checker, { text: csv, lang: 'zh', checkDate: '2024-06-30' }, (m) => messages.push(m));
  const streamed = messages.filter((m) => m.type === 'lines').flatMap((m) => m.lines);
  const done = messages.find((m) => m.type === 'done');
  assert.equal(streamed.length, 5);
  // the oracle: the checker's own warnings for each person, as the calculator gets them (evaluated again there)
  const full = [0, 1, 2, 4].map((i) => checker.evaluate(run.personProfile(i)).warnings);
  const scope = full[0].find((w) => w.code === 'rule_set_scope');
  assert.match(scope.message, /^本规则集依据新疆某市人社局2022年5月6日的通知/);
  const fallback = full[0].find((w) => w.code === 'region_fallback');
  assert.match(fallback.message, /^地区 650100 没有专门的规则/);
  assert.ok(full[2].some((w) => w.code === 'rule_set_scope') && !full[2].some((w) => w.code === 'region_fallback'));
  assert.ok(!full[3].some((w) => roll.isWholeNotice(w)), '青海 2023: the notice is its own and current');
  // each sentence once, with the people it concerns: three in 新疆 (the fourth's rows have an error), two
  // of them under 650100 (falling back to 新疆's notice)
  assert.deepEqual(done.notices, [
    { code: 'rule_set_scope', message: scope.message, count: 3 },
    { code: 'region_fallback', message: fallback.message, count: 2 },
  ]);
  // on no line, streamed or made again for the page; every other warning stays where it was
  const shown = run.viewLines({}).lines;
  for (const [k, list] of [['streamed', streamed], ['viewLines', shown]]) {
    for (const l of list) assert.ok(!l.warnings.some((w) => roll.WHOLE_NOTICE_WARNINGS.includes(w.code) || w.message === scope.message), `${k} ${l.name}: ${JSON.stringify(l.warnings)}`);
    for (const [i, at] of [[0, 0], [1, 1], [2, 2], [4, 3]]) {
      const own = full[at].filter((w) => !roll.isWholeNotice(w)).map((w) => w.message);
      assert.deepEqual(list[i].warnings.map((w) => w.message).filter((m) => !m.startsWith('第 ')), own, `${k} ${list[i].name}`);
    }
  }
  // the person's own: 新疆's title year assumed; 青海's 3-day class said at its row
  assert.ok(streamed[0].warnings.some((w) => w.code === 'title_year_assumed'), JSON.stringify(streamed[0].warnings));
  assert.ok(streamed[4].warnings.some((w) => w.code === 'unit_not_accepted' && w.message.startsWith('第 6 行：')), JSON.stringify(streamed[4].warnings));
  assert.equal(streamed[3].status, 'error');
  // in English, the same groups in the results' words
  const en = [];
  run.checkRoll(checker, { text: csv, lang: 'en', checkDate: '2024-06-30' }, (m) => { if (m.type === 'done') en.push(m); });
  assert.deepEqual(en[0].notices.map((g) => [g.code, g.count]), [['rule_set_scope', 3], ['region_fallback', 2]]);
  assert.doesNotMatch(en[0].notices[0].message, /[\u4e00-\u9fff]{4}/, en[0].notices[0].message);
});

// The list of whole-notice codes is the core's: each is a warning code of messages.json, the checker gives
// each one (probes of every shipped rule set: its region and one below it, its notice's year and the next,
// an application date before it came into force), and each depends on the notice applied alone: a person
// with nothing but the region, the years and the dates gets the same sentences as a full generated profile.
// The other way round, every warning citing the whole notice (全文) is one of them: here for the probes,
// in properties.test.mjs for generated profiles.
test('the whole-notice warning codes are the ones the checker gives for the notice applied, whoever the person', async () => {
  const messagesJson = JSON.parse(readFileSync(join(root, 'core', 'data', 'messages.json'), 'utf8'));
  for (const c of roll.WHOLE_NOTICE_WARNINGS) assert.ok(messagesJson.codes.warning.includes(c), `${c} is a warning code of the core`);
  const { RULE_SETS, profileArb } = await import('./arbitraries.mjs');
  const { default: fc } = await import('fast-check');
  const below = (code) => (code.endsWith('0000') ? code.slice(0, 2) + '0102' : code.endsWith('00') ? code.slice(0, 4) + '02' : code);
  const dayBefore = (d) => new Date(Date.parse(`${d}T00:00:00Z`) - 86400e3).toISOString().slice(0, 10);
  const wholeOf = (r) => (r.ok ? r.warnings.filter(roll.isWholeNotice).map((w) => `${w.code} ${w.message}`) : null);
  // another person of the same region, years and dates: none of the profile's person, records or circumstances
  const bare = (p) => {
    const q = { region: p.region, year: p.year, level: 'intermediate', route: 'review', gender: 'male', age: 40, currentTitleSince: p.year - 3, training: [] };
    for (const k of ['applicationDate', 'checkDate', 'locale']) if (p[k] !== undefined) q[k] = p[k];
    return q;
  };
  const emitted = new Set();
  for (const s of RULE_SETS)
    for (const region of [s.region, below(s.region)])
      for (const year of [s.noticeYear, s.noticeYear + 1])
        for (const applicationDate of [undefined, dayBefore(s.validFrom)]) {
          if (applicationDate && !applicationDate.startsWith(String(year))) continue;
          const r = checker.evaluate(bare({ region, year, applicationDate }));
          assert.ok(r.ok, `${region} ${year} ${applicationDate}: ${JSON.stringify(r.errors)}`);
          for (const w of r.warnings) {
            if (roll.isWholeNotice(w)) emitted.add(w.code);
            // and the other way round: a warning citing the whole notice (全文) is one of the list
            else assert.notEqual(w.source && w.source.clause, '全文', `${w.code} cites the whole notice: ${w.message}`);
          }
        }
  assert.deepEqual([...emitted].sort(), [...roll.WHOLE_NOTICE_WARNINGS].sort(), 'the checker gives every code of the list');
  let compared = 0;
  for (const p of fc.sample(profileArb, { seed: 20261207, numRuns: 300 })) {
    for (const q of [p, { ...p, applicationDate: `${p.year}-01-02` }]) {
      const got = wholeOf(checker.evaluate(q));
      if (!got) continue;
      assert.deepEqual(got, wholeOf(checker.evaluate(bare(q))), JSON.stringify(q));
      compared += got.length;
    }
  }
  assert.ok(compared > 100, `${compared} whole-notice warnings compared`);
});
