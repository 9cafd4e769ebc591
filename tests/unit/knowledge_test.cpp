#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "onramp/core/embedded_rules.hpp"
#include "onramp/core/knowledge.hpp"

namespace {

// yaml-cpp keeps the last of two equal keys silently; report keys repeated within one block mapping.
// Knowledge files use block mappings at indent 0 and 2, flow mappings below that.
std::string duplicate_keys(std::string_view text) {
  static const std::regex key_line(R"(^( *)([A-Za-z0-9_.\-]+):( |$))");
  std::string duplicates;  // space-separated, empty when there are none
  std::set<std::string> top;
  std::set<std::string> nested;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, key_line)) continue;
    const auto indent = m[1].length();
    const auto key = m[2].str();
    if (indent == 0) {
      nested.clear();
      if (!top.insert(key).second) duplicates += key + " ";
    } else if (indent == 2) {
      if (!nested.insert(key).second) duplicates += key + " ";
    }
  }
  return duplicates;
}

bool is_dotted_identifier(const std::string& s) {
  static const std::regex re(R"(^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$)");
  return std::regex_match(s, re);
}

bool is_minor_version(const std::string& s) {
  static const std::regex re(R"(^3\.(8|9|1[0-4])$)");
  return std::regex_match(s, re);
}

}  // namespace

