// Property tests over the JS module (web/jxjy.js: the same C++ core as the CLI), with fast-check.
// Each property is what the notices demand of any profile, checked on generated profiles of all the
// shipped rule sets (tests/node/arbitraries.mjs aims at the corners: threshold ages, two reductions at
// once, hours at and just under a requirement, minutes around multiples of 45, records dated at period
// edges, filed true/false/null, every route and level, check dates around deadlines).
//
// Environment: PROP_SEED (default 20261206; printed) fixes the generated profiles, PROP_RUNS (default
// 4000) is the number of runs of each property. A failure prints fast-check's shrunk counterexample,
// its seed and path: `PROP_SEED=… node --test tests/node/properties.test.mjs` replays it.
// Longer campaigns: `scripts/fuzz.sh properties SECONDS [RUNS]`.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';

import { moduleUrl } from './corpus.mjs';
import { WHOLE_NOTICE_WARNINGS } from '../../web/roll/roll.js';
import {
  applyReduction, checkDates, profileArb, profileFor, recordArb, reductionArb, RULE_SETS, ruleSetById,
} from './arbitraries.mjs';

export const SEED = Number(process.env.PROP_SEED ?? 20261206) | 0;
export const RUNS = Math.max(1, Number(process.env.PROP_RUNS ?? 4000) | 0);
// PROP_TIME (seconds, optional): stop each property after that long (used by scripts/fuzz.sh properties).
const TIME = Number(process.env.PROP_TIME ?? 0) * 1000;
console.log(`# properties: PROP_SEED=${SEED} PROP_RUNS=${RUNS}${TIME ? ` PROP_TIME=${TIME / 1000}` : ''}`);

let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

const params = (salt) => ({ seed: (SEED + salt) | 0, numRuns: RUNS, ...(TIME ? { interruptAfterTimeLimit: TIME, markInterruptAsFailure: false } : {}) });

// Runs a property; on failure, fast-check's shrunk counterexample is made smaller still by a greedy
// pass over the profile (each optional field, circumstance, record and record field dropped while the
// property still fails with an assertion), and both are printed with the seed and path to replay.
function check(arb, body, salt) {
  const run = (args) => {
    try {
      const r = body(args);
      return r === false ? new assert.AssertionError({ message: 'property returned false' }) : null;
    } catch (e) {
      return e;
    }
  };
  const details = fc.check(fc.property(arb, (args) => {
    const e = run(args);
    if (e) throw e;
  }), params(salt));
  if (!details.failed) return;
  const shrunk = details.counterexample?.[0];
  if (!shrunk) throw new Error(`property failed (seed ${details.seed}, path ${details.counterexamplePath}): ${details.errorInstance ?? details.error}`);
  const fails = (args) => run(args) instanceof assert.AssertionError;
  const min = minimize(shrunk, fails);
  const err = run(min);
  throw new assert.AssertionError({
    message: `property failed (PROP_SEED=${SEED}: fast-check seed ${details.seed}, path "${details.counterexamplePath}", ${details.numRuns} runs)\n`
      + `  fast-check's shrunk counterexample: ${JSON.stringify(shrunk)}\n`
      + `  minimal counterexample: ${JSON.stringify(min)}\n  ${err?.message ?? ''}`,
  });
}

// Greedy minimisation of [profile, ...rest] (the rest kept; an index past the end is not an assertion).
function minimize(args, fails) {
  let cur = structuredClone(args);
  const p0 = Array.isArray(cur) ? 0 : null;
  const get = (a) => (p0 === null ? a : a[p0]);
  const put = (a, p) => (p0 === null ? p : Object.assign([...a], { [p0]: p }));
  for (let changed = true; changed;) {
    changed = false;
    const p = get(cur);
    const tries = [];
    for (const k of Object.keys(p)) if (!['region', 'year', 'training'].includes(k)) tries.push(() => { const q = structuredClone(p); delete q[k]; return q; });
    (p.circumstances ?? []).forEach((_, i) => tries.push(() => { const q = structuredClone(p); q.circumstances.splice(i, 1); if (!q.circumstances.length) delete q.circumstances; return q; }));
    (p.training ?? []).forEach((rec, i) => {
      tries.push(() => { const q = structuredClone(p); q.training.splice(i, 1); return q; });
      for (const k of ['filed', 'level', 'start', 'end', 'note']) if (k in rec) tries.push(() => { const q = structuredClone(p); delete q.training[i][k]; return q; });
    });
    for (const t of tries) {
      const next = put(cur, t());
      if (fails(next)) {
        cur = next;
        changed = true;
        break;
      }
    }
  }
  return cur;
}
const evaluate = (p) => checker.evaluate(p);
const ok = (r) => r && r.ok === true;
const lenient = (status) => status === 'met' || status === 'exempt' || status === 'advisory';
const missing = (r) => (r.shortfall ?? []).reduce((sum, s) => sum + s.hours, 0);
const verdict = (r) => ({ status: r.status, requiredYears: r.requiredYears, shortfall: r.shortfall });
const EPS = 1e-9;

