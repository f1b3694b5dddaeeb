// Checking a roll with a checker of ./jxjy.js: the work the roll's worker does (and the page itself, where
// no worker can be had). Posts the table's lines in batches (see roll-worker.js for the messages).
import { summarise } from './roll.js';

// People per message: large enough that posting costs little, small enough for a live progress bar.
const BATCH = 100;

/** Reads and evaluates the roll in m.text; post() receives the messages of roll-worker.js. */
export function checkRoll(checker, m, post) {
  const lang = m.lang === 'en' ? 'en' : 'zh';
  const roll = checker.readRoll(m.text, { locale: lang });
  post({ type: 'read', total: roll.people.length, errors: roll.errors });
  let lines = [];
  roll.people.forEach((person, i) => {
    let result = null;
    if (person.errors.length === 0) {
      const profile = person.profile;
      // the check is made today unless the roll gives its day (as the calculator does)
      if (m.checkDate && profile.checkDate === undefined) profile.checkDate = m.checkDate;
      result = checker.evaluate(profile);
    }
    lines.push(summarise(person, result, i, lang));
    if (lines.length === BATCH) {
      post({ type: 'lines', done: i + 1, lines });
      lines = [];
    }
  });
  if (lines.length) post({ type: 'lines', done: roll.people.length, lines });
  post({ type: 'done' });
}

/** The results of the roll in m.text as CSV (the core's roll_results_csv, as `jxjy roll` writes it), with a BOM. */
export function exportRoll(checker, m) {
  return '\uFEFF' + checker.rollResultsCSV(m.text, { locale: m.lang === 'en' ? 'en' : 'zh', checkDate: m.checkDate || '' });
}
