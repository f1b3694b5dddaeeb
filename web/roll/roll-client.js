// The page's side of roll-worker.js: checkRoll(text, {lang, checkDate, onRead, onLines}) resolves once every
// person is checked; exportCsv(text, {lang, checkDate}) resolves to the results' CSV;
// xlsxCsv(buffer) to the first sheet of an .xlsx as CSV. Where no module worker
// can be had, the same work (roll-run.js) runs on this thread, a batch at a time.
let worker = null;
let nextId = 1;
const pending = new Map();
let mainThread = null; // {checker} once the worker failed or was never there

function startWorker() {
  if (worker || mainThread || typeof Worker !== 'function') return worker;
  try {
    worker = new Worker(new URL('./roll-worker.js', import.meta.url), { type: 'module', name: 'jxjy-roll' });
  } catch {
    worker = null;
    return null;
  }
  const stop = (why) => {
    worker.terminate();
    worker = null;
    mainThread = mainThread || {};
    for (const p of pending.values()) p.retry(why);
    pending.clear();
  };
  worker.addEventListener('error', (e) => { e.preventDefault(); stop(e.message || 'error'); });
  worker.addEventListener('message', (event) => {
    const m = event.data;
    const p = pending.get(m.id);
    if (p) p.handle(m);
  });
  return worker;
}

async function onMainThread(op, message, handle) {
  if (op === 'warm') return handle({ type: 'done' }); // (the main thread is not kept busy for it)
  if (op !== 'xlsx' && (!mainThread || !mainThread.checker)) {
    const { createChecker } = await import('../lib/jxjy.js');
    mainThread = { checker: await createChecker() };
  }
  if (op === 'xlsx') {
    const { xlsxToCsv } = await import('./roll-xlsx.js');
    try {
      return handle({ type: 'csv', text: await xlsxToCsv(message.buffer) });
    } catch (e) {
      return handle({ type: 'failed', message: String(e.message || e), ...(e.code ? { code: e.code } : {}) });
    }
  }
  const run = await import('./roll-run.js');
  if (op === 'check' || op === 'export') {
    try {
      message = { ...message, text: await run.rollSource(message), buffer: undefined };
    } catch (e) {
      return handle({ type: 'failed', message: String(e.message || e), ...(e.code ? { code: e.code } : {}) });
    }
  }
  if (op === 'export') return handle({ type: 'csv', text: run.exportRoll(mainThread.checker, message) });
  if (op === 'read') return handle({ type: 'roll', roll: mainThread.checker.readRoll(message.text, { locale: message.lang === 'en' ? 'en' : 'zh' }) });
  if (op === 'person') return handle({ type: 'profile', profile: run.personProfile(message.index) });
  if (op === 'view') return handle({ type: 'view', ...run.viewLines(message.view) });
  // let the page paint between batches
  const queue = [];
  run.checkRoll(mainThread.checker, message, (m) => queue.push(m));
  for (const m of queue) {
    handle(m);
    await new Promise((r) => setTimeout(r, 0));
  }
}

function request(op, message, handle) {
  return new Promise((resolve, reject) => {
    const finish = (m) => {
      if (m.type === 'failed') { reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {})); return true; }
      handle(m);
      if (m.type === 'done' || m.type === 'csv' || m.type === 'roll' || m.type === 'profile' || m.type === 'view') { resolve(m); return true; }
      return false;
    };
    const local = () => onMainThread(op, message, finish).catch(reject);
    const w = startWorker();
    if (!w) { local(); return; }
    const id = nextId++;
    pending.set(id, {
      handle: (m) => { if (finish(m)) pending.delete(id); },
      retry: local,
    });
    // (an .xlsx's bytes alone are handed over; a roll's file is a handle, its bytes when given are copied:
    // a retry on this thread still has them)
    w.postMessage({ id, op, ...message }, op === 'xlsx' && message.buffer ? [message.buffer] : []);
  });
}

// A roll given as its text, or as a file {file, xlsx} (a File: a handle, the bytes not copied) or its bytes
// {buffer, xlsx} that the worker reads (roll-run.js rollSource).
const rollSource = (source) => (typeof source === 'string' ? { text: source }
  : { file: source.file, buffer: source.buffer, xlsx: !!source.xlsx });

/**
 * Checks a roll (source: its text, or {file, xlsx} or {buffer, xlsx}: read in the worker): onRead({total,
 * errors, …}) once, onLines(lines, done) per batch (lines: the first page's only); resolves to the "done"
 * message {lines, counts, problems, notices}. The lines stay in the worker: viewLines. A file that cannot be read
 * rejects with code 'file_unreadable', 'encoding', 'xlsx_too_large' or 'xlsx_unreadable'.
 */
export function checkRoll(source, { lang, checkDate, columns, regions, onRead = () => {}, onLines = () => {} }) {
  return request('check', { ...rollSource(source), lang, checkDate, columns, regions }, (m) => {
    if (m.type === 'read') onRead(m);
    else if (m.type === 'lines') onLines(m.lines, m.done);
  });
}

/** The results of a roll as CSV text. */
export async function exportCsv(source, { lang, checkDate, columns, regions }) {
  return (await request('export', { ...rollSource(source), lang, checkDate, columns, regions }, () => {})).text;
}

/** The first sheet of an .xlsx file (its bytes, an ArrayBuffer: transferred) as CSV text. */
export async function xlsxCsv(buffer) {
  return (await request('xlsx', { buffer }, () => {})).text;
}

/**
 * The lines of the last checked roll the page shows (roll-run.js viewLines): view {status, name, sort, page,
 * pageSize, allAtOnce} -> {all, shown, paged, page, lines}.
 */
export async function viewLines(view) {
  const { type, id, ...out } = await request('view', { view }, () => {});
  return out;
}

/** The profile of the last checked roll's person at index (a line's index), as checked; null when none. */
export async function personProfile(index) {
  return (await request('person', { index }, () => {})).profile;
}

/** Starts the worker and warms its reader and checker up (before a file is chosen). Never rejects. */
export function warm() {
  return request('warm', {}, () => {}).catch(() => {});
}

/** A roll read by the core's reader, not checked: {people, errors} as checker.readRoll gives it. */
export async function readRoll(text, lang) {
  return (await request('read', { text, lang }, () => {})).roll;
}
