#include "onramp/core/secret_keys.hpp"

#include <cctype>

#include "onramp/core/knowledge.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::core {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::vector<std::string> strings_of(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n || !n.IsSequence()) return out;
  for (const auto& item : n) {
    if (item.IsScalar()) out.push_back(item.Scalar());
  }
  return out;
}

/// `*` matches any run of characters; everything else literally.
bool star_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

std::vector<std::string> key_words(std::string_view key) {
  std::vector<std::string> out;
  std::string cur;
  const auto flush = [&] {
    if (!cur.empty()) out.push_back(util::to_lower(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    if (c == '_' || c == '-' || c == '.' || c == ' ' || c == '/') {
      flush();
      continue;
    }
    if (is_upper(c) && !cur.empty()) {
      const char prev = cur.back();
      const bool next_lower = i + 1 < key.size() && is_lower(key[i + 1]);
      // fooBar -> foo|Bar; APIKey -> API|Key; v2Token -> v2|Token
      if (is_lower(prev) || is_digit(prev) || (is_upper(prev) && next_lower)) flush();
    }
    cur += c;
  }
  flush();
  return out;
}

SecretKeyRules SecretKeyRules::from_yaml(const YAML::Node& doc) {
  SecretKeyRules r;
  if (!doc || !doc.IsMap()) return r;
  for (const auto& w : strings_of(doc["words"])) r.words.insert(util::to_lower(w));
  for (const auto& w : strings_of(doc["not_if_word"])) r.not_if_word.insert(util::to_lower(w));
  for (const auto& k : strings_of(doc["not_secret_keys"])) r.not_secret_keys.insert(util::to_lower(k));
  for (const auto& p : strings_of(doc["placeholders"])) r.placeholders.push_back(util::to_lower(p));
  for (const auto& p : strings_of(doc["public_prefixes"])) r.public_prefixes.push_back(util::to_lower(p));
  const auto read_pairs = [](const YAML::Node& list, std::set<std::pair<std::string, std::string>>& into) {
    if (!list || !list.IsSequence()) return;
    for (const auto& p : list) {
      std::vector<std::string> parts;
      if (p.IsScalar()) parts = key_words(p.Scalar());
      if (p.IsSequence()) {
        for (const auto& w : strings_of(p)) {
          for (auto& k : key_words(w)) parts.push_back(std::move(k));
        }
      }
      if (parts.size() == 2) into.emplace(parts[0], parts[1]);
    }
  };
  read_pairs(doc["pairs"], r.pairs);
  read_pairs(doc["not_if_pair"], r.not_if_pair);
  return r;
}

bool SecretKeyRules::is_secret_key(std::string_view key) const {
  const auto lower = util::to_lower(key);
  if (not_secret_keys.contains(lower)) return false;
  // Whatever such a variable holds ends up in JavaScript every visitor downloads: public by design.
  for (const auto& p : public_prefixes) {
    if (lower.starts_with(p)) return false;
  }
  const auto ws = key_words(key);
  bool secret = false;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (not_if_word.contains(ws[i])) return false;
    if (i + 1 < ws.size() && not_if_pair.contains({ws[i], ws[i + 1]})) return false;
    if (words.contains(ws[i])) secret = true;
    if (i + 1 < ws.size() && pairs.contains({ws[i], ws[i + 1]})) secret = true;
  }
  return secret;
}

bool SecretKeyRules::is_placeholder_value(std::string_view value) const {
  const auto v = util::to_lower(util::trim(value));
  if (v.empty()) return false;
  // `<your token>`, `[secret]`, `{{ token }}`: written to be replaced.
  if ((v.front() == '<' && v.back() == '>') || (v.starts_with("{{") && v.ends_with("}}")) ||
      (v.front() == '[' && v.back() == ']')) {
    return true;
  }
  // `********`, `...`, `xxxxxxxx`: one character repeated.
  const bool repeated = v.size() >= 3 && v.find_first_not_of(v.front()) == std::string::npos;
  if (repeated && (v.front() == 'x' || std::isalnum(static_cast<unsigned char>(v.front())) == 0)) return true;
  for (const auto& p : placeholders) {
    if (star_match(p, v)) return true;
  }
  return false;
}

const SecretKeyRules& secret_key_rules() {
  static const SecretKeyRules rules = SecretKeyRules::from_yaml(knowledge("secret-keys"));
  return rules;
}

bool is_secret_key(std::string_view key) { return secret_key_rules().is_secret_key(key); }

bool is_placeholder_value(std::string_view value) { return secret_key_rules().is_placeholder_value(value); }

}  // namespace onramp::core
