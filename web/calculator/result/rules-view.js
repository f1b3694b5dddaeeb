// The rule set in words (checker.explain: Markdown of headings, nested lists and paragraphs), drawn as
// text (no HTML is ever parsed).
import { el } from '../../base/dom.js';

export function createRulesView(app) {
  const { $ } = app;
  const t = (key, ...args) => app.t(key, ...args);
  async function renderRules() {
    const box = $('rules-text');
    const rs = app.ruleSet();
    const lang = app.lang();
    const md = rs ? await app.explain(rs.id) : null;
    if (app.ruleSet() !== rs || app.lang() !== lang) return; // a newer call draws it
    if (!md) { box.replaceChildren(el('p', { className: 'hint', text: t('rulesNone') })); return; }
    box.replaceChildren(...markdownNodes(md));
  }

  return { renderRules };
}

/**
 * DOM nodes of the Markdown that checker.explain() writes: "#"/"##" headings, "- " list items (nested by
 * two spaces), paragraphs; every text goes in as text (no HTML is ever parsed).
 */
export function markdownNodes(md) {
  const out = [];
  const stack = []; // open <ul>s, one per depth
  let para = null;
  const inline = (text) => text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
  for (const line of md.split('\n')) {
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    const li = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (!line.trim()) { para = null; stack.length = 0; continue; }
    if (h) {
      stack.length = 0; para = null;
      out.push(el(`h${Math.min(h[1].length + 2, 6)}`, { text: inline(h[2]) }));
    } else if (li) {
      para = null;
      const depth = Math.floor(li[1].length / 2);
      while (stack.length > depth + 1) stack.pop();
      while (stack.length < depth + 1) {
        const ul = el('ul');
        if (stack.length) (stack[stack.length - 1].lastElementChild || stack[stack.length - 1]).append(ul);
        else out.push(ul);
        stack.push(ul);
      }
      stack[depth].append(el('li', { text: inline(li[2]) }));
    } else if (para) {
      para.append(' ' + inline(line.trim()));
    } else {
      stack.length = 0;
      para = el('p', { text: inline(line.trim()) });
      out.push(para);
    }
  }
  return out;
}
