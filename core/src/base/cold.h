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

// JXJY_RARE keeps a rare path (an error, a container's growth) out of a hot function, so the hot one
// stays small enough to be inlined where it is called (gcc and clang, native and wasm).
#define JXJY_RARE __attribute__((noinline, cold))
// JXJY_INLINE: a small function on every token's path, inlined where gcc would call it from its many sites.
#define JXJY_INLINE __attribute__((always_inline)) inline
