#pragma once
// Parsed forms of the repository's configuration files that several readers share: TOML, YAML and INI documents.
// model::Inputs builds each once per file per run; a parse error is a value kept with the document.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "onramp/parse/ini.hpp"
#include "onramp/util/toml.hpp"

namespace onramp::parse {

/// Where and why a document does not parse (line and column 1-based; 0 when unknown).
struct DocumentError {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
  /// False when the parser failed for another reason than the text's syntax (resources, nesting limits).
  bool syntax = true;
};

/// pyproject.toml, ruff.toml, Pipfile, lockfiles, .onramp.toml...: the table, or the error that stopped toml++.
struct TomlDocument {
  toml::table table;  // empty when the text does not parse
  std::optional<toml::parse_error> error;
};
TomlDocument parse_toml(std::string_view text, std::string_view source);

/// compose files, CI workflows, Taskfiles, .pre-commit-config.yaml, environment.yml: the root node, or the error.
struct YamlDocument {
  YAML::Node root;  // null when the text does not parse
  std::optional<DocumentError> error;
};
YamlDocument parse_yaml(std::string_view text);

/// One entry of a YAML mapping, merge keys applied.
struct YamlEntry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};
/// A mapping's entries in order with YAML 1.1 merge-key semantics (`<<: *base`, `<<: [*a, *b]`, which yaml-cpp does
/// not apply): keys written in the mapping win over merged ones, and among merged mappings the first that has a key
/// wins. Each merged mapping is read once however often aliases repeat it, and at most kMaxYamlMergedMaps are read
/// per call, so doubled merge keys (`<<: [*a, *a]` nested 40 deep) cost linear work, not 2^40.
std::vector<YamlEntry> yaml_entries(const YAML::Node& map);
inline constexpr std::size_t kMaxYamlMergedMaps = 256;
/// The value of `key` in a mapping, merge keys applied; Undefined when absent or when `map` is not a mapping.
YAML::Node yaml_get(const YAML::Node& map, std::string_view key);

/// .vscode/launch.json, pyrightconfig.json, devcontainer.json: JSON with comments and trailing commas allowed (JSONC).
struct JsonDocument {
  nlohmann::ordered_json value;  // discarded (is_discarded()) when the text does not parse
};
JsonDocument parse_jsonc(std::string_view text);

/// setup.cfg, tox.ini, alembic.ini, .flake8, mypy.ini, pytest.ini: sections as configparser reads them (never fails).
struct IniDocument {
  std::vector<parse::IniSection> sections;
};

}  // namespace onramp::parse