// --- 1 --------------------------------------------------------------------------------------------
test('a repeated circumstance decides as once', () => {
  const arb = profileArb.filter((p) => p.circumstances?.length > 0).chain((p) =>
    fc.tuple(fc.constant(p), fc.nat(p.circumstances.length - 1), fc.nat(p.circumstances.length)));
  check(arb, ([p, i, at]) => {
    if (!(i < (p.circumstances?.length ?? 0))) return true; // (minimisation removed it)
    const once = evaluate(p);
    if (!ok(once)) return true;
    const twice = structuredClone(p);
    twice.circumstances.splice(at, 0, structuredClone(p.circumstances[i]));
    const r = evaluate(twice);
    assert.ok(ok(r), 'the same entry listed twice must still be valid');
    assert.deepEqual(verdict(r), verdict(once), `circumstance ${JSON.stringify(p.circumstances[i])} listed twice`);
  }, 1);
});

// --- 2 --------------------------------------------------------------------------------------------
// A provision read from one value of its entry: 转任 (the transfer year) and 破格 (the years in post).
const ONE_VALUE = { transferred_from_government: 'year', exceptional: 'yearsInPost' };
// An entry of such a circumstance that is already given with another value is no reduction added but a
// second, differing statement: property 2b.
const differs = (p, c) => c.kind in ONE_VALUE
  && (p.circumstances ?? []).some((e) => e.kind === c.kind && e[ONE_VALUE[c.kind]] !== c[ONE_VALUE[c.kind]]);

test('adding a reduction never makes a verdict stricter', () => {
  const arb = profileArb.chain((p) => fc.tuple(fc.constant(p), reductionArb(p.year)));
  check(arb, ([p, red]) => {
    if (red.what === 'circumstance' && differs(p, red.c)) return true;
    const q = applyReduction(p, red);
    if (!q) return true;
    const before = evaluate(p), after = evaluate(q);
    if (!ok(before) || !ok(after)) return true;
    if (lenient(before.status))
      assert.notEqual(after.status, 'short', `${JSON.stringify(red)} turned ${before.status} into short`);
    assert.ok(missing(after) <= missing(before) + EPS,
      `${JSON.stringify(red)}: missing hours grew from ${missing(before)} to ${missing(after)}`);
  }, 2);
});

