// Differential check: thousands of seeded random profiles through the native CLI (`jxjy batch`, one
// spawn, JSON Lines) and the JS module (web/jxjy.js): both are shells over one core, so every result
// must be identical (deepStrictEqual on the parsed JSON; no difference is allowed).
//
// Profiles cover every rule set of rules/ (its region, child codes, and the years around its notice), every route/level/education/sector, every
// circumstance kind, training records of every activity and unit (dated, over New Year, sharing an
// occasion), checkDate and series, and some invalid values. A second
// set feeds the same malformed texts (truncated profiles) to `batch` and to evaluateJSON.
//
// Environment: JXJY_DIFF_SEED (default 20240601), JXJY_DIFF_COUNT (default 3000),
// JXJY_NATIVE_CLI (default build/native/jxjy). A failure names the seed and index and prints the
// profile, so `JXJY_DIFF_SEED=… node --test tests/diff/` reproduces it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const nativeCli = process.env.JXJY_NATIVE_CLI || join(root, 'build', 'native', 'jxjy');
const SEED = Number(process.env.JXJY_DIFF_SEED || 20240601) >>> 0;
const COUNT = Number(process.env.JXJY_DIFF_COUNT || 3000);
const CHUNK = 500;

// mulberry32: small, seeded, the same on every machine.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  // Invalid values only in "hostile" profiles (a share of them), so most profiles stay valid.
  const state = { hostile: false };
  const bad = (p) => state.hostile && next() < p * 3;
  return { next, int, pick, chance, bad, state };
}

// The rule sets are read from rules/, so a new notice is in the check without a change here.
const RULE_SETS = readdirSync(join(root, 'rules'))
  .filter((n) => n.endsWith('.json') && !n.includes('.schema.'))
  .sort()
  .map((n) => JSON.parse(readFileSync(join(root, 'rules', n), 'utf8')));
const REGIONS = [...new Set(RULE_SETS.map((s) => s.region))];
const NOTICE_YEARS = RULE_SETS.map((s) => s.noticeYear);
const FIRST_YEAR = Math.min(...NOTICE_YEARS) - 3, LAST_YEAR = Math.max(...NOTICE_YEARS) + 2;
// Codes without their own rule set: falling back to a city or province, or (150400, 150784) to nothing;
// and for each region with rules, a code below it.
const below = (code) => (code.endsWith('0000') ? code.slice(0, 2) + '0102' : code.endsWith('00') ? code.slice(0, 4) + '02' : null);
const CHILD_REGIONS = [...new Set(['650102', '650104', '650200', '654002', '630102', '632100', '410102', '410181', '410122',
  '150400', '150784', ...REGIONS.map(below).filter((c) => c && !REGIONS.includes(c))])];
const BAD_REGIONS = ['999999', '110000', '15078', '1507830', 'abcdef', 150783, '', null];
const ROUTES = ['review', 'recognition', 'appointment'];
const LEVELS = ['junior', 'intermediate', 'senior'];
const EDUCATIONS = ['associate', 'bachelor', 'master', 'doctorate'];
const ACTIVITIES = ['course', 'training_class', 'advanced_seminar', 'conference', 'degree_study', 'study_visit',
  'teaching', 'qualification_exam', 'skill_training', 'exam_prep', 'new_hire_training', 'fa_xuan_online', 'other'];
const CONF_LEVELS = ['international', 'national', 'provincial', 'prefecture'];
const KINDS = ['epidemic_frontline', 'postdoc', 'transferred_from_government', 'exceptional', 'high_skill_leader',
  'village_first_secretary', 'fanghuiju'];
const pad = (n) => String(n).padStart(2, '0');

function amount(r, activity) {
  // Mostly the unit that fits the activity, sometimes any unit, sometimes a bad or extra amount.
  const fits = {
    course: 'hours', fa_xuan_online: r.pick(['hours', 'minutes']), training_class: 'days', advanced_seminar: 'days',
    conference: 'days', degree_study: r.pick(['months', 'hours']), study_visit: r.pick(['months', 'days']),
    teaching: 'hours', qualification_exam: 'subjects', skill_training: r.pick(['days', 'hours']), exam_prep: 'hours',
    new_hire_training: r.pick(['days', 'hours']), other: 'hours',
  };
  const unit = r.chance(0.85) && fits[activity] ? fits[activity] : r.pick(['hours', 'minutes', 'days', 'months', 'subjects']);
  const value = {
    hours: () => r.pick([r.int(1, 90), r.int(1, 200) / 2, 0, r.int(100, 400)]),
    minutes: () => r.pick([r.int(30, 3000), r.int(1, 600) * 10]),
    days: () => r.pick([r.int(1, 15), r.int(1, 20) / 2]),
    months: () => r.pick([r.int(1, 12), 0.5, 3]),
    subjects: () => r.int(1, 4),
  }[unit]();
  const out = { [unit]: value };
  if (r.bad(0.02)) out[unit] = r.pick([-1, 1e308, 9000, '30', null, true, 2.5]);
  if (r.bad(0.02)) out[r.pick(['hours', 'days'])] = 3; // maybe conflicting_amounts
  if (r.bad(0.01)) delete out[unit]; // missing_amount
  return out;
}

