// Whether the draft can be checked yet, and if not, what to ask for next: the first thing it lacks in the
// order the page asks for it, or a year or date still being typed. Decided from the draft alone (and the
// regions the checker covers), before the checker is asked anything.
import { isDatePrefix, isYearPrefix, yearList } from './draft.js';

/**
 * The first thing the draft still lacks before it can be checked: 'region' (none), 'badCode' (not six
 * digits), 'uncovered' (no notice in jxjy for it or above it), 'year', 'route', 'level'; '' when nothing
 * is. coverage(code): the covered region at or above code, or null.
 */
export function firstMissing(draft, coverage) {
  const region = draft.region.trim();
  if (!region) return 'region';
  if (!/^\d{6}$/.test(region)) return 'badCode';
  if (!coverage(region)) return 'uncovered';
  for (const key of ['year', 'route', 'level']) if (!String(draft[key]).trim()) return key;
  if (isYearPrefix(draft.year)) return 'year'; // "202": still being typed
  return '';
}

/**
 * A field whose year or date is still being typed ("20", "2025-0"): its control's id, else null. The
 * draft is not checked until it is complete (a checker error for every keystroke of a year would say
 * "请修正输入"). circumstances: the rule set's, those the form shows.
 */
export function partialField(draft, circumstances) {
  if (isYearPrefix(draft.currentTitleSince, 1950)) return 'f-currentTitleSince';
  for (const key of ['applicationDate', 'birthDate']) if (isDatePrefix(draft[key])) return `f-${key}`;
  for (const c of circumstances) {
    const state = draft.circ[c.kind];
    if (!state || !state.on) continue;
    for (const [e, entry] of (state.entries || []).entries()) {
      for (const f of ['year', 'years']) {
        const text = String(entry[f] ?? '');
        if (text && isYearPrefix(f === 'years' ? yearList(text).pop() ?? '' : text)) return `c-${c.kind}-${e}-${f}`;
      }
    }
  }
  return null;
}
