// Shared helpers of the Node runner: the repository paths and the case corpus (tests/cases/**/*.json).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const casesDir = join(root, 'tests', 'cases');
// JXJY_NATIVE_CLI overrides where the native CLI is (e.g. a sanitizer build).
export const nativeCli = process.env.JXJY_NATIVE_CLI || join(root, 'build', 'native', 'jxjy');
export const moduleUrl = new URL('../../web/jxjy.js', import.meta.url);

/** Under CI (CI set, not "0" or "false") a suite that cannot run fails instead of skipping. */
export const inCI = !['', '0', 'false'].includes(process.env.CI ?? '');
/** The reason to skip (false when there is none); under CI, throws it, so the test file fails. */
export function skipOrFailInCI(reason) {
  if (reason && inCI) throw new Error(`${reason} — CI is set, so this fails instead of skipping`);
  return reason;
}

if (!existsSync(join(root, 'web', 'lib', 'jxjy.wasm')) || !existsSync(join(root, 'web', 'lib', 'jxjy-core.mjs')))
  throw new Error('web/lib/jxjy.wasm or web/lib/jxjy-core.mjs is missing: run scripts/build-wasm.sh first');

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

// Every case as {file, id, case}, files in path order, cases in file order.
export function loadCorpus() {
  const cases = [];
  for (const file of walk(casesDir, []).sort()) {
    const rel = relative(casesDir, file).split('\\').join('/');
    const list = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(list)) throw new Error(`${rel}: a case file must hold a JSON array`);
    list.forEach((c, i) => cases.push({ file: rel, id: `${rel} :: ${c.name ?? `#${i}`}`, case: c }));
  }
  return cases;
}

// The text the engine is fed: `raw` as is, else the profile as JSON.
export const inputText = (c) => (typeof c.raw === 'string' ? c.raw : JSON.stringify(c.profile));

// The JS module's answer to a case: raw text through evaluateJSON, a profile through evaluate.
export const evaluateCase = (checker, c) =>
  typeof c.raw === 'string' ? checker.evaluateJSON(c.raw) : checker.evaluate(c.profile);

// The shipped rule files (rules/*.json without JSON Schemas), parsed, in name order.
export function shippedRuleSets() {
  const dir = join(root, 'rules');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.includes('.schema.'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')));
}
