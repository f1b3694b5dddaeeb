// <jxjy-checker region="150783" lang="zh">: the whole calculator in a portal's page from one script tag
// (CONTRACT §1):
//
//   <script type="module" src="https://…/jxjy/jxjy-checker.js"></script>
//   <jxjy-checker region="150783" lang="zh"></jxjy-checker>
//
// The calculator (calculator.js) is mounted in the element's own shadow root and styled there by style.css
// (loaded with a <link> beside this file), so the portal's CSS does not leak in and ours does not leak
// out. No inline styles and no eval: works under a strict CSP that allows this origin's scripts, styles
// and 'wasm-unsafe-eval'. Everything is computed locally; the element keeps no draft unless it has the
// `persist` attribute (then in the portal origin's localStorage, one draft per element id).
//
// What the element offers and what it leaves to the host (README "Embedding"): share only with the
// share-page attribute (the URL of jxjy's index.html, which reads the #p= link; the npm package has no
// page, so without it the share button is not shown), print (the summary takes the calculator's place; the rest of
// the portal's page prints as the portal's print CSS says); no saved people (that list is the page's,
// index.html: a portal that keeps several people keeps its own list and calls evaluate(profile)).
//
// Attributes: region (six-digit code; a county code falls back to its city's or province's notice),
//             lang ("zh" or "en"), persist (boolean), share-page (URL of jxjy's index.html: share is offered).
// Events:     "jxjy-result" (bubbles, composed) after every evaluation, detail = {result, profile}.
// Methods:    evaluate(profile) -> Promise<result> (the same checker, without touching the form);
//             ready -> Promise that resolves once the checker is loaded.
import { mount, loadChecker } from '../calculator/calculator.js';

const STYLE_URL = new URL('../style.css', import.meta.url).href;

export class JxjyChecker extends HTMLElement {
  static get observedAttributes() { return ['region', 'lang']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._controller = null;
  }

  connectedCallback() {
    if (this._controller) return;
    const root = this.shadowRoot;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLE_URL;
    root.append(link);
    const persist = this.hasAttribute('persist');
    this._controller = mount(root, {
      embedded: true,
      region: this.getAttribute('region') || undefined,
      lang: this.getAttribute('lang') || undefined,
      storageKey: persist ? `jxjy.checker.draft.v1${this.id ? '.' + this.id : ''}` : null,
      // a share link must open jxjy's own page (the portal's page does not read #p=): offered only when
      // the host says where that page is
      shareBase: this.hasAttribute('share-page') ? new URL(this.getAttribute('share-page'), document.baseURI).href : null,
      onResult: (result, profile) => {
        this.dispatchEvent(new CustomEvent('jxjy-result', { bubbles: true, composed: true, detail: { result, profile } }));
      },
    });
    // keep the unstyled form out of sight until style.css is there
    const wrapper = root.querySelector('.jxjy');
    wrapper.hidden = true;
    const show = () => { wrapper.hidden = false; };
    link.addEventListener('load', show, { once: true });
    link.addEventListener('error', show, { once: true });
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this._controller || oldValue === value) return;
    if (name === 'lang') this._controller.setLang(value);
    else if (name === 'region' && value) this._controller.setRegion(value);
  }

  /** Resolves once the checker is loaded (rejects if jxjy.wasm cannot be loaded). */
  get ready() {
    return this._controller ? this._controller.ready : loadChecker();
  }

  /** The result now shown, or null. */
  get result() {
    return this._controller ? this._controller.result() : null;
  }

  /** Evaluates any profile with the same checker (CONTRACT §2 in, §3 out); the form is not changed. */
  async evaluate(profile) {
    const checker = await loadChecker();
    return checker.evaluate(profile);
  }
}

if (!customElements.get('jxjy-checker')) customElements.define('jxjy-checker', JxjyChecker);
