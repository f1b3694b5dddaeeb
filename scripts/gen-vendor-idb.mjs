// Writes web/vendor/idb.js: the npm package idb (Jake Archibald's promise wrapper of IndexedDB, pinned
// in package.json) bundled into one ES module, so the page's people store (web/calculator/people/people-db.js) runs both
// as served from web/ (no bundler there) and from dist/. Not minified: the file is reviewable, and dist/
// minifies it. tests/node/vendor-idb.test.mjs holds it to the package.
//   node scripts/gen-vendor-idb.mjs [--check]
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = root + 'web/vendor/idb.js';

export async function vendorText() {
  const version = JSON.parse(readFileSync(root + 'node_modules/idb/package.json', 'utf8')).version;
  const r = await esbuild.build({
    stdin: { contents: "export { openDB, deleteDB, unwrap, wrap } from 'idb';", resolveDir: root, loader: 'js' },
    bundle: true, format: 'esm', write: false, minify: false, legalComments: 'inline', charset: 'utf8',
    target: ['chrome100', 'firefox100', 'safari15'], logLevel: 'warning',
  });
  return `// idb ${version} (ISC, Copyright (c) 2016 Jake Archibald), bundled by scripts/gen-vendor-idb.mjs. Do not edit.\n` +
    r.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await vendorText();
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== text) { console.error('web/vendor/idb.js differs from the package'); process.exit(1); }
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out} (${text.length} chars)`);
  }
}
