#include "onramp/core/suppressions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "onramp/core/pipeline.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::core {

namespace {

using Kind = facts::Suppression::Kind;
constexpr std::string_view kUnusedRule = "check/unused-suppression";

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_word_end(std::string_view s, std::size_t i) {
  return i >= s.size() || is_blank(s[i]) || s[i] == '[' || s[i] == '#' || s[i] == '\r' || s[i] == '\n';
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && util::to_lower(s.substr(0, prefix.size())) == prefix;
}

/// Reads `# onramp: ...` from just after `onramp:`; `start` is the offset of the `#`.
SuppressionDirective read_onramp(std::string_view c, std::size_t start, std::size_t i) {
  SuppressionDirective d;
  d.offset = start;
  i = skip_blanks(c, i);
  std::size_t keyword = 0;
  if (c.substr(i, 11) == "ignore-file" && is_word_end(c, i + 11)) {
    d.kind = Kind::file;
    keyword = 11;
  } else if (c.substr(i, 6) == "ignore" && is_word_end(c, i + 6)) {
    d.kind = Kind::line;
    keyword = 6;
  } else {
    // Anything else after `onramp:` is a typo of a directive: keep it to report it.
    const auto next = c.find('#', i);
    d.kind = Kind::invalid;
    d.length = util::trim(c.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start)).size();
    return d;
  }
  i += keyword;
  d.length = i - start;
  const auto open = skip_blanks(c, i);
  if (open >= c.size() || c[open] != '[') return d;
  const auto close = c.find(']', open);
  if (close == std::string_view::npos) {
    d.kind = Kind::invalid;
    d.length = util::trim(c.substr(start)).size();
    return d;
  }
  for (auto part : util::split(c.substr(open + 1, close - open - 1), ',')) {
    for (auto word : util::split(util::trim(part), ' ')) {
      if (!util::trim(word).empty()) d.rules.emplace_back(util::trim(word));
    }
  }
  if (d.rules.empty()) d.kind = Kind::invalid;  // `ignore[]` names nothing
  d.length = close + 1 - start;
  return d;
}

/// Reads the codes of `# noqa: A100, B2` (ruff's syntax: letters then digits, separated by commas or spaces).
SuppressionDirective read_noqa(std::string_view c, std::size_t start, std::size_t i) {
  SuppressionDirective d;
  d.kind = Kind::noqa;
  d.offset = start;
  i = skip_blanks(c, i + 1);  // past ':'
  for (;;) {
    const std::size_t code_start = i;
    while (i < c.size() && c[i] >= 'A' && c[i] <= 'Z') ++i;
    const std::size_t letters = i - code_start;
    while (i < c.size() && c[i] >= '0' && c[i] <= '9') ++i;
    if (letters == 0 || i - code_start == letters) {
      i = code_start;
      break;
    }
    d.rules.emplace_back(c.substr(code_start, i - code_start));
    const std::size_t j = skip_blanks(c, i);
    if (j < c.size() && c[j] == ',') {
      i = skip_blanks(c, j + 1);
    } else if (j > i) {
      i = j;  // codes separated by spaces only
    } else {
      break;
    }
  }
  d.length = util::trim(c.substr(start, i - start)).size();
  return d;
}

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
    return fmt::format("`{}` is not a suppression onramp understands, so it suppresses nothing; write "
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

std::vector<SuppressionDirective> parse_suppression_comment(std::string_view c) {
  std::vector<SuppressionDirective> out;
  for (std::size_t hash = c.find('#'); hash != std::string_view::npos; hash = c.find('#', hash + 1)) {
    const std::size_t i = skip_blanks(c, hash + 1);
    const auto rest = c.substr(i);
    if (rest.substr(0, 7) == "onramp:") {
      out.push_back(read_onramp(c, hash, i + 7));
    } else if (starts_with_nocase(rest, "noqa") && i + 4 < c.size() && c[i + 4] == ':') {
      auto d = read_noqa(c, hash, i + 4);
      if (!d.rules.empty()) out.push_back(std::move(d));
    }
  }
  return out;
}

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

}  // namespace onramp::core
