#!/usr/bin/env node
// Writes tests/cases/CLAUSES.md, the clause map: for each rule file of rules/, every clause it cites
// (every `source` {doc, clause} in it) with the cases of tests/cases/ that exercise it, and every pair
// of its adjustments that can hold for one profile with the cases that meet both.
//
// "Exercise" is decided from results, never from names: every case's profile is evaluated through the
// JS module (web/jxjy.js), and a case exercises a clause when its result cites that document and clause
// in a reason, a warning, a record (its source or its reason's) or a shortfall item, or when the notice's forms
// for its profile (checker.forms, CONTRACT §5.2) cite it (a form's source). A case's declared
// `clause` text that names the clause (each part of it, split at 、, is a word of the text) without the result citing it is listed apart ("declared only") and
// does not count as coverage. A pair of adjustments is exercised by a case whose profile meets both
// `when` conditions (evaluated here as rules/README.md defines them) and whose result is ok and was
// decided by the rule file.
//
// usage: node scripts/gen-clause-map.mjs          (writes tests/cases/CLAUSES.md)
//        node scripts/gen-clause-map.mjs --check  (exit 1 when the file differs or something lacks a case)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const mapPath = join(root, 'tests', 'cases', 'CLAUSES.md');

function walkFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkFiles(p, out);
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

// Every source of a rule file: [{doc, clause, at: [JSON Pointers]}], in order of first appearance.
function sourcesOf(rs) {
  const found = new Map();
  const walk = (v, ptr) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${ptr}/${i}`));
    else if (v && typeof v === 'object') {
      const s = v.source;
      if (s && typeof s.doc === 'string' && typeof s.clause === 'string') {
        const key = `${s.doc}\u0000${s.clause}`;
        if (!found.has(key)) found.set(key, { doc: s.doc, clause: s.clause, at: [] });
        found.get(key).at.push(ptr || '/');
      }
      for (const [k, x] of Object.entries(v)) walk(x, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  walk(rs, '');
  return [...found.values()];
}

// Whether an adjustment's `when` holds for a profile (rules/README.md, "adjustments").
const yearsOf = (c) => (Array.isArray(c.years) ? c.years : typeof c.year === 'number' ? [c.year] : []);
export function whenHolds(when, p) {
  const route = p.route ?? 'review';
  if (when.routes && !when.routes.includes(route)) return false;
  if (when.levels && !when.levels.includes(p.level)) return false;
  if (when.applicationYears && !when.applicationYears.includes(p.year)) return false;
  if (when.sector && (p.sector ?? 'public') !== when.sector) return false;
  if (when.grassroots !== undefined && (p.grassroots ?? false) !== when.grassroots) return false;
  if (when.ageAtLeast) {
    const min = when.ageAtLeast[p.gender];
    if (min === undefined || typeof p.age !== 'number' || p.age < min) return false;
  }
  if (when.circumstance) {
    const entries = (p.circumstances ?? []).filter((c) => c && c.kind === when.circumstance);
    const fit = entries.filter((c) => {
      if (when.minFullYears !== undefined && !(c.fullYears >= when.minFullYears)) return false;
      if (when.circumstanceYears) {
        const { from, to } = when.circumstanceYears;
        return yearsOf(c).some((y) => y >= from && (to === undefined || y <= to));
      }
      return true;
    });
    if (fit.length === 0) return false;
  }
  return true;
}

// Whether two `when` conditions can hold for one profile: routes, levels and application years overlap,
// sector and grassroots do not contradict (ages, circumstances of any kinds and their years can all be
// given together).
const overlap = (a, b) => !a || !b || a.some((x) => b.includes(x));
export function canMeet(a, b) {
  return overlap(a.routes, b.routes) && overlap(a.levels, b.levels) && overlap(a.applicationYears, b.applicationYears)
    && !(a.sector && b.sector && a.sector !== b.sector)
    && !(a.grassroots !== undefined && b.grassroots !== undefined && a.grassroots !== b.grassroots);
}

// The citations of a result: [{number, clause}] from reasons, warnings, records and shortfall.
function citationsOf(r) {
  const out = [];
  const add = (s) => s && typeof s.clause === 'string' && out.push(s);
  for (const f of [...(r.reasons ?? []), ...(r.warnings ?? [])]) add(f.source);
  for (const rec of r.records ?? []) {
    add(rec.source);
    add(rec.reason?.source);
  }
  for (const s of r.shortfall ?? []) add(s.source);
  return out;
}

export async function buildMap() {
  const { createChecker } = await import(pathToFileURL(join(root, 'web', 'jxjy.js')).href);
  const checker = await createChecker();
  const ruleFiles = readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.json') && !n.includes('.schema.')).sort();
  const rules = ruleFiles.map((n) => ({ file: n, rs: JSON.parse(readFileSync(join(root, 'rules', n), 'utf8')) }));
  const byId = new Map(rules.map((x) => [x.rs.id, x]));
  const casesDir = join(root, 'tests', 'cases');
  const cases = [];
  for (const file of walkFiles(casesDir)) {
    const rel = relative(casesDir, file).split('\\').join('/');
    JSON.parse(readFileSync(file, 'utf8')).forEach((c, i) => {
      if (!c.profile) return;
      const r = checker.evaluate(c.profile);
      if (!r.ok) return;
      const forms = checker.forms(c.profile);
      cases.push({ ref: `${rel} #${i + 1}`, name: c.name ?? '', clause: c.clause ?? '', profile: c.profile, result: r,
        formSources: forms.ok ? forms.forms.map((f) => f.source) : [] });
    });
  }
  const docKey = (rs, cited) => Object.keys(rs.sources).find((k) => (rs.sources[k].number ?? rs.sources[k].title) === cited.number
    || rs.sources[k].title === cited.number || (cited.title && rs.sources[k].title === cited.title));

  const report = { files: [], uncoveredClauses: [], uncoveredPairs: [] };
  for (const { file, rs } of rules) {
    const mine = cases.filter((c) => c.result.ruleSet?.id === rs.id);
    const cited = mine.map((c) => new Set([...citationsOf(c.result), ...c.formSources].map((s) => `${docKey(rs, s)}\u0000${s.clause}`)));
    const clauses = sourcesOf(rs).map((s) => {
      const key = `${s.doc}\u0000${s.clause}`;
      const by = mine.filter((_, i) => cited[i].has(key)).map((c) => c.ref);
      // declared: every part of the clause (split at 、) is a word of the case's `clause` text
      const declared = mine.filter((c, i) => {
        const words = c.clause.split(/[\s、，,]+/);
        return !cited[i].has(key) && s.clause.split('、').every((part) => words.includes(part));
      }).map((c) => c.ref);
      // A clause cited only by deadlines.notes (dates for people, shown by explain and the page) is
      // cited by a result only when it is a shortfall's deadline: listed, never required.
      // So is formsNote: why a notice gives the person no form (松山区), shown by explain.
      const noteOnly = s.at.every((a) => a.startsWith('/deadlines/notes/') || a === '/formsNote');
      if (by.length === 0 && !noteOnly) report.uncoveredClauses.push(`${file} ${s.doc} ${s.clause} (${s.at.join(', ')})`);
      return { ...s, by, declared, noteOnly };
    });
    const adj = rs.adjustments ?? [];
    const pairs = [];
    for (let i = 0; i < adj.length; i++)
      for (let j = i + 1; j < adj.length; j++) {
        if (!canMeet(adj[i].when ?? {}, adj[j].when ?? {})) continue;
        const by = mine.filter((c) => whenHolds(adj[i].when ?? {}, c.profile) && whenHolds(adj[j].when ?? {}, c.profile)).map((c) => c.ref);
        if (by.length === 0) report.uncoveredPairs.push(`${file} ${adj[i].id} + ${adj[j].id}`);
        pairs.push({ a: adj[i], b: adj[j], by });
      }
    report.files.push({ file, rs, clauses, pairs, nCases: mine.length });
  }
  report.markdown = render(report);
  return report;
}

