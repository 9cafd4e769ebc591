#include "onramp/core/finding.hpp"

#include <tuple>

namespace onramp::core {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "warning";
}

std::optional<Severity> severity_from_string(std::string_view s) {
  if (s == "info") return Severity::info;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.path, a.location.line, a.location.column, a.rule, a.message) <
         std::tie(b.path, b.location.line, b.location.column, b.rule, b.message);
}

}  // namespace onramp::core
