#include <fmt/format.h>

#include <algorithm>

#include "onramp/report/ci_report.hpp"

namespace onramp::report {

std::string github_escape_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  for (const char c : github_escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

void write_github(std::ostream& out, const CheckReport& report) {
  for (const auto& f : report.findings) {
    const char* command = f.severity == core::Severity::error     ? "error"
                          : f.severity == core::Severity::warning ? "warning"
                                                                  : "notice";
    std::string props = "file=" + github_escape_property(shown_path(report, f.path));
    if (f.location.line > 0) {
      props += fmt::format(",line={},endLine={}", f.location.line, std::max(f.location.line, f.location.end_line));
      // Columns only for a one-line span: GitHub ignores them otherwise.
      if (f.location.column > 0 && f.location.end_line == f.location.line) {
        props +=
            fmt::format(",col={},endColumn={}", f.location.column, std::max(f.location.column, f.location.end_column));
      }
    }
    props += ",title=" + github_escape_property(fmt::format("onramp {}", f.rule));
    out << fmt::format("::{} {}::{}\n", command, props, github_escape_data(f.message));
  }
}

}  // namespace onramp::report
