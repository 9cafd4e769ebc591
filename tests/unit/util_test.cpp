#include <doctest/doctest.h>

#include "onramp/util/hash.hpp"
#include "onramp/util/jsonc.hpp"
#include "onramp/util/strings.hpp"

using namespace onramp::util;

TEST_SUITE("util") {
  TEST_CASE("util::is_valid_utf8") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xe9t\xe9"));           // Latin-1
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));            // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));        // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));    // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xe2\x82"));            // truncated
  }

  TEST_CASE("util::count_code_points") {
    CHECK(count_code_points("abc") == 3);
    CHECK(count_code_points("caf\xc3\xa9") == 4);
    CHECK(count_code_points("\xf0\x9f\x98\x80x") == 2);
  }

  TEST_CASE("util::collapse_whitespace") {
    CHECK(collapse_whitespace("  a\n   b\t\tc  ") == "a b c");
    CHECK(collapse_whitespace("") == "");
  }

  TEST_CASE("util::glob_match") {
    CHECK(glob_match("tests/**", "tests/a/b.py"));
    CHECK(glob_match("**/migrations/*.py", "app/migrations/0001.py"));
    CHECK(glob_match("**/migrations/*.py", "migrations/0001.py"));
    CHECK_FALSE(glob_match("*.py", "a/b.py"));
    CHECK(glob_match("*.py", "b.py"));
    CHECK(glob_match("a/?.py", "a/b.py"));
    CHECK_FALSE(glob_match("a/?.py", "a/bc.py"));
  }

  TEST_CASE("util::strip_jsonc") {
    CHECK(strip_jsonc("{\"a\": 1, // c\n}") == "{\"a\": 1 \n}");
    CHECK(strip_jsonc("[1, 2, /* x */ ]") == "[1, 2  ]");
    CHECK(strip_jsonc("{\"u\": \"http://x//y, }\"}") == "{\"u\": \"http://x//y, }\"}");
    CHECK(strip_jsonc("{\"e\": \"a\\\"b\", }") == "{\"e\": \"a\\\"b\" }");
  }

  TEST_CASE("util::hash_hex is stable") {
    CHECK(hash_hex("onramp") == hash_hex("onramp"));
    CHECK(hash_hex("onramp").size() == 16);
    CHECK(hash_hex("a") != hash_hex("b"));
  }
}
