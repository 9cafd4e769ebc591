// The logging step's inventory: where a Sentry DSN comes from is described, and the DSN itself never
// reaches any output, whatever form it is written in.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace {

using onramp::test::run_cli;
using onramp::test::TempDir;

/// The `dsn` the logging step reports for a repository whose only module holds `source`.
std::string reported_dsn(const TempDir& dir, const std::string& secret) {
  const auto json = run_cli({dir.path().string(), "--format", "json"});
  REQUIRE(json.code == 0);
  CHECK(json.out.find(secret) == std::string::npos);
  const auto text = run_cli({dir.path().string()});
  CHECK(text.out.find(secret) == std::string::npos);
  const auto doc = nlohmann::json::parse(json.out);
  for (const auto& step : doc["steps"]) {
    if (step["key"] != "logging") continue;
    const auto& tracking = step["facts"]["error_tracking"];
    REQUIRE(tracking.size() == 1);
    return tracking[0]["dsn"].get<std::string>();
  }
  FAIL("no logging step");
  return {};
}

}  // namespace

TEST_SUITE("logging") {
  TEST_CASE("logging::the Sentry DSN is described, never shown") {
    const std::string secret = "f00dfacecafe4242";
    TempDir dir;
    SUBCASE("a literal") {
      dir.write("app/main.py",
                "import sentry_sdk\nsentry_sdk.init(dsn=\"https://" + secret + "@o1.ingest.sentry.io/7\")\n");
      CHECK(reported_dsn(dir, secret) == "a literal in the code (masked)");
    }
    SUBCASE("positional, from the environment with a literal default") {
      dir.write("app/main.py",
                "import os\nimport sentry_sdk\nsentry_sdk.init(os.environ.get(\"SENTRY_DSN\", \"https://" + secret +
                    "@sentry.io/1\"))\n");
      CHECK(reported_dsn(dir, secret) == "from os.environ.get(\"SENTRY_DSN\")");
    }
    SUBCASE("a subscript of the environment") {
      dir.write(
          "app/main.py",
          "import os\nimport sentry_sdk as sentry\nsentry.init(dsn=os.environ[\"SENTRY_DSN\"])  # " + secret + "\n");
      CHECK(reported_dsn(dir, secret) == "from os.environ[\"SENTRY_DSN\"]");
    }
    SUBCASE("a setting, wrapped in str()") {
      dir.write("app/main.py",
                "import sentry_sdk\nfrom app.config import settings\nsentry_sdk.init(dsn=str(settings.SENTRY_DSN))\n");
      dir.write("app/config.py", "SENTRY = \"https://" + secret + "@sentry.io/1\"\n");
      CHECK(reported_dsn(dir, secret) == "from settings.SENTRY_DSN");
    }
    SUBCASE("a call whose argument is not an environment variable name") {
      dir.write("app/main.py", "import sentry_sdk\nsentry_sdk.init(dsn=decrypt(\"" + secret + "\"))\n");
      CHECK(reported_dsn(dir, secret) == "from decrypt(...) (arguments masked)");
    }
    SUBCASE("an upper-case token is not taken for a variable name") {
      const std::string token = "DEADBEEF0123456789ABCDEF";
      dir.write("app/main.py", "import sentry_sdk\nsentry_sdk.init(dsn=load(\"" + token + "\"))\n");
      CHECK(reported_dsn(dir, token) == "from load(...) (arguments masked)");
    }
    SUBCASE("not passed") {
      dir.write("app/main.py", "import sentry_sdk\nsentry_sdk.init(traces_sample_rate=0.1)  # " + secret + "\n");
      CHECK(reported_dsn(dir, secret) == "not passed: sentry_sdk reads the SENTRY_DSN environment variable");
    }
  }
}
