#pragma once
// toml++ as onramp uses it: header-only, no exceptions (CMake sets those), and without its internal asserts.
// Some malformed TOML trips an assert in toml++'s parse_key (found by tests/unit/parser_robustness_test.cpp in the
// Debug+ASan build); release builds compile the asserts out and parse on to an error. Every build does the same
// here, so a broken pyproject.toml is a finding in all of them while ASan still checks that path's memory safety.
// Include this header, never <toml++/toml.h> directly, so that every translation unit sees the same definition.
#define TOML_ASSERT(expr) ((void)0)
#include <toml++/toml.h>
