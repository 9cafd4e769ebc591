#include <doctest/doctest.h>

#include "onramp/parse/dotenv.hpp"

using onramp::parse::read_env_file;

TEST_SUITE("parse::dotenv") {
  TEST_CASE("parse::read_env_file") {
    SUBCASE("plain, export, empty and lone keys") {
      const auto env = read_env_file("# comment\n\nA=1\nexport B=two words\nC=\nD\n  E = spaced  \nexported=x\n");
      CHECK(env.errors.empty());
      REQUIRE(env.entries.size() == 6);
      CHECK(env.entries[0].key == "A");
      CHECK(env.entries[0].value == "1");
      CHECK(env.entries[0].line == 3);
      CHECK_FALSE(env.entries[0].empty);
      CHECK(env.entries[1].key == "B");
      CHECK(env.entries[1].value == "two words");
      CHECK(env.entries[2].key == "C");
      CHECK(env.entries[2].empty);
      CHECK(env.entries[3].key == "D");
      CHECK(env.entries[3].empty);
      CHECK(env.entries[3].line == 6);
      CHECK(env.entries[4].key == "E");
      CHECK(env.entries[4].value == "spaced");
      CHECK(env.entries[5].key == "exported");
    }
    SUBCASE("inline comments only after white space, and not inside quotes") {
      const auto env = read_env_file("A=value # comment\nB=pa#ss\nC=\"x # y\" # z\nD='a#b'\nE= # nothing\n");
      CHECK(env.errors.empty());
      REQUIRE(env.entries.size() == 5);
      CHECK(env.entries[0].value == "value");
      CHECK(env.entries[1].value == "pa#ss");
      CHECK(env.entries[2].value == "x # y");
      CHECK(env.entries[3].value == "a#b");
      CHECK(env.entries[4].empty);
    }
    SUBCASE("quotes and escapes") {
      const auto env = read_env_file(R"(A="line\nnext\t\"q\" \\ \$HOME \x"
B='no\nescape'
C='it\'s'
D=""
)");
      CHECK(env.errors.empty());
      REQUIRE(env.entries.size() == 4);
      CHECK(env.entries[0].value == "line\nnext\t\"q\" \\ $HOME \\x");
      CHECK(env.entries[0].quoted);
      CHECK(env.entries[1].value == "no\\nescape");
      CHECK(env.entries[2].value == "it's");
      CHECK(env.entries[3].value.empty());
      CHECK(env.entries[3].quoted);
      CHECK_FALSE(env.entries[3].empty);
    }
    SUBCASE("multi-line quoted values keep the line of their key") {
      const auto env = read_env_file("KEY=\"-----BEGIN KEY-----\nabc\n-----END KEY-----\"\nNEXT=1\n");
      CHECK(env.errors.empty());
      REQUIRE(env.entries.size() == 2);
      CHECK(env.entries[0].value == "-----BEGIN KEY-----\nabc\n-----END KEY-----");
      CHECK(env.entries[0].line == 1);
      CHECK(env.entries[1].key == "NEXT");
      CHECK(env.entries[1].line == 4);
    }
    SUBCASE("CRLF and a byte-order mark") {
      const auto env = read_env_file(
          "\xEF\xBB\xBF"
          "A=1\r\nB=\"x\"\r\n");
      CHECK(env.errors.empty());
      REQUIRE(env.entries.size() == 2);
      CHECK(env.entries[0].key == "A");
      CHECK(env.entries[0].value == "1");
      CHECK(env.entries[1].value == "x");
    }
    SUBCASE("errors are values with their line; the rest is still read") {
      const auto env =
          read_env_file("GOOD=1\nBAD KEY=1\njust text\n9LIVES=3\nQ=\"a\" b\nOPEN=\"never closed\nAFTER=2\n");
      REQUIRE(env.errors.size() == 5);
      CHECK(env.errors[0].first == 2);
      CHECK(env.errors[1].first == 3);
      CHECK(env.errors[1].second == "not a KEY=value line");
      CHECK(env.errors[2].first == 4);
      CHECK(env.errors[3] == std::pair<std::uint32_t, std::string>{5, "text after the closing quote"});
      CHECK(env.errors[4] == std::pair<std::uint32_t, std::string>{6, "unterminated double quote"});
      REQUIRE(env.entries.size() == 3);
      CHECK(env.entries[0].key == "GOOD");
      CHECK(env.entries[1].key == "Q");
      CHECK(env.entries[2].key == "AFTER");
      CHECK(env.entries[2].line == 7);
    }
    SUBCASE("a quote left open swallows the lines up to the next quote, as python-dotenv reads it") {
      const auto env = read_env_file("A=\"one\nB=two\"\nC=3\n");
      CHECK(env.errors.empty());
      REQUIRE(env.entries.size() == 2);
      CHECK(env.entries[0].value == "one\nB=two");
      CHECK(env.entries[1].key == "C");
    }
    SUBCASE("empty text") {
      const auto env = read_env_file("");
      CHECK(env.entries.empty());
      CHECK(env.errors.empty());
    }
  }
}
