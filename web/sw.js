// jxjy service worker: the calculator works offline after the first visit, and an update never mixes
// two builds in one page load.
//
// Production (dist/, written by scripts/build-dist.mjs): BUILD below is filled in with the build's
// version and its file list; code, style and wasm have content-hashed names. A new deploy changes
// sw.js, so the browser installs a new worker, which downloads the whole new build into a cache of its
// own (jxjy-shell-VERSION) and only then takes over; no cache is ever written after its install. A
// page is served all from one build: the navigation from the newest complete cache, every other file
// by its (hashed, so unique) name from whichever build cache holds it, so a page that started on the
// old build keeps getting old files even when the new worker takes over halfway through its load.
// Old caches are deleted once no page that could need them is open.
//
// Development (web/, scripts/serve.sh --dev): BUILD stays null; files have plain names and change in
// place, so the worker goes to the network first and keeps a copy of every answer for offline use (it
// fills that copy at install by following the page's links and imports).
//
// Only same-origin GET requests are touched; nothing is ever sent anywhere else.
const BUILD = null; // replaced by scripts/build-dist.mjs: {version, files: ['./', './index.html', ...]}

const PREFIX = 'jxjy-shell-'; // (jxjy-shell-v3 and older: the worker before content hashes)
const CACHE = PREFIX + (BUILD ? BUILD.version : 'dev');
const RUNTIME = 'jxjy-runtime'; // same-origin files outside the build (examples/), for offline use
const scoped = (p) => new URL(p, self.registration.scope).href;
const SHELL_PAGES = new Set([scoped('./'), scoped('./index.html')]);

async function installBuild() {
  // all files or no worker: a failed download fails the install, and the old worker stays in charge
  const responses = await Promise.all(BUILD.files.map(async (p) => {
    const response = await fetch(scoped(p), { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${p}: HTTP ${response.status}`);
    return [scoped(p), response];
  }));
  // (a cache of this version left by an install that failed halfway holds the same bytes: the version
  // is a hash of them)
  const cache = await caches.open(CACHE);
  await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
}

// Development: the page, what it links and imports, their imports and `new URL('./x', import.meta.url)`
// assets, and the public entry points; whatever answers.
async function installDev() {
  const cache = await caches.open(CACHE);
  const todo = ['./', './index.html', './jxjy-checker.js', './jxjy.js'].map(scoped);
  const seen = new Set(todo);
  const LINKS = /\b(?:src|href)="([^"#?:]+)"|\bfrom\s*['"](\.[^'"]+)['"]|\bimport\s*\(?\s*['"](\.[^'"]+)['"]|new URL\(\s*['"](\.[^'"]+)['"],\s*import\.meta\.url/g;
  while (todo.length) {
    const url = todo.shift();
    let response;
    try { response = await fetch(url, { cache: 'no-cache' }); } catch { continue; }
    if (!response.ok) continue;
    const type = response.headers.get('content-type') || '';
    if (/html|javascript|manifest/.test(type)) {
      const text = await response.clone().text();
      const found = /manifest/.test(type) ? (JSON.parse(text).icons || []).map((i) => i.src) : [...text.matchAll(LINKS)].map((m) => m.slice(1).find(Boolean));
      for (const f of found) {
        const next = new URL(f, url);
        if (next.origin === self.location.origin && !next.pathname.endsWith('/sw.js') && !seen.has(next.href)) {
          seen.add(next.href);
          todo.push(next.href);
        }
      }
    }
    await cache.put(url, response);
  }
}

// A new build waits while a page of the old one is open: the page offers "新版本可用，刷新" (app.js),
// which asks this worker to take over and then reloads, so the person chooses when the page changes
// (never halfway through typing). The first install, with no build before it, takes over at once;
// so does development (web/), which has no builds to keep apart.
self.addEventListener('install', (event) => {
  event.waitUntil((BUILD ? installBuild() : installDev()).then(() => {
    if (!BUILD || !self.registration.active) return self.skipWaiting();
  }));
});
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'jxjy:activate') self.skipWaiting();
});

// Pages that were open when this worker took over may still ask for their own build's files.
let oldPages = null;
async function dropOldCaches() {
  const open = (await self.clients.matchAll({ includeUncontrolled: true })).map((c) => c.id);
  if (oldPages && open.some((id) => oldPages.has(id))) return;
  oldPages = null;
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    oldPages = new Set((await self.clients.matchAll({ includeUncontrolled: true })).map((c) => c.id));
    await dropOldCaches();
    await self.clients.claim();
  })());
});

// A file of some build: this worker's first, then an older one a page may still be running.
async function fromBuilds(url) {
  const own = await (await caches.open(CACHE)).match(url);
  if (own) return own;
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) {
      const hit = await (await caches.open(name)).match(url);
      if (hit) return hit;
    }
  }
  return null;
}

async function network(request, navigate) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await (await caches.open(BUILD ? RUNTIME : CACHE)).put(request, response.clone());
    return response;
  } catch (e) {
    const stored = await caches.match(request, { ignoreSearch: navigate, cacheName: BUILD ? RUNTIME : CACHE })
      || (navigate && !BUILD && await caches.match(scoped('./index.html'), { cacheName: CACHE }));
    if (stored) return stored;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const bare = url.origin + url.pathname; // index.html?embed=1 is the same file
  const navigate = request.mode === 'navigate';
  if (!BUILD) {
    event.respondWith(network(request, navigate));
    return;
  }
  if (oldPages) event.waitUntil(dropOldCaches());
  event.respondWith((async () => {
    if (SHELL_PAGES.has(bare)) {
      const page = await (await caches.open(CACHE)).match(scoped('./index.html'));
      if (page) return page;
    }
    return (await fromBuilds(bare)) || network(request, navigate);
  })());
});
