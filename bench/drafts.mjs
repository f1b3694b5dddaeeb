// The bench's made-up drafts (a returning visitor's stored draft: N course records over three years in
// 郑州) and a phone-sized page that opens with one, its CPU slowed. Shared by the page benches.
import { newContext } from '../tests/browser/harness.mjs';

export const DRAFT_KEY = 'jxjy.calculator.draft.v2';
export const rowOf = (i) => ({ year: String(2021 + (i % 3)), subject: i % 2 ? 'public' : 'professional',
  activity: 'course', amount: String(10 + (i % 20)), unit: 'hours' });
export const draftOf = (n) => ({ region: '410100', year: '2023', route: 'review', level: 'intermediate', currentTitleSince: '2020',
  training: Array.from({ length: n }, (_, i) => rowOf(i)) });

/** A 412 px touch page whose storage holds a draft of n records (none for 0), CPU slowed `rate` times. */
export async function phonePage(browser, origin, n, rate) {
  const { context } = await newContext(browser, origin, { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  if (n) await page.addInitScript(([k, d]) => localStorage.setItem(k, d), [DRAFT_KEY, JSON.stringify(draftOf(n))]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp };
}
