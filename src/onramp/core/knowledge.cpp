#include "onramp/core/knowledge.hpp"

#include <map>
#include <string>

#include "onramp/core/embedded_rules.hpp"

namespace onramp::core {

namespace {

constexpr std::string_view kPrefix = "rules/knowledge/";
constexpr std::string_view kSuffix = ".yaml";

std::map<std::string, YAML::Node, std::less<>> load_all() {
  std::map<std::string, YAML::Node, std::less<>> out;
  for (const auto& file : embedded_rule_files()) {
    if (!is_knowledge_file(file.path)) continue;
    auto name = file.path.substr(kPrefix.size());
    name.remove_suffix(kSuffix.size());
    try {
      out.emplace(std::string(name), YAML::Load(std::string(file.text)));
    } catch (const YAML::Exception&) {
      out.emplace(std::string(name), YAML::Node());  // the knowledge tests name the file and line
    }
  }
  return out;
}

}  // namespace

bool is_knowledge_file(std::string_view embedded_path) {
  return embedded_path.starts_with(kPrefix) && embedded_path.ends_with(kSuffix);
}

const YAML::Node& knowledge(std::string_view name) {
  static const auto all = load_all();
  static const YAML::Node none;
  const auto it = all.find(name);
  return it == all.end() ? none : it->second;
}

}  // namespace onramp::core
