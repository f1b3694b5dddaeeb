// "加入日历" (CONTRACT §5.3): one shortfall item with a deadline as an RFC 5545 calendar file — one all-day
// VEVENT on the deadline (DTSTART;VALUE=DATE), a summary naming the year, subject and hours still missing,
// the clause in its DESCRIPTION, a VALARM 7 days before; CRLF lines folded at 75 octets, UID, DTSTAMP.
// Written by hand (a few dozen lines) rather than with a library; tests/node/ics.test.mjs parses it with ical.js.
import { say } from '../../base/texts.js';
import { word } from '../../base/words.js';

const pad = (n, w = 2) => String(n).padStart(w, '0');

// RFC 5545 3.3.11: a TEXT value escapes backslash, semicolon, comma and newlines.
export function escapeText(s) {
  return String(s).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

// RFC 5545 3.1: lines longer than 75 octets are folded (CRLF and one space), never inside a UTF-8 character.
export function fold(line) {
  const enc = new TextEncoder();
  const out = [];
  let cur = '', size = 0, limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > limit) {
      out.push(cur);
      cur = '';
      size = 0;
      limit = 74; // a continuation line starts with the space
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const dateValue = (ymd) => ymd.replace(/-/g, '');
function nextDay(ymd) {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}
const stamp = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

// Whether the page offers "加入日历" for this item: a deadline that can still be met (CONTRACT §5.3).
export function hasCalendarDeadline(item) {
  return !!item && item.canComplete !== false && typeof item.deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(item.deadline);
}

const hoursText = (h) => String(Math.round(h * 100) / 100);

/**
 * The .ics text of one shortfall item (CONTRACT §5.3). options: lang ('zh' | 'en'), now (a Date: DTSTAMP),
 * ruleSet (the result's ruleSet, for its id and region in the UID and description).
 */
export function shortfallICS(item, { lang = 'zh', now = new Date(), ruleSet = null } = {}) {
  if (!hasCalendarDeadline(item)) throw new RangeError('jxjy: a calendar entry needs a shortfall item with a deadline that can still be met');
  const hours = hoursText(item.hours);
  const what = item.subject === 'total' ? say(lang, 'shortTotal', item.year, hours)
    : say(lang, 'shortItem', item.year, word('subject', item.subject, lang), hours);
  const summary = `${say(lang, 'icsPrefix')}${what}`;
  const source = item.source || {};
  const clause = [source.number || source.title || '', source.clause || ''].filter(Boolean).join(' ');
  const region = ruleSet && ruleSet.regionName ? ruleSet.regionName : '';
  const description = [say(lang, 'deadline', item.deadline), clause && say(lang, 'icsBasis', clause), region && say(lang, 'icsRegion', region)]
    .filter(Boolean).join(say(lang, 'sentenceSep'));
  const uid = `jxjy-${ruleSet && ruleSet.id ? ruleSet.id : 'rules'}-${item.year}-${item.subject}-${dateValue(item.deadline)}@jxjy.invalid`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//jxjy//continuing-education checker//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${dateValue(item.deadline)}`,
    `DTEND;VALUE=DATE:${nextDay(item.deadline)}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-P7D',
    `DESCRIPTION:${escapeText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** A file name for the item's .ics: jxjy-2023-professional-20231231.ics */
export function icsFileName(item) {
  return `jxjy-${item.year}-${item.subject}-${dateValue(item.deadline)}.ics`;
}
