// The page's entry (index.html), its only module with side effects: once the first screen is painted, it
// starts the page (page.js). Before that paint nothing else is fetched: the first screen (dist/index.html's
// static HTML and style.css) needs nothing more, and on a slow phone every request that ends before that
// paint delays it (measured with Lighthouse: the preloaded 140 KB wasm and the page's modules put its
// largest paint at 2.1 s instead of 1.0 s). The wasm is not preloaded at all: the checker's worker fetches
// it, so its bytes arrive on the worker's thread (a preload's arrive on the page's: three tasks of
// 15-25 ms on the main thread while it loads).
const host = document.querySelector('#jxjy-app[data-jxjy-page]');

// The first paint, as the browser reports it (its "first-contentful-paint" entry: requests that start in
// the frame after the first paint can still end before that paint is shown). Without paint timing: the
// frame after the next animation frame. A hidden tab paints nothing: it starts at once.
const afterFirstPaint = () => new Promise((resolve) => {
  if (document.visibilityState === 'hidden') { resolve(); return; }
  if (!(PerformanceObserver.supportedEntryTypes || []).includes('paint')) {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    return;
  }
  const timer = setTimeout(resolve, 3000); // (a paint that is never reported)
  const seen = new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
    seen.disconnect();
    clearTimeout(timer);
    setTimeout(resolve, 0);
  });
  seen.observe({ type: 'paint', buffered: true });
});

// A returning visitor (something stored by the page, or the service worker answering from its cache) is
// waiting for their verdict, not for a first paint over the network: the page starts at once.
function returning() {
  try {
    return !!navigator.serviceWorker?.controller || localStorage.length > 0;
  } catch {
    return false; // (storage refused: a first visit as far as anyone can tell)
  }
}

// The checker's worker, started as the page's modules begin to load, not after them: it fetches and
// compiles the wasm on its own thread meanwhile (measured at 4x CPU: the first verdict ~0.5 s sooner).
// Until the page adopts it (lib/checker-client.js), what it says is kept. No worker here: the page starts one
// itself or runs the checker on this thread.
function startCheckerWorker() {
  let worker;
  try {
    worker = new Worker(new URL('./lib/checker-worker.js', import.meta.url), { type: 'module', name: 'jxjy-checker' });
  } catch {
    return null;
  }
  const early = [];
  const keep = (e) => { if (e.type === 'error') e.preventDefault(); early.push(e); };
  const types = ['message', 'error', 'messageerror'];
  for (const type of types) worker.addEventListener(type, keep);
  worker.postMessage({ op: 'start', options: {} });
  return {
    worker,
    adopt() {
      for (const type of types) worker.removeEventListener(type, keep);
      return early.splice(0);
    },
  };
}

// The page's modules, asked for together (the build lists them on the host: data-jxjy-modules), not one
// after the other as each is read and names the next.
function preloadPageModules() {
  // (appended in one go: one by one, each link was a style invalidation of its own, 70 ms at 4x CPU)
  const links = (host.dataset.jxjyModules || '').split(' ').filter(Boolean).map((name) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(name, import.meta.url).href;
    return link;
  });
  document.head.append(...links);
}

// (the page is started in the task after its modules are evaluated, not in the same one; app.js imports
// nothing before the first paint, so it has its own copy of form.js's nextTask)
const nextTask = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 0));
if (host) {
  (returning() ? Promise.resolve() : afterFirstPaint()).then(() => {
    // the worker first: its start takes a quarter of a second at 4x CPU before it runs a line (measured
    // with a one-line worker), and it needs nothing from the page's modules
    const started = typeof Worker === 'function' ? startCheckerWorker() : null;
    preloadPageModules();
    return import('./page.js').then(nextTask).then(({ startPage }) => startPage(host, started));
  });
}
