#pragma once
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace onramp::util {

/// Turns JSON-with-comments (VS Code's launch.json, tsconfig style) into strict JSON:
/// drops // and /* */ comments and trailing commas, leaving strings untouched.
std::string strip_jsonc(std::string_view text);

/// Replaces every string value of `root`, however deep (walked with a stack, not recursion: documents can nest as
/// deep as the files they come from), by `fn` of it; object keys too when `keys` is set.
void transform_strings(nlohmann::ordered_json& root, const std::function<std::string(const std::string&)>& fn,
                       bool keys = false);

}  // namespace onramp::util
