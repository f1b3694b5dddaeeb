// Types of the JS module (CONTRACT §1): web/lib/jxjy.d.ts.
export * from './lib/jxjy.js';
