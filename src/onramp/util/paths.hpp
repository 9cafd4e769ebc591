#pragma once
// Helpers for the repository-relative, `/`-separated paths onramp works with (never touching the file system).
#include <string>
#include <string_view>

namespace onramp::util {

/// `a/b/c.py` -> `c.py`.
std::string_view base_name(std::string_view path);
/// `a/b/c.py` -> `a/b`; `c.py` -> "".
std::string_view parent_dir(std::string_view path);
/// `a/b/c.py` -> `a/b`; `c.py` -> `.`.
std::string dir_of(std::string_view path);
/// `a/./b/../c` -> `a/c`, `./x` -> `x`; "" when it climbs out of the root (or is the root itself).
std::string normalize_path(std::string_view path);
/// `dir` joined with a relative `rel`, `.` and `..` folded (`backend` + `../.env` -> `.env`); `.` for the root
/// itself; "" when the result leaves the root or `rel` is absolute.
std::string join_path(std::string_view dir, std::string_view rel);

}  // namespace onramp::util
