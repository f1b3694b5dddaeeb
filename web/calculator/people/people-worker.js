// Reads the saved people of before (the old localStorage value) off the page's main thread: a 2 MB set
// of malformed records takes a few hundred ms to parse, which would freeze the tab (people-db.js).
import { readLegacySet } from './people.js';

self.onmessage = (e) => {
  const { text, lang } = e.data || {};
  let out;
  try { out = readLegacySet(String(text), lang); } catch (error) { out = { error: String((error && error.message) || error) }; }
  self.postMessage(out);
};
