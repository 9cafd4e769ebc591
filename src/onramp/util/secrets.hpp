#pragma once
// Masking for anything secret-looking that could reach a report: credentials in URLs, secret values.
#include <string>
#include <string_view>

namespace onramp::util {

/// `redis://user:s3cret@host:6379/0` -> `redis://user:****@host:6379/0`; other text is returned as is.
std::string mask_url_credentials(std::string_view text);

/// A secret value reduced to a hint: at most its first 4 characters and never more than a quarter of it, then an
/// ellipsis (`sk-live-1234567890` -> `sk-l…`, `hunter22` -> `hu…`, `hunter2` -> `…`); the length is not shown.
/// Idempotent: a hint it made (`hu…`) is returned unchanged.
std::string mask_secret(std::string_view value);

}  // namespace onramp::util
