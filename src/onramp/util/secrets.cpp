#include "onramp/util/secrets.hpp"

namespace onramp::util {

std::string mask_url_credentials(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto scheme = text.find("://", pos);
    if (scheme == std::string_view::npos) break;
    const auto auth_start = scheme + 3;
    // The authority ends at the first '/', '?', '#', space or quote.
    auto auth_end = text.find_first_of("/?# \"'", auth_start);
    if (auth_end == std::string_view::npos) auth_end = text.size();
    const auto at = text.rfind('@', auth_end);
    out.append(text.substr(pos, auth_start - pos));
    if (at != std::string_view::npos && at >= auth_start) {
      const auto colon = text.find(':', auth_start);
      if (colon != std::string_view::npos && colon < at) {
        out.append(text.substr(auth_start, colon + 1 - auth_start));
        out.append("****");
        out.append(text.substr(at, auth_end - at));
      } else {
        out.append(text.substr(auth_start, auth_end - auth_start));
      }
    } else {
      out.append(text.substr(auth_start, auth_end - auth_start));
    }
    pos = auth_end;
  }
  out.append(text.substr(pos));
  return out;
}

std::string mask_secret(std::string_view value) {
  if (value.empty()) return {};
  std::size_t cut = 0;
  for (std::size_t chars = 0; cut < value.size() && chars < 4; ++chars) {
    // Step over one UTF-8 code point.
    ++cut;
    while (cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) ++cut;
  }
  if (cut >= value.size() && value.size() <= 4) return "…";
  return std::string(value.substr(0, cut)) + "…";
}

}  // namespace onramp::util
