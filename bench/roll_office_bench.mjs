// Times reading and checking an office's roll (issue 27 budget: a 200-person roster read and checked in
// ≤ 2 s) with the roll worker's own code (web/roll/roll-run.js checkRoll: the core's reader with the page's
// list of China's regions, every person evaluated, the table's lines made) in Node, on the built wasm. Not a
// test. The roll: bench/gen_roll.mjs officeRows (title line, merged names, unused columns, region names).
// Median of 7 runs after the worker's warm-up; prints one JSON object with the load average.
//   node bench/roll_office_bench.mjs [PEOPLE]
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { officeCsv, officeRows } from './gen_roll.mjs';

const people = Number(process.argv[2] || 200);
const { createChecker } = await import('../web/jxjy.js');
const run = await import('../web/roll/roll-run.js');
const checker = await createChecker();
const regions = readFileSync(new URL('../web/base/china-regions.txt', import.meta.url), 'utf8');
const text = officeCsv(officeRows(people));
run.warmUp(checker);
const times = [];
let lines = 0;
for (let k = 0; k < 7; ++k) {
  const t0 = performance.now();
  lines = 0;
  run.checkRoll(checker, { text, lang: 'zh', checkDate: '2026-01-01', regions }, (m) => { if (m.type === 'lines') lines += m.lines.length; });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ people, rows: text.split('\r\n').length - 2, lines, medianMs: Math.round(times[3]),
  minMs: Math.round(times[0]), maxMs: Math.round(times[6]), budgetMs: 2000, load: os.loadavg()[0].toFixed(1) }));
