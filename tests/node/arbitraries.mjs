// fast-check arbitraries for profiles (CONTRACT §2, §4.1, §5.1), shared by the property tests
// (tests/node/properties.test.mjs). The words come from core/data/vocabulary.json and the regions,
// years, hours and dates from the shipped rules/*.json, so a new notice or kind is generated without a
// change here. The generators aim at the corners where verdicts turn: ages at the thresholds, two
// reductions at once, hours at and just under a requirement, minutes around multiples of 45, records dated
// at the edges of a period, filed true/false/null, every route, level and education, check dates around
// the deadlines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

import { root, shippedRuleSets } from './corpus.mjs';

const vocabulary = JSON.parse(readFileSync(join(root, 'core', 'data', 'vocabulary.json'), 'utf8'));
const ids = (list) => vocabulary[list].map((e) => e.id);
export const ROUTES = ids('route');
export const LEVELS = ids('level');
export const EDUCATIONS = ids('education');
export const SERIES = ids('series');
export const ACTIVITIES = ids('activity');
export const CONF_LEVELS = ids('confLevel');
export const KINDS = ids('circumstance');
export const RULE_SETS = shippedRuleSets();
export const ruleSetById = new Map(RULE_SETS.map((s) => [s.id, s]));

const pad = (n) => String(n).padStart(2, '0');
// A code below a region with rules (a county or city that falls back to it).
const below = (code) => (code.endsWith('0000') ? code.slice(0, 2) + '0102' : code.endsWith('00') ? code.slice(0, 4) + '02' : code);

// The age thresholds of the rule sets (ageAtLeast), and the years just below them.
const THRESHOLDS = { male: new Set(), female: new Set() };
for (const s of RULE_SETS)
  for (const a of s.adjustments ?? [])
    for (const g of ['male', 'female']) if (a.when?.ageAtLeast?.[g]) THRESHOLDS[g].add(a.when.ageAtLeast[g]);
export const thresholds = (gender) => [...THRESHOLDS[gender]].sort((a, b) => a - b);
const cornerAges = (gender) => thresholds(gender).flatMap((t) => [t - 1, t]);

// Dates at the edges of a year's period: New Year, 19/20 February (扎兰屯's training opens 02-20),
// 20/21 December (the year's review closes 12-20 in 郑州 and 青海), New Year's Eve.
export const edgeDays = (y) => [`${y}-01-01`, `${y}-02-19`, `${y}-02-20`, `${y}-06-30`, `${y}-12-20`, `${y}-12-21`, `${y}-12-31`];

// Every full date a rule set writes (deadlines), for check dates around them.
function ruleDates(s, year) {
  const out = [];
  const d = s.deadlines ?? {};
  for (const k of ['sameYear', 'pastYears'])
    for (const f of ['from', 'until']) {
      const v = d[k]?.[f];
      if (typeof v === 'string') out.push(v.length === 5 ? `${year}-${v}` : v);
    }
  for (const n of d.notes ?? []) out.push(n.date);
  return out;
}
const dayBefore = (date) => new Date(Date.parse(date) - 86400000).toISOString().slice(0, 10);
const dayAfter = (date) => new Date(Date.parse(date) + 86400000).toISOString().slice(0, 10);
export const checkDates = (s, year) => {
  const base = [...ruleDates(s, year), ...edgeDays(year), `${year + 1}-01-01`, `${year + 1}-03-01`, `${year - 1}-12-31`];
  return [...new Set(base.flatMap((d) => [dayBefore(d), d, dayAfter(d)]))].sort();
};

