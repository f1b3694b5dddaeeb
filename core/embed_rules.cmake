# Writes a C++ file holding every rule file as a raw string (run by CMake at build time).
file(GLOB FILES "${DIR}/*.json")
list(FILTER FILES EXCLUDE REGEX "\\.schema\\.json$")
list(SORT FILES)
set(body "// Generated from rules/*.json by core/embed_rules.cmake. Do not edit.\n#include \"jxjy/jxjy.h\"\nnamespace jxjy {\nstd::vector<RuleFile> builtin_rule_files() {\n  return {\n")
foreach(f ${FILES})
  get_filename_component(name "${f}" NAME)
  file(READ "${f}" text)
  # Each line's indentation is dropped (a JSON string holds no raw newline, so what follows one is never
  # inside a string): the same JSON, 10 KB less text in the binaries (about 350 B brotli in the wasm).
  string(REGEX REPLACE "\n[ \t]*" "" text "${text}")
  string(APPEND body "    {\"${name}\", R\"jxjyrules(${text})jxjyrules\"},\n")
endforeach()
string(APPEND body "  };\n}\n}  // namespace jxjy\n")
file(WRITE "${OUT}.tmp" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