// --- 2b -------------------------------------------------------------------------------------------
// 扎兰屯 三（三）7 and 9 (and 松山区's like provisions): entries that differ decide as the one entry that asks
// most hours (the earliest transfer, the most years in post), never more leniently, and the result says so.
test('differing entries of a transfer or 破格 decide as the one that asks most, and are said', () => {
  const arb = profileArb.chain((p) => fc.tuple(fc.constant(p), fc.constantFrom(...Object.keys(ONE_VALUE)),
    fc.integer({ min: p.year - 6, max: p.year }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.boolean()));
  check(arb, ([p, kind, year, a, b, strictFirst]) => {
    const key = ONE_VALUE[kind];
    const value = (i) => (key === 'year' ? year - (i - 1) : i); // (a transfer: a years back from `year`)
    const asks = (v) => (key === 'year' ? -v : v); // more asked: an earlier transfer, more years in post
    const [va, vb] = [value(a), value(b)];
    const strict = asks(va) >= asks(vb) ? va : vb;
    // (the profile's other one-value circumstance kept to its first entry: a warning then speaks of `kind`)
    const others = (p.circumstances ?? []).filter((e, i, all) => e.kind !== kind
      && !(e.kind in ONE_VALUE && all.findIndex((x) => x.kind === e.kind) !== i));
    const entry = (v) => ({ kind, [key]: v });
    const both = { ...p, circumstances: [...others, ...(strictFirst ? [entry(va), entry(vb)] : [entry(vb), entry(va)])] };
    const one = { ...p, circumstances: [...others, entry(strict)] };
    const r = evaluate(both), r1 = evaluate(one);
    if (!ok(r1)) return true;
    assert.ok(ok(r), `entries ${va} and ${vb}: the profile must still be valid`);
    assert.deepEqual(verdict(r), verdict(r1), `${kind} ${va} and ${vb}: decided otherwise than ${strict} alone`);
    const said = r.warnings.some((w) => w.code === 'circumstance_entries_differ');
    const applied = r.reasons.some((x) => x.code === (key === 'year' ? 'years_since_circumstance' : 'years_in_post'));
    if (va === vb) assert.ok(!said, `${kind} ${va} twice: nothing differs, nothing to say`);
    else if (applied) assert.ok(said, `${kind} ${va} and ${vb} decided the years: the differing entries must be said`);
  }, 11);
});

// --- 3 --------------------------------------------------------------------------------------------
const yearHours = (r) => new Map((r.years ?? []).map((y) => [y.year, y]));

test('adding a filed record never turns met into short nor lowers a year\'s credited hours', () => {
  const arb = fc.constantFrom(...RULE_SETS).chain((s) => profileFor(s).chain((p) =>
    fc.tuple(fc.constant(p), recordArb(s, p.year), fc.boolean(), fc.nat(p.training.length))));
  check(arb, ([p, rec, absent, at]) => {
    const added = { ...rec };
    if (absent) delete added.filed;
    else added.filed = true;
    const q = structuredClone(p);
    q.training.splice(at, 0, added);
    const before = evaluate(p), after = evaluate(q);
    if (!ok(before) || !ok(after)) return true;
    if (before.status === 'met') assert.notEqual(after.status, 'short', 'a filed record turned met into short');
    const a = yearHours(after);
    for (const y of before.years ?? []) {
      const z = a.get(y.year);
      if (!z) continue;
      for (const k of ['public', 'professional', 'total'])
        if (y[k] && z[k]) assert.ok(z[k].credited + EPS >= y[k].credited, `${y.year} ${k}: ${y[k].credited} -> ${z[k].credited}`);
    }
    assert.ok(missing(after) <= missing(before) + EPS, `missing hours grew from ${missing(before)} to ${missing(after)}`);
  }, 3);
});

test('removing a record never turns short into met', () => {
  const arb = profileArb.filter((p) => p.training.length > 0).chain((p) => fc.tuple(fc.constant(p), fc.nat(p.training.length - 1)));
  check(arb, ([p, i]) => {
    if (!(i < p.training.length)) return true; // (minimisation removed it)
    const q = structuredClone(p);
    q.training.splice(i, 1);
    const full = evaluate(p), fewer = evaluate(q);
    if (!ok(full) || !ok(fewer)) return true;
    if (full.status === 'short') assert.notEqual(fewer.status, 'met', `removing record ${i} turned short into met`);
  }, 4);
});

// --- 4 --------------------------------------------------------------------------------------------
const recordCredit = (rec) => ({ credited: rec.credited, counted: rec.counted, years: rec.years });

test('record order changes nothing', () => {
  const arb = profileArb.filter((p) => p.training.length > 1).chain((p) =>
    fc.tuple(fc.constant(p), fc.shuffledSubarray([...p.training.keys()], { minLength: p.training.length, maxLength: p.training.length })));
  check(arb, ([p, order]) => {
    if (order.length !== p.training.length || order.some((i) => i >= p.training.length)) return true; // (minimisation)
    const q = structuredClone(p);
    q.training = order.map((i) => p.training[i]);
    const a = evaluate(p), b = evaluate(q);
    if (!ok(a)) return true;
    assert.ok(ok(b));
    assert.deepEqual({ ...verdict(b), years: b.years }, { ...verdict(a), years: a.years });
    // per-record credit, mapped back to the original index
    order.forEach((orig, k) => {
      assert.deepEqual(recordCredit(b.records[k]), recordCredit(a.records[orig]), `record ${orig} (now ${k})`);
    });
  }, 5);
});

// --- 5 --------------------------------------------------------------------------------------------
test('an unfiled or unknown-filing record never credits more than the same record filed', () => {
  const arb = profileArb.filter((p) => p.training.length > 0).chain((p) => fc.tuple(fc.constant(p), fc.nat(p.training.length - 1)));
  check(arb, ([p, i]) => {
    if (!(i < p.training.length)) return true; // (minimisation removed it)
    const as = (filed) => {
      const q = structuredClone(p);
      q.training[i].filed = filed;
      return evaluate(q);
    };
    const filed = as(true), unfiled = as(false), unknown = as(null);
    if (!ok(filed) || !ok(unfiled)) return true;
    for (const [name, r] of [['filed:false', unfiled], ['filed:null', unknown]]) {
      if (name === 'filed:null') assert.ok(ok(unknown), `filed:null (CONTRACT v3 §5.1) refused: ${JSON.stringify(unknown.errors)}`);
      assert.ok(r.records[i].credited <= filed.records[i].credited + EPS,
        `${name}: record ${i} credits ${r.records[i].credited}, filed ${filed.records[i].credited}`);
      const f = yearHours(filed);
      for (const y of r.years ?? []) {
        const z = f.get(y.year);
        for (const k of ['public', 'professional', 'total'])
          if (z?.[k] && y[k]) assert.ok(y[k].credited <= z[k].credited + EPS, `${name}: ${y.year} ${k} ${y[k].credited} > filed ${z[k].credited}`);
      }
      if (filed.status === 'short') assert.equal(r.status, 'short', `${name}: short when filed, ${r.status} otherwise`);
    }
    // CONTRACT §5.1: unknown filing is never shown as a bare verdict the unfiled record would not give.
    if (unknown.status !== unfiled.status) {
      const w = (unknown.warnings ?? []).find((x) => x.code === 'filing_unknown');
      assert.ok(w, `filed:null gives ${unknown.status}, filed:false ${unfiled.status}, and no filing_unknown warning`);
      assert.equal(w.statusIfUnfiled, unfiled.status, 'filing_unknown.statusIfUnfiled');
      assert.ok(Array.isArray(w.records) && w.records.includes(i), 'filing_unknown.records names the record');
      assert.equal(unknown.conditional, true, 'a status that unfiled records would change is conditional');
    }
    // conditional is the core's one decision: exactly when a filing_unknown warning names another status
    for (const r of [filed, unfiled, unknown]) {
      const w = (r.warnings ?? []).find((x) => x.code === 'filing_unknown');
      assert.equal(r.conditional === true, Boolean(w && w.statusIfUnfiled !== r.status), `conditional ${r.conditional}, warning ${JSON.stringify(w)}`);
      if (!p.training.some((t, k) => (k === i ? r === unknown : t.filed === null))) assert.equal(r.conditional, undefined, 'conditional without unknown filing');
    }
  }, 6);
});

// --- 6 --------------------------------------------------------------------------------------------
test('the shortfall agrees with the status and the years', () => {
  check(profileArb, (p) => {
    const r = evaluate(p);
    if (!ok(r)) return true;
    if (lenient(r.status)) assert.deepEqual(r.shortfall, [], `${r.status} with a shortfall`);
    else {
      assert.equal(r.status, 'short');
      assert.ok(r.shortfall.length > 0, 'short with an empty shortfall');
    }
    for (const s of r.shortfall) assert.ok(s.hours > 0, `shortfall item of ${s.hours} hours`);
    if (r.status === 'met')
      for (const y of r.years) if (y.required !== false) assert.ok(y.met || y.waived, `met, but required year ${y.year} is neither met nor waived`);
  }, 7);
});

// --- 7 --------------------------------------------------------------------------------------------
test('a later checkDate never revives a lost item', () => {
  const arb = fc.constantFrom(...RULE_SETS).chain((s) => profileFor(s).chain((p) => {
    const ds = checkDates(s, p.year);
    return fc.tuple(fc.constant(p), fc.nat(ds.length - 1), fc.nat(ds.length - 1)).map(([p, i, j]) => [p, ds[Math.min(i, j)], ds[Math.max(i, j)]]);
  }));
  check(arb, ([p, d1, d2]) => {
    const a = evaluate({ ...p, checkDate: d1 }), b = evaluate({ ...p, checkDate: d2 });
    if (!ok(a) || !ok(b)) return true;
    for (const s of a.shortfall.filter((x) => x.canComplete === false)) {
      const t = b.shortfall.find((x) => x.year === s.year && x.subject === s.subject);
      assert.ok(!t || t.canComplete === false, `${s.year} ${s.subject}: lost on ${d1}, can complete on ${d2}`);
    }
  }, 8);
});

// --- citations ---------------------------------------------------------------------------------------
// The documents of a rule set, by the number (or title) results cite them with.
function docOf(rs, cited) {
  for (const [key, d] of Object.entries(rs.sources)) if ((d.number ?? d.title) === cited.number || d.title === cited.number || (cited.title && d.title === cited.title)) return key;
  return null;
}
// Every clause a rule file cites, per document: each `source` anywhere in it.
export function citedClauses(rs) {
  const out = new Map();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.source?.doc === 'string' && typeof v.source.clause === 'string') {
        if (!out.has(v.source.doc)) out.set(v.source.doc, new Set());
        out.get(v.source.doc).add(v.source.clause);
      }
      Object.values(v).forEach(walk);
    }
  };
  walk(rs);
  return out;
}
// A cited clause exists in the file when it is a clause the file cites, or each of its parts (split at
// 、) is a part of one, or a section containing one (二（五） contains 二（五）1).
function clauseExists(rs, doc, clause) {
  const all = citedClauses(rs).get(doc);
  if (!all) return false;
  if (all.has(clause)) return true;
  const parts = [...all].flatMap((c) => c.split('、'));
  return clause.split('、').every((c) => parts.some((x) => x === c || x.startsWith(c)));
}
// Warnings about the notice as a whole (which rule set applies), not about a rule in it: the only ones
// that may cite 全文 (the whole notice). The list is the roll's (web/roll/roll.js), which says each of them
// once above its table: a new warning citing the whole notice fails here until it is in that list.
export const WHOLE_NOTICE = new Set(WHOLE_NOTICE_WARNINGS);

