#include "onramp/util/strings.hpp"

#include <fmt/format.h>

#include <cstddef>

namespace onramp::util {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::vector<std::string_view> lines_of(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string_view> out;
  for (auto line : split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
  }
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i != 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : trim(s)) {
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto hex_byte = [](std::string& out, unsigned char c) {
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  };
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
    } else if (c < 0x80) {
      if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (c == '\r') out += "\\r";
      else hex_byte(out, c);
      ++i;
    } else {
      const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
      const auto seq = len == 0 || i + len > s.size() ? std::string_view() : s.substr(i, len);
      if (seq.empty() || !is_valid_utf8(seq)) {
        hex_byte(out, c);
        ++i;
        continue;
      }
      std::uint32_t cp = c & (len == 2 ? 0x1FU : len == 3 ? 0x0FU : 0x07U);
      for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(seq[k]) & 0x3FU);
      const bool c1 = cp >= 0x80 && cp <= 0x9F;
      const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
                        cp == 0x200F || cp == 0x061C;
      if (c1 || bidi) out += fmt::format("\\u{:04x}", cp);
      else out.append(seq);
      i += len;
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

std::uint32_t count_code_points(std::string_view s) {
  std::uint32_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::vector<std::string_view> split_arguments(std::string_view args) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const char c = args[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '(' || c == '[' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '}') --depth;
    else if (c == ',' && depth == 0) {
      out.push_back(trim(args.substr(start, i - start)));
      start = i + 1;
    }
  }
  const auto last = trim(args.substr(std::min(start, args.size())));
  if (!last.empty()) out.push_back(last);
  return out;
}

std::string_view keyword_argument(const std::vector<std::string_view>& args, std::string_view name) {
  for (auto a : args) {
    if (a.size() > name.size() && a.substr(0, name.size()) == name) {
      auto rest = trim(a.substr(name.size()));
      if (!rest.empty() && rest[0] == '=' && (rest.size() < 2 || rest[1] != '=')) return trim(rest.substr(1));
    }
  }
  return {};
}

std::optional<std::string> string_literal(std::string_view text) {
  text = trim(text);
  while (!text.empty() &&
         (text[0] == 'r' || text[0] == 'R' || text[0] == 'b' || text[0] == 'B' || text[0] == 'u' || text[0] == 'U')) {
    text.remove_prefix(1);
  }
  if (text.size() < 2) return std::nullopt;
  const char q = text[0];
  if ((q != '"' && q != '\'') || text.back() != q) return std::nullopt;
  const auto body = text.substr(1, text.size() - 2);
  if (body.find(q) != std::string_view::npos) return std::nullopt;  // concatenations, triple quotes
  return std::string(body);
}

bool glob_match(std::string_view pattern, std::string_view path) {
  // Iterative matcher with backtracking points for `*` (one segment) and `**` (any segments).
  std::size_t p = 0, t = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  bool star_crosses = false;
  while (t < path.size()) {
    if (p < pattern.size()) {
      if (pattern.compare(p, 2, "**") == 0) {
        star_crosses = true;
        p += 2;
        if (p < pattern.size() && pattern[p] == '/') ++p;  // "a/**/b" also matches "a/b"
        star_p = p;
        star_t = t;
        continue;
      }
      if (pattern[p] == '*') {
        star_crosses = false;
        star_p = ++p;
        star_t = t;
        continue;
      }
      if (pattern[p] == '?' ? path[t] != '/' : pattern[p] == path[t]) {
        ++p;
        ++t;
        continue;
      }
    }
    if (star_p != std::string_view::npos && (star_crosses || path[star_t] != '/')) {
      p = star_p;
      t = ++star_t;
      continue;
    }
    return false;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  if (pattern.compare(p, 3, "/**") == 0 && p + 3 == pattern.size()) return true;
  return p == pattern.size();
}

}  // namespace onramp::util
