#include <doctest/doctest.h>

#include <algorithm>

#include "onramp/model/inputs.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/util/strings.hpp"
#include "test_support.hpp"

namespace {

/// The compose file as the run reads it: through the project's one file interface.
onramp::parse::ComposeFile read_compose(const onramp::model::Project& project, const std::string& path) {
  const auto& inputs = project.inputs();
  return onramp::parse::read_compose([&inputs](std::string_view p) { return inputs.yaml(p); }, path);
}

/// A project made of the given files (path, text), written to a temporary directory.
struct TestProject {
  onramp::test::TempDir dir;
  onramp::model::Project project;

  TestProject() {
    project.root = dir.path();
    project.max_file_size = 1 << 20;
  }
  TestProject& add(const std::string& path, std::string_view text) {
    dir.write(path, text);
    project.files.push_back({path, onramp::core::FileKind::compose, text.size(), std::nullopt});
    std::sort(project.files.begin(), project.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return *this;
  }
};

const onramp::parse::ComposeService* service(const onramp::parse::ComposeFile& f, std::string_view name) {
  for (const auto& s : f.services) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("parse::compose") {
  TEST_CASE("parse::read_compose services") {
    TestProject p;
    p.add("compose.yml", R"(services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: changethis
      POSTGRES_USER: app
      EMPTY:
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app"]
      interval: 5s
    volumes:
      - db-data:/var/lib/postgresql/data
      - type: bind
        source: ./init
        target: /docker-entrypoint-initdb.d
    profiles: [dev]
  backend:
    build:
      context: ./backend
      dockerfile: Dockerfile.dev
    command: ["uvicorn", "app.main:app", "--reload"]
    entrypoint: /entrypoint.sh
    ports:
      - "8000:8000"
      - target: 9000
        published: 9001
        protocol: udp
    depends_on:
      db:
        condition: service_healthy
      redis:
        condition: service_started
    environment:
      - SECRET_KEY=${SECRET_KEY}
      - DEBUG
      - LIST=a=b
    env_file:
      - .env
      - path: ./override.env
        required: false
  redis:
    image: redis
    depends_on: [db]
    healthcheck:
      disable: true
  worker:
    build: .
    env_file: worker.env
volumes:
  db-data:
)");
    const auto f = read_compose(p.project, "compose.yml");
    CHECK(f.errors.empty());
    REQUIRE(f.services.size() == 4);
    CHECK(f.services[0].name == "db");
    CHECK(f.services[1].name == "backend");
    const auto* db = service(f, "db");
    CHECK(db->line == 2);
    CHECK(db->image == "postgres:16");
    REQUIRE(db->environment.size() == 3);
    CHECK(db->environment[0].key == "POSTGRES_PASSWORD");
    CHECK(db->environment[0].value == std::optional<std::string>("changethis"));
    CHECK(db->environment[0].line == 5);
    CHECK(db->environment[0].file.empty());
    CHECK_FALSE(db->environment[2].value.has_value());
    CHECK(db->has_healthcheck);
    CHECK(db->healthcheck == "pg_isready -U app");
    CHECK(db->volumes ==
          std::vector<std::string>{"db-data:/var/lib/postgresql/data", "./init:/docker-entrypoint-initdb.d"});
    CHECK(db->profiles == std::vector<std::string>{"dev"});

    const auto* be = service(f, "backend");
    CHECK(be->build_context == "./backend");
    CHECK(be->dockerfile == "Dockerfile.dev");
    CHECK(be->command == "uvicorn app.main:app --reload");
    CHECK(be->entrypoint == "/entrypoint.sh");
    CHECK(be->ports == std::vector<std::string>{"8000:8000", "9001:9000/udp"});
    REQUIRE(be->depends_on.size() == 2);
    CHECK(be->depends_on[0] == std::pair<std::string, std::string>{"db", "service_healthy"});
    CHECK(be->depends_on[1] == std::pair<std::string, std::string>{"redis", "service_started"});
    REQUIRE(be->environment.size() == 3);
    CHECK(be->environment[0].value == std::optional<std::string>("${SECRET_KEY}"));
    CHECK(be->environment[0].line == 34);
    CHECK(be->environment[1].key == "DEBUG");
    CHECK_FALSE(be->environment[1].value.has_value());
    CHECK(be->environment[2].value == std::optional<std::string>("a=b"));
    CHECK(be->env_files == std::vector<std::string>{".env", "./override.env"});

    const auto* redis = service(f, "redis");
    CHECK(redis->image == "redis");
    CHECK(redis->depends_on == std::vector<std::pair<std::string, std::string>>{{"db", ""}});
    CHECK_FALSE(redis->has_healthcheck);
    const auto* worker = service(f, "worker");
    CHECK(worker->build_context == ".");
    CHECK(worker->env_files == std::vector<std::string>{"worker.env"});
  }

  TEST_CASE("parse::read_compose anchors and merge keys") {
    TestProject p;
    p.add("docker-compose.yml", R"(x-common: &common
  image: app:1
  environment: &env
    A: "1"
    B: "2"
  restart: always
x-more: &more
  command: from-more
  image: ignored-because-common-comes-first
services:
  web:
    <<: [*common, *more]
    ports: ["80:80"]
  worker:
    <<: *common
    image: app:2
    environment:
      <<: *env
      B: "override"
      C: "3"
  quoted:
    "<<": not-a-merge
)");
    const auto f = read_compose(p.project, "docker-compose.yml");
    CHECK(f.errors.empty());
    const auto* web = service(f, "web");
    REQUIRE(web != nullptr);
    CHECK(web->image == "app:1");
    CHECK(web->command == "from-more");
    CHECK(web->ports == std::vector<std::string>{"80:80"});
    REQUIRE(web->environment.size() == 2);
    CHECK(web->environment[0].line == 4);  // where the merged entry is written
    const auto* worker = service(f, "worker");
    REQUIRE(worker != nullptr);
    CHECK(worker->image == "app:2");
    REQUIRE(worker->environment.size() == 3);
    CHECK(worker->environment[0].key == "B");
    CHECK(worker->environment[0].value == std::optional<std::string>("override"));
    CHECK(worker->environment[1].key == "C");
    CHECK(worker->environment[2].key == "A");
    CHECK(service(f, "quoted") != nullptr);
  }

  TEST_CASE("parse::read_compose extends") {
    TestProject p;
    p.add("compose.yml", R"(services:
  base:
    image: app:1
    environment:
      TOKEN: abc
    ports: ["1:1"]
  web:
    extends: base
    ports: ["2:2"]
    environment:
      EXTRA: x
  remote:
    extends:
      file: common/services.yml
      service: shared
  outside:
    extends:
      file: ../../etc/compose.yml
      service: x
  loop-a:
    extends: loop-b
  loop-b:
    extends: loop-a
  missing:
    extends: nobody
)");
    p.add("common/services.yml",
          "services:\n  shared:\n    image: shared:2\n    environment:\n      - PASSWORD=hunter2\n");
    const auto f = read_compose(p.project, "compose.yml");
    const auto* web = service(f, "web");
    REQUIRE(web != nullptr);
    CHECK(web->image == "app:1");
    CHECK(web->extends == "base");
    CHECK(web->ports == std::vector<std::string>{"1:1", "2:2"});
    REQUIRE(web->environment.size() == 2);
    CHECK(web->environment[0].key == "TOKEN");
    CHECK(web->environment[0].file.empty());
    const auto* remote = service(f, "remote");
    REQUIRE(remote != nullptr);
    CHECK(remote->image == "shared:2");
    CHECK(remote->extends_file == "common/services.yml");
    REQUIRE(remote->environment.size() == 1);
    CHECK(remote->environment[0].file == "common/services.yml");
    CHECK(remote->environment[0].line == 5);
    const auto* outside = service(f, "outside");
    REQUIRE(outside != nullptr);
    CHECK(outside->image.empty());
    std::vector<std::string> messages;
    for (const auto& [line, message] : f.errors) messages.push_back(std::to_string(line) + ": " + message);
    CAPTURE(onramp::util::join(messages, " / "));
    CHECK(messages == std::vector<std::string>{
                          "17: extends file ../../etc/compose.yml is outside the scanned repository; not followed",
                          "23: extends cycle through service loop-a; not followed",
                          "21: extends cycle through service loop-b; not followed",
                          "25: extends names service nobody, which this file does not define"});
  }

  TEST_CASE("parse::read_compose errors are values") {
    TestProject p;
    p.add("a.yml", "services:\n  web:\n    image: [unclosed\n")
        .add("b.yml", "- a list\n")
        .add("c.yml", "services: [web]\n")
        .add("d.yml", "")
        .add("e.yml", "services:\n  web: image-as-string\n")
        .add("f.yml", "x: &a [*a]\nservices:\n  s:\n    <<: *a\n");
    const auto a = read_compose(p.project, "a.yml");
    REQUIRE(a.errors.size() == 1);
    CHECK(a.errors[0].first == 4);
    CHECK(read_compose(p.project, "b.yml").errors.size() == 1);
    CHECK(read_compose(p.project, "c.yml").errors.size() == 1);
    CHECK(read_compose(p.project, "d.yml").errors.empty());
    const auto e = read_compose(p.project, "e.yml");
    REQUIRE(e.errors.size() == 1);
    CHECK(e.errors[0].first == 2);
    const auto f = read_compose(p.project, "f.yml");  // must not hang or crash
    CHECK(f.services.size() <= 1);
    CHECK(read_compose(p.project, "not-there.yml").errors.size() == 1);
  }

  TEST_CASE("parse::read_compose deep nesting is an error, not a stack overflow") {
    TestProject p;
    p.add("deep.yml", "services:\n  s:\n    x: " + std::string(100000, '[') + "\n");
    const auto f = read_compose(p.project, "deep.yml");
    CHECK(f.errors.size() == 1);
  }
}

TEST_SUITE("parse::compose") {
  TEST_CASE("parse::read_compose override files with Compose's !reset and !override merge tags") {
    // DefectDojo's docker-compose.override.unit_tests.yml: services removed with `!reset`, lists replaced with
    // `!override`; neither is a broken file.
    TestProject p;
    p.add("docker-compose.override.yml", R"(services:
  nginx: !reset
  worker: !reset null
  web:
    image: app
    ports: !reset []
    depends_on: !override
      postgres:
        condition: service_started
)");
    const auto f = read_compose(p.project, "docker-compose.override.yml");
    CHECK(f.errors.empty());
    CHECK(service(f, "nginx") == nullptr);
    CHECK(service(f, "worker") == nullptr);
    const auto* web = service(f, "web");
    REQUIRE(web != nullptr);
    REQUIRE(web->depends_on.size() == 1);
    CHECK(web->depends_on[0] == std::pair<std::string, std::string>{"postgres", "service_started"});
  }
}
