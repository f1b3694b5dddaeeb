// The README's walk of one profile ("One profile, from the page to the result and back") and its Layout name
// files and functions a newcomer opens by those names: each must be there. In the walk, every `path/file.ext`
// must exist and every `function()` must occur in the file named last before it in the same hop (a numbered
// item, or a paragraph), so the day a hop is renamed or moves, this fails and the README is walked again.
// In the Layout, every file named must exist somewhere in the repository.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

// The text under a heading, up to the next heading of the same or a higher level.
function section(title) {
  const lines = readme.split('\n');
  const at = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '').trim() === title);
  assert.ok(at >= 0, `README has no section "${title}"`);
  const level = /^#+/.exec(lines[at])[0].length;
  const end = lines.findIndex((l, i) => i > at && /^#+ /.test(l) && /^#+/.exec(l)[0].length <= level);
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}

const FILE = /^[\w./-]+\.(?:js|mjs|cpp|h|json|css|sh|txt|ts)$/;
const FUNCTION = /^([A-Za-z_][\w]*(?:(?:\.|::)[A-Za-z_]\w*)*)\(\)$/;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The walk's hops: each numbered item, and each paragraph that is not one (the CLI and the roll).
function hops(text) {
  const out = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (/^\d+\. /.test(line) || (line.trim() && !current)) {
      current = { title: line.slice(0, 60), text: line };
      out.push(current);
    } else if (!line.trim()) {
      current = null;
    } else {
      current.text += '\n' + line;
    }
  }
  return out;
}

test('the README walks a profile from the page to the result and back by names that exist', () => {
  const walk = section('One profile, from the page to the result and back');
  const named = []; // every full path named so far, for a bare name (`verdict-view.js`) after it
  let files = 0;
  let functions = 0;
  const steps = hops(walk);
  assert.ok(steps.filter((h) => /^\d+\. /.test(h.text)).length >= 10, 'the walk has its numbered hops');
  for (const hop of steps) {
    let file = null; // the file the next function is looked for in
    for (const [, span] of hop.text.matchAll(/`([^`]+)`/g)) {
      if (FILE.test(span)) {
        let path = span;
        if (!span.includes('/')) {
          const near = named.length ? join(dirname(named[named.length - 1]), span) : null;
          path = near && existsSync(join(root, near)) ? near : named.find((p) => basename(p) === span);
          assert.ok(path, `${hop.title}…: \`${span}\` is in no folder the walk named before it`);
        }
        assert.ok(existsSync(join(root, path)), `${hop.title}…: ${path} does not exist`);
        if (span.includes('/')) named.push(path);
        file = path;
        files++;
        continue;
      }
      const f = FUNCTION.exec(span);
      if (!f) continue;
      assert.ok(file, `${hop.title}…: ${span} is named before any file of its hop`);
      const source = readFileSync(join(root, file), 'utf8');
      assert.ok(new RegExp(`(?<!\\w)${escape(f[1])}(?!\\w)`).test(source), `${hop.title}…: ${span} is not in ${file}`);
      functions++;
    }
  }
  assert.ok(files >= 30 && functions >= 40, `the walk names ${files} files and ${functions} functions`);
});

test('every file the README\'s Layout names is in the repository', () => {
  const layout = section('Layout').split('### One profile')[0];
  const have = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (e.name.startsWith('.') || ['node_modules', 'dist', 'pkg', 'build', 'test-artifacts'].includes(e.name)) continue;
      if (e.isDirectory()) walk(join(dir, e.name));
      else have.add(e.name);
    }
  };
  walk('.');
  const named = new Set();
  for (const [name] of layout.matchAll(/[\w.-]*[\w-]\.(?:js|mjs|cpp|h|json|css|sh|txt|webmanifest)\b/g)) named.add(basename(name));
  assert.ok(named.size >= 60, `the Layout names ${named.size} files`);
  const missing = [...named].filter((n) => !have.has(n));
  assert.deepEqual(missing, [], `the Layout names files that are not in the repository: ${missing.join(', ')}`);
});