// An amount in the unit that fits the activity, at the corners of the rule set's requirement.
function amountArb(s, activity) {
  const req = [s.annual?.public?.hours, s.annual?.professional?.hours, s.annual?.total?.hours].filter((h) => h > 0);
  const hours = fc.oneof(
    fc.constantFrom(...req),
    fc.constantFrom(...req).map((h) => h - 0.01),
    fc.constantFrom(...req).map((h) => h / 2),
    fc.integer({ min: 1, max: 100 }),
    fc.integer({ min: 1, max: 200 }).map((n) => n / 2),
  );
  const minutes = fc.tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom(-1, 0, 1)).map(([k, d]) => 45 * k + d);
  const days = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 20 }).map((n) => n / 2));
  const months = fc.integer({ min: 1, max: 12 });
  const byUnit = { hours, minutes, days, months, subjects: fc.integer({ min: 1, max: 3 }) };
  const fits = {
    course: ['hours'], fa_xuan_online: ['hours', 'minutes'], training_class: ['days', 'hours'],
    advanced_seminar: ['days', 'hours'], conference: ['days', 'hours'], degree_study: ['months', 'hours'],
    study_visit: ['months', 'days', 'hours'], teaching: ['hours'], qualification_exam: ['subjects'],
    skill_training: ['days', 'hours'], exam_prep: ['hours'], new_hire_training: ['days', 'hours'], other: ['hours', 'minutes'],
  }[activity] ?? ['hours'];
  return fc.constantFrom(...fits).chain((unit) => byUnit[unit].map((v) => ({ [unit]: v })));
}

// One training record of year y (an application year Y): mostly plain, sometimes dated at a period's edge.
// filed: absent (= true), true, false, or (with unknown, CONTRACT v3 §5.1) null.
export function recordArb(s, Y, unknown = false) {
  return fc
    .record({
      year: fc.integer({ min: Y - 6, max: Y }),
      subject: fc.constantFrom('public', 'professional'),
      activity: fc.oneof({ weight: 3, arbitrary: fc.constant('course') }, { weight: 4, arbitrary: fc.constantFrom(...ACTIVITIES) }),
      filed: fc.constantFrom(undefined, undefined, undefined, true, false, ...(unknown ? [null] : [])),
      dated: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat(6), fc.nat(6), fc.nat(2), fc.boolean()) }),
      level: fc.constantFrom(...CONF_LEVELS),
    })
    .chain((r) => amountArb(s, r.activity).map((amount) => {
      const rec = { year: r.year, subject: r.subject, activity: r.activity, ...amount };
      if (r.activity === 'conference') rec.level = r.level;
      if (r.filed !== undefined) rec.filed = r.filed;
      if (r.dated) {
        // start at an edge of the record's year; end at an edge of the same year or one of the next two (over one or two New Years: a record over three calendar years)
        const [i, j, next, keepYear] = r.dated;
        const start = edgeDays(r.year)[i];
        let end = edgeDays(r.year + next)[j];
        if (end < start) end = start;
        rec.start = start;
        rec.end = end;
        if (!keepYear) delete rec.year;
      }
      return rec;
    }));
}

export function circumstanceArb(Y) {
  return fc.constantFrom(...KINDS).chain((kind) => {
    switch (kind) {
      case 'epidemic_frontline':
        return fc.uniqueArray(fc.integer({ min: 2019, max: Y }), { minLength: 1, maxLength: 3 })
          .map((years) => ({ kind, years: years.sort() }));
      case 'transferred_from_government':
        return fc.integer({ min: Y - 6, max: Y }).map((year) => ({ kind, year }));
      case 'exceptional':
        return fc.integer({ min: 1, max: 6 }).map((yearsInPost) => ({ kind, yearsInPost }));
      case 'village_first_secretary':
        return fc.record({ fullYears: fc.integer({ min: 0, max: 3 }), years: fc.option(fc.uniqueArray(fc.integer({ min: Y - 5, max: Y }), { minLength: 1, maxLength: 2 }), { nil: undefined }) })
          .map(({ fullYears, years }) => (years ? { kind, fullYears, years: years.sort() } : { kind, fullYears }));
      default:
        return fc.constant({ kind });
    }
  });
}

// A whole profile for one shipped rule set (chosen among all of them).
export const profileArb = fc.constantFrom(...RULE_SETS).chain((s) => profileFor(s));

