#pragma once
// Compose files (compose.yaml, docker-compose*.yml) read with yaml-cpp: anchors and merge keys resolved, `extends`
// within and across files followed (inside the scanned root only), profiles kept.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onramp::parse {

/// One `environment:` entry (list or map form); `value` absent for `- KEY` (taken from the shell), never printed unmasked.
struct ComposeEnv {
  std::string key;
  std::optional<std::string> value;
  std::uint32_t line = 0;
  /// The file the entry is written in when it came through `extends: {file: ...}`; empty for this file.
  std::string file;
};

/// One service.
struct ComposeService {
  std::string name;
  std::uint32_t line = 0;
  std::string image;
  /// `build:` context (string form or `context:`), and its dockerfile if named.
  std::string build_context;
  std::string dockerfile;
  /// `command:` and `entrypoint:` as one string each (list form joined with spaces).
  std::string command;
  std::string entrypoint;
  /// Where `command:` and `entrypoint:` are written (0 when absent or inherited from another file).
  std::uint32_t command_line = 0;
  std::uint32_t entrypoint_line = 0;
  /// `command:` and `entrypoint:` word by word (the list form, or the string form split as a shell would).
  std::vector<std::string> command_words;
  std::vector<std::string> entrypoint_words;
  std::vector<std::string> ports;
  /// depends_on names with their condition (`service_healthy`; "" for the short form).
  std::vector<std::pair<std::string, std::string>> depends_on;
  std::vector<std::string> volumes;
  std::vector<std::string> profiles;
  std::vector<ComposeEnv> environment;
  std::vector<std::string> env_files;
  bool has_healthcheck = false;
  /// `healthcheck: {test: ...}` as one string (list form joined with spaces, `CMD`/`CMD-SHELL` dropped).
  std::string healthcheck;
  /// The service named in `extends`, and the file it was read from when not this one.
  std::string extends;
  std::string extends_file;
};

/// A parsed compose file.
struct ComposeFile {
  std::string path;
  std::vector<ComposeService> services;  // in file order
  /// A YAML error or a bad shape, with position (line 0 when unknown).
  std::vector<std::pair<std::uint32_t, std::string>> errors;
};

/// The parsed YAML of a file of the scanned repository by its relative path; nullptr when it is not one (or unreadable).
struct YamlDocument;

using YamlLoader = std::function<const YamlDocument*(std::string_view path)>;

/// Reads `path` of the project; its `extends` may name other files of the project, never outside the root, and every
/// file comes through `load` (model::Inputs::compose passes the run's shared parses).
ComposeFile read_compose(const YamlLoader& load, const std::string& path);

}  // namespace onramp::parse
