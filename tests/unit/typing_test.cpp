// Step 6, typing: the coverage numbers of the two fixture repositories, counted by hand below and
// asserted exactly (CI users hold us to them), the threshold finding, `Any` resolution and
// `# type: ignore` recognition.
#include <doctest/doctest.h>

#include <string>

#include "onramp/checks/typing/annotations.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/facts/extract/type_ignores.hpp"
#include "test_support.hpp"

namespace {

using json = nlohmann::ordered_json;

onramp::engine::Analysis scan_fixture(const std::string& scenario, onramp::core::Config config = {}) {
  return onramp::test::scan_repo(onramp::test::source_dir() / "tests" / "fixtures" / scenario / "repo", scenario,
                                 std::move(config));
}

const json& typing_facts(const onramp::engine::Analysis& a) {
  return a.step_facts[static_cast<std::size_t>(onramp::core::step_by_key("typing")->id - 1)];
}

/// {annotated, total} of parameters and of returns, as four numbers.
std::array<std::uint64_t, 4> counts(const json& c) {
  return {c["parameters"]["annotated"].get<std::uint64_t>(), c["parameters"]["total"].get<std::uint64_t>(),
          c["returns"]["annotated"].get<std::uint64_t>(), c["returns"]["total"].get<std::uint64_t>()};
}

using Counts = std::array<std::uint64_t, 4>;

std::size_t count_rule(const onramp::engine::Analysis& a, std::string_view rule) {
  return static_cast<std::size_t>(std::count_if(a.findings.begin(), a.findings.end(),
                                                [&](const onramp::core::Finding& f) { return f.rule == rule; }));
}

}  // namespace

