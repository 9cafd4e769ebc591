// The local-setup step's Docker facts, and the promise that no secret from the scanned files reaches any output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "onramp/checks/local-setup/setup_files.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/engine/pipeline.hpp"
#include "onramp/util/strings.hpp"
#include "test_support.hpp"

namespace {

using onramp::test::run_cli;
using onramp::test::TempDir;

nlohmann::ordered_json step_facts(const TempDir& repo, std::string_view key) {
  const auto analysis = onramp::test::scan_repo(repo.path());
  const auto report = onramp::core::kSteps;
  for (std::size_t i = 0; i < report.size(); ++i) {
    if (report[i].key == key) return analysis.step_facts[i];
  }
  FAIL("no step " << key);
  return {};
}

}  // namespace

TEST_SUITE("checks::setup_files") {
  TEST_CASE("setup_files::helpers") {
    using namespace onramp::checks::local_setup;
    CHECK(is_env_template(".env.example"));
    CHECK(is_env_template("backend/.env.sample"));
    CHECK(is_env_template("example.env"));
    CHECK(is_env_template(".env.dist"));
    CHECK_FALSE(is_env_template(".env"));
    CHECK_FALSE(is_env_template(".env.production"));
    CHECK_FALSE(is_env_template(".env.distant"));

    const auto ref = parse_image("registry.example.com:5000/team/app:1.2@sha256:abc");
    CHECK(ref.name == "registry.example.com:5000/team/app");
    CHECK(ref.tag == "1.2");
    CHECK(ref.digest == "sha256:abc");
    CHECK(parse_image("localhost:5000/app").tag.empty());
    CHECK(parse_image("Python").name == "python");

    std::string out;
    CHECK(expand_variables("${BASE:-python}:${TAG}", {{"TAG", "3.12"}}, out));
    CHECK(out == "python:3.12");
    CHECK_FALSE(expand_variables("$IMAGE", {}, out));
    CHECK(expand_variables("$IMAGE-slim", {{"IMAGE", "python:3.12"}}, out));
    CHECK(out == "python:3.12-slim");

    CHECK(classify_secret_value("${SECRET}") == SecretValue::interpolated);
    CHECK(classify_secret_value("  ") == SecretValue::empty);
    CHECK(classify_url_password("postgres://app:app@db/app") == SecretValue::placeholder);
    CHECK(classify_url_password("postgres://app:${PW}@db/app") == SecretValue::interpolated);
    CHECK(classify_url_password("postgres://app:Rt6yUi8o@db/app") == SecretValue::literal);
    CHECK(classify_url_password("https://example.com/a@b") == SecretValue::empty);
    CHECK(classify_url_password("redis://cache:6379/0") == SecretValue::empty);

    CHECK(mask_text("--url=https://u:Hx8Zq2Wp@pypi.example.com/simple API_TOKEN=Qw9Er8Ty7Ui6Op5 LEVEL=debug") ==
          "--url=https://u:****@pypi.example.com/simple API_TOKEN=Qw9…"
          " LEVEL=debug");
    CHECK(secret_hint("short") == "value hidden");
    CHECK(mask_words({"redis-server", "--requirepass", "Hj7Kl8Zx9Cv", "--port", "6379"}) ==
          std::vector<std::string>{"redis-server", "--requirepass", "Hj…", "--port", "6379"});

    const auto opts =
        secret_options({"redis-server", "--requirepass", "Hj7Kl8Zx9Cv", "--api-key=Mn8Bv7Cx6Z", "--password",
                        "$REDIS_PASSWORD", "--password-file", "/run/secrets/pw", "-p", "x"});
    REQUIRE(opts.size() == 2);
    CHECK(opts[0].option == "--requirepass");
    CHECK(opts[0].value == "Hj7Kl8Zx9Cv");
    CHECK(opts[1].option == "--api-key");
    CHECK(mask_text("redis-server --requirepass Hj7Kl8Zx9Cv --port 6379 --api-key=Mn8Bv7Cx6Z --token $T") ==
          "redis-server --requirepass Hj… --port 6379 --api-key=Mn… --token $T");
  }

  TEST_CASE("setup_files::docker facts") {
    TempDir repo;
    repo.write("pyproject.toml", "[project]\nname = \"app\"\n");
    repo.write("Dockerfile", R"(ARG PYTHON=python:3.12-slim
FROM ${PYTHON} AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir --index-url https://ci:Hx8Zq2WpLm@pypi.example.com/simple -r requirements.txt
FROM build AS final
RUN uv sync --frozen && poetry install --only main
USER app
EXPOSE 8000 9000/udp
ENTRYPOINT /entrypoint.sh
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health || exit 1
)");
    repo.write("compose.yml", R"(services:
  db:
    image: postgres:16@sha256:abc
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
    profiles: [db]
  api:
    build:
      context: .
      dockerfile: Dockerfile
    command: uvicorn app.main:app --reload
    ports: ["8000:8000"]
    depends_on:
      db:
        condition: service_healthy
    env_file: [.env]
    volumes: [".:/app"]
)");
    const auto facts = step_facts(repo, "local-setup");
    REQUIRE(facts.contains("dockerfiles"));
    const auto& dfs = facts["dockerfiles"];
    REQUIRE(dfs.size() == 1);
    const auto& df = dfs[0];
    CHECK(df["path"] == "Dockerfile");
    REQUIRE(df["stages"].size() == 2);
    CHECK(
        df["stages"][0] ==
        nlohmann::ordered_json::parse(
            R"({"image": "python", "tag": "3.12-slim", "digest": "", "written": "${PYTHON}", "alias": "build", "line": 2})"));
    CHECK(df["stages"][1] ==
          nlohmann::ordered_json::parse(R"({"image": "build", "from_stage": "build", "alias": "final", "line": 5})"));
    CHECK(df["user"] == "app");
    CHECK(df["expose"] == nlohmann::ordered_json::parse(R"(["8000", "9000/udp"])"));
    CHECK(df["entrypoint"] ==
          nlohmann::ordered_json::parse(R"({"form": "shell", "command": "/entrypoint.sh", "line": 9})"));
    CHECK(df["cmd"] ==
          nlohmann::ordered_json::parse(
              R"({"form": "exec", "command": ["uvicorn", "app.main:app", "--host", "0.0.0.0"], "line": 10})"));
    CHECK(df["healthcheck"]["command"] == "curl -f http://localhost:8000/health || exit 1");
    const auto& installs = df["installs"];
    REQUIRE(installs.size() == 4);
    CHECK(installs[0]["tool"] == "apt");
    CHECK(installs[1]["tool"] == "pip");
    CHECK(installs[1]["command"] ==
          "pip install --no-cache-dir --index-url https://ci:****@pypi.example.com/simple -r requirements.txt");
    CHECK(installs[2]["tool"] == "uv");
    CHECK(installs[3]["tool"] == "poetry");
    CHECK(installs[3]["stage"] == "final");

    REQUIRE(facts["compose"].size() == 1);
    const auto& services = facts["compose"][0]["services"];
    REQUIRE(services.size() == 2);
    CHECK(services[0]["name"] == "db");
    CHECK(services[0]["image"] == "postgres:16@sha256:abc");
    CHECK(services[0]["healthcheck"] == "pg_isready");
    CHECK(services[0]["profiles"] == nlohmann::ordered_json::parse(R"(["db"])"));
    CHECK(services[1]["build"] == nlohmann::ordered_json::parse(R"({"context": ".", "dockerfile": "Dockerfile"})"));
    CHECK(services[1]["ports"] == nlohmann::ordered_json::parse(R"(["8000:8000"])"));
    CHECK(services[1]["depends_on"] ==
          nlohmann::ordered_json::parse(R"([{"service": "db", "condition": "service_healthy"}])"));
    CHECK(services[1]["env_file"] == nlohmann::ordered_json::parse(R"([".env"])"));
    CHECK(services[1]["healthcheck"].is_null());
  }
}

