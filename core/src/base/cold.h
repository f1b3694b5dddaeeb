// JXJY_COLD marks code that runs once or on demand (loading rule files, the region catalogue, explain,
// forms, the roll): in the wasm module it is built for size (clang's minsize, so the optimiser calls what
// it needs instead of copying it in), which keeps the module within its size budget while every
// evaluation's path stays -O3; natively it is nothing. See bench/README.md "The wasm's contents".
#pragma once
#if defined(__EMSCRIPTEN__)
#define JXJY_COLD __attribute__((minsize))
#else
#define JXJY_COLD
#endif

// JXJY_APART keeps a small function that many call sites share out of them in the wasm module, where
// each copy would cost bytes that are compiled on first use. Natively it is nothing.
#if defined(__EMSCRIPTEN__)
#define JXJY_APART __attribute__((noinline))
#else
#define JXJY_APART
#endif
