#include "onramp/checks/stack/stack_model.hpp"
#include "onramp/model/manifests.hpp"

#include "onramp/model/inputs.hpp"

#include <algorithm>

#include "onramp/util/strings.hpp"

namespace onramp::checks::stack {

namespace {

std::string_view first_component(std::string_view dotted) { return dotted.substr(0, dotted.find('.')); }

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

/// Adds every word of `text` (and each word's first dotted part), lower-cased.
void add_words(std::string_view text, std::set<std::string, std::less<>>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_char(text[i])) ++i;
    const auto start = i;
    while (i < text.size() && is_word_char(text[i])) ++i;
    if (i == start) continue;
    auto w = text.substr(start, i - start);
    while (!w.empty() && (w.back() == '.' || w.back() == '-')) w.remove_suffix(1);
    if (w.size() < 2) continue;
    const auto lower = util::to_lower(w);
    out.insert(lower);
    out.insert(std::string(first_component(lower)));
  }
}

/// pyproject.toml without the tables that declare dependencies: tool configs name plugins (`[tool.pytest.ini_options]
/// addopts = "-p xdist"`, `[tool.mypy] plugins = ["pydantic.mypy"]`), the declarations themselves name every package.
std::string tool_sections_of_pyproject(std::string_view text) {
  std::string out;
  bool keep = false;
  for (auto line : util::split(text, '\n')) {
    const auto t = util::trim(line);
    if (!t.empty() && t.front() == '[') {
      keep = t.starts_with("[tool.") && !t.starts_with("[tool.poetry") && !t.starts_with("[tool.pdm") &&
             !t.starts_with("[tool.uv") && !t.starts_with("[tool.hatch.envs");
      continue;
    }
    if (keep) {
      out += line;
      out += '\n';
    }
  }
  return out;
}

bool is_config_file(const core::ProjectFile& f) {
  using core::FileKind;
  switch (f.kind) {
    case FileKind::dockerfile:
    case FileKind::compose:
    case FileKind::ci:
    case FileKind::task_runner:
    case FileKind::env:
    case FileKind::ide: return true;
    case FileKind::other: break;
    default: return false;
  }
  const auto slash = f.path.rfind('/');
  const std::string_view name =
      slash == std::string::npos ? std::string_view(f.path) : std::string_view(f.path).substr(slash + 1);
  for (std::string_view suffix : {".ini", ".cfg", ".toml", ".yaml", ".yml", ".sh", ".conf", ".json"}) {
    if (name.ends_with(suffix))
      return name != "package.json" && name != "package-lock.json" && !name.ends_with(".lock");
  }
  return name == "Procfile" || name == ".flake8" || name == ".pylintrc" || name == ".coveragerc";
}

}  // namespace

namespace {
StackModel compute_stack_model(const model::Project& project, bool with_config_words);
}  // namespace

const StackModel& build_stack_model(const model::Project& project, bool with_config_words) {
  auto& slot = with_config_words ? project.derived().stack_model_with_config : project.derived().stack_model;
  return slot.get([&] { return std::make_shared<const StackModel>(compute_stack_model(project, with_config_words)); });
}

namespace {

StackModel compute_stack_model(const model::Project& project, bool with_config_words) {
  StackModel model;
  for (auto& m : model::read_roots(project)) {
    RootView v;
    v.manifest = m;
    model.roots.push_back(std::move(v));
  }
  for (const auto& mod : project.modules) {
    const auto root = core::owning_root(project.roots, mod.path);
    for (auto& r : model.roots) {
      if (r.manifest.path == root) r.modules.push_back(&mod);
    }
    if (!mod.name.empty()) model.local_names.insert(std::string(first_component(mod.name)));
    const auto slash = mod.path.find('/');
    auto top = slash == std::string::npos ? std::string_view(mod.path) : std::string_view(mod.path).substr(0, slash);
    if (top.ends_with(".py")) top.remove_suffix(3);
    model.local_names.insert(std::string(top));
    std::string_view path = mod.path;
    if (path.ends_with(".py")) path.remove_suffix(3);
    for (;;) {
      model.python_paths.insert(std::string(path));
      const auto cut = path.rfind('/');
      if (cut == std::string_view::npos) break;
      path = path.substr(0, cut);
    }
  }
  for (auto& r : model.roots) {
    for (const auto& d : r.manifest.packages) r.declared.insert(d.name);
    if (!r.manifest.name.empty()) r.declared.insert(r.manifest.name);
  }
  for (auto& r : model.roots) {
    if (r.manifest.workspace.empty()) continue;
    for (const auto& ws : model.roots) {
      if (ws.manifest.path == r.manifest.workspace) {
        for (const auto& d : ws.manifest.packages) r.declared.insert(d.name);
      }
    }
  }
  const auto& kb = package_kb();
  for (auto& r : model.roots) {
    for (const auto& d : r.declared) {
      for (auto& imp : kb.import_names(d)) r.declared_imports.insert(std::move(imp));
      if (kb.find(d) == nullptr) r.declared_unknown.push_back(d);
    }
  }
  if (!with_config_words) return model;
  for (const auto& f : project.files) {
    if (f.kind == core::FileKind::pyproject) {
      if (const auto text = project.inputs().text(f.path))
        add_words(tool_sections_of_pyproject(*text), model.config_words);
    } else if (is_config_file(f)) {
      if (const auto text = project.inputs().text(f.path)) add_words(*text, model.config_words);
    }
  }
  for (const auto& mod : project.modules) {
    for (const auto& s : mod.records.settings_strings) add_words(s.value, model.config_words);
  }
  return model;
}

}  // namespace

