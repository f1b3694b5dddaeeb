// <jxjy-checker> (CONTRACT §1). Its code is web/lib/jxjy-checker.js.
export * from './lib/jxjy-checker.js';