function record(r, year) {
  const activity = !r.bad(0.02) ? r.pick(ACTIVITIES) : r.pick(['webinar', '', 7]);
  const rec = {
    year: !r.bad(0.03) ? year - r.int(0, 6) + (r.bad(0.05) ? 1 : 0) : r.pick([1980, 2200, '2023', 2022.5]),
    subject: !r.bad(0.02) ? r.pick(['public', 'professional']) : r.pick(['general', null]),
    activity,
    ...amount(r, activity),
  };
  if (activity === 'conference' || r.chance(0.05)) rec.level = !r.bad(0.03) ? r.pick(CONF_LEVELS) : 'galactic';
  if (r.chance(0.2)) rec.filed = !r.bad(0.05) ? r.chance(0.6) : 'yes';
  if (r.chance(0.1)) rec.note = r.pick(['线上', '单位组织', 'note with "quotes" and \\ slash', '']);
  if (r.chance(0.02)) rec.extra = 1; // unknown_field warning
  if (r.chance(0.12)) {
    // a dated record (CONTRACT §4.1): sometimes over New Year, sometimes without a year, sometimes reversed
    const y = typeof rec.year === 'number' ? Math.trunc(rec.year) : year;
    const m = r.int(1, 12);
    rec.start = `${y}-${pad(m)}-${pad(r.int(1, 28))}`;
    const span = r.pick([0, 5, 20, 40, 200, 900]);
    const end = new Date(Date.UTC(y, m - 1, 1) + span * 86400000);
    rec.end = !r.bad(0.05) ? end.toISOString().slice(0, 10) : r.pick([`${y - 1}-01-01`, `${y}-02-30`, 20230101]);
    if (r.chance(0.4)) delete rec.year;
  }
  if (r.chance(0.1)) rec.occasion = !r.bad(0.03) ? r.pick(['进修班A', 'visit-1', 'x']) : r.pick([5, '']);
  return rec;
}

function circumstance(r, year) {
  const kind = !r.bad(0.03) ? r.pick(KINDS) : r.pick(['alien', 3]);
  const c = { kind };
  switch (kind) {
    case 'epidemic_frontline':
      c.years = !r.bad(0.1) ? [...new Set(Array.from({ length: r.int(1, 3) }, () => r.int(2020, 2022)))]
        : r.pick([[], 2021, [2021, 'x'], [year + 1]]);
      break;
    case 'transferred_from_government':
      c.year = !r.bad(0.05) ? year - r.int(0, 6) : r.pick([year + 2, '2021', null]);
      break;
    case 'exceptional':
      c.yearsInPost = !r.bad(0.05) ? r.int(1, 10) : r.pick([0, 61, 2.5]);
      break;
    case 'village_first_secretary':
      c.fullYears = !r.bad(0.05) ? r.int(0, 5) : r.pick([-1, 'two']);
      if (r.chance(0.3)) c.years = [...new Set(Array.from({ length: r.int(1, 3) }, () => year - r.int(0, 6)))];
      break;
    default:
      if (r.chance(0.05)) c.years = [2021]; // a field the kind does not use
  }
  if (r.bad(0.05)) delete c[r.pick(['years', 'year', 'yearsInPost', 'fullYears'])];
  return c;
}

function profile(r) {
  r.state.hostile = r.chance(0.3);
  const p = {};
  p.region = r.chance(0.75) ? r.pick(REGIONS) : !r.bad(0.1) ? r.pick(CHILD_REGIONS) : r.pick(BAD_REGIONS);
  const year = r.int(FIRST_YEAR, LAST_YEAR);
  p.year = !r.bad(0.03) ? year : r.pick(['2023', 1989, 2101, 2023.5, null]);
  if (r.chance(0.15)) {
    const m = r.int(1, 12);
    p.applicationDate = !r.bad(0.1) ? `${year}-${pad(m)}-${pad(r.int(1, 28))}` : r.pick([`${year}-02-30`, `${year + 1}-01-01`, '2023/01/01', 20230101]);
  }
  if (r.chance(0.9)) p.route = !r.bad(0.02) ? r.pick(ROUTES) : 'promotion';
  if (!r.bad(0.03)) p.level = !r.bad(0.02) ? r.pick(LEVELS) : r.pick(['expert', 1]);
  if (r.chance(0.8)) p.gender = !r.bad(0.02) ? r.pick(['male', 'female']) : 'other';
  const ageMode = r.int(0, 9);
  if (ageMode <= 5) p.age = !r.bad(0.03) ? r.int(22, 64) : r.pick([15, 101, '40', 40.5]);
  if (ageMode >= 5 && ageMode <= 7) {
    const by = year - r.int(22, 62);
    p.birthDate = !r.bad(0.05) ? `${by}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}` : r.pick(['1970-13-01', `${year + 1}-01-01`]);
  }
  if (r.chance(p.route === 'recognition' ? 0.9 : 0.5)) p.education = !r.bad(0.03) ? r.pick(EDUCATIONS) : 'phd';
  if (r.chance(0.3)) p.sector = !r.bad(0.03) ? r.pick(['public', 'non_public']) : 'private';
  if (r.chance(0.3)) p.grassroots = !r.bad(0.03) ? r.chance(0.5) : 1;
  if (r.chance(0.3)) p.currentTitleSince = !r.bad(0.05) ? year - r.int(0, 12) : r.pick([year + 1, 1949, 'x']);
  if (r.chance(0.35)) p.circumstances = Array.from({ length: r.int(1, 3) }, () => circumstance(r, year));
  if (r.bad(0.01)) p.circumstances = r.pick([{ kind: 'postdoc' }, 'postdoc']);
  const n = r.pick([0, 1, 2, 3, 4, 6, 8, 12, 20]);
  p.training = Array.from({ length: n }, () => record(r, year));
  if (r.bad(0.01)) p.training = r.pick([{}, 'none', null]);
  if (r.bad(0.01)) delete p.training;
  if (r.bad(0.01)) p.training?.push?.(r.pick([null, 5, []]));
  if (r.chance(0.2)) p.locale = !r.bad(0.05) ? r.pick(['en', 'zh']) : 'fr';
  if (r.chance(0.25)) p.checkDate = !r.bad(0.05) ? `${year + r.int(-1, 1)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}` : r.pick(['2023-13-01', 2023]);
  if (r.chance(0.25)) p.series = !r.bad(0.05) ? r.pick(['health', 'accounting', 'education', 'other']) : 'law';
  if (r.chance(0.03)) p.nickname = '张三';
  return p;
}

