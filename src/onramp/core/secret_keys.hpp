#pragma once
// Which keys hold secrets and which values are placeholders, from the knowledge base rules/knowledge/secret-keys.yaml.
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace onramp::core {

/// A key split into lower-case words on `_`, `-`, `.` and camelCase (`apiKey`, `APIKey` -> api, key).
std::vector<std::string> key_words(std::string_view key);

/// The knowledge base as a typed structure.
struct SecretKeyRules {
  /// A key is secret when one of its words is here (`password`, `token`) ...
  std::set<std::string, std::less<>> words;
  /// ... or two adjacent words form one of these pairs (`api key`, `private key`) ...
  std::set<std::pair<std::string, std::string>> pairs;
  /// ... unless one of its words is here (`PASSWORD_MIN_LENGTH`, `TOKEN_EXPIRE_MINUTES`).
  std::set<std::string, std::less<>> not_if_word;
  /// ... or two adjacent words form one of these (`uwsgi pass`, `proxy pass`: nginx's upstream directives).
  std::set<std::pair<std::string, std::string>> not_if_pair;
  /// Whole keys, lower-cased, that are never secrets although a word says so (`PWD`, `GOOGLE_APPLICATION_CREDENTIALS`).
  std::set<std::string, std::less<>> not_secret_keys;
  /// Lower-case key prefixes a frontend build tool inlines into the browser bundle (`vite_`, `react_app_`).
  std::vector<std::string> public_prefixes;
  /// Values that stand for "fill this in" (`changethis`, `your-api-key`); `*` matches any run of characters.
  std::vector<std::string> placeholders;

  /// Reads the knowledge base's YAML; unknown shapes are skipped (the knowledge tests check the file).
  static SecretKeyRules from_yaml(const YAML::Node& doc);
  bool is_secret_key(std::string_view key) const;
  bool is_placeholder_value(std::string_view value) const;
};

/// The compiled-in rules, converted once.
const SecretKeyRules& secret_key_rules();

/// True for keys whose values must never be shown (`SECRET_KEY`, `POSTGRES_PASSWORD`, `stripeApiKey`).
bool is_secret_key(std::string_view key);

/// True for values that are not real secrets but stand-ins to be replaced (`changethis`, `<your-token>`, `xxxx`).
bool is_placeholder_value(std::string_view value);

}  // namespace onramp::core
