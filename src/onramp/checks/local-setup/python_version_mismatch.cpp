#include "onramp/checks/local-setup/python_version_mismatch.hpp"
#include "onramp/model/manifests.hpp"

#include <fmt/format.h>

#include <set>
#include <vector>

#include "onramp/parse/manifests.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

constexpr std::string_view kRule = "local-setup/python-version-mismatch";

using Version = std::vector<int>;

/// `3.12.4` -> {3, 12, 4}; nullopt for anything else (`pypy3.10`, `system`, `3.12-dev`).
std::optional<Version> parse_version(std::string_view s) {
  s = util::trim(s);
  if (s.empty()) return std::nullopt;
  Version v;
  for (auto part : util::split(s, '.')) {
    if (part.empty() || part.size() > 4) return std::nullopt;
    int n = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    v.push_back(n);
  }
  return v;
}

int compare(const Version& a, const Version& b) {
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const int x = i < a.size() ? a[i] : 0;
    const int y = i < b.size() ? b[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

/// One clause of a specifier set on a concrete version.
std::optional<bool> clause_holds(const Version& v, std::string_view clause) {
  clause = util::trim(clause);
  std::string_view op;
  for (std::string_view o : {"===", "==", "!=", "~=", ">=", "<=", ">", "<", "^", "~", "="}) {
    if (clause.starts_with(o)) {
      op = o;
      break;
    }
  }
  auto rest = util::trim(clause.substr(op.size()));
  const bool wildcard = rest.ends_with(".*");
  if (wildcard) rest = rest.substr(0, rest.size() - 2);
  const auto target = parse_version(rest);
  if (!target) return std::nullopt;
  const int c = compare(v, *target);
  const auto prefix_equal = [&]() {
    for (std::size_t i = 0; i < target->size(); ++i) {
      if ((i < v.size() ? v[i] : 0) != (*target)[i]) return false;
    }
    return true;
  };
  if (op.empty() || op == "==" || op == "===" || op == "=") return wildcard || op.empty() ? prefix_equal() : c == 0;
  if (op == "!=") return wildcard ? !prefix_equal() : c != 0;
  if (op == ">=") return c >= 0;
  if (op == "<=") return c <= 0;
  if (op == ">") return c > 0;
  if (op == "<") return c < 0;
  if (op == "~=" || op == "~" || op == "^") {
    // ~=3.10 and ^3.10: >=3.10,<4; ~=3.10.2 and ~3.10: >=3.10(.2),<3.11.
    if (c < 0) return false;
    Version upper = *target;
    const std::size_t keep = op == "^" ? 1 : op == "~" ? std::min<std::size_t>(2, upper.size()) : upper.size() - 1;
    if (keep == 0 || upper.empty()) return true;
    upper.resize(keep);
    ++upper.back();
    return compare(v, upper) < 0;
  }
  return std::nullopt;
}

bool is_pin_kind(std::string_view kind) {
  return kind == ".python-version" || kind == "runtime.txt" || kind == "dockerfile" ||
         kind == "Pipfile python_version" || kind == "Pipfile python_full_version" || kind == "conda python";
}

bool is_range_kind(std::string_view kind) {
  return kind == "requires-python" || kind == "python_requires" || kind == "poetry python" ||
         kind == "lockfile requires-python";
}

/// The version a pin names (`python-3.11.4` in runtime.txt -> 3.11.4), or empty.
std::string pin_text(const parse::PythonVersion& p) {
  std::string_view v = util::trim(p.version);
  if (v.starts_with("python-")) v.remove_prefix(7);
  if (v.starts_with("==")) v.remove_prefix(2);
  if (v.ends_with(".*")) v.remove_suffix(2);
  const auto parsed = parse_version(v);
  return parsed && parsed->size() >= 2 ? std::string(v) : std::string{};
}

std::string minor_of(std::string_view pin) {
  const auto v = parse_version(pin);
  return v && v->size() >= 2 ? fmt::format("{}.{}", (*v)[0], (*v)[1]) : std::string{};
}

std::string describe(const parse::PythonVersion& p) {
  return fmt::format("{} `{}` ({}{})", p.kind, p.version, p.source, p.line != 0 ? fmt::format(":{}", p.line) : "");
}

core::Finding finding(const core::Rule& rule, const parse::PythonVersion& at, const std::string& message) {
  return core::make_finding(rule, at.source, core::Location{at.line, 1, at.line, 1}, message,
                            "python " + at.kind + " " + at.version);
}

}  // namespace

std::optional<bool> python_satisfies(std::string_view pin, std::string_view spec) {
  const auto v = parse_version(pin);
  if (!v || v->size() < 2) return std::nullopt;
  // A pin of a series (3.12) matches when any release of it could: its first and a late patch release.
  std::vector<Version> candidates;
  if (v->size() >= 3) {
    candidates.push_back(*v);
  } else {
    candidates.push_back({(*v)[0], (*v)[1], 0});
    candidates.push_back({(*v)[0], (*v)[1], 999});
  }
  for (const auto& c : candidates) {
    bool all = true;
    for (auto clause : util::split(spec, ',')) {
      if (util::trim(clause).empty()) continue;
      const auto r = clause_holds(c, clause);
      if (!r) return std::nullopt;
      all = all && *r;
    }
    if (all) return true;
  }
  return false;
}

void PythonVersionMismatchCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                               std::vector<core::Finding>& out) const {
  const auto* rule = rules.find(kRule);
  if (rule == nullptr) return;
  const auto roots = model::read_roots(project);
  std::set<std::pair<std::string, std::uint32_t>> reported;
  const auto report = [&](const parse::PythonVersion& at, const std::string& message) {
    if (!reported.insert({at.source, at.line}).second) return;
    out.push_back(finding(*rule, at, message));
  };
  for (const auto& root : roots) {
    std::vector<parse::PythonVersion> versions = root.python;
    // A .python-version above the root applies to it too (pyenv and uv look upwards).
    const bool own_pin_file =
        std::any_of(versions.begin(), versions.end(), [](const auto& p) { return p.kind == ".python-version"; });
    if (!own_pin_file) {
      const parse::RootManifest* nearest = nullptr;
      for (const auto& other : roots) {
        const bool above = other.path == "." ? root.path != "." : root.path.starts_with(other.path + "/");
        if (!above || (nearest != nullptr && other.path.size() < nearest->path.size())) continue;
        if (std::any_of(other.python.begin(), other.python.end(),
                        [](const auto& p) { return p.kind == ".python-version"; }))
          nearest = &other;
      }
      if (nearest != nullptr) {
        for (const auto& p : nearest->python) {
          if (p.kind == ".python-version") versions.push_back(p);
        }
      }
    }
    std::vector<const parse::PythonVersion*> pins, ranges;
    for (const auto& p : versions) {
      if (is_pin_kind(p.kind) && !pin_text(p).empty()) pins.push_back(&p);
      else if (is_range_kind(p.kind) && !p.version.empty()) ranges.push_back(&p);
    }
    // The reference pin: .python-version first (what a developer's tools pick), then runtime.txt, Pipfile, Dockerfile.
    std::stable_sort(pins.begin(), pins.end(), [](const auto* a, const auto* b) {
      const auto rank = [](std::string_view k) {
        return k == ".python-version" ? 0 : k == "runtime.txt" ? 1 : k.starts_with("Pipfile") ? 2 : 3;
      };
      return rank(a->kind) < rank(b->kind);
    });
    if (!pins.empty()) {
      const auto ref = minor_of(pin_text(*pins.front()));
      for (std::size_t i = 1; i < pins.size(); ++i) {
        const auto m = minor_of(pin_text(*pins[i]));
        if (m.empty() || m == ref) continue;
        report(*pins[i], fmt::format("Python {} here, but {} says {}: the code is developed on one version and run "
                                     "on another; make them agree",
                                     m, describe(*pins.front()), ref));
      }
    }
    for (const auto* pin : pins) {
      for (const auto* range : ranges) {
        const auto ok = python_satisfies(pin_text(*pin), range->version);
        if (!ok || *ok) continue;
        report(*pin, fmt::format("Python {} here is outside {}: installing the project with that interpreter fails "
                                 "(or resolves for a different Python); pin a version the range allows",
                                 pin_text(*pin), describe(*range)));
        break;
      }
    }
  }
}

}  // namespace onramp::checks::local_setup
