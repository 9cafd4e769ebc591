#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include "onramp/core/knowledge.hpp"
#include "onramp/core/secret_keys.hpp"

using onramp::core::key_words;
using onramp::core::SecretKeyRules;

namespace {

const char* kSample = R"(
words: [password, passwd, pwd, pass, secret, token, apikey, dsn, credentials]
pairs: [[api, key], [private, key], access_key, [secret, key]]
not_if_word: [length, expire, expires, minutes, url, file, path, name, id]
placeholders: [changethis, changeme, "your-*", "*-here", todo]
not_secret_keys: [pwd]
not_if_pair: [[uwsgi, pass], proxy_pass]
)";

}  // namespace

TEST_SUITE("core::secret_keys") {
  TEST_CASE("core::key_words") {
    CHECK(key_words("SECRET_KEY") == std::vector<std::string>{"secret", "key"});
    CHECK(key_words("apiKey") == std::vector<std::string>{"api", "key"});
    CHECK(key_words("APIKey") == std::vector<std::string>{"api", "key"});
    CHECK(key_words("stripe.api-key") == std::vector<std::string>{"stripe", "api", "key"});
    CHECK(key_words("OAUTH2_TOKEN") == std::vector<std::string>{"oauth2", "token"});
    CHECK(key_words("v2Token") == std::vector<std::string>{"v2", "token"});
    CHECK(key_words("__x__") == std::vector<std::string>{"x"});
    CHECK(key_words("").empty());
  }

  TEST_CASE("core::SecretKeyRules::is_secret_key") {
    const auto rules = SecretKeyRules::from_yaml(YAML::Load(kSample));
    CHECK(rules.is_secret_key("POSTGRES_PASSWORD"));
    CHECK(rules.is_secret_key("SECRET_KEY"));
    CHECK(rules.is_secret_key("stripeApiKey"));
    CHECK(rules.is_secret_key("AWS_ACCESS_KEY"));
    CHECK(rules.is_secret_key("github-token"));
    CHECK(rules.is_secret_key("SENTRY_DSN"));
    CHECK_FALSE(rules.is_secret_key("ACCESS_TOKEN_EXPIRE_MINUTES"));
    CHECK_FALSE(rules.is_secret_key("PASSWORD_MIN_LENGTH"));
    CHECK_FALSE(rules.is_secret_key("PRIVATE_KEY_PATH"));
    CHECK_FALSE(rules.is_secret_key("KEY"));
    CHECK_FALSE(rules.is_secret_key("API_HOST"));
    CHECK_FALSE(rules.is_secret_key("PRIVATE"));
    CHECK_FALSE(rules.is_secret_key("KEY_API"));  // pairs are ordered
    CHECK_FALSE(rules.is_secret_key("TOKENIZER"));
    CHECK(rules.is_secret_key("DB_PASSWD"));
    CHECK_FALSE(rules.is_secret_key("PWD"));  // a whole key listed in not_secret_keys
    CHECK_FALSE(rules.is_secret_key("pwd"));
    CHECK(rules.is_secret_key("DB_PASS"));
    CHECK_FALSE(rules.is_secret_key("DD_UWSGI_PASS"));  // an adjacent pair in not_if_pair: nginx's uwsgi_pass
    CHECK_FALSE(rules.is_secret_key("NGINX_PROXY_PASS"));
    CHECK(rules.is_secret_key("PASS_UWSGI"));  // pairs are ordered
  }

  TEST_CASE("core::SecretKeyRules::is_placeholder_value") {
    const auto rules = SecretKeyRules::from_yaml(YAML::Load(kSample));
    CHECK(rules.is_placeholder_value("changethis"));
    CHECK(rules.is_placeholder_value("ChangeThis"));
    CHECK(rules.is_placeholder_value("your-api-key"));
    CHECK(rules.is_placeholder_value("put-token-here"));
    CHECK(rules.is_placeholder_value("<your token>"));
    CHECK(rules.is_placeholder_value("{{ secret }}"));
    CHECK(rules.is_placeholder_value("xxxxxxxx"));
    CHECK(rules.is_placeholder_value("********"));
    CHECK(rules.is_placeholder_value("..."));
    CHECK_FALSE(rules.is_placeholder_value("s3cr3t-Pa55"));
    CHECK_FALSE(rules.is_placeholder_value("aaaaaaaa"));
    CHECK_FALSE(rules.is_placeholder_value("changethis-not"));
    CHECK_FALSE(rules.is_placeholder_value(""));
  }

  TEST_CASE("core::SecretKeyRules::from_yaml skips what it does not know") {
    const auto rules = SecretKeyRules::from_yaml(YAML::Load("words: password\npairs: [[a, b, c], 7]\n"));
    CHECK(rules.words.empty());
    CHECK(rules.pairs.empty());
    CHECK(SecretKeyRules::from_yaml(YAML::Node()).words.empty());
  }

  TEST_CASE("core::secret-keys knowledge base meets its own examples") {
    const auto& doc = onramp::core::knowledge("secret-keys");
    REQUIRE_MESSAGE(doc.IsMap(), "rules/knowledge/secret-keys.yaml is missing");
    const auto examples = doc["examples"];
    REQUIRE(examples.IsMap());
    std::size_t secret = 0, not_secret = 0;
    for (const auto& key : examples["secret"]) {
      CAPTURE(key.Scalar());
      CHECK(onramp::core::is_secret_key(key.Scalar()));
      ++secret;
    }
    for (const auto& key : examples["not_secret"]) {
      CAPTURE(key.Scalar());
      CHECK_FALSE(onramp::core::is_secret_key(key.Scalar()));
      ++not_secret;
    }
    CHECK(secret >= 10);
    CHECK(not_secret >= 10);
  }
}
