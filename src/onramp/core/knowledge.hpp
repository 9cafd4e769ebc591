#pragma once
// Knowledge bases are data compiled into the binary (rules/knowledge/<name>.yaml): which package plays which role,
// which import names a distribution provides, the standard library, which keys hold secrets.
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace onramp::core {

/// The parsed rules/knowledge/<name>.yaml (parsed once, shared, read-only); a null node when there is none.
/// A knowledge file that does not parse is a build defect, caught by the tests (`core::knowledge` suite).
const YAML::Node& knowledge(std::string_view name);

/// True for embedded files that are knowledge bases rather than rules.
bool is_knowledge_file(std::string_view embedded_path);

}  // namespace onramp::core
