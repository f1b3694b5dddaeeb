// checker.forms(profile) (CONTRACT §5.2): the notice's own forms a profile needs, each field filled from a
// profile field, a record field, a figure of the result, or left blank; 新疆 附件1's numbers are the
// check's; bad input gives evaluate's errors; the JS module prints what `jxjy forms` prints.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { moduleUrl, nativeCli, root, skipOrFailInCI } from './corpus.mjs';

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

const field = (form, label) => {
  const f = form.fields.find((x) => x.label === label);
  assert.ok(f, `${form.title} has ${label}`);
  return f;
};

const zalantun = (training, extra = {}) => ({ region: '150783', year: 2023, level: 'intermediate', gender: 'female',
  birthDate: '1980-05-03', education: 'master', training, ...extra });
const xinjiang = (training, extra = {}) => ({ region: '650102', year: 2023, level: 'senior', currentTitleSince: 2021,
  gender: 'male', birthDate: '1975-11-20', training, ...extra });

describe('扎兰屯 附表 专业技术人员外出培训专业课学时备案审批表', () => {
  const profile = zalantun([
    { year: 2023, subject: 'professional', activity: 'degree_study', hours: 50, filed: false, note: '内蒙古大学在职研究生课程',
      start: '2023-03-01', end: '2023-06-30' },
    { year: 2023, subject: 'professional', activity: 'advanced_seminar', hours: 24, filed: null },
    { year: 2023, subject: 'professional', activity: 'advanced_seminar', hours: 24 },
    { year: 2023, subject: 'professional', activity: 'course', hours: 24, filed: false },
  ]);

  test('one per offline professional record whose filing is false or null', () => {
    const out = checker.forms(profile);
    assert.equal(out.ok, true);
    assert.deepEqual(out.forms.map((f) => f.for), [{ record: 0 }, { record: 1 }]);
    for (const f of out.forms) {
      assert.equal(f.title, '专业技术人员外出培训专业课学时备案审批表');
      assert.equal(f.attachment, '附表');
      assert.deepEqual(f.source, { number: '扎人社发〔2023〕45号', title: '关于2023年专业技术人员继续教育工作安排的通知', clause: '一（二）、附表' });
      assert.match(f.purpose, /一式一份报送至人社局专技股/);
      assert.ok(f.interpretation);
    }
  });

  test('filled from the profile, the record, the result; blanks where jxjy cannot know', () => {
    const [a, b] = checker.forms(profile).forms;
    assert.deepEqual(field(a, '性别'), { label: '性别', labelEn: 'Gender', value: '女', from: 'profile.gender', sameLine: true });
    assert.equal(field(a, '出生年月').value, '1980年5月');
    assert.equal(field(a, '学历').value, '硕士研究生');
    assert.equal(field(a, '培训科目及内容').value, '内蒙古大学在职研究生课程');
    assert.equal(field(a, '培训科目及内容').from, 'record.content');
    assert.equal(field(b, '培训科目及内容').value, '高级研修班');
    assert.equal(field(a, '培训时间').value, '2023-03-01至2023-06-30');
    assert.equal(field(b, '培训时间').value, '2023年');
    assert.equal(field(a, '培训学时').value, '50');
    assert.equal(field(a, '培训学时').from, 'result.recordHours');
    assert.equal(field(b, '培训学时').value, '24');
    for (const label of ['姓名', '照片', '工作单位', '所在科室', '职称', '职务', '外出培训地点', '个人意见', '单位意见', '人社局备案意见']) {
      assert.equal(field(a, label).value, null, label);
      assert.equal(field(a, label).from, null, label);
    }
    assert.match(field(a, '个人意见').printed, /个人签字/);
  });

  test('a filed record gives no form', () => {
    assert.deepEqual(checker.forms(zalantun([{ year: 2023, subject: 'professional', activity: 'training_class', hours: 40, filed: true }])),
      { ok: true, forms: [] });
    assert.deepEqual(checker.forms(zalantun([{ year: 2023, subject: 'professional', activity: 'training_class', hours: 40 }])),
      { ok: true, forms: [] });
  });

  test('purpose in English with locale en; labels stay the form\'s own, with a gloss', () => {
    const [a] = checker.forms({ ...profile, locale: 'en' }).forms;
    assert.match(a.purpose, /professional-technical section/);
    assert.equal(field(a, '培训学时').labelEn, 'Hours');
  });
});