TEST_SUITE("cli::secrets") {
  TEST_CASE("cli::no secret from the scanned files reaches any output") {
    // Every secret is distinct, so a leak names the file it came from.
    const std::vector<std::string> secrets = {
        "EnvSecretKey-a1b2c3d4",    "EnvPgPassword-e5f6g7h8",  "EnvUrlPass-i9j0k1l2",     "EnvMultiLine-m3n4o5p6",
        "TemplateApiKey-q7r8s9t0",  "ComposePass-u1v2w3x4",    "ComposeUrlPass-y5z6a7b8", "HealthUrlPass-c9d0e1f2",
        "DockerEnvSecret-g3h4i5j6", "DockerArgToken-k7l8m9n0", "IndexUrlPass-o1p2q3r4",   "CmdUrlPass-s5t6u7v8",
        "SettingsSecret-w9x0y1z2",  "DjangoDbPass-a3b4c5d6",   "RedisUrlPass-e7f8g9h0",   "DefaultToken-i1j2k3l4",
        "ExtendedPass-m5n6o7p8",    "ProdEnvToken-q9r0s1t2",   "CeleryUrlPass-u3v4w5x6",  "LabelPass-y7z8a9b0",
        "RequirePass-c1d2e3f4",     "CmdApiKey-g5h6i7j8",      "ExecFormPass-k9l0m1n2"};
    TempDir repo;
    repo.write("pyproject.toml", "[project]\nname = \"leaky\"\ndependencies = [\"fastapi\", \"django\"]\n");
    repo.write(".env",
               "SECRET_KEY=EnvSecretKey-a1b2c3d4\nexport POSTGRES_PASSWORD='EnvPgPassword-e5f6g7h8'\n"
               "DATABASE_URL=postgres://app:EnvUrlPass-i9j0k1l2@db:5432/app\n"
               "JWT_PRIVATE_KEY=\"-----BEGIN KEY-----\nEnvMultiLine-m3n4o5p6\n-----END KEY-----\"\n");
    repo.write(".env.example", "API_KEY=TemplateApiKey-q7r8s9t0\nSECRET_KEY=changethis\n");
    repo.write("deploy/.env.production", "SLACK_BOT_TOKEN=ProdEnvToken-q9r0s1t2\n");
    repo.write("compose.yml", R"(x-env: &env
  POSTGRES_PASSWORD: ComposePass-u1v2w3x4
services:
  db:
    image: postgres:16
    environment: *env
  api:
    build: .
    command: ["celery", "-b", "amqp://app:CeleryUrlPass-u3v4w5x6@rabbit//", "worker"]
    environment:
      - DATABASE_URL=postgres://app:ComposeUrlPass-y5z6a7b8@db/app
    healthcheck:
      test: ["CMD", "curl", "-f", "http://admin:HealthUrlPass-c9d0e1f2@localhost:8000/health"]
  worker:
    extends:
      file: services.yml
      service: base
  cache:
    image: redis:7
    command: redis-server --requirepass RequirePass-c1d2e3f4
)");
    repo.write("services.yml",
               "services:\n  base:\n    image: app:1\n    environment:\n      REDIS_PASSWORD: ExtendedPass-m5n6o7p8\n");
    repo.write("Dockerfile", R"(ARG GITHUB_TOKEN=DockerArgToken-k7l8m9n0
FROM python:3.12-slim
ENV SECRET_KEY=DockerEnvSecret-g3h4i5j6 DEBUG=0
LABEL db.password=LabelPass-y7z8a9b0
RUN pip install --no-cache-dir --index-url https://ci:IndexUrlPass-o1p2q3r4@pypi.example.com/simple fastapi
ENTRYPOINT ["/app/start", "--api-key=CmdApiKey-g5h6i7j8", "--requirepass", "ExecFormPass-k9l0m1n2"]
CMD ["python", "-m", "app", "--db", "postgres://u:CmdUrlPass-s5t6u7v8@db/x"]
)");
    repo.write("app/settings.py", R"(SECRET_KEY = "SettingsSecret-w9x0y1z2"
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "DjangoDbPass-a3b4c5d6"}}
CACHES = {"default": {"LOCATION": "redis://:RedisUrlPass-e7f8g9h0@cache:6379/0"}}
)");
    repo.write("app/main.py", R"(import os

from fastapi import FastAPI

API_TOKEN = os.environ.get("API_TOKEN", "DefaultToken-i1j2k3l4")
app = FastAPI()
)");

    const auto root = repo.path().string();
    std::vector<std::vector<std::string>> runs = {
        {root},
        {root, "--format", "json"},
        {"check", root, "--no-baseline"},
        {"check", root, "--no-baseline", "--format", "json"},
        {"check", root, "--no-baseline", "--format", "sarif"},
        {"check", root, "--no-baseline", "--format", "github"},
        {"check", root, "--no-baseline", "--format", "gitlab"},
        {"baseline", root, "-o", "-"},
    };
    std::size_t local_setup_findings = 0;
    for (const auto& args : runs) {
      const auto run = run_cli(args);
      CAPTURE(onramp::util::join(args, " "));
      CHECK(run.code != 2);
      for (const auto& secret : secrets) {
        CHECK_MESSAGE(run.out.find(secret) == std::string::npos, secret << " leaked to stdout");
        CHECK_MESSAGE(run.err.find(secret) == std::string::npos, secret << " leaked to stderr");
        // A secret's 8-character tail is never shown either: masks keep at most a head.
        const auto tail = secret.substr(secret.size() - 8);
        CHECK_MESSAGE(run.out.find(tail) == std::string::npos, tail << " (tail of " << secret << ") leaked");
      }
      for (std::size_t pos = run.out.find("local-setup/"); pos != std::string::npos;
           pos = run.out.find("local-setup/", pos + 1)) {
        ++local_setup_findings;
      }
    }
    // The scan saw the secrets: the findings are there, only the values are not.
    CHECK(local_setup_findings > 20);
  }
}

