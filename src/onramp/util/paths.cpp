#include "onramp/util/paths.hpp"

#include <vector>

#include "onramp/util/strings.hpp"

namespace onramp::util {

namespace {

/// Appends `path`'s parts to `parts` with `.` and `..` folded; false when `..` climbs above the start.
bool fold(std::string_view path, std::vector<std::string_view>& parts) {
  for (auto part : split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return true;
}

std::string joined(const std::vector<std::string_view>& parts) {
  std::string out;
  for (auto p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

}  // namespace

std::string_view base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view parent_dir(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::string dir_of(std::string_view path) {
  const auto parent = parent_dir(path);
  return parent.empty() ? std::string(".") : std::string(parent);
}

std::string normalize_path(std::string_view path) {
  std::vector<std::string_view> parts;
  return fold(path, parts) ? joined(parts) : std::string{};
}

std::string join_path(std::string_view dir, std::string_view rel) {
  std::vector<std::string_view> parts;
  if (rel.starts_with("/") || !fold(dir, parts) || !fold(rel, parts)) return {};
  const auto out = joined(parts);
  return out.empty() ? std::string(".") : out;
}

}  // namespace onramp::util
