#pragma once
// Finds and reads a team's settings: `[tool.onramp]` in pyproject.toml, or the top level of `.onramp.toml`.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "onramp/core/config.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/util/result.hpp"

namespace onramp::core {

/// The configuration file nearest to `start` (a directory): `.onramp.toml`, else a pyproject.toml with a
/// `[tool.onramp]` table, in `start` or the closest directory above it, stopping at the repository root
/// (the directory that holds `.git`) so that nothing outside the repository applies.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

/// Reads a configuration file into a Config. Errors say `FILE:LINE: ...` and name the key (unknown keys, wrong
/// types, selectors that name no rule, bad severities). `display` is the file as messages show it; `root` the
/// scanned directory, so that globs (relative to the file) can be matched against paths relative to the root.
util::Result<Config> load_config(const std::filesystem::path& file, const std::string& display,
                                 const std::filesystem::path& root, const RuleSet& rules);

/// Reads configuration text (the tests' entry point): `pyproject` says whether it is a pyproject.toml, where only
/// `[tool.onramp]` is read, or an `.onramp.toml`, read whole.
util::Result<Config> parse_config(std::string_view text, const std::string& display, bool pyproject,
                                  const RuleSet& rules);

}  // namespace onramp::core
