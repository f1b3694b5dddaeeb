// The npm package's own README (issue 27 item 5): pkg/ (scripts/build-dist.mjs) ships README.md — how a
// page imports the module (a relative path, an import map), createChecker / evaluate / forms, the
// <jxjy-checker> element, where the wasm is served — and the project's LICENSE; and what the README says
// works: its relative path and its import map, taken from the README's own text, resolve to the module in
// a project laid out as after `npm install`, which then computes (in Node, the wasm bytes passed in), and
// its Node example's bare `import ... from 'jxjy'` resolves through the package's exports.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = path.join(root, 'pkg');
const source = path.join(root, 'docs', 'package-README.md');
const readme = () => fs.readFileSync(path.join(pkg, 'README.md'), 'utf8');
/** The code blocks of the README in one language (```html, ```js). */
const blocks = (lang) => [...readme().matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

let project; // a portal's project after `npm install jxjy`: its page at the root, the package in node_modules/jxjy
before(() => {
  assert.ok(fs.existsSync(path.join(pkg, 'jxjy.wasm')), 'pkg/ is built (scripts/build.sh)');
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-readme-'));
  const installed = path.join(project, 'node_modules', 'jxjy');
  fs.mkdirSync(installed, { recursive: true });
  fs.cpSync(pkg, path.join(installed, 'pkg'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(installed, 'package.json'));
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
});
after(() => project && fs.rmSync(project, { recursive: true, force: true }));

test('pkg/ ships the package README (docs/package-README.md), and it says how a page imports the package', () => {
  assert.equal(readme(), fs.readFileSync(source, 'utf8'), 'pkg/README.md is docs/package-README.md as built');
  const text = readme();
  for (const word of ['createChecker', 'evaluate(', 'forms(', '<jxjy-checker', 'jxjy.wasm', 'application/wasm', 'importmap', "'wasm-unsafe-eval'"]) {
    assert.ok(text.includes(word), `the README names ${word}`);
  }
  // every file it names is in the package
  for (const [, f] of text.matchAll(/`pkg\/([\w.-]+)`/g)) assert.ok(fs.existsSync(path.join(pkg, f)), `pkg/${f} named by the README exists`);
  // and npm packs it (package.json "files": pkg/)
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' }))[0].files.map((f) => f.path);
  assert.ok(packed.includes('pkg/README.md'), `npm pack ships pkg/README.md: ${packed.join(' ')}`);
});

const license = path.join(root, 'LICENSE');
test('pkg/ ships the project\'s LICENSE', () => {
  assert.equal(fs.readFileSync(path.join(pkg, 'LICENSE'), 'utf8'), fs.readFileSync(license, 'utf8'));
});

/** Imports `specifier` as a module of the portal's page at the project root and computes one profile with it. */
function run(importLine, profileText) {
  const script = `${importLine}
import { readFileSync } from 'node:fs';
const wasm = readFileSync(new URL('./node_modules/jxjy/pkg/jxjy.wasm', import.meta.url));
const checker = await createChecker({ wasm });
const profile = ${profileText};
const r = checker.evaluate(profile);
const f = checker.forms(profile);
console.log(JSON.stringify({ ok: r.ok, status: r.status, shortfall: (r.shortfall || []).length, forms: f.ok, errors: r.errors }));`;
  const file = path.join(project, `use-${Math.random().toString(36).slice(2)}.mjs`);
  fs.writeFileSync(file, script);
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' }));
}

test('the README\'s relative path and its import map, as written, load the module; its example profile computes', () => {
  const [page] = blocks('html');
  assert.ok(page, 'an html example');
  const rel = /import \{ createChecker \} from '(\.\/[^']+)';/.exec(page);
  assert.ok(rel, `the first page example imports by a relative path: ${page}`);
  assert.equal(rel[1], './node_modules/jxjy/pkg/jxjy.js');
  const profile = /const profile = (\{[\s\S]*?\n {2}\});/.exec(page);
  assert.ok(profile, 'the example has its profile');
  const out = run(rel[0], profile[1]);
  assert.notEqual(out.ok, false, JSON.stringify(out.errors));
  assert.deepEqual({ status: out.status, forms: out.forms }, { status: 'short', forms: true }, JSON.stringify(out));
  assert.ok(out.shortfall > 0);

  // the import map: its "jxjy" entry, relative to the page, is the module
  const mapBlock = blocks('html').find((b) => b.includes('type="importmap"'));
  assert.ok(mapBlock, 'an import map example');
  const map = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(mapBlock)[1]);
  assert.ok(/import \{ createChecker \} from 'jxjy';/.test(mapBlock), 'the page imports the mapped name');
  const target = map.imports.jxjy;
  assert.ok(fs.existsSync(path.join(project, target)), `the import map names a file of the installed package: ${target}`);
  const mapped = run(`import { createChecker } from '${target}';`, profile[1]);
  assert.equal(mapped.status, 'short');

  // the <jxjy-checker> example's script is the package's element
  const element = blocks('html').find((b) => b.includes('<jxjy-checker'));
  const src = /<script type="module" src="([^"]+)"><\/script>/.exec(element)[1];
  assert.ok(fs.existsSync(path.join(project, src)), `the element's script is in the package: ${src}`);
});

test('the README\'s Node example: import from \'jxjy\' resolves through the package\'s exports', () => {
  const [node] = blocks('js');
  const line = /import \{ createChecker \} from 'jxjy';/.exec(node);
  assert.ok(line, node);
  const out = run(line[0], "{ region: '410100', year: 2023, route: 'review', level: 'intermediate', currentTitleSince: 2020, training: [] }");
  assert.equal(out.status, 'short');
});
