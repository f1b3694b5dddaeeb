// A result in words: hours as the page prints them, a year's hours of a subject, a shortfall item
// ("2025年还差专业科目15学时，截止2025-12-31"), in the messages of texts.js and the vocabulary's words.
import { word } from '../../base/words.js';
import { say } from '../../base/texts.js';

export function fmt(n) {
  return typeof n === 'number' ? String(Math.round(n * 100) / 100) : '—';
}

/** A year's hours of one subject (or the total) in words: credited of required, or credited and none required. */
export function meterText(part, lang = 'zh') {
  return Number(part.required) > 0 ? say(lang, 'meterOf', fmt(part.credited), fmt(part.required)) : say(lang, 'meterNone', fmt(part.credited));
}

/**
 * One shortfall item in words: "2025年还差专业科目15学时，截止2025-12-31", or, when it can no longer be
 * earned (canComplete false, CONTRACT §4.2), "…，2022年的学时已无法补足". Its clause is cited beside it.
 */
export function shortfallText(s, lang = 'zh') {
  const hours = fmt(s.hours);
  const head = s.subject === 'total' ? say(lang, 'shortTotal', s.year, hours)
    : say(lang, 'shortItem', s.year, word('subject', s.subject, lang), hours);
  const parts = [head];
  if (s.canComplete === false) parts.push(say(lang, 'cannotComplete', s.year));
  else if (s.deadline) parts.push(say(lang, 'deadline', s.deadline));
  else if (s.deadline === null) parts.push(say(lang, 'noDeadline')); // CONTRACT §4.2: no notice gives one
  return parts.join(say(lang, 'itemPartSep'));
}
