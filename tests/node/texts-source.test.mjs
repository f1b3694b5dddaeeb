// One source of texts: every text a person reads that the core writes lives in core/data (messages.json,
// explain.json, vocabulary.json), never as a literal of the C++ code. This scans every string literal of
// core/ and wasm/ (comments left out) for a non-ASCII character; the few literals below are not texts
// anyone reads, each with its reason.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

// file -> the non-ASCII literals it may hold, and why
const NOT_TEXTS = {
  // the endings that already close a rule file's own sentence (explain adds a full stop to the others)
  'core/src/rules/explain.cpp': ['"。"', '"；"', '"！"', '"）"'],
  // what a person may type after a whole number in a roll cell ("2023年", "47岁"): read, never written
  'core/src/roll/roll.cpp': ['"年"', '"岁"', '"年度"'],
};
// The CLI's usage text is English; it quotes the roll's Chinese column headers and names the domain (继续教育).
const USAGE = 'core/cli/main.cpp';

function* sources(dir) {
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) yield* sources(path);
    else if (/\.(cpp|h)$/.test(name)) yield path;
  }
}

// The string and character literals of C++ source, with their lines; comments are skipped.
export function literals(src) {
  const out = [];
  let i = 0, line = 1;
  const lines = (s) => { for (const ch of s) if (ch === '\n') line++; };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      lines(src.slice(i, end));
      i = end + 2;
    } else if (c === 'R' && src[i + 1] === '"' && !/\w/.test(src[i - 1] ?? '')) {
      const delim = src.slice(i + 2, src.indexOf('(', i));
      const end = src.indexOf(`)${delim}"`, i) + delim.length + 2;
      out.push({ line, text: src.slice(i, end) });
      lines(src.slice(i, end));
      i = end;
    } else if (c === '"' || (c === "'" && !/[0-9a-fA-F]/.test(src[i - 1] ?? ''))) {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out.push({ line, text: src.slice(i, j + 1) });
      i = j + 1;
    } else {
      i++;
    }
  }
  return out;
}

test('the scanner finds literals and skips comments', () => {
  const found = literals('// "注释"\nauto a = "甲"; /* "乙" */ char b = \'c\';\nauto r = R"x(丙)x";\nint n = 1\'000;');
  assert.deepEqual(found.map((l) => [l.line, l.text]), [[2, '"甲"'], [2, "'c'"], [3, 'R"x(丙)x"']]);
});

test('no text a person reads is a literal of the C++ code: core/data holds them', () => {
  const found = [];
  for (const dir of ['core/src', 'core/include', 'core/cli', 'wasm'])
    for (const file of sources(dir))
      for (const { line, text } of literals(readFileSync(join(root, file), 'utf8'))) {
        if (!/[^\x00-\x7f]/.test(text)) continue;
        if ((NOT_TEXTS[file] ?? []).includes(text)) continue;
        if (file === USAGE && text.startsWith('R"(jxjy — continuing-education')) continue;
        found.push(`${file}:${line}: ${text.slice(0, 60)}`);
      }
  assert.deepEqual(found, [], 'move these texts to core/data/messages.json (or explain.json) and name them by id');
});

test('core/data/explain.json: every text in both languages, each used by explain.cpp, none missing', () => {
  const { texts } = JSON.parse(readFileSync(join(root, 'core/data/explain.json'), 'utf8'));
  const code = readFileSync(join(root, 'core/src/rules/explain.cpp'), 'utf8');
  const used = new Set([...code.matchAll(/X::(\w+)/g)].map((m) => m[1]));
  assert.deepEqual([...used].filter((k) => !(k in texts)), [], 'ids explain.cpp names that the catalogue lacks');
  assert.deepEqual(Object.keys(texts).filter((k) => !used.has(k)), [], 'texts of the catalogue that nothing uses');
  for (const [key, t] of Object.entries(texts)) {
    assert.equal(typeof t.zh, 'string', key);
    assert.equal(typeof t.en, 'string', key);
    // 苏木 (a Mongolian township) is kept as the notice names it
    if (key !== 'working_at_the_grassroots_townships')
      assert.doesNotMatch(t.en, /[\u4e00-\u9fff（），。：；、《》]/, `${key}: English without Chinese`);
  }
});

// The page words a shortfall itself (web/base/texts.js, beside its clause and deadline); it uses the catalogue's
// words for it, so a result's reason and the page's to-do list never say it two ways (还差 / 无法补足).
test('the page says a shortfall in the words of messages.json', async () => {
  const { say } = await import('../../web/base/texts.js');
  const { messages } = JSON.parse(readFileSync(join(root, 'core/data/messages.json'), 'utf8'));
  const short = messages.year_not_met.zh.match(/还./)[0];
  const cannot = messages.cannot_complete.zh.match(/无法补./)[0];
  assert.deepEqual([short, cannot], ['还差', '无法补足']);
  assert.ok(say('zh', 'shortItem', 2023, '专业科目', 12).includes(short));
  assert.ok(say('zh', 'shortTotal', 2023, 12).includes(short));
  assert.ok(say('zh', 'cannotComplete', 2023).includes(cannot));
  assert.ok(say('zh', 'roll_cannot').includes(cannot));
  assert.match(messages.year_not_met.en, /missing/);
  assert.match(say('en', 'shortItem', 2023, 'professional', 12), /missing/);
  assert.match(say('en', 'shortTotal', 2023, 12), /missing/);
  const completed = messages.cannot_complete.en.match(/can no longer be completed/)[0];
  assert.ok(say('en', 'cannotComplete', 2023).includes(completed));
  assert.ok(say('en', 'roll_cannot').includes(completed));
});
