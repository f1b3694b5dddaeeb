// "Share": a link of the form index.html#p=DATA (CONTRACT §4.4: the profile JSON, UTF-8, base64url
// without padding) and its QR code, made here in the browser by the vendored @paulmillr/qr (loaded only
// when the panel opens). The fragment never leaves the browser; the optional name is not in the link.
import { encodeShare } from './draft.js';

const SVG = 'http://www.w3.org/2000/svg';

/** The page's address with #p=DATA for a profile. */
export function shareUrl(profile, base = location.href) {
  const url = new URL(base);
  url.hash = `p=${encodeShare(profile)}`;
  url.searchParams.delete('embed');
  return url.href;
}

/** An <svg> of the QR code of text (one path, dark modules; a 4-module quiet zone). */
export async function qrSvg(text) {
  const { default: encodeQR } = await import('../vendor/qr.js');
  const grid = encodeQR(text, 'raw', { ecc: 'low', border: 4 });
  const n = grid.length;
  let d = '';
  grid.forEach((row, y) => row.forEach((on, x) => { if (on) d += `M${x} ${y}h1v1h-1z`; }));
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${n} ${n}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('shape-rendering', 'crispEdges');
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', n); bg.setAttribute('height', n); bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d); path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

export function createShare(app, { profile, base }) {
  const { $ } = app;
  const t = (key, ...args) => app.t(key, ...args);

  async function open() {
    const link = shareUrl(profile(), base || location.href);
    $('share-panel').hidden = false;
    $('share-link').value = link;
    $('share-status').textContent = '';
    $('share-qr').replaceChildren();
    $('share-link').focus();
    $('share-link').select();
    try {
      const svg = await qrSvg(link);
      svg.setAttribute('aria-label', t('qr'));
      $('share-qr').replaceChildren(svg);
    } catch (e) {
      $('share-status').textContent = String((e && e.message) || e);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText($('share-link').value);
      $('share-status').textContent = t('copied');
    } catch {
      $('share-link').select();
      $('share-status').textContent = t('copyFailed');
    }
  }

  $('share-btn').addEventListener('click', open);
  $('share-copy').addEventListener('click', copy);
  $('share-close').addEventListener('click', () => { $('share-panel').hidden = true; $('share-btn').focus(); });
  return { open, link: () => shareUrl(profile(), base || location.href) };
}
