// The production build (run by scripts/build.sh after the wasm build): turns web/ into
//
//   dist/  the deployable site: every module bundled and minified by esbuild from the entry points that
//          web/index.html names (its <script type="module" src>) plus the two public entry points
//          jxjy.js and jxjy-checker.js (one-line re-exports of web/lib/); code, style and wasm under content-hashed names (cache them
//          forever), index.html / sw.js / the public entry points / manifest / icons under their own names
//          (revalidate them); sw.js carries the build's file list and version; every file beside a .br
//          and a .gz (PNG excepted: it is compressed already).
//   pkg/   what `npm pack` ships to portals (package.json "exports"): jxjy.js, jxjy-checker.js,
//          jxjy.wasm, style.css, jxjy.d.ts, bundled and minified under plain names (a package has its
//          own version, so no hashes); README.md (docs/package-README.md: how a page imports it) and the
//          project's LICENSE, when there is one.
//
// Nothing here lists the page's modules: esbuild follows the imports, and `new URL('./file',
// import.meta.url)` assets (the wasm, the stylesheets, China's region list; './x' or '../folder/x', from
// any folder of web/) are found in the sources and renamed before bundling, so a chunk's hash covers the
// names of the assets it loads. dist/ and pkg/ are flat: an asset or worker keeps its file name only.
//
//   node scripts/build-dist.mjs [--web DIR] [--out DIR] [--pkg DIR] [--no-pkg]
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { writeVocabulary } from './gen-vocabulary.mjs';
import { writePageTexts } from './gen-page-texts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? path.resolve(args[i + 1]) : dflt;
};
const web = opt('--web', path.join(root, 'web')); // another source folder: tests build variants of the site
const outDir = opt('--out', path.join(root, 'dist'));
const pkgDir = args.includes('--no-pkg') ? null : opt('--pkg', path.join(root, 'pkg'));
const minify = !args.includes('--no-minify'); // (for reading a profile of the built site: bench/profile_page.mjs)

/** Entry points that keep their names: what a portal's <script>/import names (README, CONTRACT §1). */
const PUBLIC_ENTRIES = ['jxjy.js', 'jxjy-checker.js'];
/** Browsers that run the page: module workers, top-level await are not needed; wasm-unsafe-eval is. */
const TARGET = ['chrome100', 'firefox100', 'safari15'];

const hash8 = (buf) => createHash('sha256').update(buf).digest('base64url').replace(/[-_]/g, '').slice(0, 8).toUpperCase();
const hashedName = (name, buf) => {
  const ext = path.extname(name);
  return `${name.slice(0, -ext.length)}-${hash8(buf)}${ext}`;
};

// The modules web/base/ generates from core/data (also written by scripts/build.sh), so that a build of
// the site alone never bundles stale words; a copy of web/ (--web) carries its own.
if (web === path.join(root, 'web')) {
  writeVocabulary();
  writePageTexts();
}

