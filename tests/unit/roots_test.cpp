// Project roots from manifests only, import roots, and module names below them (model/roots).
#include <doctest/doctest.h>

#include <algorithm>

#include "onramp/model/roots.hpp"
#include "test_support.hpp"

namespace {

using onramp::core::FileKind;
using onramp::core::ProjectFile;

std::vector<ProjectFile> files(std::initializer_list<const char*> paths) {
  std::vector<ProjectFile> out;
  for (const char* p : paths) {
    const std::string path = p;
    out.push_back({path, path.ends_with(".py") ? FileKind::python : FileKind::other, 0, std::nullopt});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

const onramp::facts::Module* module_at(const onramp::model::Project& project, std::string_view path) {
  for (const auto& m : project.modules) {
    if (m.path == path) return &m;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("model") {
  TEST_CASE("model::module_name") {
    using onramp::model::module_name;
    CHECK(module_name({"."}, "app/api/users.py") == "app.api.users");
    CHECK(module_name({"."}, "app/__init__.py") == "app");
    CHECK(module_name({".", "src"}, "src/ledger/main.py") == "ledger.main");
    CHECK(module_name({".", "backend"}, "backend/app/main.py") == "app.main");
    CHECK(module_name({".", "backend", "backend/src"}, "backend/src/app/__init__.py") == "app");
    CHECK(module_name({"."}, "__init__.py") == "");
    CHECK(module_name({".", "backend"}, "backendish/x.py") == "backendish.x");
  }

  TEST_CASE("model::manifest_roots: manifests make roots, manage.py does not") {
    const auto fs = files({"pyproject.toml", "manage.py", "api/requirements-dev.txt", "env/environment.yml",
                           "redash/handlers/setup.py", "redash/handlers/__init__.py", "lib/setup.py", "lib/setup.cfg"});
    const auto m = onramp::model::manifest_roots(fs);
    CHECK(m.roots == std::vector<std::string>{".", "api", "env", "lib"});
    // lib/setup.py's directory is a root by its setup.cfg anyway; redash/handlers/setup.py must prove itself.
    CHECK(m.setup_scripts == std::vector<std::string>{"redash/handlers/setup.py"});
  }

  TEST_CASE("model::import_roots") {
    const auto fs = files({"pyproject.toml", "src/app/__init__.py", "src/app/main.py", "web/manage.py",
                           "web/shop/__init__.py", "pkg/__init__.py", "pkg/manage.py", "member/x.py"});
    const auto roots = onramp::model::project_roots(fs, {".", "member", "pkg"});
    CHECK(roots == std::vector<std::string>{".", "member", "pkg"});
    // pkg is a package: its modules are pkg.*, so neither its root nor its manage.py starts names.
    CHECK(onramp::model::import_roots(fs, roots) == std::vector<std::string>{".", "member", "src", "web"});
  }

  TEST_CASE("model::project_roots adds the top for code outside every root") {
    CHECK(onramp::model::project_roots(files({"backend/pyproject.toml", "backend/app.py"}), {"backend"}) ==
          std::vector<std::string>{"backend"});
    CHECK(onramp::model::project_roots(files({"backend/pyproject.toml", "tools/x.py"}), {"backend"}) ==
          std::vector<std::string>{".", "backend"});
    CHECK(onramp::model::project_roots(files({"x.py"}), {}) == std::vector<std::string>{"."});
  }

  TEST_CASE("model roots on a whole run: setup.py only when it calls setup(), names from import roots") {
    onramp::test::TempDir dir;
    dir.write("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1\"\ndependencies = [\"flask\"]\n");
    dir.write("shop/__init__.py", "");
    dir.write("shop/models.py", "class Order:\n    pass\n");
    dir.write("shop/handlers/__init__.py", "");
    dir.write("shop/handlers/setup.py",
              "from flask import Blueprint\nfrom ..models import Order\n\nbp = Blueprint('setup', __name__)\n");
    dir.write("plugins/pay/setup.py",
              "from setuptools import setup\n\nsetup(name='pay', install_requires=['stripe'])\n");
    dir.write("plugins/pay/pay.py", "import stripe\n");
    dir.write("src/ledger/__init__.py", "");
    dir.write("src/ledger/books.py", "X = 1\n");
    dir.write("web/manage.py", "import sys\n");
    dir.write("web/portal/__init__.py", "");
    dir.write("web/portal/views.py", "from portal import models\n");
    const auto analysis = onramp::test::scan_repo(dir.path());
    const auto& project = analysis.project;
    CHECK(project.roots == std::vector<std::string>{".", "plugins/pay"});
    CHECK(project.import_roots == std::vector<std::string>{".", "plugins/pay", "src", "web"});
    const auto* view = module_at(project, "shop/handlers/setup.py");
    REQUIRE(view != nullptr);
    CHECK(view->name == "shop.handlers.setup");
    CHECK(view->role == onramp::core::CodeRole::application);
    const auto order =
        std::find_if(view->imports.begin(), view->imports.end(), [](const auto& i) { return i.name == "Order"; });
    REQUIRE(order != view->imports.end());
    CHECK(order->target == "shop.models.Order");
    const auto* build = module_at(project, "plugins/pay/setup.py");
    REQUIRE(build != nullptr);
    CHECK(build->name == "setup");
    CHECK(build->role == onramp::core::CodeRole::tooling);
    CHECK(module_at(project, "src/ledger/books.py")->name == "ledger.books");
    CHECK(module_at(project, "web/portal/views.py")->name == "portal.views");
    // The view's subtree is the top root's: its undeclared import is not skipped.
    CHECK(std::none_of(analysis.findings.begin(), analysis.findings.end(), [](const auto& f) {
      return f.rule == "stack/undeclared-import" && f.path == "plugins/pay/pay.py";
    }));
  }
}
