// The bench's made-up drafts (a returning visitor's stored draft: N course records over three years in
// 郑州) and a phone-sized page that opens with one, its CPU slowed. Shared by the page benches.
import { newContext } from '../tests/browser/harness.mjs';

export const DRAFT_KEY = 'jxjy.calculator.draft.v2';
export const rowOf = (i) => ({ year: String(2021 + (i % 3)), subject: i % 2 ? 'public' : 'professional',
  activity: 'course', amount: String(10 + (i % 20)), unit: 'hours' });
export const draftOf = (n) => ({ region: '410100', year: '2023', route: 'review', level: 'intermediate', currentTitleSince: '2020',
  training: Array.from({ length: n }, (_, i) => rowOf(i)) });

/** The phone the benches visit as: 412 px wide, touch. */
export const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true };
/** A 412 px touch page whose storage holds a draft of n records (none for 0), CPU slowed `rate` times. */
export async function phonePage(browser, origin, n, rate) {
  const { context } = await newContext(browser, origin, PHONE);
  return { context, ...await phoneTab(context, n, rate) };
}
/** A tab of `context` with page_bench's n-record draft stored (none for 0) and its CPU throttled `rate` times. */
export async function phoneTab(context, n, rate) {
  const page = context.pages()[0] || await context.newPage();
  if (n) await page.addInitScript(([k, d]) => localStorage.setItem(k, d), [DRAFT_KEY, JSON.stringify(draftOf(n))]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, cdp };
}

/**
 * Types n amounts into the first record card, one at a time, 50 ms apart, each waiting until the
 * calculator is no longer aria-busy (the new verdict is on screen) and the frame that shows it. Each is
 * marked for a trace (performance.mark jxjy-key-I-start / -end); resolves to each one's wall time in ms.
 */
export function typeAmounts(page, n) {
  return page.evaluate(async (n) => {
    const wrapper = document.querySelector('.jxjy');
    const input = document.querySelector('#records-list [data-col="amount"] input');
    const out = [];
    for (let i = 0; i < n; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const done = new Promise((resolve) => {
        const mo = new MutationObserver(() => { if (!wrapper.hasAttribute('aria-busy')) { mo.disconnect(); resolve(); } });
        mo.observe(wrapper, { attributes: true, attributeFilter: ['aria-busy'] });
      });
      performance.mark(`jxjy-key-${i}-start`);
      const t0 = performance.now();
      input.value = String(60 + (i % 7));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      performance.mark(`jxjy-key-${i}-end`);
      out.push(performance.now() - t0);
    }
    return out;
  }, n);
}

/**
 * Watches, from inside the page (call before navigating), for the banner's first stage past "loading"
 * (`verdict`: the first verdict) and for the page's checker being ready. Resolves, before the navigation,
 * to {shown}: a promise of both moments in the page's clock, {ms, checkerMs}.
 */
export async function watchFirstStage(page, verdict) {
  await page.addInitScript((want) => {
    const seen = () => {
      const stage = document.querySelector('#banner')?.dataset.stage;
      if (window.__jxjyStageAt === undefined && stage && (want ? stage === 'verdict' : stage !== 'loading')) window.__jxjyStageAt = performance.now();
      if (window.__jxjyCheckerAt === undefined && document.querySelector('.jxjy[data-checker="ready"]')) window.__jxjyCheckerAt = performance.now();
      // told through the console, which the bench hears without running anything in the page: a
      // Playwright wait (locator.waitFor) puts its own script into the page, a 70-140 ms task at 4x CPU on
      // the page's main thread in the middle of the first visit
      if (!window.__jxjyToldBench && window.__jxjyStageAt !== undefined && window.__jxjyCheckerAt !== undefined) {
        window.__jxjyToldBench = true;
        console.debug('jxjy-bench:shown');
      }
    };
    new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage', 'data-checker'] });
  }, verdict);
  const told = page.waitForEvent('console', { predicate: (m) => m.text() === 'jxjy-bench:shown', timeout: 120_000 });
  const shown = told.then(() => page.evaluate(() => ({ ms: window.__jxjyStageAt, checkerMs: window.__jxjyCheckerAt })));
  return { shown };
}

// Until the service worker controls the page and has every file this visit loaded in its cache (app.js
// warms it), polled from here (waitForFunction takes an async predicate's Promise for true and does not
// wait); throws after 30 s. Before an offline repeat visit.
export async function untilVisitCached(page) {
  const cached = () => page.evaluate(async () => {
    const files = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin));
    for (const u of files) if (!(await caches.match(u))) return false;
    return !!navigator.serviceWorker.controller;
  });
  for (let i = 0; i < 150; i++) {
    if (await cached()) return;
    await page.waitForTimeout(200);
  }
  throw new Error('the service worker did not cache the visit within 30 s');
}
