#include "onramp/core/selection.hpp"

#include <algorithm>

#include "onramp/util/strings.hpp"

namespace onramp::core {

std::size_t selector_match(std::string_view selector, const Rule& rule) {
  if (selector.empty()) return 0;
  if (selector == rule.id || selector == rule.step_key) return selector.size();
  // A prefix of the id's name part (`logging/print` for `logging/print-call`), never of the step key alone.
  if (selector.size() > rule.step_key.size() + 1 && rule.id.starts_with(selector)) return selector.size();
  return 0;
}

bool selector_known(std::string_view selector, const RuleSet& rules) {
  return std::any_of(rules.all().begin(), rules.all().end(),
                     [&](const Rule& r) { return selector_match(selector, r) > 0; });
}

std::string config_path(const Config& config, std::string_view path) {
  if (config.root_prefix.empty()) return std::string(path);
  return config.root_prefix + "/" + std::string(path);
}

bool path_matches(std::string_view glob, std::string_view path) {
  if (util::glob_match(glob, path)) return true;
  if (glob.find('/') != std::string_view::npos) return false;
  const auto slash = path.rfind('/');
  return slash != std::string_view::npos && util::glob_match(glob, path.substr(slash + 1));
}

bool is_excluded(const Config& config, std::string_view path) {
  if (config.exclude.empty()) return false;
  const auto p = config_path(config, path);
  return std::any_of(config.exclude.begin(), config.exclude.end(),
                     [&](const std::string& g) { return path_matches(g, p); });
}

namespace {

std::size_t best_match(const std::vector<std::string>& selectors, const Rule& rule) {
  std::size_t best = 0;
  for (const auto& s : selectors) best = std::max(best, selector_match(s, rule));
  return best;
}

}  // namespace

/// ruff's precedence: the more specific of `select` and `ignore` wins; an empty `select` selects every rule.
bool rule_enabled(const Config& config, const Rule& rule) {
  const std::size_t ignored = best_match(config.ignore, rule);
  if (config.select.empty()) return ignored == 0;
  const std::size_t selected = best_match(config.select, rule);
  return selected > ignored;  // equally specific: ignore wins
}

void apply_selection(const Config& config, const RuleSet& rules, std::vector<Finding>& findings) {
  if (config.select.empty() && config.ignore.empty() && config.per_file_ignores.empty() && config.severity.empty())
    return;
  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (auto& f : findings) {
    const Rule* rule = rules.find(f.rule);
    if (rule == nullptr) {
      kept.push_back(std::move(f));
      continue;
    }
    if (!rule_enabled(config, *rule)) continue;
    const auto path = config_path(config, f.path);
    const bool ignored_here = std::any_of(
        config.per_file_ignores.begin(), config.per_file_ignores.end(),
        [&](const auto& entry) { return path_matches(entry.first, path) && best_match(entry.second, *rule) > 0; });
    if (ignored_here) continue;
    std::size_t best = 0;
    for (const auto& [selector, severity] : config.severity) {
      const auto m = selector_match(selector, *rule);
      if (m > best) {
        best = m;
        f.severity = severity;
      }
    }
    kept.push_back(std::move(f));
  }
  findings = std::move(kept);
}

}  // namespace onramp::core
