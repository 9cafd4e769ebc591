#pragma once
// What a change touched, read from git through libgit2: for `onramp check --diff REF` in pull-request jobs.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "onramp/util/result.hpp"

namespace onramp::vcs {

/// Lines added or changed, by path relative to the scanned root.
class ChangedLines {
public:
  void add(std::string path, std::uint32_t line) { lines_[std::move(path)].insert(line); }
  /// True if a line from `first` to `last` of `path` was added or changed; a finding about a whole file
  /// (`first` 0) counts when any line of it did.
  bool touches(std::string_view path, std::uint32_t first, std::uint32_t last) const;
  std::size_t file_count() const { return lines_.size(); }

private:
  std::map<std::string, std::set<std::uint32_t>, std::less<>> lines_;
};

/// The lines of files below `root` that differ between the merge base of HEAD and `ref` and the working tree
/// (staged and unstaged changes and untracked files included, renames followed), so that a pull-request job sees
/// what the branch added and a pre-commit hook sees what is about to be committed. `ref` is a branch, tag or commit;
/// `main` falls back to `origin/main` when there is no local branch. Errors say what to fetch in a shallow clone.
util::Result<ChangedLines> changed_since(const std::filesystem::path& root, const std::string& ref);

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
/// tree, staged and unstaged changes included, compared as `changed_since` does). Errors name `option`.
util::Result<BaseCheckout> checkout_merge_base(const std::filesystem::path& root, const std::string& ref,
                                               const std::filesystem::path& dest, std::string_view option);

/// The files git tracks below `root` (relative to it, `/` separators), read from the index of the work tree that
/// holds `root`; nullopt when `root` is in no git work tree (or the index cannot be read).
std::optional<std::set<std::string>> tracked_files(const std::filesystem::path& root);

}  // namespace onramp::vcs
