#pragma once
// Path helpers for the local-setup step's project files (relative, `/`-separated paths).
#include <string>
#include <string_view>

namespace onramp::checks::local_setup {

/// `a/b/c.py` -> `a/b`; `c.py` -> `.`.
std::string dir_of(std::string_view path);
/// `a/b/c.py` -> `c.py`.
std::string_view base_name(std::string_view path);
/// `dir` joined with a relative `rel`, `.` and `..` folded (`backend` + `../.env` -> `.env`); "" when it leaves the root.
std::string join_path(std::string_view dir, std::string_view rel);
/// `cd DIR && ` for commands run below the root, "" at the root.
std::string cd_prefix(std::string_view dir);

}  // namespace onramp::checks::local_setup
