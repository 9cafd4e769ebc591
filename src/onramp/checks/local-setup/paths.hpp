#pragma once
// Path helpers for the local-setup step's project files (relative, `/`-separated paths).
#include <string>
#include <string_view>

#include "onramp/util/paths.hpp"

namespace onramp::checks::local_setup {

using util::base_name;
using util::dir_of;
using util::join_path;

/// `cd DIR && ` for commands run below the root, "" at the root.
std::string cd_prefix(std::string_view dir);

}  // namespace onramp::checks::local_setup
