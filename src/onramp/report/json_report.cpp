#include <algorithm>
#include <map>

#include "onramp/core/steps.hpp"
#include "onramp/report/report.hpp"

namespace onramp::report {

using json = nlohmann::ordered_json;

namespace {

/// Steps that some registered inventory or rule covers; the rest say "not analysed yet".
std::vector<bool> analysed_steps(const engine::Analysis& analysis, const core::RuleSet& rules) {
  std::vector<bool> analysed(core::kSteps.size(), false);
  for (std::size_t i = 0; i < analysis.step_facts.size() && i < analysed.size(); ++i) {
    analysed[i] = !analysis.step_facts[i].empty();
  }
  for (const auto& r : rules.all()) {
    if (r.step >= 1) analysed[static_cast<std::size_t>(r.step - 1)] = true;  // `check/...` rules have no step
  }
  return analysed;
}

}  // namespace

json to_json(const engine::Analysis& analysis, const core::RuleSet& rules) {
  const auto& project = analysis.project;
  std::size_t parse_errors = 0, skipped = 0;
  for (const auto& p : project.problems) {
    const auto* file = project.find(p.path);
    const bool python = p.path.ends_with(".py");
    if (p.kind == "syntax-error" || (python && file != nullptr)) {
      ++parse_errors;
    } else {
      ++skipped;
    }
  }
  // Python files by code role, every role named so that the keys do not depend on the repository.
  json roles = json::object();
  std::size_t python_files = 0;
  for (const auto role : core::kCodeRoles) {
    const auto n = std::count_if(project.files.begin(), project.files.end(),
                                 [&](const core::ProjectFile& f) { return f.role == role; });
    roles[std::string(core::to_string(role))] = n;
    python_files += static_cast<std::size_t>(n);
  }
  // Every file left out, by reason: on purpose (discovery) or because it could not be used (problems).
  std::map<std::string, std::size_t> skipped_by_reason = project.skipped_files;
  for (const auto& p : project.problems) {
    for (std::string_view kind :
         {"too-large", "binary", "non-utf8", "unreadable", "symlink-outside-root", "broken-symlink"}) {
      if (p.kind == kind) ++skipped_by_reason[p.kind];
    }
  }
  json skipped_reasons = json::object();
  for (const auto& [reason, n] : skipped_by_reason) skipped_reasons[reason] = n;
  json skipped_dirs = json::object();
  for (const auto& [reason, n] : project.skipped_directories) skipped_dirs[reason] = n;
  std::size_t by_sev[3] = {0, 0, 0};
  for (const auto& f : analysis.findings) ++by_sev[static_cast<int>(f.severity)];

  json doc;
  doc["schema"] = "onramp/report@1";
  doc["tool"] = {{"name", "onramp"}, {"version", ONRAMP_VERSION}};
  doc["root"] = project.display_root;
  doc["summary"] = {
      {"files", project.files.size()},
      {"python_files", python_files},
      {"python_lines", project.python_lines},
      {"findings", analysis.findings.size()},
      {"parse_errors", parse_errors},
      {"skipped_files", skipped},
      {"by_severity", {{"error", by_sev[2]}, {"warning", by_sev[1]}, {"info", by_sev[0]}}},
      {"roles", std::move(roles)},
      {"skipped", {{"files", std::move(skipped_reasons)}, {"directories", std::move(skipped_dirs)}}},
  };
  json kinds = json::object();
  for (const auto& f : project.files) {
    const std::string k(core::to_string(f.kind));
    kinds[k] = kinds.contains(k) ? kinds[k].get<std::size_t>() + 1 : 1;
  }
  json sorted_kinds = json::object();
  std::vector<std::string> keys;
  for (const auto& [k, v] : kinds.items()) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  for (const auto& k : keys) sorted_kinds[k] = kinds[k];
  doc["project"] = {{"roots", project.roots}, {"files_by_kind", sorted_kinds}, {"import_roots", project.import_roots}};

  const auto analysed = analysed_steps(analysis, rules);
  json steps = json::array();
  for (const auto& step : core::kSteps) {
    const auto i = static_cast<std::size_t>(step.id - 1);
    const auto count = std::count_if(analysis.findings.begin(), analysis.findings.end(),
                                     [&](const core::Finding& f) { return f.step == step.id; });
    steps.push_back({{"id", step.id},
                     {"key", step.key},
                     {"title", step.title},
                     {"analysed", analysed[i]},
                     {"facts", i < analysis.step_facts.size() ? analysis.step_facts[i] : json::object()},
                     {"findings", count}});
  }
  doc["steps"] = std::move(steps);

  json findings = json::array();
  for (const auto& f : analysis.findings) {
    json row = {{"rule", f.rule},
                {"step", f.step},
                {"severity", core::to_string(f.severity)},
                {"path", f.path},
                {"line", f.location.line},
                {"column", f.location.column},
                {"end_line", f.location.end_line},
                {"end_column", f.location.end_column},
                {"message", f.message},
                {"fingerprint", f.fingerprint}};
    if (!f.symbol.empty()) row["symbol"] = f.symbol;
    if (!f.chain.empty()) row["chain"] = f.chain;
    findings.push_back(std::move(row));
  }
  doc["findings"] = std::move(findings);

  json problems = json::array();
  for (const auto& p : project.problems) {
    json row = {{"path", p.path}, {"kind", p.kind}};
    if (p.line != 0) row["line"] = p.line;
    row["message"] = p.message;
    problems.push_back(std::move(row));
  }
  doc["problems"] = std::move(problems);
  return doc;
}

void write_json(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules) {
  // File names need not be UTF-8: replace what is not rather than fail.
  out << to_json(analysis, rules).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace onramp::report
