#pragma once
// What git knows, read through libgit2: the merge base a pull-request job compares with (`onramp check --diff
// REF`), the files it tracks, its excludes file.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "onramp/util/result.hpp"

namespace onramp::vcs {

/// The merge base of HEAD and a ref, written out for a second scan.
struct BaseCheckout {
  /// The merge base's commit id (40 hex digits).
  std::string commit;
  /// The scanned root relative to the work tree (`backend`; "" at the top): scan `dest / prefix`.
  std::string prefix;
  /// Files renamed since the merge base, relative to the scanned root: path today -> path at the merge base.
  std::map<std::string, std::string, std::less<>> renamed;
};

/// Writes the tree of the merge base of HEAD and `ref` into `dest` (an empty directory outside the repository; no
/// .git, the repository's index and work tree untouched) and reads which files were renamed since then (the work
/// tree, staged and unstaged changes included, staged and unstaged changes and untracked files included). Errors name `option`.
util::Result<BaseCheckout> checkout_merge_base(const std::filesystem::path& root, const std::string& ref,
                                               const std::filesystem::path& dest, std::string_view option);

/// The files git tracks below `root` (relative to it, `/` separators), read from the index of the work tree that
/// holds `root`; nullopt when `root` is in no git work tree (or the index cannot be read).
std::optional<std::set<std::string>> tracked_files(const std::filesystem::path& root);

/// The work tree holding a root: its top directory and the root's place in it (`backend/`, with the slash; "" at
/// the top).
struct WorkTree {
  std::filesystem::path top;
  std::string prefix;
};
std::optional<WorkTree> work_tree_of(const std::filesystem::path& root);

/// git's core.excludesFile for the repository holding `root` (its default, $XDG_CONFIG_HOME/git/ignore or
/// ~/.config/git/ignore, when unset); nullopt outside a repository. The file may not exist.
std::optional<std::filesystem::path> excludes_file(const std::filesystem::path& root);

}  // namespace onramp::vcs
