#include "onramp/util/toml.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

namespace onramp::util {

namespace {

/// The code points for which toml++ 3.3's is_non_ascii_horizontal_whitespace() reaches an unreachable branch: the
/// same blocks of 0x3FA code points it switches on (0, 11 and 63), less the three it answers before the switch.
bool trips_whitespace_test(char32_t c) {
  if (c < 0xA0 || c > 0xFEFF || c == 0xA0 || c == 0x3000 || c == 0xFEFF) return false;
  const auto block = (static_cast<std::uint64_t>(c) - 0xA0) / 0x3FA;
  return block == 0 || block == 11 || block == 63;
}

/// The code point of the UTF-8 sequence at `i` and its length; nullopt for bytes that are not UTF-8 (toml++
/// reports those itself before it classifies anything).
std::optional<std::pair<char32_t, std::size_t>> decode(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t len = 0;
  char32_t c = 0;
  if (b0 < 0x80) return std::pair<char32_t, std::size_t>{b0, 1};
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    c = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    c = b0 & 0x07;
  } else return std::nullopt;
  if (i + len > text.size()) return std::nullopt;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return std::nullopt;
    c = (c << 6) | (b & 0x3F);
  }
  return std::pair<char32_t, std::size_t>{c, len};
}

bool is_toml_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// The offset after the delimiter of a multi-line string closing at `i`: three quotes and up to two more, which
/// belong to the string.
std::size_t close_multiline(std::string_view text, std::size_t i, char quote) {
  const auto limit = std::min(text.size(), i + 5);
  i += 3;
  while (i < limit && text[i] == quote) ++i;
  return i;
}

struct Trap {
  std::size_t offset;
  char32_t code_point;
};

/// The first code point toml++ would feed to its faulty whitespace test, following TOML's lexical states: comments,
/// basic and literal strings (single- and multi-line) are skipped; everything else is syntax, where the parser tests
/// each character for whitespace. In a multi-line basic string the character after a backslash is tested, and after a
/// line-ending backslash every character up to the first that is not whitespace.
std::optional<Trap> find_trap(std::string_view text) {
  enum class State { Syntax, Comment, Basic, Literal, MultiBasic, MultiLiteral };
  State state = State::Syntax;
  bool escaped = false;   // the previous character of a basic string was a backslash
  bool trimming = false;  // after a line-ending backslash of a multi-line basic string
  std::size_t i = 0;
  while (i < text.size()) {
    const auto decoded = decode(text, i);
    if (!decoded) {
      ++i;
      continue;
    }
    const auto [c, len] = *decoded;
    const bool tested = state == State::Syntax || (state == State::MultiBasic && (escaped || trimming));
    if (tested && trips_whitespace_test(c)) return Trap{i, c};
    const auto rest = text.substr(i);
    switch (state) {
      case State::Syntax:
        if (c == '#') state = State::Comment;
        else if (rest.starts_with("\"\"\"")) {
          state = State::MultiBasic;
          i += 3;
          continue;
        } else if (rest.starts_with("'''")) {
          state = State::MultiLiteral;
          i += 3;
          continue;
        } else if (c == '"') state = State::Basic;
        else if (c == '\'') state = State::Literal;
        break;
      case State::Comment:
        if (c == '\n') state = State::Syntax;
        break;
      case State::Basic:
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"' || c == '\n') state = State::Syntax;
        break;
      case State::Literal:
        if (c == '\'' || c == '\n') state = State::Syntax;
        break;
      case State::MultiBasic:
        if (escaped) {
          escaped = false;
          trimming = is_toml_space(c);
          break;
        }
        if (trimming && is_toml_space(c)) break;
        trimming = false;
        if (c == '\\') {
          escaped = true;
        } else if (rest.starts_with("\"\"\"")) {
          i = close_multiline(text, i, '"');
          state = State::Syntax;
          continue;
        }
        break;
      case State::MultiLiteral:
        if (rest.starts_with("'''")) {
          i = close_multiline(text, i, '\'');
          state = State::Syntax;
          continue;
        }
        break;
    }
    i += len;
  }
  return std::nullopt;
}

}  // namespace

toml::parse_result toml_parse(std::string_view text, std::string_view source) {
  if (const auto trap = find_trap(text)) {
    toml::source_position where{1, 1};
    for (std::size_t k = 0; k < trap->offset; ++k) {
      if (text[k] == '\n') {
        ++where.line;
        where.column = 1;
      } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {
        ++where.column;
      }
    }
    auto path = std::make_shared<const std::string>(source);
    return toml::parse_result(toml::parse_error(
        fmt::format("U+{:04X} is not allowed here: outside strings and comments TOML takes ASCII only",
                    static_cast<std::uint32_t>(trap->code_point)),
        where, path));
  }
  return toml::parse(text, source);
}

}  // namespace onramp::util