test('every shortfall deadline is a date the rule file writes, with its clause', () => {
  check(profileArb, (p) => {
    const r = evaluate(p);
    if (!ok(r)) return true;
    const rs = ruleSetById.get(r.ruleSet.id);
    const d = rs.deadlines ?? {};
    for (const s of r.shortfall) {
      if (s.deadline == null) continue;
      const clause = s.source?.clause;
      const doc = s.source && docOf(rs, s.source);
      const written = [];
      if (s.year === r.ruleSet.year || s.year === p.year) {
        if (d.sameYear?.until) written.push([`${s.year}-${d.sameYear.until}`, d.sameYear.source]);
      } else if (d.pastYears?.until) written.push([d.pastYears.until, d.pastYears.source]);
      for (const n of d.notes ?? []) written.push([n.date, n.source]);
      // The item cites the clause that writes its date, or (CONTRACT §4.2: "the clause that decides
      // either") the clause that decides it can no longer be completed (pastYears: no make-up).
      const decides = s.canComplete === false && d.pastYears?.source ? [d.pastYears.source] : [];
      assert.ok(written.some(([date, src]) => date === s.deadline && [src, ...decides].some((x) => x.doc === doc && x.clause === clause)),
        `shortfall ${s.year} ${s.subject}: deadline ${s.deadline} (${clause}) is not a date of ${rs.id} with that clause; written: ${JSON.stringify(written.map(([a, b]) => `${a} ${b.clause}`))}`);
    }
  }, 9);
});

