#include <nlohmann/json.hpp>

#include <algorithm>

#include "onramp/report/ci_report.hpp"

namespace onramp::report {

void write_gitlab(std::ostream& out, const CheckReport& report) {
  using json = nlohmann::ordered_json;
  json issues = json::array();
  for (const auto& f : report.findings) {
    // GitLab's scale is info, minor, major, critical, blocker; an onramp error is a defect, not an outage.
    const char* severity = f.severity == core::Severity::error     ? "major"
                           : f.severity == core::Severity::warning ? "minor"
                                                                   : "info";
    issues.push_back(
        {{"type", "issue"},
         {"description", f.message},
         {"check_name", f.rule},
         {"fingerprint", f.fingerprint},
         {"severity", severity},
         {"location", {{"path", shown_path(report, f.path)}, {"lines", {{"begin", std::max(1U, f.location.line)}}}}}});
  }
  out << issues.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace onramp::report
