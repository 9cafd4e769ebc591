#include "onramp/core/config_file.hpp"

#include <fmt/format.h>
#include "onramp/util/toml.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

#include "onramp/core/selection.hpp"
#include "onramp/util/files.hpp"

namespace onramp::core {

namespace fs = std::filesystem;

namespace {

using util::Error;

constexpr std::uintmax_t kMaxConfigBytes = 4 * 1024 * 1024;

/// Builds `FILE:LINE: message` errors for one file and table.
struct Reader {
  const std::string& file;
  std::string table;  // `[tool.onramp]` or `.onramp.toml` as messages name it
  const RuleSet& rules;

  Error error(const toml::source_region& where, std::string_view message) const {
    return Error{fmt::format("{}:{}: {}", file, where.begin.line, message)};
  }

  util::Result<std::vector<std::string>> strings(const toml::node& node, std::string_view key) const {
    const auto* array = node.as_array();
    if (array == nullptr) return error(node.source(), fmt::format("`{}` must be a list of strings", key));
    std::vector<std::string> out;
    for (const auto& item : *array) {
      const auto* s = item.as_string();
      if (s == nullptr) return error(item.source(), fmt::format("`{}` must be a list of strings", key));
      out.push_back(s->get());
    }
    return out;
  }

  /// A list of rule ids, step keys or id prefixes, each naming at least one rule.
  util::Result<std::vector<std::string>> selectors(const toml::node& node, std::string_view key) const {
    auto list = strings(node, key);
    if (!list) return list;
    const auto& array = *node.as_array();
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (!selector_known((*list)[i], rules)) {
        return error(array[i].source(),
                     fmt::format("`{}` in `{}` names no rule or step (`onramp rules` lists them)", (*list)[i], key));
      }
    }
    return list;
  }

  util::Result<Severity> severity(const toml::node& node, std::string_view key) const {
    const auto* s = node.as_string();
    const auto sev = s != nullptr ? severity_from_string(s->get()) : std::nullopt;
    if (!sev) return error(node.source(), fmt::format("`{}` must be \"info\", \"warning\" or \"error\"", key));
    return *sev;
  }

  util::Result<int> positive(const toml::node& node, std::string_view key) const {
    const auto* i = node.as_integer();
    if (i == nullptr || i->get() < 1 || i->get() > 1000000) {
      return error(node.source(), fmt::format("`{}` must be a whole number from 1 to 1000000", key));
    }
    return static_cast<int>(i->get());
  }

  util::Status unknown_key(const toml::key& key, std::string_view where,
                           std::span<const std::string_view> known) const {
    return error(key.source(),
                 fmt::format("unknown key `{}` in {} (known keys: {})", key.str(), where, fmt::join(known, ", ")));
  }

  util::Status read_typing(const toml::node& node, Config& config) const {
    const auto* t = node.as_table();
    if (t == nullptr) return error(node.source(), "`typing` must be a table (`[tool.onramp.typing]`)");
    for (const auto& [key, value] : *t) {
      if (key.str() == "min-coverage") {
        std::optional<double> v;
        if (const auto* i = value.as_integer()) v = static_cast<double>(i->get());
        if (const auto* f = value.as_floating_point()) v = f->get();
        if (!v || !std::isfinite(*v) || *v < 0 || *v > 100) {
          return error(value.source(), "`typing.min-coverage` must be a percentage from 0 to 100");
        }
        config.thresholds.typing_min_coverage = *v;
      } else {
        static constexpr std::array<std::string_view, 1> kTypingKeys = {"min-coverage"};
        return unknown_key(key, table == "[tool.onramp]" ? "[tool.onramp.typing]" : "[typing]", kTypingKeys);
      }
    }
    return util::Ok{};
  }

