#include "onramp/vcs/git.hpp"

#include <fmt/format.h>
#include <git2.h>

#include <cstdlib>
#include <memory>

namespace onramp::vcs {

namespace fs = std::filesystem;

namespace {

/// libgit2's global state, set up for the length of one call.
struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <class T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using Repository = Owned<git_repository, git_repository_free>;
using Object = Owned<git_object, git_object_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Diff = Owned<git_diff, git_diff_free>;
using Reference = Owned<git_reference, git_reference_free>;
using Index = Owned<git_index, git_index_free>;

std::string last_error() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

/// The commit `ref` names, trying `origin/<ref>` when there is no such local name (a CI checkout has no local main).
util::Result<Commit> resolve(git_repository* repo, const std::string& ref, bool shallow, std::string_view option) {
  for (const std::string& name : {ref, "origin/" + ref}) {
    git_object* raw = nullptr;
    if (git_revparse_single(&raw, repo, name.c_str()) != 0) continue;
    Object obj(raw);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, obj.get(), GIT_OBJECT_COMMIT) != 0) {
      return util::Error{fmt::format("{} {}: `{}` does not name a commit: {}", option, ref, name, last_error())};
    }
    return Commit(reinterpret_cast<git_commit*>(peeled));
  }
  if (shallow) {
    return util::Error{
        fmt::format("{1} {0}: `{0}` is not in this clone, which is shallow; fetch it first (`git fetch --depth=50 "
                    "origin {0}`, or "
                    "`fetch-depth: 0` in actions/checkout)",
                    ref, option)};
  }
  return util::Error{
      fmt::format("{1} {0}: no branch, tag or commit `{0}` in this repository (fetch it first: `git fetch origin {0}`)",
                  ref, option)};
}

/// The repository holding a root, the merge base of HEAD and a ref, its tree, and the root's prefix in the work tree.
struct Base {
  Repository repo;
  Commit commit;
  Tree tree;
  std::string prefix;  // with a trailing `/`, or ""
};

util::Result<Base> open_base(const fs::path& root, const std::string& ref, std::string_view option) {
  std::error_code ec;
  const auto canonical_root = fs::canonical(root, ec);
  if (ec) return util::Error{fmt::format("{}: cannot resolve {}: {}", option, root.string(), ec.message())};

  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, canonical_root.c_str(), 0, nullptr) != 0) {
    return util::Error{
        fmt::format("{} {}: {} is not inside a git repository ({})", option, ref, root.string(), last_error())};
  }
  Repository repo(raw_repo);
  const char* workdir = git_repository_workdir(repo.get());
  if (workdir == nullptr) return util::Error{fmt::format("{} {}: the repository has no working tree", option, ref)};
  const bool shallow = git_repository_is_shallow(repo.get()) == 1;

  git_reference* raw_head = nullptr;
  if (git_repository_head(&raw_head, repo.get()) != 0) {
    return util::Error{fmt::format("{} {}: HEAD names no commit yet ({})", option, ref, last_error())};
  }
  Reference head_ref(raw_head);
  git_object* raw_head_commit = nullptr;
  if (git_reference_peel(&raw_head_commit, head_ref.get(), GIT_OBJECT_COMMIT) != 0) {
    return util::Error{fmt::format("{} {}: HEAD names no commit ({})", option, ref, last_error())};
  }
  Commit head(reinterpret_cast<git_commit*>(raw_head_commit));

  auto target = resolve(repo.get(), ref, shallow, option);
  if (!target) return target.error();

  git_oid base_oid;
  if (git_merge_base(&base_oid, repo.get(), git_commit_id(head.get()), git_commit_id(target->get())) != 0) {
    if (shallow) {
      return util::Error{
          fmt::format("{0} {1}: HEAD and `{1}` have no common commit in this shallow clone; fetch more history "
                      "(`git fetch --deepen=100 origin`, or `fetch-depth: 0` in actions/checkout)",
                      option, ref)};
    }
    return util::Error{fmt::format("{0} {1}: HEAD and `{1}` share no history", option, ref)};
  }
  git_commit* raw_base = nullptr;
  git_tree* raw_tree = nullptr;
  if (git_commit_lookup(&raw_base, repo.get(), &base_oid) != 0)
    return util::Error{fmt::format("{} {}: {}", option, ref, last_error())};
  Commit base(raw_base);
  if (git_commit_tree(&raw_tree, base.get()) != 0)
    return util::Error{fmt::format("{} {}: {}", option, ref, last_error())};
  Tree tree(raw_tree);

  const fs::path canonical_workdir = fs::canonical(workdir, ec);
  std::string prefix = canonical_root.lexically_relative(canonical_workdir).generic_string();
  if (prefix == "." || prefix.empty()) {
    prefix.clear();
  } else {
    prefix += '/';
  }
  return Base{std::move(repo), std::move(base), std::move(tree), std::move(prefix)};
}

/// The diff from the base's tree to the work tree (index and untracked files included), below the root, with renames
/// found.
util::Result<Diff> diff_to_workdir(Base& base, std::string_view option, const std::string& ref) {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.context_lines = 0;
  opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_SHOW_UNTRACKED_CONTENT;
  std::string spec = base.prefix;
  char* spec_ptr = spec.data();
  if (!base.prefix.empty()) {
    opts.pathspec.strings = &spec_ptr;
    opts.pathspec.count = 1;
  }
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_workdir_with_index(&raw_diff, base.repo.get(), base.tree.get(), &opts) != 0) {
    return util::Error{fmt::format("{} {}: {}", option, ref, last_error())};
  }
  Diff diff(raw_diff);
  // A moved file is a rename with its few edits, not a new file whose every line (and finding) is new.
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_FOR_UNTRACKED;
  if (git_diff_find_similar(diff.get(), &find) != 0)
    return util::Error{fmt::format("{} {}: {}", option, ref, last_error())};
  return diff;
}

}  // namespace