TEST_SUITE("core::knowledge") {
  TEST_CASE("core::knowledge files parse") {
    for (const auto& file : onramp::core::embedded_rule_files()) {
      if (!onramp::core::is_knowledge_file(file.path)) continue;
      CAPTURE(std::string(file.path));
      try {
        const auto doc = YAML::Load(std::string(file.text));
        CHECK(doc.IsMap());
      } catch (const YAML::Exception& e) {
        FAIL(e.what());
      }
      CHECK(file.text.starts_with("#"));  // each file opens with what it is and its schema
      CHECK(duplicate_keys(file.text) == "");
    }
  }

  TEST_CASE("core::knowledge of an unknown name is a null node") {
    CHECK(onramp::core::knowledge("no-such-knowledge-base").IsNull());
    CHECK(onramp::core::is_knowledge_file("rules/knowledge/packages.yaml"));
    CHECK_FALSE(onramp::core::is_knowledge_file("rules/stack/unused-dependency.yaml"));
  }

  TEST_CASE("core::knowledge packages: roles, flags and import names") {
    const auto& kb = onramp::core::knowledge("packages");
    REQUIRE(kb["roles"].IsSequence());
    REQUIRE(kb["packages"].IsMap());
    std::set<std::string> roles;
    for (const auto& r : kb["roles"]) roles.insert(r.as<std::string>());
    CHECK(roles.size() == 15);
    CHECK(roles.contains("other"));
    const std::set<std::string> flags = {"server",     "db-url", "pytest-plugin", "type-stubs",   "cli-tool",
                                         "django-app", "plugin", "build",         "runtime-extra"};
    static const std::regex normalised(R"(^[a-z0-9]+(-[a-z0-9]+)*$)");
    std::size_t with_role = 0;
    std::size_t with_imports = 0;
    for (const auto& entry : kb["packages"]) {
      const auto name = entry.first.as<std::string>();
      CAPTURE(name);
      CHECK(std::regex_match(name, normalised));
      const auto& e = entry.second;
      REQUIRE(e.IsMap());
      for (const auto& field : e) {
        const auto key = field.first.as<std::string>();
        CHECK((key == "role" || key == "imports" || key == "used_without_import"));
      }
      REQUIRE(e["role"].IsScalar());
      CHECK(roles.contains(e["role"].as<std::string>()));
      if (e["role"].as<std::string>() != "other") ++with_role;
      if (e["used_without_import"]) CHECK(flags.contains(e["used_without_import"].as<std::string>()));
      if (e["imports"]) {
        REQUIRE(e["imports"].IsSequence());
        CHECK(e["imports"].size() > 0);
        std::string only_default = name;
        std::replace(only_default.begin(), only_default.end(), '-', '_');
        // `imports` is omitted when it would say only the default name
        CHECK_FALSE((e["imports"].size() == 1 && e["imports"][0].as<std::string>() == only_default));
        for (const auto& imp : e["imports"]) CHECK(is_dotted_identifier(imp.as<std::string>()));
        ++with_imports;
      }
    }
    CHECK(with_role >= 250);
    CHECK(with_imports >= 300);
    // a few facts the checks rely on
    CHECK(kb["packages"]["pyyaml"]["imports"][0].as<std::string>() == "yaml");
    CHECK(kb["packages"]["psycopg2-binary"]["used_without_import"].as<std::string>() == "db-url");
    CHECK(kb["packages"]["uvicorn"]["used_without_import"].as<std::string>() == "server");
    CHECK(kb["packages"]["fastapi"]["role"].as<std::string>() == "web-framework");
  }

  TEST_CASE("core::knowledge stdlib: sorted names, versions within 3.8-3.14") {
    const auto& kb = onramp::core::knowledge("stdlib");
    REQUIRE(kb["modules"].IsSequence());
    std::vector<std::string> modules;
    for (const auto& m : kb["modules"]) modules.push_back(m.as<std::string>());
    CHECK(std::is_sorted(modules.begin(), modules.end()));
    CHECK(std::adjacent_find(modules.begin(), modules.end()) == modules.end());
    const std::set<std::string> all(modules.begin(), modules.end());
    for (const std::string name : {"os", "sys", "_thread", "asyncio", "tomllib", "zoneinfo", "distutils", "imp"}) {
      CAPTURE(name);
      CHECK(all.contains(name));
    }
    for (const std::string section : {"added", "removed"}) {
      REQUIRE(kb[section].IsMap());
      for (const auto& entry : kb[section]) {
        const auto name = entry.first.as<std::string>();
        CAPTURE(name);
        CHECK(all.contains(name));
        CHECK(is_minor_version(entry.second.as<std::string>()));
      }
    }
    CHECK(kb["added"]["tomllib"].as<std::string>() == "3.11");
    CHECK(kb["removed"]["distutils"].as<std::string>() == "3.12");
    CHECK(kb["removed"]["cgi"].as<std::string>() == "3.13");
  }

  TEST_CASE("core::knowledge secret-keys: lower-case words, pairs of two, examples present") {
    const auto& kb = onramp::core::knowledge("secret-keys");
    const auto lower = [](const std::string& s) {
      return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    for (const std::string section : {"words", "not_if_word", "not_secret_keys", "public_prefixes", "placeholders"}) {
      CAPTURE(section);
      REQUIRE(kb[section].IsSequence());
      for (const auto& w : kb[section]) CHECK(lower(w.as<std::string>()));
    }
    for (const auto& p : kb["placeholders"]) {
      const auto text = p.as<std::string>();
      CAPTURE(text);
      CHECK(text.find_first_not_of('*') != std::string::npos);  // `*` is a wildcard: "***" would match anything
    }
    REQUIRE(kb["pairs"].IsSequence());
    for (const auto& p : kb["pairs"]) {
      REQUIRE(p.IsSequence());
      CHECK(p.size() == 2);
    }
    CHECK(kb["examples"]["secret"].size() > 10);
    CHECK(kb["examples"]["not_secret"].size() > 10);
  }

  TEST_CASE("core::knowledge major-versions: every line has versions, label and note") {
    const auto& kb = onramp::core::knowledge("major-versions");
    REQUIRE(kb["packages"].IsMap());
    for (const std::string name : {"sqlalchemy", "pydantic", "django", "celery", "flask", "fastapi", "starlette",
                                   "alembic", "redis", "psycopg2", "psycopg", "httpx"}) {
      CAPTURE(name);
      CHECK(kb["packages"][name].IsSequence());
    }
    for (const auto& entry : kb["packages"]) {
      CAPTURE(entry.first.as<std::string>());
      REQUIRE(entry.second.IsSequence());
      for (const auto& line : entry.second) {
        CHECK(line["versions"].IsScalar());
        CHECK(line["label"].IsScalar());
        CHECK(line["note"].IsScalar());
        CHECK(line.size() == 3);
      }
    }
  }
}
