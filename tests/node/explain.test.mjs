// The proofreading view (`jxjy explain`, checker.explain): for every shipped rule file, in both
// languages, every clause the file cites appears with its document, every interpretation is there in
// words, and no format id or JSON key shows through. The CLI prints the very text the JS module
// returns (one function in core).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { moduleUrl, nativeCli, root, shippedRuleSets } from './corpus.mjs';

const shipped = shippedRuleSets();
const fixturePath = join(root, 'tests', 'fixtures', 'based-on', '150783-2024.json');
let checker;
before(async () => {
  const { createChecker } = await import(moduleUrl);
  checker = await createChecker();
});

// Every {doc, clause} the file cites, wherever it sits.
function citations(node, out = []) {
  if (Array.isArray(node)) node.forEach((x) => citations(x, out));
  else if (node && typeof node === 'object') {
    if (typeof node.doc === 'string' && typeof node.clause === 'string') out.push(node);
    Object.values(node).forEach((x) => citations(x, out));
  }
  return out;
}
// Every interpretation text (inline or shared) in the given language.
function interpretations(rs, locale, out = new Set()) {
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.interpretation && typeof node.interpretation === 'object') out.add(node.interpretation[locale]);
    Object.values(node).forEach(walk);
  };
  walk(rs);
  for (const t of Object.values(rs.interpretations ?? {})) out.add(t[locale]);
  return out;
}

// Ids of the format that must never reach a reader: snake_case vocabulary and camelCase keys.
const FORMAT_WORDS = /\b(?:[a-z]+_[a-z_]+|sinceTitle|ifUnknown|notBefore|capAnnualMultiple|rateByLevel|annualRequirement|professionalShare|deemYears|minFullYears|ageAtLeast|applicationYears|validFrom|noticeYear|annualNotice)\b/;

for (const rs of shipped) {
  for (const locale of ['zh', 'en']) {
    test(`explain ${rs.id} (${locale}) covers every cited clause and interpretation, in words`, () => {
      const text = checker.explain(rs.id, locale);
      assert.equal(typeof text, 'string');
      const lines = text.split('\n');
      assert.match(lines[0], /^# /);
      assert.ok(text.includes(rs.regionName[locale]), 'the region is named');
      const cited = citations(rs);
      assert.ok(cited.length > 0);
      for (const { doc, clause } of cited) {
        const d = rs.sources[doc];
        const name = d.number ?? d.title;
        // The document and the clause on one line, the clause right after the document.
        assert.ok(lines.some((l) => new RegExp(`${escape(name)}[》”]? ${escape(clause)}(?:$|[）)])`).test(l)),
          `${rs.id}: no line cites ${name} ${clause}`);
      }
      for (const d of Object.values(rs.sources)) assert.ok(text.includes(d.title), `document ${d.title} is listed`);
      for (const i of interpretations(rs, locale)) assert.ok(text.includes(i), `interpretation missing: ${i}`);
      // Texts of the file appear as written (an English one may start with a capital).
      const written = (x) => text.includes(x) || text.includes(x[0].toUpperCase() + x.slice(1));
      for (const a of rs.adjustments) assert.ok(written(a.text[locale]), `adjustment ${a.id} is not in words`);
      if (rs.filing) assert.ok(written(rs.filing.text[locale]), 'the filing rule is not in words');
      if (rs.ownDepartment) assert.ok(written(rs.ownDepartment.text[locale]), 'ownDepartment is not in words');
      for (const n of rs.deadlines?.notes ?? []) assert.ok(written(n.text[locale]), `deadline note ${n.date} is missing`);
      const leak = lines.find((l) => FORMAT_WORDS.test(l.replace(rs.id, '')));
      assert.equal(leak, undefined, `a format id shows through: ${leak}`);
      if (locale === 'en') assert.doesNotMatch(text.replace(/[“《][^”》]*[”》]|\S*[\u3400-\u9fff]\S*/g, ''), /[\u3400-\u9fff]/);
    });
  }
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('explain: unknown ids give null, other locales are refused', () => {
  assert.equal(checker.explain('999999-2023'), null);
  assert.equal(checker.explain(''), null);
  assert.throws(() => checker.explain(shipped[0].id, 'fr'), RangeError);
  assert.throws(() => checker.explain(42), TypeError);
  assert.equal(checker.explain(shipped[0].id), checker.explain(shipped[0].id, 'zh'));
});

const cliSkip = existsSync(nativeCli) ? false : `${nativeCli} not found (scripts/build.sh builds it)`;
const cli = (...args) => spawnSync(nativeCli, args, { cwd: root, encoding: 'utf8' });

test('jxjy explain prints the same text as checker.explain, by id and by file', { skip: cliSkip }, () => {
  for (const rs of shipped)
    for (const locale of ['zh', 'en']) {
      const byId = cli('explain', rs.id, '--locale', locale);
      assert.equal(byId.status, 0, byId.stderr);
      assert.equal(byId.stdout, checker.explain(rs.id, locale));
    }
  const file = cli('explain', join(root, 'rules', `${shipped[0].id}.json`));
  assert.equal(file.status, 0, file.stderr);
  assert.equal(file.stdout, checker.explain(shipped[0].id));
});

test('jxjy explain FILE of a basedOn patch shows the merged rule set with both documents', { skip: cliSkip }, () => {
  const patch = JSON.parse(readFileSync(fixturePath, 'utf8'));
  const out = cli('explain', fixturePath, '--locale', 'en');
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, new RegExp(`rule set ${patch.basedOn} with only its changes`));
  assert.match(out.stdout, /Public subjects: at least 40 hours a year\.\n  - Source: 扎人社发〔2024〕示例号 一（一）/);
  assert.match(out.stdout, /Professional subjects: at least 60 hours a year\.\n  - Source: 扎人社发〔2023〕45号 一（二）/);
  assert.match(out.stdout, /## Filing\n\nThis rule set has no filing rule/);
  const zh = cli('explain', fixturePath);
  assert.match(zh.stdout, /公需科目：每年不少于 40 学时。/);
});

test('jxjy explain: unknown id and invalid file are exit 2 with a message', { skip: cliSkip }, () => {
  const none = cli('explain', 'nowhere-2023');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no rule file or rule-set id 'nowhere-2023'/);
  const badLocale = cli('explain', shipped[0].id, '--locale', 'fr');
  assert.equal(badLocale.status, 2);
  assert.match(badLocale.stderr, /--locale needs zh or en/);
});
