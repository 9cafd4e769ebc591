#pragma once
#include <string>
#include <string_view>

namespace onramp::util {

/// Turns JSON-with-comments (VS Code's launch.json, tsconfig style) into strict JSON:
/// drops // and /* */ comments and trailing commas, leaving strings untouched.
std::string strip_jsonc(std::string_view text);

}  // namespace onramp::util