for (const f of ['lib/jxjy.wasm', 'lib/jxjy-core.mjs']) {
  if (!fs.existsSync(path.join(web, f))) {
    console.error(`build-dist: web/${f} is missing (run scripts/build.sh first)`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// Assets loaded by `new URL('./name', import.meta.url)` (or '../folder/name'): each is emitted once per
// output folder (CSS minified first), under a hashed name or its own; sw.js keeps its name (a worker's
// URL is its identity) and is written separately. An asset is known by its path in web/ ('lib/jxjy.wasm').
const ASSET_URL = /new URL\((['"])(\.\.?\/[\w./-]+)\1,\s*import\.meta\.url\)/g;

/** The assets a source file names: [spec as written, path in web/], of files that exist (sw.js aside). */
function assetsOf(file, text) {
  const out = [];
  for (const m of text.matchAll(ASSET_URL)) {
    const name = rel(web, path.resolve(path.dirname(file), m[2]));
    if (name !== 'sw.js' && !name.startsWith('..') && fs.existsSync(path.join(web, name))) out.push([m[2], name]);
  }
  return out;
}

async function emitAsset(name, dir, hashed) {
  const src = path.join(web, name);
  let buf = fs.readFileSync(src);
  if (name.endsWith('.css')) {
    buf = Buffer.from((await esbuild.transform(buf.toString('utf8'), { loader: 'css', minify: true, target: TARGET, charset: 'utf8' })).code);
  }
  const base = path.basename(name);
  const out = hashed ? hashedName(base, buf) : base;
  fs.writeFileSync(path.join(dir, out), buf);
  return out;
}

function assetPlugin(dir, hashed, emitted, workers) {
  return {
    name: 'jxjy-assets',
    setup(build) {
      build.onLoad({ filter: /\.m?js$/ }, async (a) => {
        let text = fs.readFileSync(a.path, 'utf8');
        for (const [spec, name] of assetsOf(a.path, text)) {
          let out = workers.get(name); // a worker script: bundled before, under its output name
          if (!out && /\.m?js$/.test(name)) continue;
          if (!out) {
            if (!emitted.has(name)) emitted.set(name, emitAsset(name, dir, hashed));
            out = await emitted.get(name);
          }
          text = text.replaceAll(`new URL('${spec}'`, `new URL('./${out}'`).replaceAll(`new URL("${spec}"`, `new URL('./${out}'`);
        }
        return { contents: text, loader: 'js' };
      });
    },
  };
}

// Scripts started as workers (`new Worker(new URL('./x.js', import.meta.url))`): each is bundled into
// one file of its own first, so the pages' bundles can name it. Found by that pattern in web/**/*.js.
async function buildWorkers(dir, hashed, emitted) {
  const workers = new Map();
  const names = new Set();
  for (const f of listFiles(web).filter((n) => /\.m?js$/.test(n) && !n.startsWith('vendor/'))) {
    const file = path.join(web, f);
    for (const [, name] of assetsOf(file, fs.readFileSync(file, 'utf8'))) if (/\.m?js$/.test(name)) names.add(name);
  }
  for (const name of names) {
    const r = await esbuild.build({ ...esbuildOptions(dir, [name], hashed, emitted, workers), splitting: false });
    const out = Object.entries(r.metafile.outputs).find(([, o]) => o.entryPoint)[0];
    workers.set(name, path.basename(out));
  }
  return workers;
}

// The first screen's markup hash, known to the bundles (calculator.js adopts the static first screen
// without hashing its markup at run time).
const { markupHash } = await import(pathToFileURL(path.join(web, 'calculator', 'first-screen.js')).href);
const { markup } = await import(pathToFileURL(path.join(web, 'calculator', 'markup.js')).href);
const MARKUP_HASH = markupHash(markup(1));

const esbuildOptions = (dir, entryPoints, hashed, emitted, workers) => ({
  define: { __JXJY_MARKUP_HASH__: JSON.stringify(MARKUP_HASH) },
  entryPoints: entryPoints.map((e) => path.join(web, e)),
  outdir: dir,
  bundle: true,
  splitting: true,
  format: 'esm',
  minify,
  target: TARGET,
  charset: 'utf8',            // Chinese text as UTF-8 (3 bytes a character, not a 6-byte \u escape)
  legalComments: 'none',
  external: ['node:*'],       // jxjy.js reads the wasm with node:fs only when running in Node
  entryNames: hashed ? '[name]-[hash]' : '[name]',
  chunkNames: 'chunk-[hash]',
  metafile: true,
  absWorkingDir: root,        // metafile paths are relative to it
  logLevel: 'warning',
  plugins: [assetPlugin(dir, hashed, emitted, workers)],
});

const rel = (dir, abs) => path.relative(dir, abs).split(path.sep).join('/');

// ---------------------------------------------------------------------------------------------
// dist/
async function buildSite() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  let html = fs.readFileSync(path.join(web, 'index.html'), 'utf8');

  const pageEntries = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)].map((m) => m[1]);
  if (!pageEntries.length) throw new Error('web/index.html has no <script type="module" src>');
  const entries = [...new Set([...pageEntries, ...PUBLIC_ENTRIES])];
  const emitted = new Map();
  const workers = await buildWorkers(outDir, true, emitted);
  const result = await esbuild.build(esbuildOptions(outDir, entries, true, emitted, workers));
  const assets = new Map();
  for (const [name, p] of emitted) assets.set(name, await p);

  // entry (source name) -> output file; each output's static imports
  const outputs = result.metafile.outputs;
  const entryOut = new Map();
  for (const [file, o] of Object.entries(outputs)) {
    if (o.entryPoint) entryOut.set(path.basename(o.entryPoint), rel(outDir, path.resolve(root, file)));
  }
  const staticImports = (file, seen = new Set()) => {
    for (const imp of outputs[rel(root, path.join(outDir, file))]?.imports || []) {
      if (imp.kind !== 'import-statement' || imp.external) continue;
      const f = rel(outDir, path.resolve(root, imp.path));
      if (!seen.has(f)) { seen.add(f); staticImports(f, seen); }
    }
    return seen;
  };

  // The public entry points under their own names: one line re-exporting the hashed module.
  for (const name of PUBLIC_ENTRIES) {
    fs.writeFileSync(path.join(outDir, name), `export*from"./${entryOut.get(name)}";\n`);
  }

  // index.html: hashed script and style names, the entry's static imports preloaded (the page's own
  // modules are imported by app.js after the first paint, not before it).
  const preloads = new Set();
  html = html.replace(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)><\/script>/g, (all, a, src, b) => {
    if (!entryOut.has(src)) return all;
    for (const f of staticImports(entryOut.get(src))) preloads.add(f);
    return `<script${a}src="${entryOut.get(src)}"${b}></script>`;
  });
  html = html.replace(/[ \t]*<!--[\s\S]*?-->\n?/g, '');
  html = html.replace(/[ \t]*<link rel="modulepreload"[^>]*>\n?/g, '');
  if (/<link rel="preload"/.test(html)) throw new Error('web/index.html preloads a file: app.js fetches what the first screen does not need after its first paint');
  html = html.replace(/<link rel="stylesheet" href="([^"]+\.css)">/g, (all, href) => {
    if (!assets.has(href)) assets.set(href, null);
    return all;
  });
  for (const [name, p] of assets) if (p === null) assets.set(name, await emitAsset(name, outDir, true));
  html = html.replace(/\b(href|src)="([\w.-]+)"/g, (all, attr, v) => (assets.has(v) ? `${attr}="${assets.get(v)}"` : all));
  // The first screen as static HTML in place of the boot line (web/calculator/first-screen.js): laid out while the
  // HTML is parsed, before the first paint; the page's script adopts it.
  const bootLine = /<p class="boot">[^<]*<\/p>/;
  const firstScreenFile = path.join(web, 'calculator', 'first-screen.js');
  if (fs.existsSync(firstScreenFile)) {
    if (!bootLine.test(html)) throw new Error('web/index.html has no <p class="boot"> line to replace with the first screen');
    const { firstScreen } = await import(pathToFileURL(firstScreenFile).href);
    const screen = firstScreen('zh');
    html = html.replace(bootLine, () => screen);
  }
  // The modules an entry imports when it runs (app.js: page.js after the first paint) and theirs, named
  // on the page's host (data-jxjy-modules) so that app.js asks for them together at that moment.
  const later = new Set();
  for (const src of pageEntries) {
    for (const imp of outputs[rel(root, path.join(outDir, entryOut.get(src) || ''))]?.imports || []) {
      if (imp.kind !== 'dynamic-import' || imp.external) continue;
      const f = rel(outDir, path.resolve(root, imp.path));
      for (const g of [f, ...staticImports(f)]) if (!preloads.has(g)) later.add(g);
    }
  }
  if (later.size) {
    if (!/<main id="jxjy-app" data-jxjy-page>/.test(html)) throw new Error('web/index.html has no <main id="jxjy-app" data-jxjy-page> to name the page\'s modules on');
    html = html.replace(/<main id="jxjy-app" data-jxjy-page>/, `<main id="jxjy-app" data-jxjy-page data-jxjy-modules="${[...later].join(' ')}">`);
  }
  const modulepreload = [...preloads].map((f) => `<link rel="modulepreload" href="${f}">\n`).join('');
  html = html.replace(/(<script\b[^>]*type="module")/, `${modulepreload}$1`);
  fs.writeFileSync(path.join(outDir, 'index.html'), html);

  // Files the page names that are not code (manifest, icons, and what they name), and examples/.
  const copy = (name) => {
    const src = path.join(web, name);
    if (!fs.existsSync(src) || fs.existsSync(path.join(outDir, name))) return;
    fs.mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true });
    fs.cpSync(src, path.join(outDir, name), { recursive: true });
    if (name.endsWith('.webmanifest')) {
      for (const icon of JSON.parse(fs.readFileSync(src, 'utf8')).icons || []) copy(icon.src);
    }
  };
  for (const m of html.matchAll(/\b(?:href|src)="([\w.-]+)"/g)) copy(m[1]);
  copy('examples');

  // sw.js: the build's list of files and its version (a hash over all of them) in place of the
  // development default, then minified.
  const shell = listFiles(outDir).filter((f) => !f.startsWith('examples/') && f !== 'sw.js');
  const swSource = fs.readFileSync(path.join(web, 'sw.js'), 'utf8');
  const version = hash8(Buffer.from([`sw.js:${hash8(swSource)}`, ...shell.map((f) => `${f}:${hash8(fs.readFileSync(path.join(outDir, f)))}`)].join('\n')));
  const marker = /^const BUILD = null;.*$/m;
  if (!marker.test(swSource)) throw new Error('web/sw.js has no "const BUILD = null;" line to fill in');
  const build = { version, files: ['./', ...shell.map((f) => `./${f}`)] };
  const sw = swSource.replace(marker, `const BUILD = ${JSON.stringify(build)};`);
  fs.writeFileSync(path.join(outDir, 'sw.js'), (await esbuild.transform(sw, { loader: 'js', minify: true, target: TARGET, charset: 'utf8', legalComments: 'none' })).code);

  precompress(outDir);
  return { version, files: listFiles(outDir).filter((f) => !/\.(br|gz)$/.test(f)) };
}

