#include "onramp/parse/manifests.hpp"

#include <toml++/toml.h>

#include <algorithm>

#include "onramp/util/strings.hpp"

namespace onramp::parse {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

/// Splits a PEP 508 requirement into its name and the rest.
std::pair<std::string, std::string> split_requirement(std::string_view req) {
  req = util::trim(req);
  std::size_t i = 0;
  while (i < req.size() && is_name_char(req[i])) ++i;
  return {normalize_package_name(req.substr(0, i)), std::string(util::trim(req.substr(i)))};
}

std::uint32_t line_of(const toml::node& n) { return static_cast<std::uint32_t>(n.source().begin.line); }

void add_requirement_array(const toml::node* node, const std::string& group, const std::string& source,
                           std::vector<Dependency>& out) {
  const auto* arr = node != nullptr ? node->as_array() : nullptr;
  if (arr == nullptr) return;
  for (const auto& item : *arr) {
    const auto* s = item.as_string();
    if (s == nullptr) continue;  // {include-group = ...} tables
    auto [name, spec] = split_requirement(s->get());
    if (name.empty()) continue;
    out.push_back({name, spec, group, source, line_of(item)});
  }
}

/// Poetry tables map names to a version string or a table with `version`.
void add_poetry_table(const toml::node* node, const std::string& group, const std::string& source,
                      std::vector<Dependency>& out) {
  const auto* table = node != nullptr ? node->as_table() : nullptr;
  if (table == nullptr) return;
  for (const auto& [key, value] : *table) {
    if (key.str() == "python") continue;
    std::string spec;
    if (const auto* s = value.as_string()) {
      spec = s->get();
    } else if (const auto* t = value.as_table()) {
      if (const auto* v = t->get_as<std::string>("version")) spec = v->get();
    }
    out.push_back({normalize_package_name(key.str()), spec, group, source, line_of(value)});
  }
}

}  // namespace

std::string normalize_package_name(std::string_view name) {
  std::string out;
  bool sep = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      sep = true;
      continue;
    }
    if (sep && !out.empty()) out += '-';
    sep = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::vector<Dependency> read_pyproject(std::string_view text, const std::string& source, std::vector<core::Problem>& problems) {
  std::vector<Dependency> out;
  auto parsed = toml::parse(text, source);
  if (!parsed) {
    const auto& err = parsed.error();
    problems.push_back({source, "broken-manifest", static_cast<std::uint32_t>(err.source().begin.line),
                        std::string(err.description())});
    return out;
  }
  const toml::table& doc = parsed.table();
  if (const auto* project = doc["project"].as_table()) {
    add_requirement_array(project->get("dependencies"), "main", source, out);
    if (const auto* extras = project->get_as<toml::table>("optional-dependencies")) {
      for (const auto& [extra, list] : *extras) add_requirement_array(&list, std::string(extra.str()), source, out);
    }
  }
  if (const auto* groups = doc["dependency-groups"].as_table()) {
    for (const auto& [group, list] : *groups) add_requirement_array(&list, std::string(group.str()), source, out);
  }
  if (const auto* build = doc["build-system"].as_table()) add_requirement_array(build->get("requires"), "build", source, out);
  if (const auto* poetry = doc["tool"]["poetry"].as_table()) {
    add_poetry_table(poetry->get("dependencies"), "main", source, out);
    add_poetry_table(poetry->get("dev-dependencies"), "dev", source, out);
    if (const auto* groups = poetry->get_as<toml::table>("group")) {
      for (const auto& [group, body] : *groups) {
        if (const auto* t = body.as_table()) add_poetry_table(t->get("dependencies"), std::string(group.str()), source, out);
      }
    }
  }
  add_requirement_array(doc["tool"]["uv"]["dev-dependencies"].node(), "dev", source, out);
  if (const auto* pdm = doc["tool"]["pdm"]["dev-dependencies"].as_table()) {
    for (const auto& [group, list] : *pdm) add_requirement_array(&list, std::string(group.str()), source, out);
  }
  return out;
}

std::vector<Dependency> read_requirements(std::string_view text, const std::string& source) {
  std::vector<Dependency> out;
  const auto lower = util::to_lower(source);
  const bool dev = lower.find("dev") != std::string::npos || lower.find("test") != std::string::npos ||
                   lower.find("lint") != std::string::npos;
  std::uint32_t line_no = 0;
  std::string logical;
  std::uint32_t logical_start = 0;
  for (auto raw : util::split(text, '\n')) {
    ++line_no;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (logical.empty()) logical_start = line_no;
    if (!line.empty() && line.back() == '\\') {
      logical += line.substr(0, line.size() - 1);
      logical += ' ';
      continue;
    }
    logical += line;
    std::string_view req = logical;
    const auto hash = req.find(" #");
    if (hash != std::string_view::npos) req = req.substr(0, hash);
    req = util::trim(req);
    if (!req.empty() && req[0] != '#' && req[0] != '-' && req.find("://") == std::string_view::npos) {
      auto [name, spec] = split_requirement(req);
      const auto opt = spec.find(" --");
      if (opt != std::string::npos) spec = std::string(util::trim(std::string_view(spec).substr(0, opt)));
      if (!name.empty()) out.push_back({name, spec, dev ? "dev" : "main", source, logical_start});
    }
    logical.clear();
  }
  return out;
}

std::vector<Dependency> read_dependencies(const core::Project& project) {
  std::vector<Dependency> out;
  std::vector<core::Problem> ignored;
  for (const auto& f : project.files) {
    if (f.kind != core::FileKind::pyproject && f.kind != core::FileKind::requirements) continue;
    const auto text = project.read(f.path);
    if (!text) continue;
    auto deps = f.kind == core::FileKind::pyproject ? read_pyproject(*text, f.path, ignored) : read_requirements(*text, f.path);
    out.insert(out.end(), std::make_move_iterator(deps.begin()), std::make_move_iterator(deps.end()));
  }
  return out;
}

}  // namespace onramp::parse
