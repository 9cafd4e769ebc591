#include "onramp/checks/stack/version_style_mismatch.hpp"
#include "onramp/model/manifests.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "onramp/checks/stack/stack_model.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/facts/index.hpp"

namespace onramp::checks::stack {

namespace {

bool matches_any(const std::vector<std::string>& patterns, std::string_view name) {
  if (name.empty()) return false;
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return core::qualified_name_matches(p, name); });
}

/// Classes of the repository that reach one of `model_bases` through their bases (followed across files).
std::set<std::string, std::less<>> model_classes(const model::Project& project,
                                                 const std::vector<std::string>& model_bases) {
  std::map<std::string, std::vector<std::string>, std::less<>> bases;
  for (const auto& m : project.modules) {
    for (const auto& c : m.classes) {
      auto& list = bases[c.qualname];
      list.insert(list.end(), c.bases.begin(), c.bases.end());
      list.insert(list.end(), c.canonical_bases.begin(), c.canonical_bases.end());
    }
  }
  std::set<std::string, std::less<>> out;
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& [cls, list] : bases) {
      if (out.contains(cls)) continue;
      if (std::any_of(list.begin(), list.end(),
                      [&](const std::string& b) { return matches_any(model_bases, b) || out.contains(b); })) {
        out.insert(cls);
        changed = true;
      }
    }
  }
  return out;
}

/// `app.models.User().dict` / `app.models.User.parse_obj` -> the class part when the method is one of `methods`.
std::string_view model_of_method_call(std::string_view callee, const std::vector<std::string>& methods) {
  const auto dot = callee.rfind('.');
  if (dot == std::string_view::npos) return {};
  const auto method = callee.substr(dot + 1);
  if (std::find(methods.begin(), methods.end(), method) == methods.end()) return {};
  auto cls = callee.substr(0, dot);
  if (cls.ends_with("()")) cls.remove_suffix(2);
  return cls;
}

}  // namespace

void VersionStyleMismatchCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                              std::vector<core::Finding>& out) const {
  const auto& styles = version_styles();
  if (styles.empty()) return;
  const auto roots = model::read_roots(project);
  std::map<std::string, std::set<std::string, std::less<>>> models_by_bases;
  for (const auto& style : styles) {
    if (!style.model_bases.empty()) {
      std::string key;
      for (const auto& b : style.model_bases) key += b + ",";
      if (!models_by_bases.contains(key)) models_by_bases[key] = model_classes(project, style.model_bases);
    }
  }
  const auto root_of = [&](std::string_view path) -> const parse::RootManifest* {
    const parse::RootManifest* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& r : roots) {
      if (r.path == ".") {
        if (best == nullptr) best = &r;
      } else if (path.size() > r.path.size() && path.substr(0, r.path.size()) == r.path && path[r.path.size()] == '/' &&
                 r.path.size() > best_len) {
        best = &r;
        best_len = r.path.size();
      }
    }
    return best;
  };
  std::set<std::tuple<std::string, std::uint32_t, std::string>> reported;  // `from pydantic import A, B` is one line
  for (const auto& mod : project.modules) {
    const auto* root = root_of(mod.path);
    if (root == nullptr) continue;
    for (const auto& style : styles) {
      std::string basis;
      const auto version = known_version(*root, style.package, &basis);
      if (!version || !style.spec.contains(*version)) continue;
      const auto report = [&](std::uint32_t line, const std::string& what, const std::string& code) {
        if (!reported.emplace(mod.path, line, style.id).second) return;
        add_finding(rules, "stack/version-style-mismatch", mod.path, line,
                    what + " is written for " + style.written_for + ", but " + root_label(root->path) + " has " +
                        style.package + " " + basis + ": " + style.message,
                    style.id + " " + code, out,
                    style.legacy ? std::optional<core::Severity>(core::Severity::info) : std::nullopt);
      };
      for (const auto& call : mod.calls) {
        if (matches_any(style.calls, call.callee)) {
          report(call.location.line, "`" + call.written + "()`", call.code);
          continue;
        }
      }
      for (const auto& fn : mod.functions) {
        for (const auto& d : fn.decorators) {
          if (matches_any(style.decorators, d))
            report(fn.name_location.line, "`@" + d.substr(d.rfind('.') + 1) + "` on " + fn.name, fn.qualname);
        }
      }
      for (const auto& cls : mod.classes) {
        for (const auto& b : cls.bases) {
          if (matches_any(style.bases, b)) report(cls.location.line, "class " + cls.name + "(" + b + ")", cls.qualname);
        }
      }
      for (const auto& imp : mod.imports) {
        if (imp.type_checking || imp.guarded) continue;
        const std::string full = imp.name.empty() ? imp.module : imp.module + "." + imp.name;
        if (matches_any(style.imports, full)) report(imp.location.line, "`" + full + "`", "import " + full);
      }
      if (style.model_bases.empty()) continue;
      std::string key;
      for (const auto& b : style.model_bases) key += b + ",";
      const auto& models = models_by_bases[key];
      if (!style.model_methods.empty()) {
        for (const auto& call : mod.calls) {
          const auto cls = model_of_method_call(call.callee, style.model_methods);
          if (!cls.empty() && models.contains(cls)) report(call.location.line, "`" + call.written + "()`", call.code);
        }
      }
      for (const auto& cls : mod.classes) {
        const auto dot = cls.qualname.rfind('.');
        if (dot == std::string::npos) continue;
        const auto inner = std::string_view(cls.qualname).substr(dot + 1);
        if (std::find(style.inner_classes.begin(), style.inner_classes.end(), inner) != style.inner_classes.end() &&
            models.contains(std::string_view(cls.qualname).substr(0, dot))) {
          report(cls.location.line, "`class " + cls.name + ":` inside a model", cls.qualname);
        }
      }
    }
  }
}

}  // namespace onramp::checks::stack
