// The JS module (CONTRACT §1). Its code is web/lib/jxjy.js, which finds web/lib/jxjy.wasm by its own URL.
export * from './lib/jxjy.js';
