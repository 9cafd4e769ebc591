// Broken input never crashes or hangs a parser: each text parser reads thousands of inputs stitched from the
// tokens its format is made of (a fixed seed, so every run reads the same inputs). Under ASan/UBSan this is the
// test that catches an out-of-range read on a truncated quote, heredoc or continuation.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "onramp/core/secret_keys.hpp"
#include "onramp/model/inputs.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/dotenv.hpp"
#include "onramp/parse/ini.hpp"
#include "onramp/parse/manifests.hpp"
#include "test_support.hpp"

namespace {

/// `count` inputs of up to `max_tokens` tokens each, drawn with a fixed seed.
std::vector<std::string> token_soup(const std::vector<std::string>& tokens, std::size_t count, std::size_t max_tokens,
                                    unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    const auto n = rng() % max_tokens;
    for (std::size_t t = 0; t < n; ++t) text += tokens[rng() % tokens.size()];
    out.push_back(std::move(text));
  }
  return out;
}

const std::vector<std::string> kCommon = {
    "\n", "\r\n", " ",  "\t", "\\", "\\\n", "\"", "'", "`",    "#",    "=",
    ":",  "$",    "${", "}",  "{",  "[",    "]",  ",", "\xff", "\xc3", std::string("\0", 1),
    "x",  "0",    "-",  "--", "*",  "&"};

std::vector<std::string> with_common(std::vector<std::string> tokens) {
  tokens.insert(tokens.end(), kCommon.begin(), kCommon.end());
  return tokens;
}

}  // namespace

