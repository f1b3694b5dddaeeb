// The page (index.html), started by app.js after the first paint: reads the address (?lang=en, ?region=,
// ?embed=1, #p=DATA), mounts one calculator (calculator.js) into <main id="jxjy-app" data-jxjy-page>,
// answers the iframe API when embedded, and registers the service worker after the first verdict.
import { loadChecker, mount } from './calculator/calculator.js';
import { STORAGE_KEY, decodeShare } from './calculator/draft.js';
import { nextTask } from './base/dom.js';
import { say } from './base/texts.js';
import { PEOPLE_KEY } from './calculator/people/people.js';

// index.html?embed=1: answer postMessage({type: "jxjy:evaluate", id, profile}) with
// {type: "jxjy:result", id, result} (the form is not touched); postMessage({type: "jxjy:profile", id,
// profile}) shows that profile in the frame's calculator and answers the same way; say {type: "jxjy:ready"}
// once loaded and {type: "jxjy:resize", height} whenever the content's height changes (CONTRACT §4.4), and
// again when asked with {type: "jxjy:measure"} (a portal whose script started after the frame's first
// message asks once its listener is there).
// Messages are taken only from the parent window (the portal's page; never a sibling frame or a window
// this page opened) and, when the address names the portal (&origin=https://portal.example), only from
// that origin, to which the frame's own messages then go instead of '*'. An origin that is not one
// (not http(s), a path) lets no message in.
export function embedOrigin(search) {
  const o = new URLSearchParams(search).get('origin');
  if (o === null) return { given: false, origin: '*' };
  try {
    const u = new URL(o);
    if ((u.protocol === 'https:' || u.protocol === 'http:') && u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password &&
      !/^[a-z]+:\/\/[^/]*\/./i.test(o)) return { given: true, origin: u.origin };
  } catch { /* not a URL */ }
  return { given: true, origin: null };
}

function setupEmbed(controller) {
  const allowed = embedOrigin(location.search);
  const target = allowed.origin || '*';
  if (allowed.given && !allowed.origin) console.warn('jxjy: ?origin= is not an origin (https://host[:port]); no message is taken');
  const accepted = (event) => window.parent !== window && event.source === window.parent &&
    (!allowed.given || (allowed.origin !== null && event.origin === allowed.origin));
  // The height of the document's content (the <html> box: its height is its content's, not the frame's,
  // so a frame the portal enlarges does not enlarge it: no loop). Sent only when it changed.
  let last = -1;
  const height = () => Math.ceil(document.documentElement.getBoundingClientRect().height);
  const report = () => {
    const h = height();
    if (h !== last && window.parent !== window) {
      last = h;
      if (allowed.given && !allowed.origin) return;
      window.parent.postMessage({ type: 'jxjy:resize', height: h }, target);
    }
  };
  window.addEventListener('message', async (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || !event.source || !accepted(event)) return;
    const origin = event.origin && event.origin !== 'null' ? event.origin : '*';
    if (data.type === 'jxjy:measure') {
      last = height();
      event.source.postMessage({ type: 'jxjy:resize', height: last }, origin);
      return;
    }
    if (data.type !== 'jxjy:evaluate' && data.type !== 'jxjy:profile') return;
    let result;
    try {
      const c = await loadChecker();
      if (data.type === 'jxjy:profile') {
        await controller.ready;
        await controller.openProfile(data.profile);
      }
      // the answer is the checker's for exactly the posted profile (the form shows the same profile)
      result = await c.evaluate(data.profile);
    } catch (e) {
      result = { ok: false, errors: [{ code: 'internal_error', path: '', message: String((e && e.message) || e) }] };
    }
    event.source.postMessage({ type: 'jxjy:result', id: data.id, result }, origin);
  });
  if (window.parent === window) return;
  if (allowed.given && !allowed.origin) return;
  loadChecker().then((c) => window.parent.postMessage({ type: 'jxjy:ready', version: c.version }, target), () => {});
  new ResizeObserver(report).observe(document.documentElement);
}

