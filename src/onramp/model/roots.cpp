#include "onramp/model/roots.hpp"

#include <algorithm>
#include <set>

#include "onramp/util/paths.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::model {

namespace {

std::string join(std::string_view dir, std::string_view name) {
  return dir == "." ? std::string(name) : std::string(dir) + "/" + std::string(name);
}

/// True if `path` is inside directory `dir` ("." holds everything).
bool is_below(std::string_view path, std::string_view dir) {
  return dir == "." || (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

bool is_manifest_name(std::string_view name) {
  const auto lower = util::to_lower(name);
  return name == "pyproject.toml" || name == "setup.cfg" || name == "Pipfile" || name == "environment.yml" ||
         name == "environment.yaml" || (lower.starts_with("requirements") && lower.ends_with(".txt"));
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

ManifestRoots manifest_roots(const std::vector<core::ProjectFile>& files) {
  ManifestRoots out;
  std::vector<std::string> setups;
  for (const auto& f : files) {
    const auto name = util::base_name(f.path);
    if (is_manifest_name(name)) out.roots.push_back(util::dir_of(f.path));
    if (name == "setup.py") setups.push_back(f.path);
  }
  sort_unique(out.roots);
  for (auto& s : setups) {
    if (!std::binary_search(out.roots.begin(), out.roots.end(), util::dir_of(s)))
      out.setup_scripts.push_back(std::move(s));
  }
  return out;
}

bool calls_setup(const facts::Module& module) {
  return std::any_of(module.calls.begin(), module.calls.end(), [](const facts::Call& c) {
    const std::string_view callee = c.callee;
    return callee == "setuptools.setup" || callee == "distutils.core.setup" || callee == "skbuild.setup" ||
           callee == "numpy.distutils.core.setup" || (callee.starts_with("setuptools.") && callee.ends_with(".setup"));
  });
}

std::vector<std::string> project_roots(const std::vector<core::ProjectFile>& files,
                                       std::vector<std::string> manifest_dirs) {
  sort_unique(manifest_dirs);
  if (manifest_dirs.empty() || manifest_dirs.front() != ".") {
    // The scanned directory is a root too when Python code lives outside every root with a manifest.
    const bool orphans = std::any_of(files.begin(), files.end(), [&](const core::ProjectFile& f) {
      return f.kind == core::FileKind::python && core::owning_root(manifest_dirs, f.path) == ".";
    });
    if (orphans || manifest_dirs.empty()) manifest_dirs.insert(manifest_dirs.begin(), ".");
  }
  return manifest_dirs;
}

std::vector<std::string> import_roots(const std::vector<core::ProjectFile>& files,
                                      const std::vector<std::string>& roots) {
  std::set<std::string, std::less<>> packages;  // directories holding an __init__.py
  for (const auto& f : files) {
    if (f.kind != core::FileKind::python) continue;
    if (util::base_name(f.path) == "__init__.py") packages.insert(util::dir_of(f.path));
  }
  std::vector<std::string> out{"."};
  for (const auto& r : roots) {
    if (!packages.contains(r)) out.push_back(r);
    const auto src = join(r, "src");
    if (packages.contains(src)) continue;
    const bool has_code = std::any_of(files.begin(), files.end(), [&](const core::ProjectFile& f) {
      return f.kind == core::FileKind::python && is_below(f.path, src);
    });
    if (has_code) out.push_back(src);
  }
  for (const auto& f : files) {
    if (f.kind == core::FileKind::python && util::base_name(f.path) == "manage.py" &&
        !packages.contains(util::dir_of(f.path))) {
      out.push_back(util::dir_of(f.path));
    }
  }
  sort_unique(out);
  return out;
}

std::string module_name(const std::vector<std::string>& import_roots, std::string_view path) {
  std::string_view root = ".";
  for (const auto& r : import_roots) {
    if (r != "." && is_below(path, r) && r.size() > root.size()) root = r;
  }
  std::string_view rel = root == "." ? path : path.substr(root.size() + 1);
  if (rel.ends_with(".py")) rel.remove_suffix(3);
  std::string name(rel);
  std::replace(name.begin(), name.end(), '/', '.');
  if (name == "__init__") return "";
  if (name.ends_with(".__init__")) name.resize(name.size() - 9);
  return name;
}

}  // namespace onramp::model
