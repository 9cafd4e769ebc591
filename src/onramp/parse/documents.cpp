#include "onramp/parse/documents.hpp"

#include <algorithm>
#include <set>

#include "onramp/util/jsonc.hpp"

namespace onramp::parse {

TomlDocument parse_toml(std::string_view text, std::string_view source) {
  TomlDocument out;
  auto parsed = util::toml_parse(text, source);
  if (parsed) out.table = std::move(parsed).table();
  else out.error = parsed.error();
  return out;
}

YamlDocument parse_yaml(std::string_view text) {
  YamlDocument out;
  try {
    out.root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    out.root = YAML::Node();
    out.error = DocumentError{e.mark.is_null() ? 0U : static_cast<std::uint32_t>(e.mark.line + 1),
                              e.mark.is_null() ? 0U : static_cast<std::uint32_t>(e.mark.column + 1), e.msg};
  } catch (const std::exception& e) {
    out.root = YAML::Node();
    out.error = DocumentError{0, 0, e.what(), false};
  }
  return out;
}

namespace {

/// Calls `on_entry(key, key_node, value)` for the entries of a mapping and of the mappings it merges (`<<: *base`,
/// `<<: [*a, *b]`), depth first in the order written (a merged mapping's own merges are part of it), each mapping
/// once: when an alias repeats a mapping already read, every key it could add has been seen. Stops when `on_entry`
/// returns true, and after kMaxYamlMergedMaps mappings.
template <class OnEntry>
void visit_merged_entries(const YAML::Node& map, OnEntry&& on_entry) {
  if (!map || !map.IsMap()) return;
  std::vector<YAML::Node> visited;
  std::vector<YAML::Node> stack{map};
  while (!stack.empty() && visited.size() <= kMaxYamlMergedMaps) {
    const YAML::Node current = stack.back();
    stack.pop_back();
    if (std::any_of(visited.begin(), visited.end(), [&](const YAML::Node& v) { return v.is(current); })) continue;
    visited.push_back(current);
    std::vector<YAML::Node> merged;
    for (const auto& kv : current) {
      const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
      if (key == "<<" && kv.first.Tag() != "tag:yaml.org,2002:str") {
        if (kv.second.IsMap()) merged.push_back(kv.second);
        if (kv.second.IsSequence()) {
          for (const auto& item : kv.second) {
            if (item.IsMap()) merged.push_back(item);
          }
        }
        continue;
      }
      if (on_entry(key, kv.first, kv.second)) return;
    }
    stack.insert(stack.end(), merged.rbegin(), merged.rend());
  }
}

}  // namespace

std::vector<YamlEntry> yaml_entries(const YAML::Node& map) {
  std::vector<YamlEntry> out;
  std::set<std::string> seen;
  visit_merged_entries(map, [&](const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
    if (seen.insert(key).second) out.push_back({key, key_node, value});
    return false;
  });
  return out;
}

YAML::Node yaml_get(const YAML::Node& map, std::string_view key) {
  // yaml_entries' order of precedence without building the entries: the first entry with the key wins.
  YAML::Node found(YAML::NodeType::Undefined);
  visit_merged_entries(map, [&](const std::string& k, const YAML::Node& key_node, const YAML::Node& value) {
    if (!key_node.IsScalar() || k != key) return false;
    found.reset(value);
    return true;
  });
  return found;
}

JsonDocument parse_jsonc(std::string_view text) {
  return {nlohmann::ordered_json::parse(util::strip_jsonc(text), nullptr, /*allow_exceptions=*/false)};
}

}  // namespace onramp::parse
