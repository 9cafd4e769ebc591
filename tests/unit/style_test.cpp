// Step 5, style: cyclomatic complexity counted exactly as ruff's C901 tests count it (the cases of
// crates/ruff_linter/src/rules/mccabe/rules/function_is_too_complex.rs), and the INI reader behind the
// tool configuration facts.
#include <doctest/doctest.h>

#include <string>

#include "onramp/core/rules.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/parse/ini.hpp"

namespace {

/// The complexity of every def in `code`, in source order.
std::vector<int> complexities(const std::string& code) {
  auto rules = onramp::core::RuleSet::load_embedded();
  REQUIRE(rules.ok());
  const auto a = onramp::engine::analyse_source("app/m.py", code, *rules);
  std::vector<int> out;
  for (const auto& fn : a.module.functions) out.push_back(fn.complexity);
  return out;
}

using V = std::vector<int>;

}  // namespace

TEST_SUITE("style") {
  TEST_CASE("style::complexity as ruff's C901 counts it") {
    CHECK(complexities("def trivial():\n    pass\n") == V{1});
    CHECK(complexities("def expr_as_statement():\n    0xF00D\n") == V{1});
    CHECK(complexities("def sequential(n):\n    k = n + 4\n    s = k + n\n    return s\n") == V{1});
    CHECK(complexities("def f(n):\n    if n > 3:\n        return 1\n    elif n > 4:\n        return 2\n    else:\n     "
                       "   return 3\n") == V{3});
    CHECK(complexities(
              "def f():\n    if n > 3:\n        if n > 4:\n            return 1\n        else:\n            return 2\n"
              "    else:\n        return 3\n") == V{3});
    CHECK(complexities("def f():\n    for i in range(10):\n        print(i)\n") == V{2});
    CHECK(complexities("def f(l):\n    for i in l:\n        print(i)\n    else:\n        print(None)\n") == V{2});
    CHECK(complexities("def f(n):\n    if n > 4:\n        return f(n - 1)\n    else:\n        return n\n") == V{2});
    // Nested defs: each is measured, and counts (1 + its decisions) in every def around it.
    CHECK(
        complexities(
            "def nested_functions():\n    def a():\n        def b():\n            pass\n\n        b()\n\n    a()\n") ==
        V{3, 2, 1});
    CHECK(complexities("def f():\n    try:\n        print(1)\n    except TypeA:\n        print(2)\n    except TypeB:\n"
                       "        print(3)\n    else:\n        print(4)\n") == V{4});
    CHECK(
        complexities("def f():\n    try:\n        try:\n            print(1)\n        finally:\n            print(2)\n"
                     "    finally:\n        print(3)\n") == V{1});
    CHECK(complexities("async def foobar(a, b, c):\n    await whatever(a, b, c)\n    if await b:\n        pass\n"
                       "    async with c:\n        pass\n    async for x in a:\n        pass\n") == V{3});
    CHECK(complexities("def f():\n    x: Any = None\n") == V{1});
    // ruff's `class` case: 9 for handle (its nested classes' methods count in it); each method on its own too.
    CHECK(complexities("class Class:\n    def handle(self, *args, **options):\n        if args:\n            return\n\n"
                       "        class ServiceProvider:\n            def a(self):\n                pass\n\n"
                       "            def b(self, data):\n                if not args:\n                    pass\n\n"
                       "        class Logger:\n            def c(*args, **kwargs):\n                pass\n\n"
                       "            def error(self, message):\n                pass\n\n"
                       "            def info(self, message):\n                pass\n\n"
                       "            def exception(self):\n                pass\n\n"
                       "        return ServiceProvider(Logger())\n") == V{9, 1, 2, 1, 1, 1, 1});
    CHECK(complexities("def f():\n    try:\n        pass\n    finally:\n        pass\n") == V{1});
    CHECK(complexities(
              "def f():\n    try:\n        pass\n    finally:\n        if res:\n            errors.append(1)\n") ==
          V{2});
    CHECK(complexities("def f():\n    with lock:\n        if foo:\n            print('bar')\n") == V{2});
    CHECK(complexities("def f():\n    match subject:\n        case 2:\n            print('foo')\n        case _:\n     "
                       "       print('bar')\n") == V{2});
    CHECK(complexities(
              "def f():\n    match subject:\n        case 2:\n            pass\n        case 2:\n            pass\n"
              "        case _:\n            pass\n") == V{3});
    CHECK(complexities(
              "def f():\n    match subject:\n        case 2:\n            pass\n        case x:\n            pass\n") ==
          V{2});
    CHECK(complexities("def f():\n    match subject:\n        case 2:\n            pass\n        case 5 | _:\n         "
                       "   pass\n") == V{2});
    // Not in ruff's tests, same rules: a guarded or refutable last case counts; boolean operators,
    // conditional expressions, comprehensions and lambdas do not; module-level code is not measured.
    CHECK(complexities(
              "def f():\n    match s:\n        case 1:\n            pass\n        case x if x:\n            pass\n") ==
          V{3});
    CHECK(complexities(
              "def f():\n    match s:\n        case 1:\n            pass\n        case [a, b]:\n            pass\n") ==
          V{3});
    CHECK(complexities("def f():\n    match s:\n        case 1:\n            pass\n        case (_ as whole):\n        "
                       "    pass\n") == V{2});
    CHECK(complexities("def f(a, b, l):\n    x = a and b or not a\n    y = 1 if a else 2\n    z = [i for i in l if i]\n"
                       "    g = lambda q: q or a\n    return x, y, z, g\n") == V{1});
    CHECK(complexities("if a:\n    pass\nfor x in y:\n    pass\n\ndef f():\n    pass\n") == V{1});
    CHECK(complexities("def f():\n    while a:\n        pass\n    else:\n        pass\n    try:\n        pass\n"
                       "    except* ValueError:\n        pass\n") == V{3});
  }

  TEST_CASE("style::INI reader") {
    const auto sections = onramp::parse::read_ini(
        "# comment\n[flake8]\nmax-line-length = 100 ; inline\nextend-ignore =\n    E203,\n    W503\n"
        "select: E,F\n\n[mypy-app.legacy.*]\nIgnore_Errors = True\n");
    REQUIRE(sections.size() == 2);
    const auto* flake8 = onramp::parse::find_section(sections, "flake8");
    REQUIRE(flake8 != nullptr);
    CHECK(flake8->line == 2);
    CHECK(flake8->find("max_line_length")->value == "100");
    CHECK(onramp::parse::split_list(flake8->find("extend-ignore")->value) == std::vector<std::string>{"E203", "W503"});
    CHECK(onramp::parse::split_list(flake8->find("select")->value) == std::vector<std::string>{"E", "F"});
    CHECK(flake8->find("missing") == nullptr);
    CHECK(sections[1].name == "mypy-app.legacy.*");
    CHECK(sections[1].find("ignore_errors")->value == "True");
  }
}
