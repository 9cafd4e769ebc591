#pragma once
// The leaf types of the scanned repository: what a kept file is, what could not be used, and a value built once.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/core/roles.hpp"

namespace onramp::core {

/// What a file is, decided from its name and place.
enum class FileKind {
  python,
  requirements,
  pyproject,
  setup_cfg,
  pipfile,
  lockfile,
  dockerfile,
  compose,
  env,
  ci,
  task_runner,
  docs,
  ide,
  python_version,
  other
};

std::string_view to_string(FileKind kind);

/// One file the scan kept (not ignored).
struct ProjectFile {
  std::string path;  // relative, `/` separators
  FileKind kind = FileKind::other;
  std::uintmax_t size = 0;
  /// Python files: their code role (model/roles.hpp), set once the file is analysed.
  std::optional<CodeRole> role;
};

/// A file onramp could not use, or used only in part; listed in the report, never fatal.
struct Problem {
  std::string path;
  /// syntax-error, too-complex (a parse or nesting limit), binary, too-large, non-utf8, unreadable,
  /// symlink-outside-root, broken-symlink
  std::string kind;
  std::uint32_t line = 0;
  std::string message;
};

/// The project root a path belongs to: the deepest of `roots` that contains it, "." when none does.
std::string_view owning_root(const std::vector<std::string>& roots, std::string_view path);

/// A value built by the first caller of get() and shared by every later one (thread-safe). `T` may be incomplete
/// where the slot is declared: only get()'s callers, which build it, need its definition.
template <class T>
class BuiltOnce {
public:
  template <class Make>
  const T& get(Make&& make) {
    std::call_once(once_, [&] { value_ = make(); });
    return *value_;
  }

private:
  std::once_flag once_;
  std::shared_ptr<const T> value_;
};

}  // namespace onramp::core
