#pragma once
// Small string helpers that know nothing of onramp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace onramp::util {

/// Strips ASCII white space from both ends.
std::string_view trim(std::string_view s);
/// Splits on one character; empty pieces are kept.
std::vector<std::string_view> split(std::string_view s, char sep);
/// The text as lines without their terminators (LF or CRLF), a UTF-8 BOM dropped, no empty last line.
std::vector<std::string_view> lines_of(std::string_view text);
/// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view sep);
/// Collapses every run of white space into one space and trims: the shape of code that survives re-indentation.
std::string collapse_whitespace(std::string_view s);
/// ASCII lower case.
std::string to_lower(std::string_view s);
/// True if `s` is valid UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view s);
/// Text safe to print on a terminal or in a log line: control characters (C0, DEL, C1), bidirectional overrides and
/// bytes that are not UTF-8 shown escaped (`\n`, `\t`, `\x1b`, `\u202e`, `\xff`), so that a file name or a value
/// from the repository can neither move the cursor, recolour the screen, reorder what is shown nor start a line.
std::string printable(std::string_view s);
/// Number of code points in a valid UTF-8 string (continuation bytes are not counted).
std::uint32_t count_code_points(std::string_view s);
/// Splits a call's argument text on top-level commas (brackets and string quotes respected), trimmed.
std::vector<std::string_view> split_arguments(std::string_view args);
/// The value of a keyword argument (`queue="x"` -> `"x"`) among split arguments, or empty.
std::string_view keyword_argument(const std::vector<std::string_view>& args, std::string_view name);
/// The content of a plain string literal (`"x"`, `'x'`, with an optional r/b/u prefix), or nullopt for anything else.
std::optional<std::string> string_literal(std::string_view text);
/// Glob match for config and rule patterns: `*` and `?` within a path segment, `**` across segments.
bool glob_match(std::string_view pattern, std::string_view path);

/// A std::string that dies at the end of the full expression: views into it dangle.
template <class S>
concept TemporaryString = std::is_same_v<S, std::string>;

// The helpers above return views into their argument. Called on a temporary string
// (`for (auto v : split(collapse_whitespace(x), ' '))`) those views outlive it and read freed memory,
// so such calls do not compile: keep the string in a named variable first.
template <TemporaryString S>
std::string_view trim(S&& s) = delete;
template <TemporaryString S>
std::vector<std::string_view> split(S&& s, char sep) = delete;
template <TemporaryString S>
std::vector<std::string_view> lines_of(S&& text) = delete;
template <TemporaryString S>
std::vector<std::string_view> split_arguments(S&& args) = delete;

}  // namespace onramp::util
