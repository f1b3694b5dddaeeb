// Writes web/vendor/read-excel-file.js: the npm package read-excel-file (pinned in package.json) bundled
// with its dependencies (fflate, saxen) into one ES module, so the page reads .xlsx rolls both as served
// from web/ (no bundler there) and from dist/. Not minified: the file is reviewable, and dist/ minifies it.
// tests/node/vendor-xlsx.test.mjs holds it to the package.
// The package's own entries unzip with fflate's async unzip, which starts a blob: worker for every part
// over 512 KiB: the page's CSP rightly refuses those, so an .xlsx of more than ~1,200 rows never read.
// The roll already runs in a worker, so the bundle's one export, readSheetBytes, unzips synchronously
// (fflate's unzipSync, no worker) and refuses an archive whose parts would inflate beyond a cap before
// inflating any of it (each part is inflated into a buffer of the size it declares, never more).
//   node scripts/gen-vendor-xlsx.mjs [--check]
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = root + 'web/vendor/read-excel-file.js';

// (the package's modules by path: its "exports" map names only the entries that unzip in workers)
const rxf = './node_modules/read-excel-file/modules';
const ENTRY = `
import { unzipSync } from 'fflate';
import parseXml from '${rxf}/xml/parseXml.js';
import parseSheet from '${rxf}/export/parseSheet.js';
import filterZipArchiveEntry from '${rxf}/export/filterZipArchiveEntry.js';

/** Thrown when the parts read would inflate to more than maxBytes (a zip bomb, or a sheet too large). */
export class XlsxTooLargeError extends Error {
  constructor(bytes, maxBytes) {
    super('xlsx parts inflate to more than ' + maxBytes + ' bytes');
    this.name = 'XlsxTooLargeError';
    this.bytes = bytes;
    this.maxBytes = maxBytes;
  }
}

/** The first sheet's rows (arrays of cell values) of an .xlsx (Uint8Array), unzipped on this thread. */
export function readSheetBytes(bytes, { maxBytes }) {
  let total = 0;
  const contents = unzipSync(bytes, {
    filter(file) {
      if (!filterZipArchiveEntry({ path: file.name })) return false;
      total += file.originalSize;
      if (total > maxBytes) throw new XlsxTooLargeError(total, maxBytes);
      return true;
    },
  });
  return parseSheet(undefined, parseXml, contents);
}
`;

export async function vendorText() {
  const version = JSON.parse(readFileSync(root + 'node_modules/read-excel-file/package.json', 'utf8')).version;
  const r = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
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
