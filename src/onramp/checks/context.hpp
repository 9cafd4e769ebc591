#pragma once
// What a check sees of the file being analysed (facts::FileContext), and how its messages show a call.
#include <string>
#include <string_view>

#include "onramp/facts/file_context.hpp"

namespace onramp::checks {

using facts::FileContext;

/// The one way a call appears in messages: as written, with the name it resolved to when that says more
/// (`` `st()` (pdb.set_trace) ``; `` `open()` ``, not `builtins.open()`).
std::string show_call(std::string_view written, std::string_view resolved);

}  // namespace onramp::checks