TEST_SUITE("parse::robustness") {
  TEST_CASE("parse::read_dockerfile survives token soup") {
    const auto inputs = token_soup(with_common({"FROM ",
                                                "python:3.12 ",
                                                " AS base",
                                                "RUN ",
                                                "COPY ",
                                                "ADD ",
                                                "ENV ",
                                                "ARG ",
                                                "USER ",
                                                "CMD ",
                                                "ENTRYPOINT ",
                                                "HEALTHCHECK ",
                                                "<<EOF",
                                                "<<-EOF",
                                                "<<'EOF'",
                                                "EOF",
                                                "[\"a\", ",
                                                "\"]",
                                                "# escape=`\n",
                                                "# syntax=docker/dockerfile:1\n",
                                                "--from=",
                                                "--mount=type=cache,target=/x ",
                                                "apt-get install -y ",
                                                "&& ",
                                                "pip install ",
                                                "KEY=value ",
                                                "KEY value"}),
                                   3000, 40, 1);
    std::size_t stages = 0;
    for (const auto& text : inputs) {
      const auto df = onramp::parse::read_dockerfile(text);
      stages += df.stages.size();
      for (const auto& st : df.stages) {
        for (const auto& ins : st.instructions) {
          (void)onramp::parse::split_key_values(ins.arguments);
          (void)onramp::parse::shell_words(ins.arguments);
          CHECK(ins.line <= ins.end_line);
        }
      }
    }
    CHECK(stages > 0);  // the soup does hold Dockerfiles
  }

  TEST_CASE("parse::read_env_file survives token soup") {
    const auto inputs = token_soup(with_common({"export ", "KEY", "SECRET_KEY", "=", "value", "\"multi\nline\"", "\\n",
                                                "\\\"", " # comment", "\xEF\xBB\xBF"}),
                                   3000, 30, 2);
    std::size_t entries = 0;
    for (const auto& text : inputs) entries += onramp::parse::read_env_file(text).entries.size();
    CHECK(entries > 0);
  }

  TEST_CASE("parse::requirements, pyproject, setup.cfg, Pipfile, lockfiles survive token soup") {
    const auto reqs =
        token_soup(with_common({"-r ", "-c ", "-e ", "--hash=sha256:ab", "requests", "[security]", ">=2.0", ";",
                                " python_version < \"3.11\"", "git+https://x/y.git@v1#egg=y", " @ ", "file:///tmp/x",
                                "--index-url ", "==1.0", "~=", "!=", ".*"}),
                   2000, 30, 3);
    std::vector<onramp::core::Problem> problems;
    std::size_t deps = 0;
    for (const auto& text : reqs) {
      deps += onramp::parse::read_requirements_file(text, "requirements.txt", problems).dependencies.size();
      (void)onramp::parse::parse_requirement(text);
      (void)onramp::parse::interpret_spec(text);
    }
    CHECK(deps > 0);
    const auto tomls = token_soup(
        with_common({"[project]\n", "[tool.poetry.dependencies]\n", "dependencies = ", "name = ", "\"fastapi>=0.1\"",
                     "python = ", "\"^3.11\"", "[[package]]\n", "version = ", "[tool.uv.workspace]\n",
                     "members = ", "[dependency-groups]\n", "{include-group = \"x\"}", "[build-system]\n",
                     "requires = ", "\"\"\"", "'''"}),
        2000, 30, 4);
    std::vector<onramp::parse::PythonVersion> python;
    for (const auto& text : tomls) {
      (void)onramp::parse::read_pyproject_file(text, "pyproject.toml", problems);
      (void)onramp::parse::read_pipfile(text, "Pipfile", python, problems);
      for (const char* lock : {"uv.lock", "poetry.lock", "pdm.lock", "pylock.toml", "Pipfile.lock"}) {
        (void)onramp::parse::read_lockfile(text, lock, problems);
      }
      (void)onramp::parse::read_setup_cfg(text, "setup.cfg", python);
      (void)onramp::parse::read_ini(text);
    }
    CHECK(!problems.empty());  // the soup does hold broken files
  }

  TEST_CASE("parse::read_compose and environment.yml survive token soup") {
    // Whole lines mostly, so that some of the soup is YAML; a few broken pieces among them.
    const auto inputs = token_soup(std::vector<std::string>({"services:\n",
                                                             "services:\n",
                                                             "  app:\n",
                                                             "  app:\n",
                                                             "    image: ",
                                                             "    build: ",
                                                             "    environment:\n",
                                                             "      - KEY=v\n",
                                                             "      KEY: v\n",
                                                             "    extends: app\n",
                                                             "    extends:\n",
                                                             "      file: other.yaml\n",
                                                             "x-common: &c\n",
                                                             "  <<: *c\n",
                                                             "*c",
                                                             "&c ",
                                                             "    depends_on:\n",
                                                             "      db:\n",
                                                             "        condition: service_healthy\n",
                                                             "    env_file: .env\n",
                                                             "    ports: [\"80:80\"]\n",
                                                             "dependencies:\n",
                                                             "  - pip:\n",
                                                             "    - requests\n",
                                                             "  - python=3.11\n",
                                                             "!!binary ",
                                                             "? ",
                                                             "\t",
                                                             "\"",
                                                             "{",
                                                             "\n"}),
                                   400, 12, 5);
    onramp::test::TempDir dir;
    onramp::model::Project project;
    project.root = dir.path();
    project.max_file_size = 1 << 20;
    project.files.push_back({"compose.yaml", onramp::core::FileKind::compose, 0, std::nullopt});
    project.files.push_back({"other.yaml", onramp::core::FileKind::other, 0, std::nullopt});
    std::vector<onramp::core::Problem> problems;
    std::vector<onramp::parse::PythonVersion> python;
    std::size_t services = 0;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      dir.write("compose.yaml", inputs[i]);
      dir.write("other.yaml", inputs[(i * 7 + 3) % inputs.size()]);
      const onramp::model::Inputs files(project.root, project.max_file_size,
                                        project.files);  // fresh: the files changed
      services += onramp::parse::read_compose([&files](std::string_view p) { return files.yaml(p); }, "compose.yaml")
                      .services.size();
      (void)onramp::parse::read_environment_yml(inputs[i], "environment.yml", python, problems);
    }
    CHECK(services > 0);
  }

  TEST_CASE("core::is_secret_key survives odd keys") {
    const auto keys =
        token_soup(with_common({"API", "_", "KEY", "Secret", "token", "PASS", "word", ".", "camelCase"}), 2000, 12, 6);
    for (const auto& key : keys) {
      (void)onramp::core::is_secret_key(key);
      (void)onramp::core::is_placeholder_value(key);
    }
  }
}
