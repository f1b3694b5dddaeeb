// Which notice applies to the draft: the covered region at or above its code (county -> city ->
// province) and, among that region's rule sets, the checker's own choice (checker.ruleSetFor: validFrom
// against the application date), asked once per region and date and kept. A region with one rule set has
// nothing to choose. Nothing here repeats the core's criterion.
import { halfWidth, parseInteger } from './draft.js';

/**
 * draft(), checker() and covered() (the checker's regions on screen) are the calculator's;
 * onChosen() is called when an answer arrives (the picker and the circumstances show it).
 */
export function createRuleSetChoice({ draft, checker, covered, onChosen }) {
  const chosen = new Map(); // `${region}|${date}` -> rule-set id (null: none); undefined while asked

  // null while the answer is awaited, and without an application year or date
  function ruleSetOf(entry) {
    const sets = entry.ruleSets || [];
    if (sets.length <= 1) return sets[0] || null;
    const typed = halfWidth(draft().applicationDate || '').trim();
    const date = /^\d{4}-\d{2}-\d{2}$/.test(typed) ? typed : parseInteger(draft().year);
    if (date === null) return null;
    const key = `${entry.region}|${date}`;
    const c = checker();
    if (!chosen.has(key) && c && c.ruleSetFor) {
      chosen.set(key, undefined);
      Promise.resolve().then(() => c.ruleSetFor(entry.region, date)).then(
        (id) => { chosen.set(key, id); onChosen(); },
        () => chosen.set(key, null));
    }
    return sets.find((s) => s.id === chosen.get(key)) || null;
  }

  // (list: the checker's regions, those on screen unless told; the first early question reads the
  // checker's own before the screen has them)
  /** {region, ruleSet} of the nearest covered region at or above code, or null. */
  function coverage(code, list = covered()) {
    if (!/^\d{6}$/.test(code)) return null;
    for (const c of [code, code.slice(0, 4) + '00', code.slice(0, 2) + '0000']) {
      const hit = list.find((r) => r.region === c);
      if (hit) return { region: hit, ruleSet: ruleSetOf(hit) };
    }
    return null;
  }
  const ruleSet = (list = covered()) => { const c = coverage(draft().region.trim(), list); return c ? c.ruleSet : null; };
  const circumstances = (list = covered()) => { const rs = ruleSet(list); return rs ? rs.circumstances || [] : []; };
  return { coverage, ruleSet, circumstances };
}
