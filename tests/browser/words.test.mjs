// The page's words without a browser: the shortfall sentence with its deadline (CONTRACT §4.2
// canComplete / deadline), amounts and years as people type them, and a stored draft's type check.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { shortfallText } from '../../web/calculator/result/result-words.js';
import { buildProfile, decodeShare, encodeShare, halfWidth, parseAmount, parseInteger, sanitizeDraft } from '../../web/calculator/draft.js';

test('a shortfall item says what, how much, by when, or that it can no longer be made up', () => {
  assert.equal(shortfallText({ year: 2025, subject: 'professional', hours: 15, canComplete: true, deadline: '2025-12-31' }),
    '2025年还差专业科目15学时，截止2025-12-31');
  assert.equal(shortfallText({ year: 2022, subject: 'public', hours: 30, canComplete: false, deadline: '2022-12-31' }),
    '2022年还差公需科目30学时，2022年的学时已无法补足');
  assert.equal(shortfallText({ year: 2023, subject: 'total', hours: 12.5 }), '2023年还差12.5学时（公需或专业科目均可）');
  assert.equal(shortfallText({ year: 2024, subject: 'public', hours: 3, canComplete: true, deadline: null }), '2024年还差公需科目3学时，通知未规定截止日期');
  assert.equal(shortfallText({ year: 2023, subject: 'total', hours: 12.5 }, 'en'), '2023: 12.5 hours missing, of either subject (public or professional)');
  assert.equal(shortfallText({ year: 2025, subject: 'professional', hours: 15, canComplete: true, deadline: '2025-12-31' }, 'en'),
    '2025: 15 professional hours missing; by 2025-12-31');
  assert.doesNotMatch(shortfallText({ year: 2022, subject: 'public', hours: 3, canComplete: false }, 'en'), /[（）\u4e00-\u9fff]/);
});

test('numbers as people type them: full-width digits, "30学时", "3天"', () => {
  assert.equal(halfWidth('２０２５'), '2025');
  assert.equal(parseInteger('２０２５'), 2025);
  assert.equal(parseInteger('2025年'), 2025);
  assert.deepEqual(parseAmount('30学时'), { value: 30, unit: 'hours' });
  assert.deepEqual(parseAmount('３ 天'), { value: 3, unit: 'days' });
  assert.deepEqual(parseAmount('1.5'), { value: 1.5, unit: null });
  assert.deepEqual(parseAmount('abc'), { value: null, unit: null });
  const { profile, leftOut } = buildProfile({ ...sanitizeDraft({ region: '650000', year: '２０２３', route: 'review', level: 'junior',
    training: [{ year: '2023', subject: 'public', activity: 'course', amount: '30学时' }, { year: '2023', subject: 'public', activity: 'course', amount: 'x' }] }).draft });
  assert.equal(profile.year, 2023);
  // the filing question not answered (不清楚) is sent as unknown (CONTRACT §5.1)
  assert.deepEqual(profile.training, [{ year: 2023, subject: 'public', activity: 'course', hours: 30, filed: null }]);
  assert.deepEqual(leftOut.map((l) => [l.row, l.problems.map((p) => p.need)]), [[1, ['bad_amount']]]);
});

test('a stored draft: each field type-checked, the valid kept, the rest named', () => {
  const { draft, dropped } = sanitizeDraft({ training: [{ note: 5 }], region: 150783, year: '2023', circ: { postdoc: { on: 'yes' } } });
  assert.deepEqual(dropped, ['region', 'circ/postdoc', 'training/0/note']);
  assert.equal(draft.year, '2023');
  assert.equal(draft.training.length, 1);
  assert.equal(draft.training[0].note, '');
  assert.deepEqual(sanitizeDraft('x').dropped, ['']);
  assert.deepEqual(sanitizeDraft(null).dropped, []);
});

test('#p= links: base64url of the UTF-8 profile JSON, without padding', () => {
  const p = { region: '650102', year: 2023, training: [{ year: 2023, subject: 'public', activity: 'course', hours: 30, note: '线上课程' }] };
  const data = encodeShare(p);
  assert.match(data, /^[A-Za-z0-9_-]+$/);
  assert.equal(data, Buffer.from(JSON.stringify(p)).toString('base64url'));
  assert.deepEqual(decodeShare(data), p);
  assert.equal(decodeShare('%%%'), null);
  assert.equal(decodeShare(Buffer.from('[1]').toString('base64url')), null);
});
