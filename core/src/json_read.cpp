#include "json_read.h"

#include <algorithm>

namespace jxjy {

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string type_name(const Json& v, Locale l) {
  bool en = l == Locale::en;
  switch (v.type()) {
    case Json::value_t::null: return en ? "null" : "空值 null";
    case Json::value_t::boolean: return en ? "a boolean" : "布尔值";
    case Json::value_t::string: return en ? "a string" : "字符串";
    case Json::value_t::array: return en ? "an array" : "数组";
    case Json::value_t::object: return en ? "an object" : "对象";
    case Json::value_t::number_float:
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return en ? "a number" : "数字";
    default: return en ? "an unsupported value" : "不支持的值";
  }
}

namespace {

// Members of every object in a parsed document.
size_t count_members(const Json& v) {
  size_t n = v.is_object() ? v.size() : 0;
  if (v.is_structured())
    for (const auto& x : v) n += count_members(x);
  return n;
}

// The JSON Pointer of the first key that repeats within its object, found by parsing again with a
// callback that tracks where the parser is. Only called when duplicates are known to exist.
std::string first_duplicate_key(std::string_view text, std::string& key) {
  struct Frame {
    bool array;
    size_t index;
    std::string key;
    std::vector<std::string> keys;
  };
  std::vector<Frame> stack;
  std::string pointer;
  bool found = false;
  using E = Json::parse_event_t;
  Json::parser_callback_t cb = [&](int, E e, Json& parsed) {
    switch (e) {
      case E::object_start: stack.push_back({false, 0, {}, {}}); break;
      case E::array_start: stack.push_back({true, 0, {}, {}}); break;
      case E::key: {
        if (stack.empty() || !parsed.is_string()) break;
        Frame& top = stack.back();
        const std::string& k = parsed.get_ref<const std::string&>();
        if (!found && std::find(top.keys.begin(), top.keys.end(), k) != top.keys.end()) {
          found = true;
          for (size_t i = 0; i + 1 < stack.size(); ++i)
            pointer += "/" + (stack[i].array ? std::to_string(stack[i].index) : escape_pointer_token(stack[i].key));
          pointer += "/" + escape_pointer_token(k);
          key = k;
        }
        top.keys.push_back(k);
        top.key = k;
        break;
      }
      case E::object_end:
      case E::array_end:
        if (!stack.empty()) stack.pop_back();
        [[fallthrough]];
      case E::value:
        if (!stack.empty() && stack.back().array) ++stack.back().index;
        break;
    }
    return true;
  };
  Json ignored = Json::parse(text.begin(), text.end(), cb, /*allow_exceptions=*/false);
  (void)ignored;
  return pointer;
}

}  // namespace

bool parse_json(std::string_view text, size_t max_depth, Json& out, Problem& problem) {
  // Depth scan outside strings: cheap, and it keeps the recursive parser's stack bounded. It also
  // counts the name separators (':'), one per object member in valid JSON, so that duplicate keys
  // (which the parser would silently collapse, keeping the last) can be noticed afterwards.
  size_t depth = 0, members = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (c == '\0') {
      // Never valid in JSON text, and the parser would take it for the end of the input and
      // silently ignore whatever follows.
      problem = {"invalid_json", "", {"不是合法的 JSON 文本（含 NUL 字节）", "not valid JSON text (it contains a NUL byte)"}};
      return false;
    }
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == ':') {
      ++members;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) {
        problem = {"too_deep", "",
                   {"JSON 嵌套超过 " + std::to_string(max_depth) + " 层",
                    "JSON is nested deeper than " + std::to_string(max_depth) + " levels"}};
        return false;
      }
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  out = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (out.is_discarded()) {
    problem = {"invalid_json", "", {"不是合法的 JSON 文本", "not valid JSON text"}};
    return false;
  }
  if (members != 0 && count_members(out) != members) {
    std::string key;
    std::string pointer = first_duplicate_key(text, key);
    problem = {"duplicate_key", pointer,
               {"键“" + key + "”在同一对象中出现了多次", "key \"" + key + "\" appears more than once in the same object"}};
    out = Json();
    return false;
  }
  return true;
}

bool Reader::integer(const Json* v, PathRef path, long lo, long hi, int& out, bool required) {
  if (!v) {
    if (required) missing(path);
    return false;
  }
  if (!v->is_number()) {
    wrong_type(path, *v, "整数", "an integer");
    return false;
  }
  double d = v->get<double>();
  if (!std::isfinite(d) || d != std::floor(d)) {
    wrong_type(path, *v, "整数", "an integer");
    return false;
  }
  if (d < double(lo) || d > double(hi)) {
    add("out_of_range", path.str(),
        {"应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间",
         "must be between " + std::to_string(lo) + " and " + std::to_string(hi)});
    return false;
  }
  out = int(d);
  return true;
}

bool Reader::number(const Json* v, PathRef path, double lo, double hi, double& out, bool required) {
  if (!v) {
    if (required) missing(path);
    return false;
  }
  if (!v->is_number()) {
    wrong_type(path, *v, "数字", "a number");
    return false;
  }
  double d = v->get<double>();
  auto show = [](double x) {
    std::string s = std::to_string(x);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  if (!std::isfinite(d) || d < lo || d > hi) {
    add("out_of_range", path.str(),
        {"应在 " + show(lo) + " 到 " + show(hi) + " 之间", "must be between " + show(lo) + " and " + show(hi)});
    return false;
  }
  out = d;
  return true;
}

bool Reader::boolean(const Json* v, PathRef path, bool& out, bool required) {
  if (!v) {
    if (required) missing(path);
    return false;
  }
  if (!v->is_boolean()) {
    wrong_type(path, *v, "布尔值 true/false", "true or false");
    return false;
  }
  out = v->get<bool>();
  return true;
}

bool Reader::string(const Json* v, PathRef path, size_t max_len, std::string& out, bool required) {
  if (!v) {
    if (required) missing(path);
    return false;
  }
  if (!v->is_string()) {
    wrong_type(path, *v, "字符串", "a string");
    return false;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_len) {
    add("too_long", path.str(),
        {"超过 " + std::to_string(max_len) + " 字节", "longer than " + std::to_string(max_len) + " bytes"});
    return false;
  }
  out = s;
  return true;
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool valid_date(int ymd) {
  int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
  return y >= 1 && d >= 1 && d <= days_in_month(y, m);
}

bool Reader::date(const Json* v, PathRef path, int& out, bool required) {
  std::string s;
  if (!string(v, path, 10, s, required)) return false;
  bool shape = s.size() == 10 && s[4] == '-' && s[7] == '-';
  for (size_t i = 0; shape && i < s.size(); ++i)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) shape = false;
  int ymd = shape ? std::stoi(s.substr(0, 4)) * 10000 + std::stoi(s.substr(5, 2)) * 100 + std::stoi(s.substr(8, 2)) : 0;
  if (!shape || !valid_date(ymd)) {
    add("invalid_date", path.str(),
        {"“" + s + "”不是存在的日期（格式 YYYY-MM-DD）", "\"" + s + "\" is not a real date (format YYYY-MM-DD)"});
    return false;
  }
  out = ymd;
  return true;
}

}  // namespace jxjy
