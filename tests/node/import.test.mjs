// (f) The module imports in plain Node 20 (`node --input-type=module`), finds its .wasm beside itself
// whatever the working directory, works in a worker thread, and needs no eval (strict CSP).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';

import { moduleUrl, root } from './corpus.mjs';

const profile = {
  region: '630000', year: 2023, route: 'review', level: 'senior',
  training: [{ year: 2023, subject: 'public', activity: 'course', hours: 45 }],
};
const script = (spec) => `import(${JSON.stringify(spec)}).then(async (m) => {
  const c = await m.createChecker();
  const r = c.evaluate(${JSON.stringify(profile)});
  console.log(JSON.stringify({ version: c.version, regions: c.regions().length, ok: r.ok, status: r.status }));
});`;

function run(args, cwd) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

test('node --input-type=module -e "import(\'./web/jxjy.js\')…" works from the repository root', () => {
  const out = run(['--input-type=module', '-e', script('./web/jxjy.js')], root);
  assert.match(out.version, /^\d+\.\d+\.\d+/);
  assert.ok(out.regions >= 1);
  assert.equal(out.ok, true);
  assert.equal(out.status, 'short');
});

test('a static import by file URL works from another working directory', () => {
  const code = `import { createChecker } from ${JSON.stringify(moduleUrl.href)};
const c = await createChecker();
console.log(JSON.stringify({ version: c.version, regions: c.regions().length, ok: c.evaluate(${JSON.stringify(profile)}).ok }));`;
  const out = run(['--input-type=module', '-e', code], tmpdir());
  assert.equal(out.ok, true);
});

test('the module works in a worker thread', async () => {
  const code = `import { parentPort } from 'node:worker_threads';
import { createChecker } from ${JSON.stringify(moduleUrl.href)};
const c = await createChecker();
parentPort.postMessage(c.evaluate(${JSON.stringify(profile)}));`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { type: 'module' });
  const result = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.equal(result.ok, true);
  assert.equal(result.ruleSet.region, '630000');
});

test('the shipped JS uses no eval, new Function, require or __dirname', () => {
  for (const f of ['jxjy.js', 'lib/jxjy.js', 'lib/jxjy-core.mjs']) {
    const text = readFileSync(join(root, 'web', f), 'utf8');
    for (const bad of [/\beval\(/, /new Function\b/, /\brequire\(/, /__dirname/, /__filename/])
      assert.doesNotMatch(text, bad, `${f} contains ${bad}`);
  }
});

test('options.wasm: bytes, a compiled module, an http URL (any MIME type); a missing file rejects', async () => {
  const { createChecker } = await import(moduleUrl);
  const bytes = readFileSync(join(root, 'web', 'lib', 'jxjy.wasm'));
  const reference = (await createChecker()).evaluate(profile);
  assert.deepEqual((await createChecker({ wasm: bytes })).evaluate(profile), reference);
  const compiled = await WebAssembly.compile(bytes);
  assert.deepEqual((await createChecker({ wasm: compiled })).evaluate(profile), reference);

  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    if (req.url === '/jxjy.wasm') res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(bytes);
    else res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    assert.deepEqual((await createChecker({ wasm: `${base}/jxjy.wasm` })).evaluate(profile), reference);
    await assert.rejects(createChecker({ wasm: `${base}/missing.wasm` }), /HTTP 404/);
    await assert.rejects(createChecker({ wasm: new URL('./no-such.wasm', moduleUrl) }), /ENOENT|no such file/);
  } finally {
    server.close();
  }
});
