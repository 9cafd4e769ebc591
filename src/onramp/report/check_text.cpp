#include <fmt/format.h>

#include "onramp/report/ci_report.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::report {

namespace {

std::string plural(std::size_t n, std::string_view noun, std::string_view plural_form = {}) {
  if (n == 1) return fmt::format("1 {}", noun);
  return plural_form.empty() ? fmt::format("{} {}s", n, noun) : fmt::format("{} {}", n, plural_form);
}

}  // namespace

std::string shown_path(const CheckReport& report, std::string_view path) {
  if (report.path_prefix.empty()) return std::string(path);
  return report.path_prefix + "/" + std::string(path);
}

void write_check_text(std::ostream& out, const CheckReport& report) {
  std::size_t by_sev[3] = {0, 0, 0};
  for (const auto& f : report.findings) {
    ++by_sev[static_cast<int>(f.severity)];
    // A finding about a whole file (a missing lockfile) has no line: `path: severity ...`.
    // Paths and messages come from the repository: escaped, so that a file name cannot start a line of its own.
    const std::string path = util::printable(shown_path(report, f.path));
    const std::string where =
        f.location.line == 0 ? path : fmt::format("{}:{}:{}", path, f.location.line, f.location.column);
    out << fmt::format("{}: {} [{}] {}\n", where, core::to_string(f.severity), f.rule, util::printable(f.message));
    if (!f.chain.empty()) out << fmt::format("    via {}\n", util::printable(util::join(f.chain, " -> ")));
  }
  if (!report.findings.empty()) out << '\n';

  std::vector<std::string> parts;
  parts.push_back(fmt::format("{} ({} error{}, {} warning{}, {} info)",
                              plural(report.findings.size(), report.baseline ? "new finding" : "finding"), by_sev[2],
                              by_sev[2] == 1 ? "" : "s", by_sev[1], by_sev[1] == 1 ? "" : "s", by_sev[0]));
  if (report.baseline) {
    std::string b = fmt::format("{} known in the baseline {}", report.baseline_known, *report.baseline);
    if (report.baseline_stale > 0) {
      b += fmt::format(" ({} no longer {}: `onramp baseline` would drop {})",
                       plural(report.baseline_stale, "entry", "entries"),
                       report.baseline_stale == 1 ? "matches" : "match", report.baseline_stale == 1 ? "it" : "them");
    }
    parts.push_back(std::move(b));
  }
  if (report.diff_ref)
    parts.push_back(fmt::format("{} already at the merge base with {} ({})", report.outside_diff, *report.diff_ref,
                                report.diff_base));
  if (report.suppressed > 0) parts.push_back(fmt::format("{} suppressed by comments", report.suppressed));
  out << "onramp: " << util::join(parts, "; ") << '\n';
  if (report.failing > 0) {
    out << fmt::format("onramp: failing: {} at or above {} (--fail-on)\n", plural(report.failing, "finding"),
                       core::to_string(report.fail_on));
  } else {
    out << fmt::format("onramp: passing: nothing {}at or above {}\n", report.baseline || report.diff_ref ? "new " : "",
                       core::to_string(report.fail_on));
  }
}

}  // namespace onramp::report