function listFiles(dir, prefix = '') {
  const out = [];
  for (const d of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const p = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...listFiles(dir, p));
    else out.push(p);
  }
  return out.sort();
}

// Every file beside its brotli (quality 11) and gzip (level 9) forms, for servers that send them as
// they are (nginx gzip_static/brotli_static, Caddy precompressed, scripts/serve.mjs).
function precompress(dir) {
  for (const f of listFiles(dir)) {
    if (/\.(br|gz|png)$/.test(f)) continue;
    const buf = fs.readFileSync(path.join(dir, f));
    fs.writeFileSync(path.join(dir, `${f}.br`), zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }));
    fs.writeFileSync(path.join(dir, `${f}.gz`), zlib.gzipSync(buf, { level: 9 }));
  }
}

// ---------------------------------------------------------------------------------------------
// pkg/
async function buildPackage() {
  fs.rmSync(pkgDir, { recursive: true, force: true });
  fs.mkdirSync(pkgDir, { recursive: true });
  const emitted = new Map();
  const workers = await buildWorkers(pkgDir, false, emitted);
  await esbuild.build(esbuildOptions(pkgDir, PUBLIC_ENTRIES, false, emitted, workers));
  await Promise.all(emitted.values());
  fs.copyFileSync(path.join(web, 'lib', 'jxjy.d.ts'), path.join(pkgDir, 'jxjy.d.ts'));
  // the package's own README (how a page imports it; docs/package-README.md) and the project's LICENSE
  fs.copyFileSync(path.join(root, 'docs', 'package-README.md'), path.join(pkgDir, 'README.md'));
  if (fs.existsSync(path.join(root, 'LICENSE'))) fs.copyFileSync(path.join(root, 'LICENSE'), path.join(pkgDir, 'LICENSE'));
  return listFiles(pkgDir);
}

const site = await buildSite();
const sizes = (files) => files.reduce((s, f) => s + fs.statSync(path.join(outDir, f)).size, 0);
console.log(`build-dist: ${path.relative(root, outDir) || '.'}/ ${site.files.length} files, ${sizes(site.files)} B` +
  ` (brotli ${sizes(site.files.filter((f) => fs.existsSync(path.join(outDir, f + '.br'))).map((f) => f + '.br'))} B), version ${site.version}`);
if (pkgDir) {
  const files = await buildPackage();
  console.log(`build-dist: ${path.relative(root, pkgDir)}/ ${files.join(' ')}`);
}
