// Writes web/base/texts.js, the ES module form of core/data/page-texts.json (the one source of the page's
// own words: key -> zh and en side by side). A text with "args" becomes a function of those arguments,
// each {name} filled with the argument of that name: {"args": ["n"], "zh": "第{n}步", "en": "Step {n}"}
// is step: (n) => `第${n}步` in TEXT.zh and (n) => `Step ${n}` in TEXT.en.
// Run by scripts/build.sh and scripts/build-dist.mjs; the output is a build product (.gitignore), written
// only when it changed. tests/node/page-texts.test.mjs holds the module to this generator's output.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SOURCE = root + 'core/data/page-texts.json';
export const OUT = root + 'web/base/texts.js';
export const LANGS = ['zh', 'en'];

/** The {name} placeholders of a text, in order of appearance. */
export const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

// A text as JS: a string literal, or an arrow function returning a template literal.
function js(text, args) {
  if (!args) return JSON.stringify(text);
  const body = text
    .replace(/[\\`]/g, '\\$&')
    .replace(/\$\{/g, '\\${')
    .replace(/\n/g, '\\n')
    .replace(/\{(\w+)\}/g, (m, name) => (args.includes(name) ? `\${${name}}` : m));
  return `(${args.join(', ')}) => \`${body}\``;
}

/** The text of web/base/texts.js for the catalogue {texts: {key: {args?, zh, en}}}. */
export function pageTextsModule(catalogue) {
  const entries = Object.entries(catalogue.texts);
  const block = (lang) => entries.map(([key, e]) => `    ${key}: ${js(e[lang], e.args)},`).join('\n');
  return '// Generated from core/data/page-texts.json by scripts/gen-page-texts.mjs. Do not edit: edit the JSON.\n' +
    '// The page\'s own words (zh / en). The enum words (routes, levels, activities, units, …) are the\n' +
    '// vocabulary\'s (words.js); messages of the checker come from the core. No rule lives here.\n' +
    'export const TEXT = {\n' +
    LANGS.map((lang) => `  ${lang}: {\n${block(lang)}\n  },\n`).join('') +
    '};\n\n' +
    '/** The text of `key` in `lang` (a function text is called with args); the key itself when unknown. */\n' +
    'export function say(lang, key, ...args) {\n' +
    '  const v = TEXT[lang === \'en\' ? \'en\' : \'zh\'][key] ?? TEXT.zh[key];\n' +
    '  if (v === undefined) return key;\n' +
    '  return typeof v === \'function\' ? v(...args) : v;\n' +
    '}\n';
}

export function readCatalogue() {
  return JSON.parse(readFileSync(SOURCE, 'utf8'));
}

/** Writes web/base/texts.js when it differs from the catalogue's module. */
export function writePageTexts() {
  const text = pageTextsModule(readCatalogue());
  if (!existsSync(OUT) || readFileSync(OUT, 'utf8') !== text) writeFileSync(OUT, text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writePageTexts();
