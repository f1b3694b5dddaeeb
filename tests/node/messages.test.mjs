// One catalogue of messages and codes (core/data/messages.json): the code lists of tests/README.md and
// the code unions of web/lib/jxjy.d.ts say exactly its codes, every result of the corpus uses only them,
// and every message has both languages with the same placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, loadCorpus, evaluateCase, moduleUrl } from './corpus.mjs';

const catalogue = JSON.parse(readFileSync(join(root, 'core', 'data', 'messages.json'), 'utf8'));
const dts = readFileSync(join(root, 'web', 'lib', 'jxjy.d.ts'), 'utf8');
const readme = readFileSync(join(root, 'tests', 'README.md'), 'utf8');
const sorted = (a) => [...a].sort();

function union(name) {
  const m = dts.match(new RegExp(`export type ${name} =([\\s\\S]*?)\\(string & \\{\\}\\);`));
  assert.ok(m, `jxjy.d.ts declares ${name}`);
  return [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]);
}
// The backquoted codes of the paragraph of tests/README.md that starts with `label`.
function listed(label) {
  const at = readme.indexOf(label);
  assert.ok(at >= 0, `tests/README.md has "${label}"`);
  const para = readme.slice(at + label.length, readme.indexOf('\n\n', at));
  return [...para.matchAll(/`([a-z_]+)`/g)].map((x) => x[1]);
}

test('jxjy.d.ts code unions are the catalogue codes', () => {
  assert.deepEqual(sorted(union('ReasonCode')), sorted(catalogue.codes.reason));
  assert.deepEqual(sorted(union('RecordReasonCode')), sorted(catalogue.codes.recordReason));
  assert.deepEqual(sorted(union('WarningCode')), sorted(catalogue.codes.warning));
  assert.deepEqual(sorted(union('ErrorCode')), sorted(catalogue.codes.error));
});

test('tests/README.md lists the catalogue codes', () => {
  assert.deepEqual(sorted(new Set(listed('Reasons (each with `source`):'))), sorted(catalogue.codes.reason));
  assert.deepEqual(sorted(new Set(listed('Record reasons (`records[].reason.code`):'))), sorted(catalogue.codes.recordReason));
  assert.deepEqual(sorted(new Set(listed('Warnings:'))), sorted(catalogue.codes.warning));
  assert.deepEqual(sorted(new Set(listed('Errors:'))), sorted(catalogue.codes.error));
});

test('README "Roll" lists the roll reader\'s codes', () => {
  const text = readFileSync(join(root, 'README.md'), 'utf8');
  const at = text.indexOf('CSV: UTF-8 with or without BOM');
  assert.ok(at >= 0, 'README.md has the Roll paragraph');
  const para = text.slice(at, text.indexOf('\n\n', at));
  assert.deepEqual(sorted(new Set([...para.matchAll(/`([a-z0-9_]+)`/g)].map((x) => x[1]))), sorted(catalogue.codes.rollError));
});

test('every message has zh and en with the same placeholders, and no programmer id in Chinese', () => {
  for (const [key, m] of Object.entries(catalogue.messages)) {
    const holes = (s) => sorted(new Set(s.match(/\{\d\}/g) ?? []));
    assert.ok(m.zh && m.en, key);
    assert.deepEqual(holes(m.zh), holes(m.en), `${key}: placeholders`);
    // JSON's and JS's own literals may be named; rule_… messages speak to rule authors, in the format's field names.
    if (!key.startsWith('rule_'))
      assert.doesNotMatch(m.zh.replace(/\b(true|false|null|undefined|Symbol)\b/g, ''), /[a-z]{3,}/, `${key}: the Chinese text names no id`);
  }
});

test('every code in every corpus result is in the catalogue', async () => {
  const { createChecker } = await import(moduleUrl);
  const checker = await createChecker();
  const all = new Set(Object.values(catalogue.codes).flat());
  let seen = 0;
  for (const { id, case: c } of loadCorpus()) {
    const r = evaluateCase(checker, c);
    const codes = [...(r.reasons ?? []), ...(r.warnings ?? []), ...(r.errors ?? []),
      ...(r.records ?? []).map((x) => x.reason).filter(Boolean)].map((x) => x.code);
    for (const code of codes) assert.ok(all.has(code), `${id}: code ${code} is not in core/data/messages.json`);
    seen += codes.length;
  }
  assert.ok(seen > 500, `the corpus exercises codes (${seen})`);
});

test('the JS module words its own errors from the catalogue: no text of its own', () => {
  const source = readFileSync(new URL('../../web/lib/jxjy.js', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /[\u4e00-\u9fff]/, 'web/lib/jxjy.js holds Chinese text: put it in core/data/messages.json');
  for (const key of source.match(/JS_MESSAGES = \[([^\]]*)\]/)[1].match(/'[a-z_]+'/g).map((k) => k.slice(1, -1)))
    assert.ok(catalogue.messages[key], `${key} is not in core/data/messages.json`);
});
