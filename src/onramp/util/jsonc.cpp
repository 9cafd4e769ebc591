#include "onramp/util/jsonc.hpp"

#include <algorithm>
#include <vector>

namespace onramp::util {

std::string strip_jsonc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (c == '"') {
      const std::size_t start = i++;
      while (i < n && text[i] != '"') i += text[i] == '\\' ? 2U : 1U;
      i = i < n ? i + 1 : n;
      out.append(text.substr(start, i - start));
    } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      while (i < n && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      const auto end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? n : end + 2;
    } else if (c == ',') {
      // Drop the comma when only white space or comments stand before the closing bracket.
      std::size_t j = i + 1;
      for (;;) {
        while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
        if (j + 1 < n && text[j] == '/' && text[j + 1] == '/') {
          while (j < n && text[j] != '\n') ++j;
        } else if (j + 1 < n && text[j] == '/' && text[j + 1] == '*') {
          const auto end = text.find("*/", j + 2);
          j = end == std::string_view::npos ? n : end + 2;
        } else {
          break;
        }
      }
      if (j >= n || (text[j] != '}' && text[j] != ']')) out += ',';
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

void transform_strings(nlohmann::ordered_json& root, const std::function<std::string(const std::string&)>& fn,
                       bool keys) {
  std::vector<nlohmann::ordered_json*> todo{&root};
  while (!todo.empty()) {
    auto* j = todo.back();
    todo.pop_back();
    if (j->is_string()) {
      auto& s = j->get_ref<std::string&>();
      s = fn(s);
    } else if (j->is_object()) {
      // Keys are rebuilt only when one of them changes (ordered_json keeps the order).
      if (keys &&
          std::any_of(j->items().begin(), j->items().end(), [&](const auto& kv) { return fn(kv.key()) != kv.key(); })) {
        nlohmann::ordered_json rebuilt = nlohmann::ordered_json::object();
        for (auto& [key, value] : j->items()) rebuilt[fn(key)] = std::move(value);
        *j = std::move(rebuilt);
      }
      for (auto& [key, value] : j->items()) todo.push_back(&value);
    } else if (j->is_array()) {
      for (auto& child : *j) todo.push_back(&child);
    }
  }
}

}  // namespace onramp::util