bool StackModel::is_local(std::string_view top, std::string_view path) const {
  if (local_names.contains(top)) return true;
  const auto slash = path.rfind('/');
  if (slash == std::string_view::npos) return python_paths.contains(top);
  return python_paths.contains(std::string(path.substr(0, slash)) + "/" + std::string(top));
}

void add_finding(const core::RuleSet& rules, std::string_view rule_id, std::string path, std::uint32_t line,
                 std::string message, std::string code, std::vector<core::Finding>& out,
                 std::optional<core::Severity> severity) {
  const core::Rule* rule = rules.find(rule_id);
  if (rule == nullptr) return;
  const std::uint32_t column = line > 0 ? 1 : 0;
  auto f = core::make_finding(*rule, std::move(path), core::Location{line, column, line, column}, std::move(message),
                              std::move(code));
  f.severity = severity.value_or(rule->severity);
  out.push_back(std::move(f));
}

std::string root_label(std::string_view root) { return root == "." ? "the project root" : std::string(root) + "/"; }

std::vector<std::string> candidate_distributions(std::string_view module) {
  auto providers = package_kb().providers(module);
  if (providers.empty()) providers.push_back(parse::normalize_package_name(first_component(module)));
  return providers;
}

bool provided_by_declared(std::string_view module, const RootView& root) {
  for (const auto& d : package_kb().providers(module)) {
    if (root.declared.contains(d)) return true;
  }
  // A declared distribution whose import names cover the module: `module` itself or one of its parent packages.
  for (std::string_view m = module;;) {
    if (root.declared_imports.contains(m)) return true;
    const auto dot = m.rfind('.');
    if (dot == std::string_view::npos) break;
    m = m.substr(0, dot);
  }
  const auto top = first_component(module);
  return std::any_of(root.declared_unknown.begin(), root.declared_unknown.end(),
                     [&](const std::string& d) { return plausibly_provides(d, top); });
}

namespace {

const parse::Dependency* declared_dependency(const parse::RootManifest& root, std::string_view dist) {
  const parse::Dependency* best = nullptr;
  for (const auto& d : root.packages) {
    if (d.name != dist) continue;
    if (best == nullptr || (best->scope != "main" && d.scope == "main")) best = &d;
  }
  return best;
}

}  // namespace

std::optional<LineChoice> major_line_of(const parse::RootManifest& root, std::string_view dist) {
  const auto& lines = major_lines();
  const auto it = lines.find(dist);
  if (it == lines.end()) return std::nullopt;
  const auto* dep = declared_dependency(root, dist);
  const auto locked = root.locked.find(dist);
  LineChoice out;
  std::optional<Release> version;
  Specifier spec;
  if (locked != root.locked.end() && !locked->second.empty()) {
    version = parse_release(locked->second);
    out.version = locked->second;
    out.basis = "locked";
  } else if (dep != nullptr) {
    spec = Specifier::parse(dep->spec);
    version = spec.lowest();
    if (!version && spec.has_upper_bound()) version = Release{0};
    out.version = dep->spec.empty() ? "any version" : dep->spec;
    out.basis = "declared";
  } else {
    return std::nullopt;
  }
  if (!version) {
    if (dep == nullptr) return std::nullopt;
    out.spans = true;
    return out;
  }
  for (const auto& line : it->second) {
    if (line.spec.contains(*version)) out.line = &line;
  }
  if (out.basis == "declared") {
    // Does the specifier admit the first version of another line?
    for (const auto& line : it->second) {
      if (&line == out.line) continue;
      const auto start = line.spec.lowest().value_or(Release{0});
      if (spec.contains(start) && line.spec.contains(start)) out.spans = true;
    }
  }
  return out;
}

std::optional<Release> known_version(const parse::RootManifest& root, std::string_view dist, std::string* basis) {
  if (const auto locked = root.locked.find(dist); locked != root.locked.end() && !locked->second.empty()) {
    if (basis != nullptr) *basis = locked->second + " (locked in " + root.lockfile + ")";
    return parse_release(locked->second);
  }
  const auto* dep = declared_dependency(root, dist);
  if (dep == nullptr) return std::nullopt;
  const auto spec = Specifier::parse(dep->spec);
  auto low = spec.lowest();
  if (!low || !spec.has_upper_bound()) {
    // Without an upper bound any later major may be installed; the major-versions lines tell whether that matters.
    const auto choice = major_line_of(root, dist);
    if (!low || !choice || choice->spans) return std::nullopt;
  } else {
    const auto choice = major_line_of(root, dist);
    if (choice && choice->spans) return std::nullopt;
  }
  if (basis != nullptr) *basis = dep->spec + " (declared in " + dep->source + ")";
  return low;
}

}  // namespace onramp::checks::stack