// Offline: the service worker caches the app shell (sw.js). Only over http(s), not from file://.
// Updates: a returning visit asks whether a new build is out once the page has loaded, and again each
// time the page comes back into view or the device comes back online. sw.js installs a new build whole,
// beside the old one, and waits; the page then offers "新版本可用，刷新", which lets the new worker take
// over and reloads, so no load ever mixes the two builds and nobody's page changes while typing.
function registerServiceWorker(lang) {
  if (!/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  const known = !!navigator.serviceWorker.controller;
  const check = (r) => { r.update().catch(() => {}); };
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (reloading) location.reload(); });
  const offer = (r) => {
    if (!r.waiting || !navigator.serviceWorker.controller || document.getElementById('jxjy-update')) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'jxjy-update';
    button.className = 'update-bar';
    button.textContent = say(lang(), 'updateReady');
    button.addEventListener('click', () => {
      reloading = true;
      if (r.waiting) r.waiting.postMessage({ type: 'jxjy:activate' });
      else location.reload(); // (another tab let it take over already)
    });
    document.body.prepend(button);
  };
  const watch = (r) => {
    offer(r);
    r.addEventListener('updatefound', () => {
      const next = r.installing;
      if (next) next.addEventListener('statechange', () => { if (next.state === 'installed') offer(r); });
    });
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(r); });
    window.addEventListener('online', () => check(r));
    if (known) {
      const first = () => setTimeout(() => check(r), 0);
      if (document.readyState === 'complete') first(); else window.addEventListener('load', first, { once: true });
    }
  };
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).then((r) => {
    watch(r);
    return navigator.serviceWorker.ready;
  }).then(() => {
    // Once the worker controls the page, fetch again what this visit loaded from its own origin, so that
    // every module of the page is in the worker's cache for the next, offline, visit.
    // One at a time: a dozen fetches started in one go took one 24 ms task of the main thread.
    const warm = async () => {
      const files = performance.getEntriesByType('resource').map((e) => e.name)
        .filter((u) => { try { return new URL(u).origin === location.origin; } catch { return false; } });
      for (const u of new Set(files)) await fetch(u).catch(() => {});
    };
    if (navigator.serviceWorker.controller) warm();
    else navigator.serviceWorker.addEventListener('controllerchange', warm, { once: true });
  }).catch(() => { /* no service worker (private mode, blocked): the page still works online */ });
}

/**
 * Starts the page in its host element (app.js calls it once, after the first paint). `started`: the
 * checker's worker app.js started while this module loaded (null: started here).
 */
export async function startPage(host, started = null) {
  // the checker's worker first, in a task of its own (then the calculator in the next: each task short)
  loadChecker(started).catch(() => {});
  await nextTask();
  const params = new URLSearchParams(location.search);
  const embed = params.get('embed') === '1';
  // ?embed=1&view=result: only the result (the portal posts the profile, or a #p= link carries it)
  const resultOnly = embed && params.get('view') === 'result';
  if (embed) document.body.classList.add('embed');
  if (resultOnly) document.body.classList.add('view-result');
  const options = {
    embedded: embed,
    ownsDocument: true,
    storageKey: embed ? null : STORAGE_KEY,
    peopleKey: embed ? null : PEOPLE_KEY,
    region: params.get('region') || undefined,
    lang: params.get('lang') || undefined,
  };
  const m = /^#p=([A-Za-z0-9_-]*)$/.exec(location.hash);
  if (m) {
    options.shared = decodeShare(m[1]);
    // the link has been read: it is not opened again on a reload (the draft now holds it)
    history.replaceState(null, '', location.pathname + location.search);
  }
  // the boot line goes; the static first screen of the production build stays (mount() adopts it)
  for (const n of [...host.childNodes]) if (!(n instanceof Element && n.matches('.jxjy[data-markup]'))) n.remove();
  if (embed) host.querySelector('#roll-toggle')?.remove(); // (the static first screen's: no roll in a frame)
  const controller = mount(host, options);
  if (embed) setupEmbed(controller);
  // After the first verdict: the worker's install downloads the whole shell again, which should not
  // compete with the first visit's own loading.
  const register = () => registerServiceWorker(() => controller.draft().lang);
  controller.ready.then(register, register);
  // the roll view (many people from one spreadsheet): its button once the calculator is up, its code on use
  if (!embed) {
    // the static first screen shows the button before its code is here: a click then is kept, and
    // answered once it is (it was lost, and the button did nothing)
    const early = host.querySelector('#roll-toggle');
    let clicked = false;
    const keep = () => { clicked = true; };
    early?.addEventListener('click', keep);
    const roll = () => import('./roll/roll-button.js').then(({ addRollButton }) => {
      early?.removeEventListener('click', keep);
      const button = addRollButton(host, controller);
      if (clicked) return button?.open();
    }).catch(() => {});
    controller.ready.then(roll, roll);
  }
}

