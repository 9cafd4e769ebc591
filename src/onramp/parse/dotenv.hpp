#pragma once
// .env files as docker compose and python-dotenv read them, with a hand-written parser (no library covers them):
// `export`, single/double quotes, escapes in double quotes, multi-line quoted values, inline comments.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onramp::parse {

/// One `KEY=value` line; `value` is unquoted and unescaped, never printed unmasked.
struct EnvEntry {
  std::string key;
  std::string value;
  std::uint32_t line = 0;
  /// `KEY` alone or `KEY=` with nothing after it.
  bool empty = false;
  /// The value was written in quotes (`KEY=""` is quoted and not `empty`).
  bool quoted = false;
};

/// What a .env file holds; lines that are not assignments are reported, never fatal.
struct EnvFile {
  std::vector<EnvEntry> entries;
  /// Lines that could not be read (an unterminated quote, a key with spaces), with a message each.
  std::vector<std::pair<std::uint32_t, std::string>> errors;
};

EnvFile read_env_file(std::string_view text);

}  // namespace onramp::parse
