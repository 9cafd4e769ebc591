#include "onramp/scan/discover.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <set>
#include <system_error>

#include "onramp/scan/gitignore.hpp"
#include "onramp/util/files.hpp"
#include "onramp/util/paths.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::scan {

namespace fs = std::filesystem;
using core::FileKind;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string join_path(std::string_view dir, std::string_view name) {
  return dir.empty() ? std::string(name) : std::string(dir) + "/" + std::string(name);
}

/// True if `inner` is `outer` or below it (both canonical).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto o = outer.begin();
  auto i = inner.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

}  // namespace

bool is_skipped_directory(std::string_view name) {
  static const std::set<std::string_view> names = {
      ".git",    ".hg",         ".svn",    ".bzr",          "node_modules",  "__pycache__",   ".venv",
      "venv",    ".virtualenv", ".tox",    ".nox",          ".mypy_cache",   ".pytest_cache", ".ruff_cache",
      ".pytype", ".hypothesis", ".eggs",   "site-packages", "htmlcov",       ".idea",         "build",
      "dist",    ".cache",      ".direnv", ".pdm-build",    "__pypackages__"};
  return names.contains(name) || ends_with(name, ".egg-info");
}

FileKind classify(std::string_view rel_path) {
  const auto name = util::base_name(rel_path);
  const auto dir = util::parent_dir(rel_path);
  const auto lower = util::to_lower(name);
  if (ends_with(name, ".py")) return FileKind::python;
  if ((starts_with(lower, "requirements") && (ends_with(lower, ".txt") || ends_with(lower, ".in"))) ||
      ((util::base_name(dir) == "requirements" || util::base_name(dir) == "reqs") &&
       (ends_with(lower, ".txt") || ends_with(lower, ".in")))) {
    return FileKind::requirements;
  }
  if (name == "pyproject.toml") return FileKind::pyproject;
  if (name == "setup.cfg") return FileKind::setup_cfg;
  if (name == "Pipfile") return FileKind::pipfile;
  if (name == "uv.lock" || name == "poetry.lock" || name == "Pipfile.lock" || name == "pdm.lock" ||
      name == "pylock.toml") {
    return FileKind::lockfile;
  }
  if (name == "Dockerfile" || name == "Containerfile" || starts_with(name, "Dockerfile.") ||
      ends_with(name, ".Dockerfile") || ends_with(lower, ".dockerfile")) {
    return FileKind::dockerfile;
  }
  if ((starts_with(lower, "docker-compose") || starts_with(lower, "compose")) &&
      (ends_with(lower, ".yml") || ends_with(lower, ".yaml"))) {
    return FileKind::compose;
  }
  if (name == ".env" || starts_with(name, ".env.") || ends_with(name, ".env")) return FileKind::env;
  if ((starts_with(rel_path, ".github/workflows/") && (ends_with(lower, ".yml") || ends_with(lower, ".yaml"))) ||
      name == ".gitlab-ci.yml" || rel_path == ".circleci/config.yml" || name == "azure-pipelines.yml" ||
      name == "Jenkinsfile" || name == ".travis.yml" || name == "bitbucket-pipelines.yml") {
    return FileKind::ci;
  }
  if (name == "Makefile" || name == "makefile" || name == "GNUmakefile" || name == "justfile" || name == "Justfile" ||
      name == ".justfile" || name == "Taskfile.yml" || name == "Taskfile.yaml" || name == "noxfile.py" ||
      name == "tox.ini") {
    return FileKind::task_runner;
  }
  if (ends_with(lower, ".md") || ends_with(lower, ".mdx") || ends_with(lower, ".rst") || ends_with(lower, ".markdown"))
    return FileKind::docs;
  if (rel_path == ".vscode/launch.json" || ends_with(rel_path, "/.vscode/launch.json") || name == ".pdbrc")
    return FileKind::ide;
  if (name == ".python-version" || name == "runtime.txt") return FileKind::python_version;
  return FileKind::other;
}

