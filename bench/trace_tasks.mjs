// A Chromium trace's main-thread tasks, summarised (for trace_page.mjs and roll_trace.mjs): the page's
// own renderer thread is found by a performance mark the page makes just before the trace stops
// (markName), as the browser's other renderers (its new-tab page) are in the trace too.
export const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-devtools.timeline.invalidationTracking'];

const PARTS = ['Layout', 'UpdateLayoutTree', 'ParseHTML', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'ParseAuthorStyleSheet', 'TimerFire', 'FireAnimationFrame', 'EventDispatch'];

/** { onMain, tasks, t0 }: the page's main-thread events ('X') and its tasks in time order. */
export function mainThread(trace, markName) {
  const { pid, tid } = trace.find((e) => e.name === markName);
  const onMain = trace.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  return { onMain, tasks, t0: tasks[0]?.ts || 0 };
}

/** One line per task of at least overMs: its start, length and biggest parts (scripts by file and
 *  function, style, layout, parse). Returns the sum of (task - 50 ms) over all tasks. */
export function printTasks({ onMain, tasks, t0 }, overMs, log = console.log) {
  let total = 0;
  for (const t of tasks) {
    total += Math.max(0, t.dur / 1000 - 50);
    if (t.dur < overMs * 1000) continue;
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const parts = new Map();
    for (const e of inside) {
      let key = null;
      if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule') {
        const d = e.args?.data || {};
        key = `${e.name} ${(d.url || '').split('/').pop()}:${d.functionName || ''}:${d.lineNumber ?? ''}`;
      } else if (PARTS.includes(e.name)) {
        key = e.name;
      }
      if (key) parts.set(key, (parts.get(key) || 0) + e.dur / 1000);
    }
    const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ');
    log(`  +${((t.ts - t0) / 1000).toFixed(0)} ms  ${(t.dur / 1000).toFixed(0)} ms  ${top}`);
  }
  return total;
}

/** Every style or layout pass over overMs, with what the trace says of it (dirty objects, the stack that
 *  forced it). */
export function printLayouts({ onMain, t0 }, overMs, log = console.log) {
  for (const e of onMain) {
    if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.dur > overMs * 1000) {
      log(`  ${e.name} +${((e.ts - t0) / 1000).toFixed(0)} ${(e.dur / 1000).toFixed(1)} ms`, JSON.stringify(e.args).slice(0, 700));
    }
  }
}