  util::Status read(const toml::table& t, Config& config) const {
    static constexpr std::array<std::string_view, 11> kKeys = {
        "select",           "ignore", "per-file-ignores", "severity", "exclude", "max-complexity", "max-function-lines",
        "max-module-lines", "typing", "fail-on",          "baseline"};
    for (const auto& [key, value] : t) {
      const std::string_view k = key.str();
      if (k == "select" || k == "ignore") {
        auto list = selectors(value, k);
        if (!list) return list.error();
        (k == "select" ? config.select : config.ignore) = std::move(*list);
      } else if (k == "per-file-ignores") {
        const auto* globs = value.as_table();
        if (globs == nullptr) return error(value.source(), "`per-file-ignores` must be a table of glob = [rule ids]");
        for (const auto& [glob, ids] : *globs) {
          auto list = selectors(ids, fmt::format("per-file-ignores.\"{}\"", glob.str()));
          if (!list) return list.error();
          config.per_file_ignores.emplace_back(std::string(glob.str()), std::move(*list));
        }
      } else if (k == "severity") {
        const auto* map = value.as_table();
        if (map == nullptr)
          return error(value.source(), "`severity` must be a table of rule id = \"info\"|\"warning\"|\"error\"");
        for (const auto& [selector, sev] : *map) {
          if (!selector_known(selector.str(), rules)) {
            return error(
                selector.source(),
                fmt::format("`{}` in `severity` names no rule or step (`onramp rules` lists them)", selector.str()));
          }
          auto s = severity(sev, fmt::format("severity.\"{}\"", selector.str()));
          if (!s) return s.error();
          config.severity[std::string(selector.str())] = *s;
        }
      } else if (k == "exclude") {
        auto list = strings(value, k);
        if (!list) return list.error();
        config.exclude = std::move(*list);
      } else if (k == "max-complexity" || k == "max-function-lines" || k == "max-module-lines") {
        auto n = positive(value, k);
        if (!n) return n.error();
        (k == "max-complexity"       ? config.thresholds.max_complexity
         : k == "max-function-lines" ? config.thresholds.max_function_lines
                                     : config.thresholds.max_module_lines) = *n;
      } else if (k == "typing") {
        if (auto st = read_typing(value, config); !st) return st;
      } else if (k == "fail-on") {
        auto s = severity(value, k);
        if (!s) return s.error();
        config.fail_on = *s;
      } else if (k == "baseline") {
        const auto* s = value.as_string();
        if (s == nullptr || s->get().empty()) return error(value.source(), "`baseline` must be a file name (a string)");
        config.baseline = s->get();
      } else {
        return unknown_key(key, table, kKeys);
      }
    }
    return util::Ok{};
  }
};

bool has_git(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / ".git", ec);
}

}  // namespace

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::canonical(start, ec);
  if (ec) return std::nullopt;
  for (;;) {
    if (fs::is_regular_file(dir / ".onramp.toml", ec)) return dir / ".onramp.toml";
    const auto pyproject = dir / "pyproject.toml";
    if (fs::is_regular_file(pyproject, ec)) {
      // Cheap test first: most pyproject.toml files never mention onramp, and a broken one that does not is no
      // business of ours (the stack step reports it).
      auto text = util::read_file(pyproject, kMaxConfigBytes);
      if (text && text->find("tool.onramp") != std::string::npos) return pyproject;
    }
    if (has_git(dir) || !dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

util::Result<Config> parse_config(std::string_view text, const std::string& display, bool pyproject,
                                  const RuleSet& rules) {
  auto parsed = util::toml_parse(text, display);
  if (!parsed) {
    const auto& err = parsed.error();
    return Error{fmt::format("{}:{}: invalid TOML: {}", display, err.source().begin.line, err.description())};
  }
  const toml::table& doc = parsed.table();
  Config config;
  config.source = display;
  const toml::table* table = &doc;
  std::string name = ".onramp.toml";
  if (pyproject) {
    const auto* tool = doc.get_as<toml::table>("tool");
    const auto* node = tool != nullptr ? tool->get("onramp") : nullptr;
    if (node == nullptr) return config;
    table = node->as_table();
    if (table == nullptr)
      return Error{fmt::format("{}:{}: `tool.onramp` must be a table", display, node->source().begin.line)};
    name = "[tool.onramp]";
  }
  Reader reader{display, name, rules};
  if (auto st = reader.read(*table, config); !st) return st.error();
  return config;
}

util::Result<Config> load_config(const fs::path& file, const std::string& display, const fs::path& root,
                                 const RuleSet& rules) {
  auto text = util::read_file(file, kMaxConfigBytes);
  if (!text) return Error{fmt::format("{}: {}", display, text.error().message)};
  auto config = parse_config(*text, display, file.filename() == "pyproject.toml", rules);
  if (!config) return config;
  std::error_code ec;
  const auto dir = fs::canonical(file, ec).parent_path();
  const auto canonical_root = fs::canonical(root, ec);
  if (!ec) {
    const auto rel = canonical_root.lexically_relative(dir).generic_string();
    // A root outside the file's directory (an explicit --config elsewhere) keeps globs relative to the root.
    config->root_prefix = rel == "." || rel.empty() || rel.starts_with("..") ? "" : rel;
  }
  if (!config->baseline.empty()) {
    config->baseline = (fs::path(display).parent_path() / config->baseline).lexically_normal().generic_string();
  }
  return config;
}

}  // namespace onramp::core
