// A strict RFC 8259 reader for the hot path (profiles): the same events as nlohmann's SAX parser,
// delivered to the same builder, at a fraction of the cost (nlohmann's lexer copies every string
// byte by byte). Behaviour matches nlohmann's strict parse: UTF-8 validated (no overlong forms, no
// encoded surrogates), escapes and surrogate pairs checked, a BOM only at the very start, no
// comments, no trailing commas, no trailing text, non-finite numbers refused. The fuzz target
// fuzz_profile checks it against nlohmann::json::accept.
#pragma once
#include <string_view>

namespace jxjy {

// Calls the builder's SAX methods (null, boolean, number_float, string, key, start_object,
// end_object, start_array, end_array; string_view_value and key_view for strings without escapes,
// which stay views into `text`); returns false on the first syntax error or when the builder
// refuses an event. Depth is bounded by the builder, which refuses start_object/start_array beyond its limit.
template <class Builder>
bool lex_json(std::string_view text, Builder& builder);

}  // namespace jxjy

#include "json/lexer_impl.h"
