#include "onramp/core/masking.hpp"

#include <algorithm>
#include <array>

#include "onramp/core/secret_keys.hpp"
#include "onramp/util/secrets.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::core {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
/// Characters a token is made of (base64url, dots of a JWT).
bool is_token_char(char c) { return is_name_char(c) || c == '-' || c == '.'; }

/// mysql, mysqladmin, mysqldump, mariadb...: the clients that take a password glued to `-p`.
bool is_mysql_client(std::string_view word) {
  const auto slash = word.rfind('/');
  if (slash != std::string_view::npos) word = word.substr(slash + 1);
  return word.starts_with("mysql") || word.starts_with("mariadb");
}

/// The option values of a command line, word by word: the state carries from an option to the word after it.
struct OptionMasker {
  bool mask_next = false;         // the word after `--password`
  bool credentials_next = false;  // the word after `-u`/`--user`: `user:password`
  bool mysql = false;             // a mysql client takes `-ppassword`

  std::string word(std::string_view whole) {
    // Quotes and list punctuation around a word (`"-pSecret",`) are not part of it.
    const auto lead = std::min(whole.find_first_not_of("\"'[(,"), whole.size());
    const auto tail = whole.find_last_not_of("\"']),;");
    const auto core_end = tail == std::string_view::npos ? lead : std::max(lead, tail + 1);
    std::string w(whole.substr(lead, core_end - lead));
    if (is_mysql_client(w)) mysql = true;
    if (mask_next && !w.empty() && !w.starts_with('-') && !w.starts_with('$')) {
      w = util::mask_secret(w);
      mask_next = false;
    } else if (credentials_next && !w.starts_with('-')) {
      const auto colon = w.find(':');
      if (colon != std::string::npos && colon + 1 < w.size() && w[colon + 1] != '$' && !w.ends_with("…")) {
        w = w.substr(0, colon + 1) + util::mask_secret(std::string_view(w).substr(colon + 1));
      }
      credentials_next = false;
    } else if (mysql && w.size() > 2 && w.starts_with("-p") && w[2] != '-' && w[2] != '$' && !w.ends_with("…")) {
      w = "-p" + util::mask_secret(std::string_view(w).substr(2));
    } else if (is_secret_option(w)) {
      const auto eq = w.find('=');
      if (eq == std::string::npos) {
        mask_next = true;
      } else if (eq + 1 < w.size() && w[eq + 1] != '$' && !w.ends_with("…")) {
        w = w.substr(0, eq + 1) + util::mask_secret(std::string_view(w).substr(eq + 1));
      }
    } else if (w == "-u" || w == "--user" || w == "--proxy-user") {
      credentials_next = true;
    } else {
      mask_next = false;
      credentials_next = false;
    }
    return std::string(whole.substr(0, lead)) + w + std::string(whole.substr(core_end));
  }
};

std::string mask_option_values(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  OptionMasker masker;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    out += masker.word(text.substr(i, end - i));
    i = end;
  }
  return out;
}

/// NAME=value and NAME: value with a secret-looking NAME keep only the mask of their value.
std::string mask_assignments(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto eq = text.find('=', i);
    if (eq == std::string::npos) break;
    std::size_t start = eq;
    while (start > i && (is_name_char(text[start - 1]) || text[start - 1] == '-' || text[start - 1] == '.')) --start;
    const auto key = std::string_view(text).substr(start, eq - start);
    std::size_t end = eq + 1;
    while (end < text.size() && !is_space(text[end]) && text[end] != '"' && text[end] != '\'' && text[end] != ',' &&
           text[end] != ';') {
      ++end;
    }
    out.append(text, i, eq + 1 - i);
    const auto value = std::string_view(text).substr(eq + 1, end - eq - 1);
    if (!key.empty() && is_secret_key(key) && !value.empty() && value.front() != '$' && !value.ends_with("…")) {
      out += util::mask_secret(value);
    } else {
      out.append(value);
    }
    i = end;
  }
  out.append(text, std::min(i, text.size()), std::string::npos);
  return out;
}

/// Issued tokens wherever they stand; in free text a token must hold a digit (`sk-learn-docs` is a word).
std::string mask_tokens(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_token_char(text[i]) || (i > 0 && is_token_char(text[i - 1]))) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_token_char(text[end])) ++end;
    auto token = std::string_view(text).substr(i, end - i);
    // Trailing dots and dashes end a sentence, not a token (at least one character is consumed).
    while (token.size() > 1 && (token.back() == '.' || token.back() == '-')) token.remove_suffix(1);
    const bool digit = std::any_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digit && is_issued_token(token)) out += util::mask_secret(token);
    else out.append(token);
    i += token.size();
  }
  return out;
}

}  // namespace

bool is_secret_option(std::string_view word) {
  if (!word.starts_with('-')) return false;
  auto name =
      word.substr(word.find_first_not_of('-') == std::string_view::npos ? word.size() : word.find_first_not_of('-'));
  name = name.substr(0, name.find('='));
  if (name.size() < 4) return false;  // -p, -u: too short to tell
  if (is_secret_key(name)) return true;
  const auto lower = util::to_lower(name);
  for (const std::string_view suffix : {"pass", "password", "passwd", "secret", "token", "apikey"}) {
    if (lower.ends_with(suffix)) return true;
  }
  return false;
}

bool is_issued_token(std::string_view v) {
  static constexpr std::array<std::string_view, 28> kPrefixes = {
      "ghp_",    "gho_",  "ghu_",     "ghs_",     "ghr_",     "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-",
      "xoxs-",   "xapp-", "sk_live_", "rk_live_", "sk_test_", "rk_test_",    "whsec_", "sk-",   "hf_",   "npm_",
      "pypi-Ag", "SG.",   "AIza",     "AKIA",     "ASIA",     "dop_v1_",     "shpat_", "EAAC"};
  for (const auto prefix : kPrefixes) {
    if (v.size() >= prefix.size() + 12 && v.starts_with(prefix)) return true;
  }
  // A JSON Web Token: three base64url parts, the first a JSON object (`eyJ`).
  return v.starts_with("eyJ") && v.size() > 30 && std::count(v.begin(), v.end(), '.') == 2;
}

std::string mask_secrets(std::string_view text) {
  return mask_tokens(mask_assignments(mask_option_values(util::mask_url_credentials(text))));
}

std::vector<std::string> mask_secret_words(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  OptionMasker masker;
  for (const auto& w : words) {
    // A word of the exec form may hold spaces (`sh -c "..."`): its own parts are masked as a command line too.
    const std::string own = masker.word(w);
    out.push_back(own == w ? mask_secrets(w) : mask_tokens(mask_assignments(own)));
  }
  return out;
}

}  // namespace onramp::core
