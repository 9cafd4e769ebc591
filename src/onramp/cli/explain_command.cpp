#include <nlohmann/json.hpp>

#include <algorithm>

#include "onramp/cli/commands.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::cli {

namespace {

constexpr std::size_t kWidth = 100;

/// Re-flows a documentation paragraph to the terminal width, indented by two spaces.
std::string wrap(std::string_view text) {
  std::string out, line;
  const std::string collapsed = util::collapse_whitespace(text);  // split() returns views into it
  for (auto word : util::split(collapsed, ' ')) {
    if (!line.empty() && line.size() + 1 + word.size() > kWidth - 2) {
      out += "  " + line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) out += "  " + line + "\n";
  return out;
}

/// Code keeps its lines, indented by four spaces.
std::string indent_code(std::string_view code) {
  std::string out;
  for (auto l : util::split(util::trim(code), '\n')) out += l.empty() ? "\n" : "    " + std::string(l) + "\n";
  return out;
}

std::string step_text(const core::Rule& r) {
  const auto step = core::step_by_key(r.step_key);
  return step ? fmt::format("step {} ({})", step->id, step->title)
              : std::string("no onboarding step: reported by `onramp check` only");
}

}  // namespace

void write_rules(std::ostream& out, const core::RuleSet& rules, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& r : rules.all()) {
      list.push_back(
          {{"id", r.id},
           {"step", r.step},
           {"step_key", r.step_key},
           {"severity", core::to_string(r.severity)},
           {"summary", r.summary},
           {"ruff", r.ruff},
           {"docs", {{"what", r.docs.what}, {"why", r.docs.why}, {"example", r.docs.example}, {"fix", r.docs.fix}}}});
    }
    out << list.dump(2) << '\n';
    return;
  }
  for (const auto& r : rules.all()) {
    out << fmt::format("{:<28} {:>2} {:<15} {:<8} {}\n", r.id, r.step, r.step_key, core::to_string(r.severity),
                       r.summary);
  }
}

int run_explain(const std::string& id, const core::RuleSet& rules, std::ostream& out) {
  const core::Rule* rule = rules.find(id);
  if (rule == nullptr) {
    std::vector<std::string> close;
    for (const auto& r : rules.all()) {
      if (r.id.find(id) != std::string::npos ||
          (!r.id.empty() && id.find(r.id.substr(r.id.find('/') + 1)) != std::string::npos)) {
        close.push_back(r.id);
      }
    }
    throw UsageError{close.empty() || close.size() > 5
                         ? fmt::format("no rule `{}`; `onramp rules` lists them", id)
                         : fmt::format("no rule `{}`; did you mean {}?", id, util::join(close, " or "))};
  }
  const auto& r = *rule;
  out << fmt::format("{}: {}\n", r.id, r.summary);
  out << fmt::format("{}, severity {}{}\n", step_text(r), core::to_string(r.severity),
                     r.ruff.empty() ? "" : fmt::format(", ruff equivalent {}", util::join(r.ruff, ", ")));
  out << "\nWhat it finds\n" << wrap(r.docs.what);
  out << "\nWhy it matters\n" << wrap(r.docs.why);
  out << "\nExample\n" << indent_code(r.docs.example);
  out << "\nFix\n" << wrap(r.docs.fix);
  if (r.step == 0) {
    out << "\nSuppressing it\n"
        << wrap(fmt::format("It is reported after suppression comments are applied, so no comment silences it; "
                            "`ignore = [\"{}\"]` in `[tool.onramp]` turns it off.",
                            r.id));
    return 0;
  }
  std::string suppress = fmt::format(
      "Suppress one occurrence with `# onramp: ignore[{}]` on its line (the first line of a multi-line statement)",
      r.id);
  if (!r.ruff.empty()) {
    std::vector<std::string> noqa;
    for (const auto& code : r.ruff) noqa.push_back("`# noqa: " + code + "`");
    suppress += fmt::format("; ruff's {} works too", util::join(noqa, " or "));
  }
  suppress += fmt::format(
      ". In a whole file: `# onramp: ignore-file[{}]`; for paths or the whole project: `per-file-ignores` or "
      "`ignore` in `[tool.onramp]`.",
      r.id);
  out << "\nSuppressing it\n" << wrap(suppress);
  return 0;
}

}  // namespace onramp::cli
