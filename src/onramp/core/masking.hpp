#pragma once
// The one masking function every string that leaves onramp goes through (messages, facts, baselines, every format):
// credentials in URLs, values of secret-passing options and of secret-looking NAME=value words, and issued tokens
// (`ghp_…`, `AKIA…`) wherever they stand, a comment included.
#include <string>
#include <string_view>
#include <vector>

namespace onramp::core {

/// `--requirepass`, `--password`, `--db-password`, `--api-key`: a command-line option whose value is a secret.
bool is_secret_option(std::string_view word);

/// A value in the format of an issued token (GitHub, GitLab, Stripe, OpenAI, Slack, Hugging Face, npm, PyPI,
/// SendGrid, Google API keys, AWS access key ids, JSON Web Tokens), judged on the value alone.
bool is_issued_token(std::string_view value);

/// `text` with every secret in it masked (util::mask_secret for values, `****` for URL passwords):
/// `redis://u:pw@h`, `--password pw`, `--password=pw`, `SECRET_KEY=pw`, `mysql -ppw`, `curl -u user:pw`,
/// `ghp_…` tokens. Idempotent: masked text comes back unchanged.
std::string mask_secrets(std::string_view text);

/// mask_secrets over a command's words (exec form), so that `["--requirepass", "s3cret"]` is masked across words.
std::vector<std::string> mask_secret_words(const std::vector<std::string>& words);

}  // namespace onramp::core
