#pragma once
// INI files as Python tools read them (configparser): setup.cfg, tox.ini, .flake8, mypy.ini, .pylintrc.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onramp::parse {

/// One `key = value` (or `key: value`) entry; indented lines that follow continue the value.
struct IniEntry {
  std::string key;
  std::string value;
  std::uint32_t line = 0;
};

/// One `[section]` with its entries in file order.
struct IniSection {
  std::string name;
  std::uint32_t line = 0;
  std::vector<IniEntry> entries;

  /// The entry for `key`, compared case-insensitively with `-` and `_` alike (flake8 and mypy accept both).
  const IniEntry* find(std::string_view key) const;
};

/// Reads sections and entries; never fails: lines that are neither are skipped, as configparser's
/// lenient readers do. Entries before the first section are dropped.
std::vector<IniSection> read_ini(std::string_view text);

/// The first section named `name` (case-sensitive, as configparser), or nullptr.
const IniSection* find_section(const std::vector<IniSection>& sections, std::string_view name);

/// Splits a list value as flake8 and isort write them: commas and/or new lines, blanks dropped.
std::vector<std::string> split_list(std::string_view value);

}  // namespace onramp::parse
