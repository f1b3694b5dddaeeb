// jxjy service worker: the calculator works offline after the first visit.
//
// Cache-first for the app shell (the page, its script and style, the JS module, the wasm and its glue,
// the manifest and icons). jxjy-core.mjs and jxjy.wasm are build outputs (not in git), so they are
// listed here by name and fetched when the worker installs. After serving a page from the cache the
// worker re-downloads the whole shell in the background and replaces the cached copies only when every
// file came back, so jxjy.js, jxjy-core.mjs and jxjy.wasm are always from the same build; the next
// visit uses them. Bump VERSION to drop old caches at once. Only same-origin GET requests are touched;
// nothing is ever sent anywhere else.
const VERSION = 'v3';
const CACHE = `jxjy-shell-${VERSION}`;
const SHELL = [
  './',
  './index.html',
  './app.js',
  './texts.js',
  './markup.js',
  './training-file.js',
  './style.css',
  './jxjy.js',
  './jxjy-core.mjs',
  './jxjy.wasm',
  './jxjy-checker.js',
  './manifest.webmanifest',
  './icon.svg',
  './icon-192.png',
  './icon-512.png',
];
const SHELL_URLS = new Set(SHELL.map((p) => new URL(p, self.registration.scope).href));

async function fetchShell() {
  // every file or none: a partial set could pair a new jxjy-core.mjs with an old jxjy.wasm
  const responses = await Promise.all(SHELL.map(async (path) => {
    const request = new Request(new URL(path, self.registration.scope), { cache: 'no-cache', credentials: 'same-origin' });
    const response = await fetch(request);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return [request, response];
  }));
  const cache = await caches.open(CACHE);
  await Promise.all(responses.map(([request, response]) => cache.put(request, response)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(fetchShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('jxjy-shell-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

let refreshing = null;
function refreshInBackground() {
  if (!refreshing) {
    refreshing = fetchShell().catch(() => { /* offline or a file missing: keep what we have */ })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const navigate = request.mode === 'navigate';
  // index.html?embed=1 and the like are the same file: ignore the query for the shell
  const shellFile = navigate || SHELL_URLS.has(url.origin + url.pathname);
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: shellFile });
    if (hit) {
      if (navigate) event.waitUntil(refreshInBackground());
      return hit;
    }
    try {
      const response = await fetch(request);
      // other files of the app (e.g. examples/) are kept too, for the next offline visit
      if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
      return response;
    } catch (e) {
      if (navigate) {
        const page = await cache.match(new URL('./index.html', self.registration.scope).href);
        if (page) return page;
      }
      throw e;
    }
  })());
});
