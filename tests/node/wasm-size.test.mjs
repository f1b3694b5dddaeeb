// The size budget of the JS module (README "Speed and size"): web/lib/jxjy.js + web/lib/jxjy-core.mjs + web/lib/jxjy.wasm
// (the rules embedded) at most 150 KB (153,600 bytes) brotli, quality 11 as scripts/bench.sh measures them.
// What the wasm holds and what was done to keep it there: bench/README.md "The wasm's contents".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';

import { root } from './corpus.mjs';

const BUDGET = 150 * 1024;
const FILES = ['web/lib/jxjy.js', 'web/lib/jxjy-core.mjs', 'web/lib/jxjy.wasm'];

const brotli = (buf) => zlib.brotliCompressSync(buf, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

test(`jxjy.js + jxjy-core.mjs + jxjy.wasm are at most ${BUDGET} bytes brotli`, () => {
  const sizes = Object.fromEntries(FILES.map((f) => [f, brotli(readFileSync(join(root, f)))]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  assert.ok(total <= BUDGET, `${total} B brotli > ${BUDGET} B: ${JSON.stringify(sizes)} (see bench/README.md for what the wasm holds)`);
  console.log(`# ${total} B brotli, ${BUDGET - total} B under the budget: ${JSON.stringify(sizes)}`);
});
