// Rendering of what the checker said: the next step (while the profile is incomplete), the verdict,
// what is still needed (with deadlines), the per-year table, reasons and warnings, each record's own
// explanation (in its card, where the person typed it), the region's ways to earn hours, and the
// printable one-page summary. Reads the calculator's "view" (evaluation.js); keeps no state.
import { createResultParts } from './result-parts.js';
import { createVerdictView } from './verdict-view.js';
import { createFormsView } from './forms-view.js';
import { createRecordExplanations } from './record-explanations.js';
import { createWaysView } from './ways-view.js';
import { createRulesView } from './rules-view.js';
import { createPrintSummary } from './print-summary.js';

// One part a panel: the verdict (verdict-view.js) with the notice's forms (forms-view.js), each record's
// explanation (record-explanations.js), the ways to earn hours (ways-view.js), the rule set in words
// (rules-view.js) and the printable summary (print-summary.js), drawn with the same pieces (result-parts.js).
export function createResultView(app) {
  const parts = createResultParts(app);
  const { renderForms } = createFormsView(app, parts);
  const { render, setBanner } = createVerdictView(app, parts, renderForms);
  const { explain, renderExplanations } = createRecordExplanations(app, parts);
  const { renderWays } = createWaysView(app, parts);
  const { renderRules } = createRulesView(app);
  const { renderPrint } = createPrintSummary(app, parts, explain);
  return { render, renderExplanations, renderWays, renderRules, renderPrint, explain, setBanner };
}
