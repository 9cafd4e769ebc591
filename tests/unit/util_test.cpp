#include <doctest/doctest.h>

#include "onramp/util/hash.hpp"
#include "onramp/util/jsonc.hpp"
#include "onramp/util/paths.hpp"
#include "onramp/util/strings.hpp"

using namespace onramp::util;

TEST_SUITE("util") {
  TEST_CASE("util::is_valid_utf8") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
    CHECK_FALSE(is_valid_utf8("\xe9t\xe9"));         // Latin-1
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xe2\x82"));          // truncated
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

#include "onramp/util/secrets.hpp"

TEST_SUITE("util") {
  TEST_CASE("util::mask_url_credentials") {
    CHECK(mask_url_credentials("redis://:s3cret@cache:6379/0") == "redis://:****@cache:6379/0");
    CHECK(mask_url_credentials("postgresql://app:hunter2@db/app") == "postgresql://app:****@db/app");
    CHECK(mask_url_credentials("amqp://guest@rabbit//") == "amqp://guest@rabbit//");
    CHECK(mask_url_credentials("http://example.com/a@b") == "http://example.com/a@b");
    CHECK(mask_url_credentials("'kafka://u:p@k1:9092', x") == "'kafka://u:****@k1:9092', x");
    CHECK(mask_url_credentials("settings.REDIS_URL") == "settings.REDIS_URL");
    // Raw passwords with URL delimiters in them are masked whole.
    CHECK(mask_url_credentials("postgres://u:pa/ss@w0rd@db:5432/app") == "postgres://u:****@db:5432/app");
    CHECK(mask_url_credentials("postgres://u:p?a#s@db x=mysql://r:q@h") == "postgres://u:****@db x=mysql://r:****@h");
    CHECK(mask_url_credentials("https://h:443/x?mail=a@b.c") == "https://h:****@b.c");
  }
  TEST_CASE("util::mask_secret") {
    CHECK(mask_secret("sk-live-1234567890") == "sk-l…");
    CHECK(mask_secret("abc") == "…");
    CHECK(mask_secret("hunter2") == "…");
    CHECK(mask_secret("hunter22") == "hu…");
    CHECK(mask_secret("changethis") == "ch…");
    CHECK(mask_secret("0123456789ab") == "012…");
    CHECK(mask_secret("ключ-секрет") == "кл…");
    CHECK(mask_secret("") == "");
  }
}

TEST_SUITE("util") {
  TEST_CASE("util::split_arguments and keyword_argument") {
    const auto args = split_arguments("send_email, queue=\"mail, urgent\", countdown=f(1, 2), x=[1,2]");
    REQUIRE(args.size() == 4);
    CHECK(args[0] == "send_email");
    CHECK(keyword_argument(args, "queue") == "\"mail, urgent\"");
    CHECK(keyword_argument(args, "countdown") == "f(1, 2)");
    CHECK(keyword_argument(args, "missing").empty());
    CHECK(split_arguments("").empty());
  }
  TEST_CASE("util::string_literal") {
    CHECK(string_literal("'emails'") == std::optional<std::string>("emails"));
    CHECK(string_literal("r\"x\"") == std::optional<std::string>("x"));
    CHECK_FALSE(string_literal("settings.QUEUE").has_value());
    CHECK_FALSE(string_literal("f'{x}'").has_value());
  }
}

TEST_SUITE("util") {
  TEST_CASE("util paths: base_name, parent_dir, dir_of, normalize_path, join_path") {
    CHECK(base_name("a/b/c.py") == "c.py");
    CHECK(base_name("c.py") == "c.py");
    CHECK(parent_dir("a/b/c.py") == "a/b");
    CHECK(parent_dir("c.py").empty());
    CHECK(dir_of("a/b/c.py") == "a/b");
    CHECK(dir_of("c.py") == ".");
    CHECK(normalize_path("a/./b/../c") == "a/c");
    CHECK(normalize_path("./x") == "x");
    CHECK(normalize_path("a/../..").empty());
    CHECK(normalize_path(".").empty());
    CHECK(join_path("backend", "../.env") == ".env");
    CHECK(join_path(".", "docker/compose.yml") == "docker/compose.yml");
    CHECK(join_path("", "x/y") == "x/y");
    CHECK(join_path("backend", "..") == ".");
    CHECK(join_path("backend", "../../etc/passwd").empty());
    CHECK(join_path("backend", "/etc/passwd").empty());
  }
}
