#include <nlohmann/json.hpp>

#include "onramp/report/ci_report.hpp"

namespace onramp::report {

void write_check_json(std::ostream& out, const CheckReport& report) {
  using json = nlohmann::ordered_json;
  std::size_t by_sev[3] = {0, 0, 0};
  for (const auto& f : report.findings) ++by_sev[static_cast<int>(f.severity)];
  json doc;
  doc["schema"] = "onramp/check@1";
  doc["tool"] = {{"name", "onramp"}, {"version", ONRAMP_VERSION}};
  doc["root"] = report.root;
  json summary = {{"findings", report.findings.size()},
                  {"by_severity", {{"error", by_sev[2]}, {"warning", by_sev[1]}, {"info", by_sev[0]}}},
                  {"fail_on", core::to_string(report.fail_on)},
                  {"failing", report.failing},
                  {"suppressed", report.suppressed}};
  if (report.baseline) {
    summary["baseline"] = {
        {"file", *report.baseline}, {"known", report.baseline_known}, {"stale", report.baseline_stale}};
  }
  if (report.diff_ref) {
    summary["diff"] = {{"ref", *report.diff_ref}, {"merge_base", report.diff_base}, {"known", report.outside_diff}};
  }
  doc["summary"] = std::move(summary);
  json findings = json::array();
  // The same shape as the findings of onramp/report@1, so one parser reads both.
  for (const auto& f : report.findings) {
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
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace onramp::report
