// web/calculator/result/ics.js (CONTRACT §5.3, "加入日历"): the .ics of a shortfall item parses with ical.js (an independent
// RFC 5545 parser, a pinned devDependency) and holds the deadline as an all-day date, the year, subject and
// hours in its summary, the clause in its description, and a display alarm 7 days before.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import ICAL from 'ical.js';

import { moduleUrl } from './corpus.mjs';
import { escapeText, fold, hasCalendarDeadline, icsFileName, shortfallICS } from '../../web/calculator/result/ics.js';

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

// 扎兰屯 2023, checked in June: the year's hours can be earned until 12-31 (一（三））.
const profile = {
  region: '150783', year: 2023, level: 'junior', gender: 'female', age: 30, checkDate: '2023-06-01',
  training: [{ year: 2023, subject: 'public', activity: 'course', hours: 30 }, { year: 2023, subject: 'professional', activity: 'course', hours: 47.5 }],
};

function parse(text) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const event = comp.getFirstSubcomponent('vevent');
  return { comp, event, alarm: event.getFirstSubcomponent('valarm') };
}

test('a real shortfall item: all-day on the deadline, summary, clause, alarm 7 days before', () => {
  const result = checker.evaluate(profile);
  assert.equal(result.status, 'short');
  const item = result.shortfall[0];
  assert.equal(item.deadline, '2023-12-31');
  assert.ok(hasCalendarDeadline(item));
  const now = new Date(Date.UTC(2023, 5, 1, 8, 30, 0));
  const text = shortfallICS(item, { lang: 'zh', now, ruleSet: result.ruleSet });
  const { comp, event, alarm } = parse(text);
  assert.equal(comp.getFirstPropertyValue('version'), '2.0');
  const start = event.getFirstPropertyValue('dtstart');
  assert.equal(start.isDate, true);
  assert.equal(start.toString(), '2023-12-31');
  assert.equal(event.getFirstPropertyValue('dtend').toString(), '2024-01-01');
  assert.match(text, /\r\nDTSTART;VALUE=DATE:20231231\r\n/);
  const summary = event.getFirstPropertyValue('summary');
  assert.equal(summary, '继续教育：2023年还差专业科目12.5学时');
  const description = event.getFirstPropertyValue('description');
  assert.match(description, /截止2023-12-31/);
  assert.match(description, new RegExp(`依据：扎人社发〔2023〕45号 ${item.source.clause}`));
  assert.equal(event.getFirstPropertyValue('uid'), 'jxjy-150783-2023-2023-professional-20231231@jxjy.invalid');
  assert.equal(event.getFirstPropertyValue('dtstamp').toString(), '2023-06-01T08:30:00Z');
  assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
  const trigger = alarm.getFirstPropertyValue('trigger');
  assert.equal(trigger.toSeconds(), -7 * 24 * 3600);
  assert.equal(icsFileName(item), 'jxjy-2023-professional-20231231.ics');
});

test('English; CRLF lines of at most 75 octets; one VEVENT', () => {
  const result = checker.evaluate({ ...profile, locale: 'en' });
  const text = shortfallICS(result.shortfall[0], { lang: 'en', ruleSet: result.ruleSet });
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
  assert.equal((text.match(/BEGIN:VEVENT/g) || []).length, 1);
  const { event } = parse(text);
  assert.equal(event.getFirstPropertyValue('summary'), 'Continuing education: 2023: 12.5 professional hours missing');
});

test('text escapes and folding keep the words whole', () => {
  assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
  const long = `DESCRIPTION:${'继续教育学时'.repeat(30)}`;
  const folded = fold(long);
  for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75);
  assert.equal(folded.replace(/\r\n /g, ''), long);
  const item = { year: 2022, subject: 'total', hours: 30, canComplete: true, deadline: '2022-11-30',
    source: { number: '豫人社, 〔2023〕; 1号', clause: '三（一）' } };
  const { event } = parse(shortfallICS(item, { lang: 'zh' }));
  assert.match(event.getFirstPropertyValue('description'), /依据：豫人社, 〔2023〕; 1号 三（一）/);
  assert.match(event.getFirstPropertyValue('summary'), /2022年还差30学时/);
});

test('no calendar entry without a deadline that can still be met', () => {
  assert.equal(hasCalendarDeadline({ year: 2022, subject: 'public', hours: 3, canComplete: false, deadline: '2022-12-31' }), false);
  assert.equal(hasCalendarDeadline({ year: 2022, subject: 'public', hours: 3, canComplete: true, deadline: null }), false);
  assert.throws(() => shortfallICS({ year: 2022, subject: 'public', hours: 3, canComplete: true, deadline: null }), RangeError);
});