export function profileFor(s) {
  const Y0 = s.noticeYear;
  return fc
    .record({
      child: fc.boolean(),
      year: fc.constantFrom(Y0, Y0, Y0, Y0 + 1),
      route: fc.constantFrom(...ROUTES),
      level: fc.constantFrom(...LEVELS),
      gender: fc.constantFrom('male', 'female'),
      ageMode: fc.nat(3),
      ageAny: fc.integer({ min: 23, max: 62 }),
      ageIdx: fc.nat(20),
      education: fc.option(fc.constantFrom(...EDUCATIONS), { nil: undefined }),
      sector: fc.constantFrom(undefined, undefined, 'public', 'non_public'),
      grassroots: fc.constantFrom(undefined, undefined, false, true),
      titleBack: fc.option(fc.integer({ min: 0, max: 8 }), { freq: 5, nil: undefined }),
      series: fc.constantFrom(undefined, undefined, undefined, ...SERIES),
      checkIdx: fc.option(fc.nat(60), { freq: 2, nil: undefined }),
      nCirc: fc.constantFrom(0, 0, 0, 1, 1, 2),
      // a share of profiles has records of unknown filing (null), which a core before CONTRACT v3
      // refuses as a whole: kept apart so that they do not make most profiles invalid there
      unknown: fc.nat(4).map((n) => n === 0),
      seed: fc.nat(),
    })
    .chain((b) => {
      const Y = b.year;
      return fc
        .record({
          circumstances: fc.array(circumstanceArb(Y), { minLength: b.nCirc, maxLength: b.nCirc }),
          training: fc.array(recordArb(s, Y, b.unknown), { maxLength: 12 }),
          full: fc.array(fc.tuple(fc.constantFrom('public', 'professional', 'both', 'both'), fc.integer({ min: Y - 5, max: Y })), { maxLength: 6 }),
        })
        .map(({ circumstances, training, full }) => {
          const p = { region: b.child ? below(s.region) : s.region, year: Y, route: b.route, level: b.level, gender: b.gender };
          const corners = cornerAges(b.gender);
          if (b.ageMode === 3 && corners.length) {
            // a birth date that reaches a threshold age on the last day of the year (or the first):
            // the application date (given or the default YEAR-12-31) decides the age
            const t = corners[b.ageIdx % corners.length];
            p.birthDate = b.ageIdx % 2 ? `${Y - t}-12-31` : `${Y - t}-01-01`;
            if (b.ageIdx % 3 === 0) p.applicationDate = `${Y}-12-30`;
          } else if (b.ageMode !== 0) p.age = b.ageMode === 1 || corners.length === 0 ? b.ageAny : corners[b.ageIdx % corners.length];
          else p.age = b.ageAny;
          if (b.education) p.education = b.education;
          else if (b.route === 'recognition') p.education = 'bachelor';
          if (b.sector) p.sector = b.sector;
          if (b.grassroots !== undefined) p.grassroots = b.grassroots;
          if (b.titleBack !== undefined) p.currentTitleSince = Y - b.titleBack;
          if (b.series) p.series = b.series;
          if (b.checkIdx !== undefined) {
            const ds = checkDates(s, Y);
            p.checkDate = ds[b.checkIdx % ds.length];
          }
          if (circumstances.length) p.circumstances = circumstances;
          // Besides the random records, some years filled exactly to the requirement (so that met
          // verdicts are common enough to test the properties that start from one).
          const filler = full.flatMap(([which, year]) => (which === 'both' ? ['public', 'professional'] : [which])
            .map((subject) => ({ year, subject, activity: 'course', hours: s.annual?.[subject]?.hours || 30 })));
          p.training = [...training, ...filler];
          return p;
        });
    });
}

// The reductions a profile can be given (for the monotonicity property): a circumstance, non_public,
// grassroots, or an age raised to a threshold it was below.
export function reductionArb(Y) {
  return fc.oneof(
    circumstanceArb(Y).map((c) => ({ what: 'circumstance', c })),
    fc.constant({ what: 'non_public' }),
    fc.constant({ what: 'grassroots' }),
    fc.nat(10).map((i) => ({ what: 'age', i })),
  );
}

export function applyReduction(p, red) {
  const q = structuredClone(p);
  switch (red.what) {
    case 'circumstance':
      q.circumstances = [...(q.circumstances ?? []), red.c];
      break;
    case 'non_public':
      q.sector = 'non_public';
      break;
    case 'grassroots':
      q.grassroots = true;
      break;
    case 'age': {
      if (typeof q.age !== 'number') return null;
      const above = thresholds(q.gender).filter((t) => t > (q.age ?? 0));
      if (above.length === 0) return null;
      q.age = above[red.i % above.length];
      break;
    }
  }
  return q;
}