describe('新疆 附件1 专技继续教育学时认定登记表', () => {
  const profile = xinjiang([
    { year: 2022, subject: 'professional', activity: 'teaching', hours: 10, note: '市继续教育基地授课' },
    { year: 2022, subject: 'professional', activity: 'advanced_seminar', days: 2 },
    { year: 2023, subject: 'professional', activity: 'study_visit', start: '2023-09-01', end: '2023-09-30', months: 1 },
    { year: 2023, subject: 'professional', activity: 'course', hours: 7.5 },
    { year: 2023, subject: 'public', activity: 'course', hours: 30 },
  ]);

  test('per needed year with 附件3 activities; the 经审验 line, the rows and 累计学时 match check', () => {
    const result = checker.evaluate(profile);
    assert.equal(result.ok, true);
    const { forms } = checker.forms(profile);
    assert.deepEqual(forms.map((f) => f.for.year), [2022, 2023]);
    for (const f of forms) {
      assert.equal(f.attachment, '附件1');
      assert.equal(f.source.clause, '二2、附件1');
      const year = result.years.find((y) => y.year === f.for.year);
      const missing = result.shortfall.filter((g) => g.year === year.year).reduce((s, g) => s + g.hours, 0);
      const line = field(f, '所在地同级人事(职称)部门审批意见');
      assert.equal(line.from, 'template');
      assert.deepEqual(line.fills, ['result.year', 'result.professional', 'result.missing']);
      assert.equal(line.value, `经审验，${year.year}年符合专业课继续教育共计${year.professional.credited}学时，还需完成${missing}学时的继续教育。`);
      const rowsSum = f.rows.values.reduce((s, r) => s + Number(r[3]), 0);
      assert.equal(field(f, '累计学时').value, String(rowsSum));
      assert.equal(rowsSum, year.professional.credited);
      assert.equal(field(f, '出生年月').value, '1975年11月');
      assert.equal(field(f, '身份证号').value, null);
      assert.equal(field(f, '所在单位审核意见').value, null);
    }
    assert.deepEqual(forms[0].rows.values, [['2022年', '继续教育授课：市继续教育基地授课', '附件3 第6条', '20'],
      ['2022年', '高级研修班', '附件3 第3条', '24']]);
    assert.deepEqual(forms[1].rows.values, [['2023-09-01至2023-09-30', '国内外进修', '附件3 第5条', '60'],
      ['2023年', '课程学习（含网络课程）', '附件3 第8条', '7.5']]);
    assert.match(field(forms[1], '继续教育时间及方式').value, /^2023-09-01至2023-09-30 国内外进修 60学时（附件3 第5条）\n/);
  });

  test('附件2 免除继续教育学习申请表 with fanghuiju (exempt: no 附件1)', () => {
    const out = checker.forms({ ...profile, circumstances: [{ kind: 'fanghuiju' }] });
    assert.deepEqual(out.forms.map((f) => f.attachment), ['附件2']);
    const f = out.forms[0];
    assert.equal(f.title, '自治区“访惠聚”驻村等专业技术人员职称评审免除继续教育学习申请表');
    assert.deepEqual(f.for, { circumstance: 'fanghuiju' });
    assert.equal(field(f, '拟申报专业技术职务').value, '高级');
    assert.match(field(f, '免学理由').value, /访惠聚/);
    assert.deepEqual(field(f, '免学理由').fills, ['profile.circumstance']);
  });
});

test('notices without forms (青海, 郑州, 松山区) give forms: []', () => {
  const training = [{ year: 2023, subject: 'professional', activity: 'training_class', hours: 40, filed: false }];
  for (const [region, year] of [['630000', 2023], ['410100', 2023], ['150404', 2025]])
    assert.deepEqual(checker.forms({ region, year, level: 'intermediate', gender: 'male', age: 40, currentTitleSince: 2019, training }),
      { ok: true, forms: [] }, region);
});

test('bad input: the same ok:false result as evaluate', () => {
  const bad = [
    { region: '150783' },
    { region: '999999', year: 2023, level: 'senior', training: [] },
    { region: '150783', year: 2023, level: 'senior', training: [{ year: 2023, subject: 'x', activity: 'course', hours: NaN }] },
    { locale: 'en', region: '150783', year: '2023', level: 'senior', training: [] },
    'not a profile', undefined, () => 1,
  ];
  for (const p of bad) {
    const f = checker.forms(p);
    assert.equal(f.ok, false);
    assert.deepEqual(f, checker.evaluate(p));
  }
  const circular = { region: '150783' };
  circular.self = circular;
  assert.deepEqual(checker.forms(circular), checker.evaluate(circular));
});

test('formsJSON(text) is forms() of the profile the text holds; bad text gives evaluateJSON\'s errors', () => {
  const profiles = [
    zalantun([{ year: 2023, subject: 'professional', activity: 'training_class', hours: 40, filed: false }]),
    xinjiang([{ year: 2023, subject: 'professional', activity: 'conference', days: 2, level: 'national' }], { locale: 'en' }),
    { region: '150783', year: 2023 },
  ];
  for (const p of profiles) assert.deepEqual(checker.formsJSON(JSON.stringify(p)), checker.forms(p));
  assert.equal(checker.formsJSON(JSON.stringify(profiles[0])).forms.length, 1);
  for (const text of ['{"region": "150783",', '', '{"region":"\ud800"}', '[]', '"text"']) {
    const f = checker.formsJSON(text);
    assert.equal(f.ok, false, text);
    assert.deepEqual(f, checker.evaluateJSON(text), text);
  }
  assert.equal(checker.formsJSON('{"region": "150783",').errors[0].code, 'invalid_json');
  for (const v of [undefined, 1, { region: '150783' }]) {
    const f = checker.formsJSON(v);
    assert.equal(f.errors[0].code, 'invalid_input');
    assert.deepEqual(f, checker.evaluateJSON(v));
  }
});

const skip = skipOrFailInCI(existsSync(nativeCli) ? false : `${nativeCli} not found`);
test('jxjy forms prints what checker.forms returns (one C++ function)', { skip }, () => {
  for (const p of [
    zalantun([{ year: 2023, subject: 'professional', activity: 'training_class', hours: 40, filed: false }]),
    xinjiang([{ year: 2023, subject: 'professional', activity: 'conference', days: 2, level: 'national' }], { circumstances: [{ kind: 'village_first_secretary', fullYears: 1 }] }),
    xinjiang([{ year: 2023, subject: 'professional', activity: 'conference', days: 2, level: 'national' }]),
    { region: '150783', year: 2023 },
  ]) {
    const r = spawnSync(nativeCli, ['forms', '-'], { cwd: root, input: JSON.stringify(p), encoding: 'utf8' });
    assert.equal(r.status, p.level ? 0 : 2);
    assert.deepEqual(JSON.parse(r.stdout), checker.forms(p));
  }
});
