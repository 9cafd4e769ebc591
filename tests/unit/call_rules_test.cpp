// Call-list rules: every one runs through the generic check, sees re-exports across modules, and every rule id has
// exactly one implementation in the registry.
#include <doctest/doctest.h>

#include <map>
#include <regex>

#include "onramp/checks/check.hpp"
#include "onramp/checks/query/call_list_check.hpp"
#include "onramp/core/rules.hpp"
#include "test_support.hpp"

namespace {

using onramp::test::scan_repo;
using onramp::test::TempDir;

/// The first pattern of a rule that names a plain module attribute (`time.sleep`), split into module and name.
std::optional<std::pair<std::string, std::string>> plain_callee(const onramp::core::Rule& rule) {
  static const std::regex plain(R"(^[A-Za-z_][A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z_0-9]*)+$)");
  for (const auto& p : rule.match.calls) {
    if (!std::regex_match(p.name, plain)) continue;
    const auto dot = p.name.rfind('.');
    return std::pair{p.name.substr(0, dot), p.name.substr(dot + 1)};
  }
  return std::nullopt;
}

const onramp::checks::query::CallListCheck* call_list_check(
    const std::vector<std::unique_ptr<onramp::checks::Check>>& checks) {
  for (const auto& c : checks) {
    if (const auto* generic = dynamic_cast<const onramp::checks::query::CallListCheck*>(c.get())) return generic;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("calls") {
  TEST_CASE("calls::every call-list rule reports a call made through a re-export, at the call site") {
    auto rules = onramp::core::RuleSet::load_embedded();
    REQUIRE(rules.ok());
    const auto checks = onramp::checks::make_checks();
    const auto* generic = call_list_check(checks);
    REQUIRE(generic != nullptr);
    std::size_t tried = 0;
    for (const auto& rule : rules->all()) {
      if (rule.match.calls.empty() || !generic->implements(rule)) continue;
      CAPTURE(rule.id);
      const auto callee = plain_callee(rule);
      REQUIRE_MESSAGE(callee.has_value(), "no plain module.name pattern to re-export");
      const auto& [module, name] = *callee;
      TempDir repo;
      repo.write("pkg/__init__.py", "");
      // `from pdb import set_trace` in one module, used through it in another.
      repo.write("pkg/reexport.py", "from " + module + " import " + name + "\n");
      const bool in_async = rule.match.within == onramp::core::CallScope::async_function;
      const std::string use = "from pkg.reexport import " + name + "\n\n\n" +
                              (in_async ? "async def handler():\n" : "def handler():\n") + "    " + name + "(1)\n";
      repo.write("pkg/use.py", use);
      const auto analysis = scan_repo(repo.path());
      std::vector<std::string> places;
      for (const auto& f : analysis.findings) {
        if (f.rule == rule.id)
          places.push_back(f.path + ":" + std::to_string(f.location.line) + ":" + std::to_string(f.location.column));
      }
      CHECK(places == std::vector<std::string>{"pkg/use.py:5:5"});
      for (const auto& f : analysis.findings) {
        if (f.rule != rule.id) continue;
        // Shown as written, with the name it resolved to (`open()`, not `builtins.open()`).
        const auto shown = module == "builtins" ? "`" + name + "()`" : "`" + name + "()` (" + module + "." + name + ")";
        CHECK(f.message.find(shown) != std::string::npos);
        CHECK(f.severity == rule.severity);
      }
      ++tried;
    }
    CHECK(tried >= 8);  // the six async/blocking-* rules, async/dangling-task, sandbox/debugger-call
  }

  TEST_CASE("calls::every rule id has exactly one implementation, every declared id a rule") {
    auto rules = onramp::core::RuleSet::load_embedded();
    REQUIRE(rules.ok());
    std::map<std::string, int> implementations;
    for (const auto& id : onramp::checks::pipeline_rule_ids()) ++implementations[id];
    for (const auto& c : onramp::checks::make_checks()) {
      for (const auto& id : c->rule_ids(*rules)) {
        CAPTURE(id);
        CHECK_MESSAGE(rules->find(id) != nullptr, "a check declares a rule id with no YAML");
        ++implementations[id];
      }
    }
    for (const auto& rule : rules->all()) {
      CAPTURE(rule.id);
      CHECK(implementations[rule.id] == 1);
    }
  }

  TEST_CASE("calls::a rule that is not selected does not run") {
    TempDir repo;
    repo.write("app/views.py", "import time\n\n\nasync def view():\n    time.sleep(1)\n    breakpoint()\n");
    onramp::core::Config config;
    config.ignore = {"async", "sandbox/debugger-call"};
    auto rules = onramp::core::RuleSet::load_embedded();
    REQUIRE(rules.ok());
    // The call-list check itself has nothing left to decide, so the registry skips it.
    const auto checks = onramp::checks::make_checks();
    CHECK_FALSE(onramp::checks::check_runs(*call_list_check(checks), *rules, config));
    config.ignore = {"async"};
    CHECK(onramp::checks::check_runs(*call_list_check(checks), *rules, config));
    const auto analysis = scan_repo(repo.path(), "repo", config);
    std::vector<std::string> found;
    for (const auto& f : analysis.findings) {
      if (f.rule.starts_with("async/") || f.rule.starts_with("sandbox/")) found.push_back(f.rule);
    }
    CHECK(found == std::vector<std::string>{"sandbox/debugger-call"});
  }

  TEST_CASE("calls::the message templater fills placeholders once") {
    using onramp::core::fill_message;
    CHECK(fill_message("{call} in {function}", {{"call", "`f()`"}, {"function", "g"}}) == "`f()` in g");
    // A value holding a placeholder is not expanded again; unknown placeholders and stray braces stay.
    CHECK(fill_message("{call} {other} {", {{"call", "{call}"}}) == "{call} {other} {");
    CHECK(fill_message("", {{"call", "x"}}).empty());
  }

  TEST_CASE("calls::loader reads the call-list keys and rejects bad ones with file and line") {
    onramp::core::RuleSet set;
    const std::string head =
        "id: async/x\nseverity: warning\nsummary: s\ndocs: {what: a, why: b, example: c, fix: d}\n";
    SUBCASE("scope, qualifiers and per-call messages") {
      REQUIRE(set.add("r.yaml",
                      head + "match:\n  within: async-function\n  interprocedural: true\n  skip-roles: [test]\n"
                             "  calls:\n    - a.b\n    - {name: '{c,d}.e', unconditional: true, message: 'm {call}'}\n")
                  .ok());
      const auto& m = set.find("async/x")->match;
      CHECK(m.within == onramp::core::CallScope::async_function);
      CHECK(m.interprocedural);
      CHECK(m.skip_roles == std::vector<std::string>{"test"});
      REQUIRE(m.calls.size() == 3);
      CHECK_FALSE(m.calls[0].unconditional);
      CHECK(m.calls[2].name == "d.e");
      CHECK(m.calls[2].unconditional);
      CHECK(m.calls[2].message == "m {call}");
    }
    SUBCASE("unknown scope") {
      const auto st = set.add("r.yaml", head + "match:\n  calls: [a.b]\n  within: sync-function\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "r.yaml:7: `within` must be anywhere or async-function");
    }
    SUBCASE("interprocedural without async scope") {
      const auto st = set.add("r.yaml", head + "match:\n  calls: [a.b]\n  interprocedural: true\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "r.yaml:7: `interprocedural` needs `within: async-function`");
    }
    SUBCASE("unknown key in a call") {
      const auto st = set.add("r.yaml", head + "match:\n  calls:\n    - {name: a.b, when: always}\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "r.yaml:7: unknown key `when` in a call");
    }
    SUBCASE("unknown role") {
      const auto st = set.add("r.yaml", head + "match:\n  calls: [a.b]\n  skip-roles: [tests]\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message ==
            "r.yaml:7: unknown role `tests` in skip-roles (test, script, migration, tooling, example, ...)");
    }
    SUBCASE("not a boolean") {
      const auto st = set.add("r.yaml", head + "match:\n  calls: [a.b]\n  unused-result: yes please\n");
      REQUIRE_FALSE(st.ok());
      CHECK(st.error().message == "r.yaml:7: `unused-result` must be true or false");
    }
  }
}