test('every reason and warning cites a clause of the rule file, 全文 only for whole-notice facts', () => {
  check(profileArb, (p) => {
    const r = evaluate(p);
    if (!ok(r)) return true;
    const rs = ruleSetById.get(r.ruleSet.id);
    for (const [kind, list] of [['reason', r.reasons], ['warning', r.warnings]])
      for (const f of list ?? []) {
        if (!f.source) {
          assert.ok(kind === 'warning', `reason ${f.code} without a source`);
          continue;
        }
        const doc = docOf(rs, f.source);
        assert.ok(doc, `${kind} ${f.code} cites ${JSON.stringify(f.source)}, not a document of ${rs.id}`);
        if (f.source.clause === '全文') {
          // "the notice has no provision on X" is a fact of the whole notice: only for a kind no adjustment names
          const named = new Set((rs.adjustments ?? []).map((x) => x.when?.circumstance).filter(Boolean));
          const unnamed = (p.circumstances ?? []).some((c) => !named.has(c.kind));
          assert.ok(WHOLE_NOTICE.has(f.code) || (f.code === 'circumstance_not_applicable' && unnamed),
            `${kind} ${f.code} cites 全文 (the whole notice) for a rule of one clause`);
          continue;
        }
        assert.ok(clauseExists(rs, doc, f.source.clause), `${kind} ${f.code} cites ${f.source.clause}, which ${rs.id} does not cite`);
      }
  }, 10);
});
