// Static file server for the calculator (used by scripts/serve.sh, tests/browser and bench/). It answers
// as the README's nginx and Caddy configurations do, so what it shows is what a bureau deploys:
//   - FILE.br / FILE.gz beside FILE (dist/ has them) are sent by Accept-Encoding (brotli first), with
//     Vary: Accept-Encoding;
//   - the wasm as application/wasm (streaming compilation), modules as text/javascript;
//   - content-hashed names (name-XXXXXXXX.ext, dist/) cached for a year, immutable; every other file
//     revalidated on each use (Cache-Control: no-cache, answered 304 when its ETag still matches);
//   - the page's Content-Security-Policy, nosniff and no-referrer as response headers, and
//     Access-Control-Allow-Origin: * (portals on other origins load the element's modules and the wasm).
// Local use only: binds 127.0.0.1. PORT 0 picks a free port; the first line printed is always
// "jxjy calculator: http://HOST:PORT/".
//   node scripts/serve.mjs [PORT] [ROOT]     (ROOT defaults to dist/)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const root = path.resolve(process.argv[3] || path.join(here, '..', 'dist'));
const host = '127.0.0.1';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
const HASHED = /-[A-Z0-9]{8}\.[a-z]+$/; // scripts/build-dist.mjs names: chunk-HNCDU5Q2.js, jxjy-QF56PRLZ.wasm
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: bad port ${process.argv[2]}`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`serve: ${root}/index.html is missing`);
  process.exit(1);
}

// Access-Control-Allow-Origin: a portal on another origin may load jxjy-checker.js, its modules and the wasm
// (module scripts and fetch are CORS requests); nothing here is private.
const COMMON = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Content-Security-Policy': CSP, 'Access-Control-Allow-Origin': '*' };

function send(res, status, text) {
  res.writeHead(status, { ...COMMON, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The encodings the client accepts (q > 0), from Accept-Encoding. */
function accepted(header) {
  const out = new Set();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) out.add(name);
  }
  return out;
}

function statFile(file) {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

const realRoot = () => fs.realpathSync(root); // per request: ROOT may be a symlink switched by a deploy

const log = process.env.JXJY_SERVE_LOG === '1'; // one line per request on stderr, for debugging
const server = http.createServer((req, res) => {
  if (log) console.error(`${req.method} ${req.url} ${req.headers['service-worker'] ? '(service worker script)' : ''}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (rel.includes('\0')) return send(res, 400, 'bad request\n');
  if (rel.endsWith('/')) rel += 'index.html';
  let base;
  let real;
  try {
    base = realRoot();
    real = fs.realpathSync(path.resolve(base, '.' + path.posix.normalize('/' + rel)));
  } catch {
    return send(res, 404, 'not found\n');
  }
  // no path may leave ROOT
  if (real !== base && !real.startsWith(base + path.sep)) return send(res, 403, 'forbidden\n');
  const st = statFile(real);
  if (!st) return send(res, 404, 'not found\n');

  const ok = accepted(req.headers['accept-encoding']);
  let body = real;
  let bodyStat = st;
  let encoding = null;
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    const s = ok.has(enc) && statFile(real + ext);
    if (s) { body = real + ext; bodyStat = s; encoding = enc; break; }
  }
  const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}${encoding ? '-' + encoding : ''}"`;
  const headers = {
    ...COMMON,
    'Content-Type': TYPES[path.extname(real).toLowerCase()] || 'application/octet-stream',
    'Cache-Control': HASHED.test(real) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  headers['Content-Length'] = bodyStat.size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(body).pipe(res);
});

server.on('error', (e) => {
  console.error(`serve: ${e.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`jxjy calculator: http://${host}:${server.address().port}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
