#include "onramp/checks/local-setup/paths.hpp"

namespace onramp::checks::local_setup {

std::string cd_prefix(std::string_view dir) {
  return dir.empty() || dir == "." ? std::string{} : "cd " + std::string(dir) + " && ";
}

}  // namespace onramp::checks::local_setup
