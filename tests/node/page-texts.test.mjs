// One source of the page's words (issue 28 item 1): core/data/page-texts.json holds every text the page
// shows, zh and en side by side; web/base/texts.js is generated from it (scripts/gen-page-texts.mjs). Here:
// the generated module is current, the two languages of a text take the same arguments, every text is used,
// no web module writes a text of its own inline, and the site shell (index.html, the manifest) says the
// catalogue's words.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { LANGS, pageTextsModule, placeholders } from '../../scripts/gen-page-texts.mjs';
import { TEXT, say } from '../../web/base/texts.js';

const root = new URL('../../', import.meta.url).pathname;
const catalogue = JSON.parse(readFileSync(join(root, 'core/data/page-texts.json'), 'utf8'));
const texts = Object.entries(catalogue.texts);

// The JS modules of web/, as paths relative to the root; the generated ones, the vendored code, the
// examples and China's region list (data) are not the page's own code.
const NOT_OURS = /^web\/(vendor|examples)\/|^web\/base\/(texts|vocabulary|china-regions)\.js$/;
function* modules(dir = 'web') {
  for (const name of readdirSync(join(root, dir))) {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) yield* modules(path);
    else if (name.endsWith('.js') && !NOT_OURS.test(path)) yield path;
  }
}

/**
 * The string pieces of JS source: quoted strings and the text parts of template literals (what lies
 * between `${…}`), each with its line. Comments and regular-expression literals are skipped (a `/`
 * after a value is a division; after an operator, a bracket or a keyword it opens a regex).
 */
export function jsStrings(src) {
  const out = [];
  let i = 0;
  let line = 1;
  let prev = ''; // the last character of code read, to tell a regex from a division
  let depth = 0; // braces open
  const templates = []; // the brace depth at which each `${` we are inside of closes
  const lines = (from, to) => { for (let k = from; k < to; k++) if (src[k] === '\n') line++; };
  const templateText = () => { // from i, inside a template literal: up to its end or the next ${
    const start = line;
    let j = i;
    while (j < src.length && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) j += src[j] === '\\' ? 2 : 1;
    out.push({ line: start, text: src.slice(i, j) });
    lines(i, j);
    if (src[j] === '`') { i = j + 1; prev = '`'; } else { templates.push(depth); depth++; i = j + 2; prev = '{'; }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; } else if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      lines(i, end);
      i = end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out.push({ line, text: src.slice(i + 1, j) });
      i = j + 1;
      prev = c;
    } else if (c === '`') {
      i++;
      templateText();
    } else if (c === '}' && templates.length && templates[templates.length - 1] === depth - 1) {
      templates.pop();
      depth--;
      i++;
      templateText();
    } else if (c === '/' && (prev === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(prev) ||
      /(^|[^\w$])(return|typeof|case|in|of)$/.test(src.slice(Math.max(0, i - 8), i).trimEnd()))) {
      let j = i + 1;
      let inClass = false;
      while (j < src.length && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      i = j + 1;
      while (/[a-z]/.test(src[i] ?? '')) i++;
      prev = ')';
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      prev = c;
      i++;
    }
  }
  return out;
}

test('the scanner finds strings and template text, skipping comments and regular expressions', () => {
  const src = [
    "// '注释' and `tpl`", "const a = '甲', b = \"乙\";", "/* '丙' */ const r = /[年岁'\"]$/g, d = 4 / 2;",
    'const t = `前${a ? `内${b}` : "丁"}后`;', "if (x) return /'/.test(y) ? 'ok' : '';",
  ].join('\n');
  assert.deepEqual(jsStrings(src).map((s) => [s.line, s.text]),
    [[2, '甲'], [2, '乙'], [4, '前'], [4, '内'], [4, ''], [4, '丁'], [4, '后'], [5, 'ok'], [5, '']]);
});

test('web/base/texts.js is core/data/page-texts.json (rebuild with scripts/build.sh)', () => {
  assert.equal(readFileSync(join(root, 'web/base/texts.js'), 'utf8'), pageTextsModule(catalogue));
  assert.deepEqual(Object.keys(TEXT.zh), texts.map(([key]) => key));
  assert.deepEqual(Object.keys(TEXT.en), texts.map(([key]) => key));
});

test('every text has zh and en, and both take the same arguments', () => {
  assert.ok(texts.length > 300, `${texts.length} texts`);
  for (const [key, e] of texts) {
    assert.match(key, /^[A-Za-z][A-Za-z0-9_]*$/, `${key}: a key is a JS name`);
    assert.deepEqual(Object.keys(e).filter((k) => !['args', 'omit', ...LANGS].includes(k)), [], `${key}: only args, omit, zh, en`);
    for (const lang of LANGS) assert.ok(typeof e[lang] === 'string' && e[lang] !== '', `${key} has ${lang}`);
    const args = e.args ?? [];
    assert.ok(!e.args || (args.length && args.every((a) => /^[a-z][A-Za-z0-9]*$/.test(a))), `${key}: args are JS names`);
    assert.equal(new Set(args).size, args.length, `${key}: an argument named twice`);
    for (const [lang, names] of Object.entries(e.omit ?? {})) {
      assert.ok(LANGS.includes(lang) && names.every((n) => args.includes(n)), `${key}: omit names a language and its arguments`);
    }
    for (const lang of LANGS) {
      const used = [...new Set(placeholders(e[lang]))].sort();
      const expected = args.filter((a) => !(e.omit?.[lang] ?? []).includes(a)).sort();
      assert.deepEqual(used, expected, `${key}.${lang}: its {placeholders} are the arguments ${args.join(', ') || '(none)'}`);
    }
  }
  // a function text fills each placeholder by name, whatever order the language says them in
  assert.equal(say('zh', 'coveredAncestor', '乌鲁木齐市', '新人社发〔2023〕1号'), '本地区没有单独的文件，适用上级「乌鲁木齐市」的文件：新人社发〔2023〕1号');
  assert.equal(say('en', 'roll_page', 1, 50, 120), 'People 1–50 of 120');
  assert.equal(say('en', 'noticeTitle', 2024, 'X'), 'the 2024 notice X');
  assert.equal(say('zh', 'noticeTitle', 2024, 'X'), 'X');
  assert.equal(say('en', 'no_such_key'), 'no_such_key');
});

