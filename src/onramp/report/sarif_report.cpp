#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

#include "onramp/core/steps.hpp"
#include "onramp/report/ci_report.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::report {

namespace {

using json = nlohmann::ordered_json;

std::string_view sarif_level(core::Severity s) {
  switch (s) {
    case core::Severity::info: return "note";
    case core::Severity::warning: return "warning";
    case core::Severity::error: return "error";
  }
  return "warning";
}

/// A relative path as a URI reference: unreserved characters, `/` and sub-delimiters stay, the rest is
/// percent-encoded (a `:` too, which would otherwise read as a scheme).
std::string uri_of(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '.' || c == '_' || c == '~' || c == '/' || c == '!' || c == '$' || c == '&' || c == '\'' ||
                      c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=' || c == '@';
    out += keep ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

std::string trimmed(std::string_view s) { return std::string(util::trim(s)); }

/// SARIF wants a readable name that differs from the opaque id: `sandbox/debugger-call` -> `DebuggerCall`.
std::string friendly_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id.substr(id.find('/') + 1)) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

json rule_descriptor(const core::Rule& r) {
  const auto step = core::step_by_key(r.step_key);
  const std::string step_line = step ? fmt::format("Onboarding step {}: {}.", step->id, step->title)
                                     : std::string("A rule about onramp's own use in CI.");
  const std::string text =
      fmt::format("{}\n\nWhat it finds: {}\n\nWhy it matters: {}\n\nExample:\n{}\n\nFix: {}", step_line,
                  trimmed(r.docs.what), trimmed(r.docs.why), trimmed(r.docs.example), trimmed(r.docs.fix));
  std::string markdown = fmt::format(
      "{}\n\n**What it finds.** {}\n\n**Why it matters.** {}\n\n**Example**\n\n```python\n{}\n```\n\n**Fix.** {}",
      step_line, trimmed(r.docs.what), trimmed(r.docs.why), trimmed(r.docs.example), trimmed(r.docs.fix));
  // check/ findings are made after suppressions are applied, so no comment silences them.
  if (step) markdown += fmt::format("\n\nSuppress one occurrence with `# onramp: ignore[{}]` on its line.", r.id);
  json tags = json::array({"onramp", r.step_key});
  for (const auto& code : r.ruff) tags.push_back("ruff:" + code);
  return {{"id", r.id},
          {"name", friendly_name(r.id)},
          {"shortDescription", {{"text", r.summary}}},
          {"fullDescription", {{"text", trimmed(r.docs.what)}}},
          {"help", {{"text", text}, {"markdown", markdown}}},
          {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
          {"properties", {{"tags", std::move(tags)}}}};
}

}  // namespace

void write_sarif(std::ostream& out, const CheckReport& report, const core::RuleSet& rules) {
  // Only the rules that results refer to: a viewer needs their help, and the log stays small and stable.
  std::map<std::string, std::size_t> index;
  for (const auto& f : report.findings) index.emplace(f.rule, 0);
  json descriptors = json::array();
  for (auto& [id, i] : index) {
    i = descriptors.size();
    if (const auto* r = rules.find(id)) {
      descriptors.push_back(rule_descriptor(*r));
    } else {
      descriptors.push_back({{"id", id}});
    }
  }

  json results = json::array();
  for (const auto& f : report.findings) {
    json physical = {{"artifactLocation", {{"uri", uri_of(shown_path(report, f.path))}}}};
    if (f.location.line > 0) {
      json region = {{"startLine", f.location.line}};
      if (f.location.column > 0) region["startColumn"] = f.location.column;
      if (f.location.end_line >= f.location.line) region["endLine"] = f.location.end_line;
      if (f.location.end_column > 0 &&
          (f.location.end_line > f.location.line || f.location.end_column > f.location.column)) {
        region["endColumn"] = f.location.end_column;
      }
      physical["region"] = std::move(region);
    }
    json result = {{"ruleId", f.rule},
                   {"ruleIndex", index[f.rule]},
                   {"level", sarif_level(f.severity)},
                   {"message", {{"text", f.message}}},
                   {"locations", json::array({{{"physicalLocation", std::move(physical)}}})},
                   {"partialFingerprints", {{"onramp/v1", f.fingerprint}}}};
    if (report.baseline) result["baselineState"] = "new";
    if (!f.chain.empty()) result["properties"] = {{"chain", f.chain}};
    results.push_back(std::move(result));
  }

  json driver = {{"name", "onramp"},
                 {"fullName", "onramp: onboarding audit for Python backends"},
                 {"version", ONRAMP_VERSION},
                 {"semanticVersion", ONRAMP_VERSION},
                 {"rules", std::move(descriptors)}};
  json run = {
      {"tool", {{"driver", std::move(driver)}}}, {"columnKind", "unicodeCodePoints"}, {"results", std::move(results)}};
  json doc = {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(run)})}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace onramp::report
