#include "onramp/checks/context.hpp"

#include <fmt/format.h>

namespace onramp::checks {

std::string show_call(std::string_view written, std::string_view resolved) {
  const bool same =
      resolved.empty() || resolved == written || (resolved.starts_with("builtins.") && resolved.substr(9) == written);
  return same ? fmt::format("`{}()`", written) : fmt::format("`{}()` ({})", written, resolved);
}

}  // namespace onramp::checks
