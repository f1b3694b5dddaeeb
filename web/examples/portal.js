// Example portal script: listens to the custom element's "jxjy-result" events, talks to two ?embed=1
// iframes (the whole calculator, and &view=result: the result alone) and sizes each from jxjy:resize.
const STATUS_ZH = { met: '达标', exempt: '免于要求', advisory: '仅作参考', short: '未达标' };
const describe = (result) => (result && result.ok
  ? `${result.status}（${STATUS_ZH[result.status] || ''}）`
  : `error（${((result && result.errors) || []).map((e) => e.path || e.code).join(', ')}）`);

// 1. the custom element
document.getElementById('checker').addEventListener('jxjy-result', (event) => {
  document.getElementById('element-status').textContent = describe(event.detail.result);
});

// 2. the iframes: postMessage({type: "jxjy:evaluate" | "jxjy:profile", id, profile}) ->
//    {type: "jxjy:result", id, result}; each frame says {type: "jxjy:resize", height} whenever its content's
//    height changes, and the portal sizes it to that height (no scrollbar inside the portal's scrollbar).
const frames = [document.getElementById('frame'), document.getElementById('result-frame')];
const target = new URL(frames[0].getAttribute('src'), location.href);
const pending = new Map();
let nextId = 1;
window.addEventListener('message', (event) => {
  const frame = frames.find((f) => f.contentWindow === event.source);
  if (!frame || event.origin !== target.origin) return;
  const data = event.data;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'jxjy:resize' && Number.isFinite(data.height) && data.height > 0) {
    frame.style.height = `${Math.ceil(data.height)}px`; // CSSOM, allowed by the portal's strict CSP
    frame.dataset.height = String(Math.ceil(data.height));
  } else if (data.type === 'jxjy:result' && pending.has(data.id)) {
    pending.get(data.id)(data.result);
    pending.delete(data.id);
  }
});

/**
 * Sends a profile to an iframe and resolves to its result: type "jxjy:evaluate" only answers (the frame's
 * form is not touched), "jxjy:profile" also shows the profile in the frame. A message sent before the
 * iframe's page has started listening is lost, so the request is repeated (same id) until the answer
 * comes; the iframe also says {type: "jxjy:ready"} once its checker is loaded, which a portal may wait
 * for instead.
 */
function sendToFrame(frame, type, profile, { timeoutMs = 20_000 } = {}) {
  const id = `portal-${nextId++}`;
  return new Promise((resolve, reject) => {
    const send = () => frame.contentWindow.postMessage({ type, id, profile }, target.origin);
    const timer = setInterval(send, 500);
    const giveUp = setTimeout(() => {
      clearInterval(timer);
      pending.delete(id);
      reject(new Error('no answer from the calculator iframe'));
    }, timeoutMs);
    pending.set(id, (result) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve(result);
    });
    send();
  });
}
// The frames may have said their first height before this script listened: ask each once it has loaded
// (and now, in case it already has).
for (const frame of frames) {
  const measure = () => frame.contentWindow.postMessage({ type: 'jxjy:measure' }, target.origin);
  frame.addEventListener('load', measure);
  measure();
}

const evaluateInFrame = (profile, options) => sendToFrame(frames[0], 'jxjy:evaluate', profile, options);
const showInFrame = (profile, options) => sendToFrame(frames[0], 'jxjy:profile', profile, options);
const showResult = (profile, options) => sendToFrame(frames[1], 'jxjy:profile', profile, options);

const SAMPLE = {
  region: '630000', year: 2023, route: 'review', level: 'senior', gender: 'female', age: 47,
  training: [
    { year: 2023, subject: 'public', activity: 'course', hours: 30 },
    { year: 2023, subject: 'professional', activity: 'training_class', days: 5 },
  ],
};

async function report(out, detail, work) {
  out.textContent = '…';
  let result;
  try {
    result = await work();
  } catch (e) {
    out.textContent = String(e.message);
    return;
  }
  out.textContent = describe(result);
  if (detail) detail.textContent = JSON.stringify(result, null, 2);
}
const status = document.getElementById('iframe-status');
const detail = document.getElementById('iframe-detail');
document.getElementById('send').addEventListener('click', () => report(status, detail, () => evaluateInFrame(SAMPLE)));
document.getElementById('show').addEventListener('click', () => report(status, detail, () => showInFrame(SAMPLE)));
document.getElementById('show-result').addEventListener('click', () => report(document.getElementById('result-status'), null, () => showResult(SAMPLE)));

// for scripts and tests: window.jxjyPortal.evaluateInFrame(profile), showInFrame(profile), showResult(profile)
window.jxjyPortal = { evaluateInFrame, showInFrame, showResult };
