// Tiny static file server for web/ (used by scripts/serve.sh and tests/browser). Local use only: binds
// 127.0.0.1. PORT 0 picks a free port; the first line printed is always "jxjy calculator: http://HOST:PORT/".
//   node scripts/serve.mjs [PORT] [ROOT]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const root = path.resolve(process.argv[3] || path.join(here, '..', 'web'));
const host = '127.0.0.1';

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

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n');
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (rel.includes('\0')) return send(res, 400, 'bad request\n');
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  // no path may leave web/
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden\n');
  fs.realpath(file, (err, real) => {
    if (err) return send(res, 404, 'not found\n');
    if (real !== root && !real.startsWith(fs.realpathSync(root) + path.sep)) return send(res, 403, 'forbidden\n');
    fs.stat(real, (err2, st) => {
      if (err2 || !st.isFile()) return send(res, 404, 'not found\n');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(real).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(real).pipe(res);
    });
  });
});

server.on('error', (e) => {
  console.error(`serve: ${e.message}`);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`jxjy calculator: http://${host}:${server.address().port}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
