// The roll view in the production build (scripts/build-dist.mjs): its code, its worker and the .xlsx reader
// are in dist/ and in the service worker's offline list, and none of it is on the first screen's path.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { root } from './corpus.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jxjy-roll-dist-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the roll view, its worker and the .xlsx reader are built, cached offline, and loaded only on use', () => {
  const out = path.join(tmp, 'dist');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-dist.mjs'), '--out', out, '--no-pkg'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = fs.readdirSync(out);
  const worker = files.find((f) => /^roll-worker-\w+\.js$/.test(f));
  const css = files.find((f) => /^roll-\w+\.css$/.test(f));
  assert.ok(worker && css, files.join(' '));
  // the worker holds the checker and the .xlsx reader (read-excel-file's sheet parsing)
  const code = fs.readFileSync(path.join(out, worker), 'utf8');
  assert.ok(code.includes('sharedStrings'), 'the .xlsx reader is in the roll worker');
  // the service worker's offline list names them
  const sw = fs.readFileSync(path.join(out, 'sw.js'), 'utf8');
  for (const f of [worker, css]) assert.ok(sw.includes(`./${f}`), `sw.js lists ${f}`);
  // not on the first screen's path: index.html preloads none of the roll's code, and the page's entry
  // chunk does not hold it
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  const entry = html.match(/<script type="module"[^>]*\bsrc="([^"]+)"/)[1];
  for (const f of [entry, ...preloaded]) {
    const text = fs.readFileSync(path.join(out, f), 'utf8');
    assert.ok(!text.includes('roll-table'), `${f} (first screen) holds no roll view code`);
    assert.ok(!text.includes('sharedStrings'), `${f} (first screen) holds no .xlsx reader`);
  }
});
