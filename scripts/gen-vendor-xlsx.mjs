// Writes web/vendor/read-excel-file.js: the npm package read-excel-file (its "universal" build, pinned in
// package.json) bundled with its dependencies (fflate, saxen) into one ES module, so the page reads
// .xlsx rolls both as served from web/ (no bundler there) and from dist/. Not minified: the file is
// reviewable, and dist/ minifies it. tests/node/vendor-xlsx.test.mjs holds it to the package.
//   node scripts/gen-vendor-xlsx.mjs [--check]
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = root + 'web/vendor/read-excel-file.js';

export async function vendorText() {
  const version = JSON.parse(readFileSync(root + 'node_modules/read-excel-file/package.json', 'utf8')).version;
  const r = await esbuild.build({
    stdin: { contents: "export { readSheet } from 'read-excel-file/universal';", resolveDir: root, loader: 'js' },
    bundle: true, format: 'esm', write: false, minify: false, legalComments: 'inline', charset: 'utf8',
    target: ['chrome100', 'firefox100', 'safari15'], logLevel: 'warning',
  });
  return `// read-excel-file ${version} (MIT, with fflate (MIT) and saxen (MIT)), bundled by scripts/gen-vendor-xlsx.mjs. Do not edit.\n` +
    r.outputFiles[0].text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await vendorText();
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== text) { console.error('web/vendor/read-excel-file.js differs from the package'); process.exit(1); }
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out} (${text.length} chars)`);
  }
}
