// Writes web/base/vocabulary.js, the ES module form of core/data/vocabulary.json (the one source of the
// contract's enum ids and their zh/en words), for the page, <jxjy-checker> and the JS module.
// Run by scripts/build.sh and scripts/build-dist.mjs; the output is a build product (.gitignore). Writes
// only when it changed.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function writeVocabulary() {
  const { $comment, ...vocabulary } = JSON.parse(readFileSync(root + 'core/data/vocabulary.json', 'utf8'));
  const out = root + 'web/base/vocabulary.js';
  const lists = Object.entries(vocabulary)
    .map(([k, v]) => `  ${k}: [\n${v.map((e) => '    ' + JSON.stringify(e)).join(',\n')}\n  ]`)
    .join(',\n');
  const text =
    '// Generated from core/data/vocabulary.json by scripts/gen-vocabulary.mjs. Do not edit.\n' +
    '// Each list is [{id, zh, en}] in the order of the core\'s enums; unit "none" is for rule files only.\n' +
    `export const VOCABULARY = Object.freeze({\n${lists}\n});\n\n` +
    '// The words for an id of a list, in a locale ("zh" or "en"); the id itself when it is unknown.\n' +
    'export function word(list, id, locale = \'zh\') {\n' +
    '  const e = VOCABULARY[list]?.find((x) => x.id === id);\n' +
    '  return e ? e[locale === \'en\' ? \'en\' : \'zh\'] : String(id);\n' +
    '}\n';
  if (!existsSync(out) || readFileSync(out, 'utf8') !== text) writeFileSync(out, text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeVocabulary();