test('English texts hold no Chinese and Chinese texts no English sentence', () => {
  // the language switch names the other language in its own words; a file name keeps the project's name
  const BOTH = new Set(['langToggle']);
  for (const [key, e] of texts) {
    if (BOTH.has(key)) continue;
    assert.doesNotMatch(e.en, /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/, `${key}.en`);
    assert.doesNotMatch(e.zh, /[a-z]{3,} [a-z]{3,} [a-z]{3,}/i, `${key}.zh`);
  }
});

// The keys the web modules name: as a string ('key', data-t="key"), or as a prefix they complete
// (`next_${what}`, 'statusDetail_' + status); a kind's own wording is `${key}_${kind}` (circumstance-fields.js).
function namedKeys() {
  const sources = [...modules()].map((f) => readFileSync(join(root, f), 'utf8'));
  const words = new Set(sources.flatMap((s) => jsStrings(s).flatMap(({ text }) =>
    [text, ...[...text.matchAll(/data-(?:roll-)?t="(\w+)"/g)].map((m) => m[1])])));
  const prefixes = sources.flatMap((s) => [...s.matchAll(/[`'"](\w+_)(?:\$\{|['"]\s*\+)/g)].map((m) => m[1]));
  const kinds = JSON.parse(readFileSync(join(root, 'core/data/vocabulary.json'), 'utf8')).circumstance.map((c) => c.id);
  const ownWording = sources.some((s) => s.includes('`${key}_${kind}`'));
  return (key) => words.has(key) || prefixes.some((p) => key.startsWith(p)) ||
    (ownWording && kinds.some((k) => key.endsWith(`_${k}`) && words.has(key.slice(0, -k.length - 1))));
}

// the site shell's words: index.html and the manifest are not modules, so this test holds them
const SHELL = ['pageDescription', 'noScript', 'appShortName', 'appDescription'];

test('every text is used by a web module (a text nothing shows is dropped)', () => {
  const named = namedKeys();
  assert.deepEqual(texts.map(([key]) => key).filter((key) => !SHELL.includes(key) && !named(key)), []);
  assert.equal(named('roll_sort_deadline'), true, 'a key completed from a prefix');
  assert.equal(named('circAdd_village_first_secretary'), true, 'a kind\'s own wording');
  assert.equal(named('circAdd_no_such_kind'), false);
  assert.equal(named('rollTotally_unused'), false);
});

test('the site shell (index.html, manifest.webmanifest) says the catalogue\'s words', () => {
  const html = readFileSync(join(root, 'web/index.html'), 'utf8');
  const zh = (key) => catalogue.texts[key].zh;
  assert.equal(html.match(/<title>([^<]*)<\/title>/)[1], zh('title'));
  assert.equal(html.match(/<meta name="description" content="([^"]*)">/)[1], zh('pageDescription'));
  assert.equal(html.match(/<p class="boot">([^<]*)<\/p>/)[1], zh('loading'));
  assert.equal(html.match(/<noscript><p class="boot">([^<]*)<\/p><\/noscript>/)[1], zh('noScript') + catalogue.texts.noScript.en);
  const manifest = JSON.parse(readFileSync(join(root, 'web/manifest.webmanifest'), 'utf8'));
  assert.deepEqual([manifest.name, manifest.short_name, manifest.description], [zh('title'), zh('appShortName'), zh('appDescription')]);
});

// Strings of web modules that are not texts of the page, each with its reason.
const NOT_TEXTS = {
  // CSS class names
  'web/calculator/form/record-card.js': ['field wide filed'],
  // the production build's error when markup.js and the first screen part ways (for a developer)
  'web/calculator/first-screen.js': [' is not in markup.js any more'],
  // the label of a notice's form field that the page fills with the person's name (rule data, matched)
  'web/calculator/result/form-print.js': ['姓名'],
  // errors for a developer, never shown (the page shows roll_encoding, peopleSaveFailed)
  'web/roll/roll-run.js': ['neither UTF-8 nor GB 18030'],
  'web/calculator/people/people-db.js': ['IndexedDB is not available'],
};

test('no web module writes a text of its own: the page\'s words are in core/data', () => {
  const found = [];
  for (const file of modules()) {
    for (const { line, text } of jsStrings(readFileSync(join(root, file), 'utf8'))) {
      if ((NOT_TEXTS[file] ?? []).includes(text)) continue;
      const words = text.replace(/<[^>]*>?/g, ' ');
      const chinese = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/.test(words);
      // an English sentence: three words in a row; the library's (web/lib/) and the page's errors and
      // warnings for a developer ("jxjy: …") are English only
      const english = /\b[A-Za-z]{2,}[ ,;:]+[a-z]{2,}[ ,;:]+[a-z]{2,}\b/.test(words) &&
        !file.startsWith('web/lib/') && !text.startsWith('jxjy: ');
      if (chinese || english) found.push(`${file}:${line}: ${text.slice(0, 60)}`);
    }
  }
  assert.deepEqual(found, [], 'put these texts in core/data/page-texts.json (or vocabulary.json for words a person types)');
});