util::Result<BaseCheckout> checkout_merge_base(const fs::path& root, const std::string& ref, const fs::path& dest,
                                               std::string_view option) {
  Library library;
  auto base = open_base(root, ref, option);
  if (!base) return base.error();
  BaseCheckout out;
  out.commit = git_oid_tostr_s(git_commit_id(base->commit.get()));
  out.prefix = base->prefix.empty() ? "" : base->prefix.substr(0, base->prefix.size() - 1);

  git_checkout_options opts = GIT_CHECKOUT_OPTIONS_INIT;
  // Into `dest` only: the repository's index and work tree stay as they are.
  opts.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_DONT_UPDATE_INDEX;
  const std::string target = dest.string();
  opts.target_directory = target.c_str();
  std::string spec = base->prefix;
  char* spec_ptr = spec.data();
  if (!base->prefix.empty()) {
    opts.paths.strings = &spec_ptr;
    opts.paths.count = 1;
  }
  if (git_checkout_tree(base->repo.get(), reinterpret_cast<const git_object*>(base->tree.get()), &opts) != 0) {
    return util::Error{
        fmt::format("{} {}: cannot write the merge base {}: {}", option, ref, out.commit.substr(0, 12), last_error())};
  }

  auto diff = diff_to_workdir(*base, option, ref);
  if (!diff) return diff.error();
  const std::size_t count = git_diff_num_deltas(diff->get());
  for (std::size_t i = 0; i < count; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff->get(), i);
    if (d == nullptr || d->status != GIT_DELTA_RENAMED || d->old_file.path == nullptr || d->new_file.path == nullptr)
      continue;
    const std::string_view from = d->old_file.path;
    const std::string_view to = d->new_file.path;
    if (!from.starts_with(base->prefix) || !to.starts_with(base->prefix)) continue;
    out.renamed.emplace(std::string(to.substr(base->prefix.size())), std::string(from.substr(base->prefix.size())));
  }
  return out;
}

std::optional<std::set<std::string>> tracked_files(const fs::path& root) {
  Library library;
  std::error_code ec;
  const auto canonical_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, canonical_root.c_str(), 0, nullptr) != 0) return std::nullopt;
  Repository repo(raw_repo);
  const char* workdir = git_repository_workdir(repo.get());
  if (workdir == nullptr) return std::nullopt;
  const auto canonical_workdir = fs::canonical(workdir, ec);
  if (ec) return std::nullopt;
  // The scanned root below the work tree, as index paths are written (`backend/`; empty at the top).
  std::string prefix = canonical_root.lexically_relative(canonical_workdir).generic_string();
  if (prefix == ".") prefix.clear();
  if (!prefix.empty()) prefix += '/';
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo.get()) != 0) return std::nullopt;
  Index index(raw_index);
  std::set<std::string> out;
  const std::size_t count = git_index_entrycount(index.get());
  for (std::size_t i = 0; i < count; ++i) {
    const git_index_entry* entry = git_index_get_byindex(index.get(), i);
    if (entry == nullptr || entry->path == nullptr) continue;
    const std::string_view path = entry->path;
    if (path.size() > prefix.size() && path.starts_with(prefix)) out.emplace(path.substr(prefix.size()));
  }
  return out;
}

std::optional<fs::path> excludes_file(const fs::path& root) {
  Library library;
  std::error_code ec;
  const auto canonical_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, canonical_root.c_str(), 0, nullptr) != 0) return std::nullopt;
  Repository repo(raw_repo);
  git_config* raw_config = nullptr;
  if (git_repository_config_snapshot(&raw_config, repo.get()) != 0) return std::nullopt;
  const std::unique_ptr<git_config, void (*)(git_config*)> config(raw_config, git_config_free);
  git_buf buf = GIT_BUF_INIT;
  if (git_config_get_path(&buf, config.get(), "core.excludesfile") == 0) {
    fs::path out = buf.ptr != nullptr ? buf.ptr : "";
    git_buf_dispose(&buf);
    if (out.empty()) return std::nullopt;
    return out;
  }
  // git's default: $XDG_CONFIG_HOME/git/ignore, else ~/.config/git/ignore.
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (xdg != nullptr && xdg[0] != '\0') return fs::path(xdg) / "git" / "ignore";
  if (home != nullptr && home[0] != '\0') return fs::path(home) / ".config" / "git" / "ignore";
  return std::nullopt;
}

std::optional<WorkTree> work_tree_of(const fs::path& root) {
  Library library;
  std::error_code ec;
  const auto canonical_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, canonical_root.c_str(), 0, nullptr) != 0) return std::nullopt;
  Repository repo(raw_repo);
  const char* workdir = git_repository_workdir(repo.get());
  if (workdir == nullptr) return std::nullopt;
  WorkTree out;
  out.top = fs::canonical(workdir, ec);
  if (ec) return std::nullopt;
  out.prefix = canonical_root.lexically_relative(out.top).generic_string();
  if (out.prefix == ".") out.prefix.clear();
  if (!out.prefix.empty()) out.prefix += '/';
  return out;
}

}  // namespace onramp::vcs
