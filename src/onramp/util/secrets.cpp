#include "onramp/util/secrets.hpp"

#include <algorithm>

namespace onramp::util {

std::string mask_url_credentials(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto scheme = text.find("://", pos);
    if (scheme == std::string_view::npos) break;
    const auto auth_start = scheme + 3;
    // The URL ends at white space or a quote. Passwords are often written raw, with `/`, `?`, `#` or `@` in them,
    // so the credentials run to the last `@` before that end when a `:` comes before it: masking a path by mistake
    // is better than showing the tail of a password.
    auto url_end = text.find_first_of(" \t\r\n\"'`", auth_start);
    if (url_end == std::string_view::npos) url_end = text.size();
    const auto at = text.substr(auth_start, url_end - auth_start).rfind('@');
    out.append(text.substr(pos, auth_start - pos));
    if (at != std::string_view::npos) {
      const auto at_pos = auth_start + at;
      const auto colon = text.substr(auth_start, at).find(':');
      const auto first_slash = text.substr(auth_start, at).find_first_of("/?#");
      // `http://example.com/a@b`: an `@` in the path after a host with no `user:` is not a credential.
      if (colon != std::string_view::npos && (first_slash == std::string_view::npos || colon < first_slash)) {
        out.append(text.substr(auth_start, colon + 1));
        out.append("****");
        out.append(text.substr(at_pos, url_end - at_pos));
        pos = url_end;
        continue;
      }
    }
    out.append(text.substr(auth_start, url_end - auth_start));
    pos = url_end;
  }
  out.append(text.substr(pos));
  return out;
}

std::string mask_secret(std::string_view value) {
  if (value.empty()) return {};
  // Never more than a quarter of the value and never more than 4 characters: a short password keeps nothing.
  std::size_t points = 0;
  for (const char c : value) points += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  // A hint this function made (at most 4 characters and the ellipsis) stays as it is: masking twice shows the same.
  if (points <= 5 && value.ends_with("…")) return std::string(value);
  const std::size_t keep = points < 8 ? 0 : std::min<std::size_t>(4, points / 4);
  std::size_t cut = 0;
  for (std::size_t chars = 0; cut < value.size() && chars < keep; ++chars) {
    ++cut;
    while (cut < value.size() && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) ++cut;
  }
  return std::string(value.substr(0, cut)) + "…";
}

}  // namespace onramp::util
