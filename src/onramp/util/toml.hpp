#pragma once
// toml++ as onramp uses it: header-only, no exceptions (CMake sets those), and without its internal asserts.
// Some malformed TOML trips an assert in toml++'s parse_key (found by tests/unit/parser_robustness_test.cpp in the
// Debug+ASan build); release builds compile the asserts out and parse on to an error. Every build does the same
// here, so a broken pyproject.toml is a finding in all of them while ASan still checks that path's memory safety.
// Include this header, never <toml++/toml.h> directly, so that every translation unit sees the same definition.
#define TOML_ASSERT(expr) ((void)0)
#include <toml++/toml.h>

#include <string_view>

namespace onramp::util {

/// toml::parse, with a guard in front of a toml++ 3.3 defect (Debian 12's version): its test for non-ASCII
/// whitespace reaches __builtin_unreachable() for U+00A1..U+0499, U+2C5E..U+3057 and U+FB26..U+FEFE, so a Greek
/// or Cyrillic letter standing where TOML expects whitespace or a bare key (`requiresϏ = ...`) is undefined
/// behaviour (found by fuzz_configs). Such text is never valid TOML 1.0, whose only non-ASCII characters sit in
/// strings and comments: a code point of those ranges outside them, or where the parser tests the characters after
/// a backslash of a multi-line basic string, is reported as the parse error toml++ would have given.
toml::parse_result toml_parse(std::string_view text, std::string_view source);

}  // namespace onramp::util