TEST_SUITE("typing") {
  TEST_CASE("typing::coverage of tests/fixtures/typing-style, counted by hand") {
    // Parameters: annotated/total, not counting self/cls of methods that are not @staticmethod.
    // Returns: one per def, annotated when it has `-> T`.
    //
    // shop/models.py                                           params  returns
    //   Line.total(self) -> Decimal                              0/0     1/1
    //   Order.add(self, line: Line) -> None                      1/1     1/1
    //   Order.total(self) -> Decimal           (@property)       0/0     1/1
    //   Order.empty(cls, order_id: int) -> "Order" (@classmethod) 1/1    1/1
    //                                                            2/2     4/4
    // shop/services.py
    //   OrderService.__init__(self, repo, notifier: Optional[Any] = None)     1/2  0/1
    //   OrderService.get(self, order_id: int) -> Order                        1/1  1/1
    //   OrderService.place(self, order, *lines, **options: Any)               1/3  0/1
    //   OrderService.parse(payload: dict[str, Any]) -> t.Any (@staticmethod)  1/1  1/1
    //   OrderService._audit(self, order: Order, reason) -> None  (private)    1/2  1/1
    //   ship(order: Order, warehouse, carrier: str, express: bool = False) -> str  3/4  1/1
    //   price_of(line: Line, discount=None)                                   1/2  0/1
    //   price_of.<locals>.apply(amount)                                       0/1  0/1
    //                                                                         9/16 4/8
    // shop/legacy/importer.py
    //   import_row(row, strict=False)                            0/2     0/1
    //   _clean(value)                              (private)     0/1     0/1
    //                                                            0/3     0/2
    // shop/__init__.py, shop/legacy/__init__.py: no defs (left out of `modules`)
    // tests/conftest.py: order()                                 0/0     0/1
    // tests/test_services.py
    //   FakeRepo.load(self, order_id)                            0/1     0/1
    //   FakeRepo.save(self, order)                               0/1     0/1
    //   test_get_returns_what_the_repository_loads()             0/0     0/1
    //   test_ship_refuses_unpaid_orders(order) -> None           0/1     1/1
    //                                                            0/3     1/4
    // source (shop):  params 2+9+0 = 11/21, returns 4+4+0 = 8/14 -> 19/35 = 54.28% -> 54.2
    // tests:          params 0/3,            returns 0+1 = 1/5    ->  1/8  = 12.5
    // all:            params 11/24,          returns 9/19         -> 20/43 = 46.51% -> 46.5
    // private names (_audit, _clean): params 1/3, returns 1/2; public: params 10/21, returns 8/17
    // Any in annotations: Optional[Any], **options: Any, dict[str, Any], t.Any = 4
    // # type: ignore: [no-any-return], bare, [no-untyped-def] = 3, 2 with codes
    const auto a = scan_fixture("typing-style");
    const auto& facts = typing_facts(a);
    const auto& c = facts["coverage"];
    CHECK(counts(c) == Counts{11, 24, 9, 19});
    CHECK(c["percent"] == 46.5);
    CHECK(counts(c["source"]) == Counts{11, 21, 8, 14});
    CHECK(c["source"]["percent"] == 54.2);
    CHECK(counts(c["tests"]) == Counts{0, 3, 1, 5});
    CHECK(c["tests"]["percent"] == 12.5);
    CHECK(counts(c["public"]) == Counts{10, 21, 8, 17});
    CHECK(counts(c["private"]) == Counts{1, 3, 1, 2});
    CHECK(c["packages"].size() == 2);
    CHECK(counts(c["packages"]["shop"]) == Counts{11, 21, 8, 14});
    CHECK(counts(c["packages"]["tests"]) == Counts{0, 3, 1, 5});
    CHECK(c["modules"].size() == 5);
    CHECK(counts(c["modules"]["shop/models.py"]) == Counts{2, 2, 4, 4});
    CHECK(counts(c["modules"]["shop/services.py"]) == Counts{9, 16, 4, 8});
    CHECK(counts(c["modules"]["shop/legacy/importer.py"]) == Counts{0, 3, 0, 2});
    CHECK(counts(c["modules"]["tests/conftest.py"]) == Counts{0, 0, 0, 1});
    CHECK(counts(c["modules"]["tests/test_services.py"]) == Counts{0, 3, 1, 4});
    CHECK(facts["any_annotations"] == 4);
    CHECK(facts["type_ignores"] == json({{"total", 3}, {"with_codes", 2}, {"without_codes", 1}}));
    CHECK(facts["py_typed"] == json::array({"shop/py.typed"}));
    // Findings agree with the source counts (tests are measured, not reported): 21 - 11 parameters,
    // 14 - 8 returns; Any at the top of three annotations.
    CHECK(count_rule(a, "typing/missing-parameter-annotation") == 10);
    CHECK(count_rule(a, "typing/missing-return-annotation") == 6);
    CHECK(count_rule(a, "typing/any-annotation") == 3);
    CHECK(count_rule(a, "typing/coverage-below-threshold") == 0);  // no minimum set

    const auto& mypy = facts["checkers"][0];
    CHECK(mypy["name"] == "mypy");
    CHECK(mypy["file"] == "pyproject.toml");
    CHECK(mypy["strict"] == false);
    CHECK(mypy["disallow_untyped_defs"] == true);
    CHECK(mypy["python_version"] == "3.11");
    CHECK(mypy["overrides"] == 2);
    CHECK(mypy["overrides_ignoring_errors"] == 1);
    CHECK(facts["checkers"][1]["pre_commit_hook"] == true);
  }

  TEST_CASE("typing::coverage of tests/fixtures/typing-pyright, counted by hand") {
    // api/handlers.py                                                         params  returns
    //   Handler.__init__(self, name: str) -> None                               1/1     1/1
    //   Handler.make(self: "Handler") -> "Handler"  (@staticmethod: self counts) 1/1    1/1
    //   Handler.__call__(self, *args: Any, **kwargs: te.Any) -> dict[str, Any]  2/2     1/1
    //   double(value: int) -> int        (@overload)                            1/1     1/1
    //   double(value: str) -> str        (@overload)                            1/1     1/1
    //   double(value)                    (the implementation: counted, no findings) 0/1  0/1
    //   sort_key(items: list[str]) -> list[str]   (its lambda is not a def)     1/1     1/1
    //                                                                           7/8     6/7
    // scripts/seed.py: main(count=10) -> None                                   0/1     1/1
    // all = source: params 7/9, returns 7/8 -> 14/17 = 82.35% -> 82.3; no tests, no private names
    // Any: *args: Any, **kwargs: te.Any, dict[str, Any] = 3; ANN401 reports the first two only.
    const auto a = scan_fixture("typing-pyright");
    const auto& facts = typing_facts(a);
    const auto& c = facts["coverage"];
    CHECK(counts(c) == Counts{7, 9, 7, 8});
    CHECK(c["percent"] == 82.3);
    CHECK(counts(c["source"]) == Counts{7, 9, 7, 8});
    CHECK(counts(c["tests"]) == Counts{0, 0, 0, 0});
    CHECK(counts(c["private"]) == Counts{0, 0, 0, 0});
    CHECK(counts(c["packages"]["api"]) == Counts{7, 8, 6, 7});
    CHECK(counts(c["packages"]["scripts"]) == Counts{0, 1, 1, 1});
    CHECK(facts["any_annotations"] == 3);
    CHECK(count_rule(a, "typing/any-annotation") == 2);
    CHECK(count_rule(a, "typing/missing-parameter-annotation") == 1);
    CHECK(count_rule(a, "typing/missing-return-annotation") == 0);
    REQUIRE(facts["checkers"].size() == 2);
    CHECK(facts["checkers"][0]["name"] == "basedpyright");
    CHECK(facts["checkers"][0]["type_checking_mode"] == "recommended");
    CHECK(facts["checkers"][1]["name"] == "pyright");
    CHECK(facts["checkers"][1]["type_checking_mode"] == "strict");
    CHECK(facts["checkers"][1]["python_version"] == "3.12");
    CHECK(facts["checkers"][1]["strict_paths"] == 1);
  }

  TEST_CASE("typing::coverage-below-threshold compares the source code's exact ratio") {
    onramp::core::Config config;
    config.source = "pyproject.toml";
    SUBCASE("below: 19/35 = 54.3% < 60%") {
      config.thresholds.typing_min_coverage = 60;
      const auto a = scan_fixture("typing-style", config);
      REQUIRE(count_rule(a, "typing/coverage-below-threshold") == 1);
      const auto f = *std::find_if(a.findings.begin(), a.findings.end(),
                                   [](const auto& x) { return x.rule == "typing/coverage-below-threshold"; });
      CHECK(f.path == "pyproject.toml");
      CHECK(f.location.line == 1);
      CHECK(f.message ==
            "type-hint coverage of the source code (tests excluded) is 54.2%: 11 of 21 parameters and 8 of 14 returns "
            "annotated, below typing.min-coverage = 60%");
    }
    SUBCASE("met: 54.28% >= 54.2%, though tests alone are at 12.5%") {
      config.thresholds.typing_min_coverage = 54.2;
      CHECK(count_rule(scan_fixture("typing-style", config), "typing/coverage-below-threshold") == 0);
    }
    SUBCASE("just below: 54.28% < 54.3%") {
      config.thresholds.typing_min_coverage = 54.3;
      CHECK(count_rule(scan_fixture("typing-style", config), "typing/coverage-below-threshold") == 1);
    }
  }

  TEST_CASE("typing::classify_type_ignore") {
    using onramp::facts::extract::classify_type_ignore;
    CHECK(classify_type_ignore("# type: ignore") == 1);
    CHECK(classify_type_ignore("#type:ignore") == 1);
    CHECK(classify_type_ignore("# type: ignore  # noqa: E501") == 1);
    CHECK(classify_type_ignore("# noqa: E501  # type: ignore[attr-defined]") == 2);
    CHECK(classify_type_ignore("# type: ignore[attr-defined, union-attr]") == 2);
    CHECK(classify_type_ignore("# type: ignore[]") == 1);
    CHECK(classify_type_ignore("# type: ignored") == 0);
    CHECK(classify_type_ignore("# type: int") == 0);
    CHECK(classify_type_ignore("# mypy ignores this: type: ignore") == 0);
    CHECK(classify_type_ignore("# pyright: ignore[reportGeneralTypeIssues]") == 0);
  }

  TEST_CASE("typing::Any resolution and ruff's ANN401 test") {
    using onramp::checks::typing::count_any;
    using onramp::checks::typing::NameResolver;
    using onramp::checks::typing::resolves_to_any;
    const auto m =
        onramp::engine::analyse_source(
            "app/m.py",
            "import typing as t\nimport typing_extensions\nfrom typing import Any, Optional, Union, Literal, "
            "Annotated\nfrom app.types import Anything\n\ndef f():\n    from typing import Any as Nested\n",
            *onramp::core::RuleSet::load_embedded())
            .module;
    const NameResolver names(m);
    CHECK(names.resolve("t.Any") == "typing.Any");
    CHECK(names.resolve("Nested") == "typing.Any");
    CHECK(names.resolve("Unknown").empty());
    for (const char* yes : {"Any", "t.Any", "typing_extensions.Any", "Optional", "Optional[Any]", "Union[int, Any]",
                            "int | Any", "None | t.Any", "'Any'", "\"Optional[Any]\"", "Annotated[Any, 'x']",
                            "Union[int, Union[str, Any]]", "Nested"}) {
      CAPTURE(yes);
      CHECK(resolves_to_any(yes, names));
    }
    for (const char* no : {"", "int", "list[Any]", "dict[str, Any]", "Anything", "Literal['Any']", "Optional[int]",
                           "Annotated[int, Any]", "Callable[[Any], int]", "t.Mapping[str, t.Any]", "object"}) {
      CAPTURE(no);
      CHECK_FALSE(resolves_to_any(no, names));
    }
    CHECK(count_any("dict[str, Any]", names) == 1);
    CHECK(count_any("Callable[[Any, t.Any], 'Any']", names) == 3);
    CHECK(count_any("Literal['Any'] | Any", names) == 1);
    CHECK(count_any("Annotated[Any, Any]", names) == 1);
    CHECK(count_any("Anything", names) == 0);
    CHECK(count_any("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[Any", names) ==
          0);  // too deep: given up, no crash
  }
}

TEST_SUITE("typing") {
  TEST_CASE("typing::package_name") {
    onramp::facts::Module m;
    m.path = "saleor/order/models.py";
    m.name = "saleor.order.models";
    CHECK(onramp::checks::typing::package_name(m) == "saleor");
    m.path = ".semgrep/best-practice/add-index.py";
    m.name = ".semgrep.best-practice.add-index";
    CHECK(onramp::checks::typing::package_name(m) == ".semgrep");
    m.path = "manage.py";
    m.name = "manage";
    CHECK(onramp::checks::typing::package_name(m) == "manage");
    m.path = "__init__.py";
    m.name = "";
    CHECK(onramp::checks::typing::package_name(m) == "__init__");
  }
}