const cell = (xs) => (xs.length ? xs.join('<br>') : '**none**');
function render({ files, uncoveredClauses, uncoveredPairs }) {
  const out = [];
  out.push('# Clause map', '');
  out.push('Generated by `node scripts/gen-clause-map.mjs` from `rules/*.json` and `tests/cases/`; do not edit by hand',
    '(`tests/node/clause-map.test.mjs` fails when this file is stale, and names every clause and pair without a case).', '');
  out.push('A case *exercises* a clause when its result, evaluated through the JS module, cites that document and clause',
    '(in a reason, a warning, a record or a shortfall item). Cases whose declared `clause` names it although their result',
    'does not cite it are listed as "declared only" and do not count. A pair of adjustments *can meet* when their `when`',
    'conditions can hold for one profile (routes, levels and application years overlap; sector and grassroots agree);',
    'a case exercises the pair when its profile meets both conditions and its result is ok under that rule file.',
    'A clause cited only by `deadlines.notes` (dates for people, shown by `explain` and the page) is listed but not required:',
    'a result cites it only when it is a shortfall\'s deadline.', '');
  out.push(`Clauses without a case: ${uncoveredClauses.length}. Meetable pairs without a case: ${uncoveredPairs.length}.`, '');
  for (const f of files) {
    out.push(`## ${f.file} (${f.rs.id}, ${f.nCases} cases)`, '');
    out.push('| document | clause | cited at | cases citing it | declared only |', '|---|---|---|---|---|');
    for (const c of f.clauses)
      out.push(`| ${f.rs.sources[c.doc]?.number ?? c.doc} | ${c.clause} | ${c.at.map((a) => `\`${a}\``).join('<br>')} | ${c.by.length || !c.noteOnly ? cell(c.by) : '— (a note only: not required)'} | ${c.declared.join('<br>')} |`);
    out.push('');
    if (f.pairs.length) {
      out.push('| adjustments that can meet | clauses | cases meeting both |', '|---|---|---|');
      for (const p of f.pairs) out.push(`| ${p.a.id} + ${p.b.id} | ${p.a.source.clause} + ${p.b.source.clause} | ${cell(p.by)} |`);
    } else out.push('No two adjustments can meet.');
    out.push('');
  }
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await buildMap();
  if (process.argv.includes('--check')) {
    let bad = false;
    if (readFileSync(mapPath, 'utf8') !== report.markdown) {
      console.error('tests/cases/CLAUSES.md is stale: run node scripts/gen-clause-map.mjs');
      bad = true;
    }
    for (const x of report.uncoveredClauses) console.error(`no case cites ${x}`);
    for (const x of report.uncoveredPairs) console.error(`no case meets ${x}`);
    process.exit(bad || report.uncoveredClauses.length || report.uncoveredPairs.length ? 1 : 0);
  }
  writeFileSync(mapPath, report.markdown);
  console.log(`wrote ${relative(root, mapPath)}: ${report.uncoveredClauses.length} clauses and ${report.uncoveredPairs.length} pairs without a case`);
}
