#include "onramp/engine/suppressions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "onramp/engine/pipeline.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::engine {

namespace {

using core::Finding;
using core::Rule;
using core::RuleSet;
using Kind = facts::Suppression::Kind;
constexpr std::string_view kUnusedRule = "check/unused-suppression";

/// True if an id in a directive names this rule: its id, its step key, or `check` for check/ rules.
bool names_rule(std::string_view id, const Rule& rule) { return id == rule.id || id == rule.step_key; }

bool is_known(std::string_view id, const RuleSet& rules) {
  return std::any_of(rules.all().begin(), rules.all().end(), [&](const Rule& r) { return names_rule(id, r); });
}

std::string quote_list(const std::vector<std::string>& ids) {
  std::vector<std::string> quoted;
  for (const auto& id : ids) quoted.push_back("`" + id + "`");
  return util::join(quoted, ", ");
}

/// The message for a directive that suppressed nothing, or for the ids in it that did not.
std::string unused_message(const facts::Suppression& s, const std::vector<std::string>& unknown,
                           const std::vector<std::string>& unused) {
  if (s.kind == Kind::invalid) {
    return fmt::format(
        "`{}` is not a suppression onramp understands, so it suppresses nothing; write "
        "`# onramp: ignore[rule-id]` or `# onramp: ignore-file[rule-id]`",
        s.text);
  }
  const std::string_view where = s.kind == Kind::file ? "in this file" : "here";
  if (s.rules.empty()) return fmt::format("`{}` suppresses nothing: no finding {}; remove it", s.text, where);
  std::vector<std::string> parts;
  if (!unknown.empty()) {
    parts.push_back(fmt::format("{} {} no onramp rule or step (`onramp rules` lists them)", quote_list(unknown),
                                unknown.size() == 1 ? "names" : "name"));
  }
  if (!unused.empty()) parts.push_back(fmt::format("no {} finding {} to suppress", quote_list(unused), where));
  const bool all = unknown.size() + unused.size() == s.rules.size();
  return fmt::format("`{}`: {}; remove {}", s.text, util::join(parts, ", and "), all ? "the comment" : "those ids");
}

}  // namespace

void apply_suppressions(std::span<const facts::Module> modules, const RuleSet& rules, bool report_unused,
                        std::vector<Finding>& findings, std::size_t& suppressed) {
  // Which suppression (and which id in it) silenced something: [module][suppression][id], one slot for "all".
  std::unordered_map<std::string_view, std::size_t> by_path;
  std::vector<std::vector<std::vector<bool>>> used(modules.size());
  for (std::size_t m = 0; m < modules.size(); ++m) {
    if (modules[m].suppressions.empty()) continue;
    by_path.emplace(modules[m].path, m);
    for (const auto& s : modules[m].suppressions) used[m].emplace_back(std::max<std::size_t>(1, s.rules.size()), false);
  }

  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (auto& f : findings) {
    const auto it = by_path.find(f.path);
    const Rule* rule = rules.find(f.rule);
    bool silenced = false;
    if (it != by_path.end() && rule != nullptr) {
      const auto& module = modules[it->second];
      const auto line = f.location.line;
      for (std::size_t i = 0; i < module.suppressions.size(); ++i) {
        const auto& s = module.suppressions[i];
        if (s.kind == Kind::invalid) continue;
        if (s.kind != Kind::file && (line < s.first_line || line > s.last_line)) continue;
        auto& slots = used[it->second][i];
        if (s.rules.empty()) {
          slots[0] = true;
          silenced = true;
          continue;
        }
        for (std::size_t k = 0; k < s.rules.size(); ++k) {
          const bool hit = s.kind == Kind::noqa
                               ? std::find(rule->ruff.begin(), rule->ruff.end(), s.rules[k]) != rule->ruff.end()
                               : names_rule(s.rules[k], *rule);
          if (hit) {
            slots[k] = true;
            silenced = true;
          }
        }
      }
    }
    if (silenced) {
      ++suppressed;
    } else {
      kept.push_back(std::move(f));
    }
  }
  findings = std::move(kept);

  const Rule* unused_rule = rules.find(kUnusedRule);
  if (!report_unused || unused_rule == nullptr) return;
  std::vector<Finding> unused_findings;
  for (std::size_t m = 0; m < modules.size(); ++m) {
    for (std::size_t i = 0; i < modules[m].suppressions.size(); ++i) {
      const auto& s = modules[m].suppressions[i];
      if (s.kind == Kind::noqa) continue;  // ruff's RUF100 judges its own comments
      std::vector<std::string> unknown, unused;
      bool report = s.kind == Kind::invalid;
      if (s.kind != Kind::invalid) {
        if (s.rules.empty()) {
          report = !used[m][i][0];
        } else {
          for (std::size_t k = 0; k < s.rules.size(); ++k) {
            if (used[m][i][k]) continue;
            (is_known(s.rules[k], rules) ? unused : unknown).push_back(s.rules[k]);
          }
          report = !unknown.empty() || !unused.empty();
        }
      }
      if (!report) continue;
      Finding f;
      f.rule = unused_rule->id;
      f.step = unused_rule->step;
      f.severity = unused_rule->severity;
      f.path = modules[m].path;
      f.location = s.location;
      f.message = unused_message(s, unknown, unused);
      f.code = util::collapse_whitespace(s.text);
      unused_findings.push_back(std::move(f));
    }
  }
  assign_fingerprints(unused_findings);
  findings.insert(findings.end(), std::make_move_iterator(unused_findings.begin()),
                  std::make_move_iterator(unused_findings.end()));
}

}  // namespace onramp::engine
