#include "onramp/checks/local-setup/paths.hpp"

#include <vector>

#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

std::string dir_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string(".") : std::string(path.substr(0, slash));
}

std::string_view base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string join_path(std::string_view dir, std::string_view rel) {
  std::vector<std::string_view> parts;
  const auto add = [&](std::string_view p) {
    for (auto part : util::split(p, '/')) {
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
        continue;
      }
      parts.push_back(part);
    }
    return true;
  };
  if (rel.starts_with("/") || !add(dir)) return {};
  if (!add(rel)) return {};
  std::string out;
  for (auto p : parts) out += (out.empty() ? "" : "/") + std::string(p);
  return out.empty() ? "." : out;
}

std::string cd_prefix(std::string_view dir) {
  return dir.empty() || dir == "." ? std::string{} : "cd " + std::string(dir) + " && ";
}

}  // namespace onramp::checks::local_setup