function nativeBatch(lines) {
  const res = spawnSync(nativeCli, ['batch'], {
    cwd: root, input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 512 << 20,
  });
  if (res.error) throw res.error;
  assert.equal(res.status, 0, `jxjy batch exited ${res.status}: ${res.stderr}`);
  const out = res.stdout.split('\n');
  assert.equal(out.pop(), '', 'batch output must end with a newline');
  assert.equal(out.length, lines.length, 'one result line per input line');
  return out.map((l, i) => {
    try {
      return JSON.parse(l);
    } catch (e) {
      throw new Error(`native result ${i} is not JSON (${e.message}): ${l.slice(0, 300)}`);
    }
  });
}

const skip = existsSync(nativeCli) ? false : `${nativeCli} not found (scripts/build.sh builds it)`;
const r = rng(SEED);
const profiles = Array.from({ length: COUNT }, () => profile(r));
const texts = profiles.map((p) => JSON.stringify(p));
// Malformed or odd texts, one line each (no CR/LF: batch splits on them; not blank: batch skips those).
const raws = texts.slice(0, 300).map((t, i) => {
  switch (i % 6) {
    case 0: return t.slice(0, r.int(1, t.length - 1)); // truncated
    case 1: return t.replace(/"year":/, '"year":"year":'); // syntax error
    case 2: return t.replace(/,"training"/, ',"training":[],"training"'); // duplicate key
    case 3: return `[${t}]`; // not an object
    case 4: return `${t} ${t}`; // trailing garbage
    default: return `  ${t}\t`; // surrounding whitespace: fine
  }
});

let checker;
let native;
let nativeRaw;
before(async () => {
  const { createChecker } = await import(new URL('../../web/jxjy.js', import.meta.url));
  checker = await createChecker();
  if (!skip) {
    native = nativeBatch(texts);
    nativeRaw = nativeBatch(raws);
  }
});

describe(`native CLI and JS module agree on ${COUNT} random profiles (seed ${SEED})`, () => {
  for (let start = 0; start < COUNT; start += CHUNK) {
    const end = Math.min(COUNT, start + CHUNK);
    test(`profiles ${start}..${end - 1}`, { skip }, () => {
      for (let i = start; i < end; ++i) {
        const js = checker.evaluate(profiles[i]);
        assert.deepStrictEqual(js, native[i], `seed ${SEED} profile #${i} differs: ${texts[i]}`);
      }
    });
  }

  test('malformed texts: batch and evaluateJSON', { skip }, () => {
    for (let i = 0; i < raws.length; ++i)
      assert.deepStrictEqual(checker.evaluateJSON(raws[i]), nativeRaw[i], `seed ${SEED} raw #${i} differs: ${raws[i]}`);
  });

  // The generator is only useful if it reaches every outcome; a change that stops it doing so fails here.
  test('the random profiles reach every status and error', { skip }, () => {
    const seen = new Set();
    for (const res of native) seen.add(res.ok ? res.status : 'error');
    for (const want of ['met', 'short', 'exempt', 'advisory', 'error'])
      assert.ok(seen.has(want), `no profile gave ${want}; seen: ${[...seen].join(', ')}`);
    const errorShare = native.filter((x) => !x.ok).length / native.length;
    const used = new Set(native.filter((x) => x.ok).map((x) => x.ruleSet.id));
    for (const s of RULE_SETS) assert.ok(used.has(s.id), `no profile was checked against rule set ${s.id}`);
    assert.ok(errorShare > 0.05 && errorShare < 0.6, `share of ok:false results is ${errorShare.toFixed(2)}`);
  });
});
