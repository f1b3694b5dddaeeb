// web/vendor/idb.js is exactly the pinned npm package idb bundled (scripts/gen-vendor-idb.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { root } from './corpus.mjs';

test('the vendored idb is the package, bundled', async () => {
  const { vendorText } = await import(new URL('../../scripts/gen-vendor-idb.mjs', import.meta.url));
  const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.idb;
  assert.match(pinned, /^\d+\.\d+\.\d+$/, 'pinned to an exact version');
  const text = await vendorText();
  assert.ok(text.startsWith(`// idb ${pinned} `));
  assert.equal(readFileSync(join(root, 'web', 'vendor', 'idb.js'), 'utf8'), text, 'run node scripts/gen-vendor-idb.mjs');
});
