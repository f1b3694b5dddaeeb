// Example portal script: listens to the custom element's "jxjy-result" events and talks to the
// ?embed=1 iframe with postMessage({type: "jxjy:evaluate", id, profile}) -> {type: "jxjy:result", id, result}.
const STATUS_ZH = { met: '达标', exempt: '免于要求', advisory: '仅作参考', short: '未达标' };
const describe = (result) => (result && result.ok
  ? `${result.status}（${STATUS_ZH[result.status] || ''}）`
  : `error（${((result && result.errors) || []).map((e) => e.path || e.code).join(', ')}）`);

// 1. the custom element
document.getElementById('checker').addEventListener('jxjy-result', (event) => {
  document.getElementById('element-status').textContent = describe(event.detail.result);
});

// 2. the iframe API
const frame = document.getElementById('frame');
const target = new URL(frame.getAttribute('src'), location.href);
const pending = new Map();
let nextId = 1;
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== target.origin) return;
  const data = event.data;
  if (!data || data.type !== 'jxjy:result' || !pending.has(data.id)) return;
  pending.get(data.id)(data.result);
  pending.delete(data.id);
});

/**
 * Sends a profile to the iframe and resolves to its result. A message sent before the iframe's page
 * has started listening is lost, so the request is repeated (same id) until the answer comes; the
 * iframe also says {type: "jxjy:ready"} once its checker is loaded, which a portal may wait for instead.
 */
function evaluateInFrame(profile, { timeoutMs = 20_000 } = {}) {
  const id = `portal-${nextId++}`;
  return new Promise((resolve, reject) => {
    const send = () => frame.contentWindow.postMessage({ type: 'jxjy:evaluate', id, profile }, target.origin);
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

const SAMPLE = {
  region: '630000', year: 2023, route: 'review', level: 'senior', gender: 'female', age: 47,
  training: [
    { year: 2023, subject: 'public', activity: 'course', hours: 30 },
    { year: 2023, subject: 'professional', activity: 'training_class', days: 5 },
  ],
};

document.getElementById('send').addEventListener('click', async () => {
  const out = document.getElementById('iframe-status');
  out.textContent = '…';
  let result;
  try {
    result = await evaluateInFrame(SAMPLE);
  } catch (e) {
    out.textContent = String(e.message);
    return;
  }
  out.textContent = describe(result);
  document.getElementById('iframe-detail').textContent = JSON.stringify(result, null, 2);
});

// for scripts and tests: window.jxjyPortal.evaluateInFrame(profile)
window.jxjyPortal = { evaluateInFrame };