TEST_SUITE("cli::secrets") {
  TEST_CASE("cli::the end-to-end fixtures' secrets reach no output") {
    // The values their SCENARIO.md lists under "Secrets that must never appear in any output".
    const std::vector<std::pair<std::string, std::vector<std::string>>> fixtures = {
        {"django-requirements",
         {"q7v9x2-m9kz4wp8e-r1t6y0u3i5o_ljhgfd7sa2Lk", "S3cure-Db-Pass", "bookshelf-admin-2024"}},
        {"piptools-flask", {"ci-only"}},
        {"poetry-fastapi", {"orders-dev-pw"}},
    };
    for (const auto& [name, secrets] : fixtures) {
      const auto root = (onramp::test::source_dir() / "tests" / "fixtures" / name / "repo").string();
      for (const auto& args : std::vector<std::vector<std::string>>{{root, "--format", "json"},
                                                                    {root},
                                                                    {"check", root, "--format", "sarif"},
                                                                    {"check", root, "--format", "gitlab"},
                                                                    {"check", root, "--format", "github"},
                                                                    {"check", root, "--format", "json"},
                                                                    {"check", root}}) {
        const auto run = run_cli(args);
        CAPTURE(onramp::util::join(args, " "));
        CHECK(run.code != 2);
        for (const auto& secret : secrets) {
          CHECK_MESSAGE(run.out.find(secret) == std::string::npos, secret << " leaked");
          CHECK_MESSAGE(run.err.find(secret) == std::string::npos, secret << " leaked to stderr");
        }
      }
    }
  }
}
