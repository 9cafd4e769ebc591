#include <doctest/doctest.h>

#include "onramp/parse/dockerfile.hpp"

using namespace onramp::parse;

TEST_SUITE("parse::dockerfile") {
  TEST_CASE("parse::read_dockerfile") {
    SUBCASE("stages, aliases, flags and global ARGs") {
      const auto df = read_dockerfile(R"(# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
FROM --platform=$BUILDPLATFORM python:${PYTHON_VERSION}-slim AS Builder
RUN pip install uv
from python:3.12-slim
copy --from=builder --chown=app:app /app /app
USER app
)");
      CHECK(df.errors.empty());
      REQUIRE(df.global_args.size() == 1);
      CHECK(df.global_args[0].arguments == "PYTHON_VERSION=3.12");
      CHECK(df.global_args[0].line == 2);
      REQUIRE(df.stages.size() == 2);
      CHECK(df.stages[0].image == "python:${PYTHON_VERSION}-slim");
      CHECK(df.stages[0].alias == "builder");
      CHECK(df.stages[0].flags == std::vector<std::string>{"--platform=$BUILDPLATFORM"});
      CHECK(df.stages[0].line == 3);
      REQUIRE(df.stages[0].instructions.size() == 1);
      CHECK(df.stages[1].image == "python:3.12-slim");
      CHECK(df.stages[1].alias.empty());
      REQUIRE(df.stages[1].instructions.size() == 2);
      const auto& copy = df.stages[1].instructions[0];
      CHECK(copy.keyword == "COPY");
      CHECK(copy.flags == std::vector<std::string>{"--from=builder", "--chown=app:app"});
      CHECK(copy.arguments == "/app /app");
      CHECK(df.stages[1].instructions[1].keyword == "USER");
    }
    SUBCASE("continuations with comments and blank lines inside") {
      const auto df = read_dockerfile(
          "FROM debian:12\nRUN apt-get update \\\n# a comment\n\n    && apt-get install -y curl \\  \n    && rm -rf "
          "/var/lib/apt/lists/*\nUSER nobody\n");
      CHECK(df.errors.empty());
      REQUIRE(df.stages.size() == 1);
      REQUIRE(df.stages[0].instructions.size() == 2);
      const auto& run = df.stages[0].instructions[0];
      CHECK(run.arguments == "apt-get update     && apt-get install -y curl     && rm -rf /var/lib/apt/lists/*");
      CHECK(run.line == 2);
      CHECK(run.end_line == 6);
      CHECK(df.stages[0].instructions[1].line == 7);
    }
    SUBCASE("the escape directive") {
      const auto df = read_dockerfile("# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ `\n    && echo done\n");
      CHECK(df.escape == '`');
      CHECK(df.errors.empty());
      REQUIRE(df.stages.size() == 1);
      REQUIRE(df.stages[0].instructions.size() == 1);
      CHECK(df.stages[0].instructions[0].arguments == "dir C:\\     && echo done");
    }
    SUBCASE("directives stop at the first other line") {
      const auto df = read_dockerfile("# a comment\n# escape=`\nFROM x:1\nRUN a `\n");
      CHECK(df.escape == '\\');
    }
    SUBCASE("heredocs: several per line, <<- and quoted delimiters") {
      const auto df = read_dockerfile(R"(FROM python:3.12
RUN <<EOF
apt-get update
EOF
RUN <<-"ONE" cat > /a && <<'TWO' cat > /b
	first
	ONE
second
TWO
COPY <<EOF /etc/app.conf
key=value
EOF
RUN echo "not <<HERE" && cat <<<"string"
USER app
)");
      CHECK(df.errors.empty());
      REQUIRE(df.stages.size() == 1);
      const auto& ins = df.stages[0].instructions;
      REQUIRE(ins.size() == 5);
      CHECK(ins[0].heredocs == std::vector<std::string>{"apt-get update\n"});
      CHECK(ins[0].arguments == "<<EOF");
      CHECK(ins[0].end_line == 4);
      CHECK(ins[1].heredoc_names == std::vector<std::string>{"ONE", "TWO"});
      CHECK(ins[1].heredocs == std::vector<std::string>{"first\n", "second\n"});
      CHECK(ins[1].end_line == 9);
      CHECK(ins[2].keyword == "COPY");
      CHECK(ins[2].heredocs == std::vector<std::string>{"key=value\n"});
      CHECK(ins[3].heredocs.empty());
      CHECK(ins[4].keyword == "USER");
      CHECK(ins[4].line == 14);
    }
    SUBCASE("exec form and shell form") {
      const auto df = read_dockerfile(R"(FROM python:3.12
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
ENTRYPOINT /entrypoint.sh --flag
RUN [ -f /x ] && echo yes
HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
)");
      CHECK(df.errors.empty());
      const auto& ins = df.stages[0].instructions;
      REQUIRE(ins.size() == 5);
      CHECK(ins[0].is_exec_form);
      CHECK(ins[0].exec_form == std::vector<std::string>{"uvicorn", "app.main:app", "--host", "0.0.0.0"});
      CHECK_FALSE(ins[1].is_exec_form);
      CHECK(ins[1].arguments == "/entrypoint.sh --flag");
      CHECK_FALSE(ins[2].is_exec_form);
      CHECK(ins[3].flags == std::vector<std::string>{"--interval=30s"});
      CHECK(ins[3].is_exec_form);
      CHECK(ins[3].exec_form.size() == 3);
      CHECK_FALSE(ins[4].is_exec_form);
    }
    SUBCASE("errors are values with their line") {
      const auto df = read_dockerfile(
          "RUN echo before\nFROM\nFROM a AS\nFROMM x\nFROM ok:1\nCMD ['python', 'app.py']\nRUN <<EOF\nnever closed\n");
      REQUIRE(df.errors.size() == 6);
      CHECK(df.errors[0] == std::pair<std::uint32_t, std::string>{1, "RUN before the first FROM"});
      CHECK(df.errors[1] == std::pair<std::uint32_t, std::string>{2, "FROM without an image"});
      CHECK(df.errors[2].first == 3);
      CHECK(df.errors[3] == std::pair<std::uint32_t, std::string>{4, "unknown instruction `FROMM`"});
      CHECK(df.errors[4].first == 6);
      CHECK(df.errors[5] == std::pair<std::uint32_t, std::string>{7, "heredoc <<EOF is never closed"});
      REQUIRE(df.stages.size() == 2);
    }
    SUBCASE("no FROM at all") {
      const auto df = read_dockerfile("# only a comment\n");
      REQUIRE(df.errors.size() == 1);
      CHECK(df.errors[0].second == "no FROM instruction");
    }
    SUBCASE("CRLF and BOM") {
      const auto df = read_dockerfile(
          "\xEF\xBB\xBF"
          "FROM a:1\r\nRUN x \\\r\n  y\r\n");
      CHECK(df.errors.empty());
      REQUIRE(df.stages.size() == 1);
      CHECK(df.stages[0].image == "a:1");
      CHECK(df.stages[0].instructions[0].arguments == "x   y");
    }
  }

  TEST_CASE("parse::split_key_values") {
    CHECK(split_key_values("A=1 B=\"two words\" C='x y' D=a\\ b") ==
          std::vector<std::pair<std::string, std::string>>{{"A", "1"}, {"B", "two words"}, {"C", "x y"}, {"D", "a b"}});
    CHECK(split_key_values("LEGACY value with spaces") ==
          std::vector<std::pair<std::string, std::string>>{{"LEGACY", "value with spaces"}});
    CHECK(split_key_values("KEY \"quoted value\"") ==
          std::vector<std::pair<std::string, std::string>>{{"KEY", "quoted value"}});
    CHECK(split_key_values("com.example.label=\"v\"") ==
          std::vector<std::pair<std::string, std::string>>{{"com.example.label", "v"}});
    CHECK(split_key_values("").empty());
  }

  TEST_CASE("parse::parse_key_values") {
    const auto kv = parse_key_values("TOKEN");
    REQUIRE(kv.size() == 1);
    CHECK(kv[0].key == "TOKEN");
    CHECK_FALSE(kv[0].has_value);
    const auto kv2 = parse_key_values("TOKEN= B=1 C");
    REQUIRE(kv2.size() == 3);
    CHECK(kv2[0].has_value);
    CHECK(kv2[0].value.empty());
    CHECK(kv2[1].value == "1");
    CHECK_FALSE(kv2[2].has_value);
  }

  TEST_CASE("parse::shell_words") {
    CHECK(shell_words("apt-get install -y \"a b\" 'c'&&rm -rf x;echo 2>&1|tee") ==
          std::vector<std::string>{"apt-get", "install", "-y", "a b", "c", "&&", "rm", "-rf", "x", ";", "echo", "2>&1",
                                   "|", "tee"});
    CHECK(shell_words("a\nb") == std::vector<std::string>{"a", ";", "b"});
    CHECK(shell_words("a\\ b") == std::vector<std::string>{"a b"});
  }
}