util::Result<Discovery> discover(const fs::path& root, std::uintmax_t max_file_size,
                                 const std::function<bool(std::string_view)>& excluded,
                                 const std::set<std::string>* tracked, std::string_view global_excludes) {
  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return util::Error{"cannot resolve " + root.string() + ": " + ec.message()};

  Discovery out;
  IgnoreStack ignores;
  // Directories that hold tracked Python source (every parent of a tracked .py file).
  std::set<std::string, std::less<>> tracked_source_dirs;
  if (tracked != nullptr) {
    for (const auto& path : *tracked) {
      if (!ends_with(path, ".py")) continue;
      for (auto slash = path.rfind('/'); slash != std::string::npos && slash > 0; slash = path.rfind('/', slash - 1)) {
        if (!tracked_source_dirs.insert(path.substr(0, slash)).second) break;
      }
    }
  }
  const auto is_tracked_source_dir = [&](const std::string& rel) { return tracked_source_dirs.contains(rel); };
  // Directories that hold a tracked file: git shows their tracked files whatever .gitignore says (a force-added .env).
  std::set<std::string, std::less<>> tracked_dirs;
  if (tracked != nullptr) {
    for (const auto& path : *tracked) {
      for (auto slash = path.rfind('/'); slash != std::string::npos && slash > 0; slash = path.rfind('/', slash - 1)) {
        if (!tracked_dirs.insert(path.substr(0, slash)).second) break;
      }
    }
  }
  const auto in_tracked_build = [&](const std::string& rel) {
    for (auto part : util::split(rel, '/')) {
      if (part == "build" || part == "dist") return true;
    }
    return false;
  };
  std::set<std::string> visited_dirs{canonical_root.string()};

  struct Frame {
    std::string rel;     // directory relative to the root ("" for the root)
    fs::path canonical;  // where it really is
    std::vector<std::pair<std::string, fs::file_type>> entries;
    std::size_t next = 0;
    bool pushed_ignore = false;
    bool ignored = false;  // .gitignore names it, walked for the tracked files it holds: only those are kept
  };

  // An ignore file is read only when it really is inside the root (a `.gitignore -> /etc/passwd` link is not) and is
  // a regular file (util::read_file refuses FIFOs and devices); one that exists but cannot be used is a problem row.
  const auto load_ignore = [&](const fs::path& file, const std::string& base, const std::string& rel) -> bool {
    std::error_code link_ec;
    const auto status = fs::symlink_status(file, link_ec);
    if (link_ec || !fs::exists(status)) return false;
    const auto real = fs::canonical(file, link_ec);
    if (link_ec || !is_within(real, canonical_root)) return false;  // listed as symlink-outside-root by the walk
    auto text = util::read_file(real, max_file_size);
    if (!text) {
      out.problems.push_back({rel, "unreadable", 0, text.error().message + "; its ignore patterns are not applied"});
      return false;
    }
    ignores.push(IgnoreFile::parse(*text, base));
    return true;
  };
  // .git/info/exclude applies like a root .gitignore with lower precedence.
  std::size_t base_ignores = 0;
  // core.excludesFile first: the lowest precedence of all.
  if (!global_excludes.empty()) {
    ignores.push(IgnoreFile::parse(global_excludes, ""));
    ++base_ignores;
  }
  if (load_ignore(canonical_root / ".git" / "info" / "exclude", "", ".git/info/exclude")) ++base_ignores;

  const auto open_dir = [&](std::string rel, fs::path canon) -> Frame {
    Frame f{std::move(rel), std::move(canon), {}, 0, false, false};
    if (f.canonical.native().size() + 256 >= PATH_MAX) {
      // Its entries' paths would be longer than the system takes: said, not silently dropped.
      out.problems.push_back({f.rel.empty() ? "." : f.rel, "unreadable", 0,
                              fmt::format("nested so deep that its paths are longer than the system allows ({} "
                                          "bytes); not scanned",
                                          PATH_MAX)});
      return f;
    }
    std::error_code dir_ec;
    for (fs::directory_iterator it(f.canonical, fs::directory_options::skip_permission_denied, dir_ec), end;
         !dir_ec && it != end; it.increment(dir_ec)) {
      std::error_code type_ec;
      f.entries.emplace_back(it->path().filename().string(), it->symlink_status(type_ec).type());
    }
    if (dir_ec) out.problems.push_back({f.rel.empty() ? "." : f.rel, "unreadable", 0, dir_ec.message()});
    std::sort(f.entries.begin(), f.entries.end());
    if (std::any_of(f.entries.begin(), f.entries.end(), [](const auto& e) { return e.first == ".gitignore"; })) {
      f.pushed_ignore = load_ignore(f.canonical / ".gitignore", f.rel, join_path(f.rel, ".gitignore"));
    }
    return f;
  };

  std::vector<Frame> stack;
  stack.push_back(open_dir("", canonical_root));
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next >= frame.entries.size()) {
      if (frame.pushed_ignore) ignores.pop();
      stack.pop_back();
      continue;
    }
    const auto [name, type] = frame.entries[frame.next++];
    const std::string rel = join_path(frame.rel, name);
    fs::path canon = frame.canonical / name;
    fs::file_type real_type = type;
    if (type == fs::file_type::symlink) {
      std::error_code link_ec;
      canon = fs::canonical(frame.canonical / name, link_ec);
      if (link_ec) {
        out.problems.push_back({rel, "broken-symlink", 0, "symbolic link to nothing, not followed"});
        continue;
      }
      if (!is_within(canon, canonical_root)) {
        out.problems.push_back({rel, "symlink-outside-root", 0, "points outside the scanned root, not followed"});
        continue;
      }
      real_type = fs::status(canon, link_ec).type();
      // A link to a file inside the root is an alias of a file the walk already sees.
      if (real_type != fs::file_type::directory) continue;
    }
    if (real_type == fs::file_type::directory) {
      // git tracks Python source under this build/ or dist/: it is the project's, whatever the name or .gitignore say.
      const bool tracked_build = (name == "build" || name == "dist") && is_tracked_source_dir(rel);
      if (excluded && excluded(rel)) {
        ++out.skipped_directories["config-excluded"];
        continue;
      }
      if (is_skipped_directory(name) && !tracked_build) {
        ++out.skipped_directories["default-excluded"];
        continue;
      }
      const bool dir_ignored = (frame.ignored || ignores.ignored(rel, true)) &&
                               !(tracked_build || (in_tracked_build(rel) && is_tracked_source_dir(rel)));
      if (dir_ignored && !tracked_dirs.contains(rel)) {
        ++out.skipped_directories["gitignored"];
        continue;
      }
      std::error_code venv_ec;
      if (fs::exists(canon / "pyvenv.cfg", venv_ec)) {  // a virtualenv under any name
        ++out.skipped_directories["virtualenv"];
        continue;
      }
      if (!visited_dirs.insert(canon.string()).second) continue;  // a loop through links
      const bool parent_ignored = frame.ignored;                  // `frame` dangles once the stack grows
      stack.push_back(open_dir(rel, canon));
      stack.back().ignored = dir_ignored || (parent_ignored && !(tracked_build || in_tracked_build(rel)));
      continue;
    }
    if (name == ".gitignore") continue;  // read by open_dir, which lists one it cannot use
    if (excluded && excluded(rel)) {
      ++out.skipped_files["config-excluded"];
      continue;
    }
    if ((frame.ignored || ignores.ignored(rel, false)) && !(tracked != nullptr && tracked->contains(rel))) {
      ++out.skipped_files["gitignored"];
      continue;
    }
    if (real_type != fs::file_type::regular) {
      // A FIFO, socket or device where a file is expected is never opened (it could block or never end).
      out.problems.push_back({rel, "unreadable", 0, "not a regular file (a FIFO, socket or device); not read"});
      continue;
    }
    std::error_code size_ec;
    const auto size = fs::file_size(canon, size_ec);
    const FileKind kind = classify(rel);
    if (size_ec) {
      out.problems.push_back({rel, "unreadable", 0, size_ec.message()});
      continue;
    }
    if (size > max_file_size && kind != FileKind::other) {
      out.problems.push_back({rel, "too-large", 0, "larger than --max-file-size, skipped"});
      continue;
    }
    out.files.push_back({rel, kind, size, std::nullopt});
  }
  while (base_ignores-- > 0) ignores.pop();

  std::sort(out.files.begin(), out.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  std::sort(out.problems.begin(), out.problems.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

}  // namespace onramp::scan
