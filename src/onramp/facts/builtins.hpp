#pragma once
#include <string_view>

namespace onramp::facts {

/// True for names Python finds in the builtins module when no scope binds them.
bool is_builtin_name(std::string_view name);

}  // namespace onramp::facts
