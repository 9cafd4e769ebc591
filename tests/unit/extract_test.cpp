// Unit tests for the walk-time extractors (facts/extract): the typed domain records they take from one walk,
// built through engine::analyse_source exactly as the pipeline builds them.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "onramp/engine/pipeline.hpp"
#include "onramp/facts/module.hpp"

namespace {

using namespace onramp::facts;

Module extract(std::string path, std::string code) {
  static const auto rules = onramp::core::RuleSet::load_embedded();
  REQUIRE(rules);
  return onramp::engine::analyse_source(std::move(path), std::move(code), *rules).module;
}

}  // namespace

TEST_SUITE("facts::extract") {
  TEST_CASE("facts::extract::AlembicRevisionExtractor") {
    SUBCASE("a merge revision") {
      const auto m = extract("migrations/versions/3c_merge.py",
                             "from alembic import op\nrevision = \"3c\"\ndown_revision = (\"1a\", \"2b\")\n");
      REQUIRE(m.records.alembic);
      CHECK(m.records.alembic->declares_revision);
      CHECK(m.records.alembic->ids == std::vector<std::string>{"3c"});
      CHECK(m.records.alembic->down_revisions == std::vector<std::string>{"1a", "2b"});
      CHECK(m.records.alembic->location.line == 2);
    }
    SUBCASE("a root revision; assignments inside functions are not revisions") {
      const auto m = extract("versions/1a.py", "revision = '1a'\ndown_revision = None\ndef f():\n    revision = 'x'\n");
      REQUIRE(m.records.alembic);
      CHECK(m.records.alembic->ids == std::vector<std::string>{"1a"});
      CHECK(m.records.alembic->down_revisions.empty());
    }
    SUBCASE("no revision") { CHECK_FALSE(extract("app/m.py", "x = 1\n").records.alembic); }
  }

  TEST_CASE("facts::extract::SetupCallExtractor") {
    const auto m = extract("setup.py",
                           "from setuptools import setup\n"
                           "setup(\n"
                           "    install_requires=[\"requests>=2\", \"click\"],\n"
                           "    extras_require={\"redis\": [\"redis>=4\"], \"dev\": DEV},\n"
                           "    tests_require=REQS,\n"
                           "    python_requires=\">=3.10\",\n"
                           "    **extra,\n"
                           ")\n");
    REQUIRE(m.records.setup_calls.size() == 1);
    const auto& call = m.records.setup_calls[0];
    CHECK(call.location.line == 2);
    REQUIRE(call.requirements.size() == 3);
    CHECK(call.requirements[0].requirement == "requests>=2");
    CHECK(call.requirements[0].group == "main");
    CHECK(call.requirements[0].scope == DependencyScope::main);
    CHECK(call.requirements[0].location.line == 3);
    CHECK(call.requirements[2].requirement == "redis>=4");
    CHECK(call.requirements[2].group == "redis");
    CHECK(call.requirements[2].scope == DependencyScope::extra);
    CHECK(call.python_requires == std::optional<std::string>(">=3.10"));
    CHECK(call.python_requires_location.line == 6);
    REQUIRE(call.unread.size() == 3);
    CHECK(call.unread[0].argument == "extras_require[\"dev\"]");
    CHECK(call.unread[1].argument == "tests_require");
    CHECK(call.unread[1].why == "is not a literal list");
    CHECK(call.unread[2].argument == "**extra");
    CHECK(extract("app/setup.py", "setup()\n").records.setup_calls.empty() == false);
    CHECK(extract("app/other.py", "setup()\n").records.setup_calls.empty());
  }

  TEST_CASE("facts::extract::EnvReadsExtractor os.environ accesses") {
    const auto m = extract("app/config.py",
                           "import os\n"
                           "from os import environ\n"
                           "A = os.environ[\"A\"]\n"
                           "if \"B\" in environ:\n"
                           "    pass\n"
                           "os.environ[\"C\"] = \"1\"\n"
                           "del os.environ[\"D\"]\n"
                           "def get(name, default=None):\n"
                           "    return os.environ[name]\n"
                           "self.environ[\"not_os\"]\n");
    const auto& a = m.records.env_accesses;
    REQUIRE(a.size() == 5);
    CHECK(a[0].mode == EnvAccess::Mode::read);
    CHECK(a[0].name == std::optional<std::string>("A"));
    CHECK_FALSE(a[0].conditional);
    CHECK(a[0].function == -1);
    CHECK(a[1].mode == EnvAccess::Mode::check);
    CHECK(a[1].name == std::optional<std::string>("B"));
    CHECK(a[1].conditional);
    CHECK(a[2].mode == EnvAccess::Mode::set);
    CHECK(a[3].mode == EnvAccess::Mode::remove);
    CHECK(a[4].mode == EnvAccess::Mode::read);
    CHECK_FALSE(a[4].name);
    CHECK(a[4].expr == "name");
    CHECK(a[4].function == 0);
    CHECK(a[4].parameter == 0);
    CHECK(a[4].location.line == 9);
  }

  TEST_CASE("facts::extract::EnvReadsExtractor settings classes") {
    const auto m = extract("app/settings.py",
                           "from pydantic import Field, AliasChoices\n"
                           "from pydantic_settings import BaseSettings, SettingsConfigDict\n"
                           "class Settings(BaseSettings, case_sensitive=True):\n"
                           "    model_config = SettingsConfigDict(env_prefix=\"APP_\", env_file=\".env\")\n"
                           "    debug: bool = False\n"
                           "    token: str = Field(..., validation_alias=AliasChoices(\"TOKEN\", \"API_TOKEN\"))\n"
                           "    url: str = Field(default_factory=make_url)\n"
                           "    _private: int = 1\n"
                           "class Plain:\n"
                           "    x: int = 1\n");
    REQUIRE(m.records.settings_classes.size() == 1);
    const auto& cls = m.records.settings_classes[0];
    CHECK(m.classes[static_cast<std::size_t>(cls.klass)].name == "Settings");
    CHECK(cls.bases == std::vector<std::string>{"pydantic_settings.BaseSettings"});
    CHECK(cls.env_prefix == "APP_");
    CHECK(cls.env_file == ".env");
    CHECK(cls.case_sensitive == std::optional<bool>(true));
    CHECK(cls.location.line == 3);
    const auto& f = m.records.settings_fields;
    REQUIRE(f.size() == 3);
    CHECK(f[0].name == "debug");
    CHECK(f[0].annotation == "bool");
    CHECK(f[0].has_default);
    CHECK(f[0].default_value == "False");
    CHECK(f[1].name == "token");
    CHECK_FALSE(f[1].has_default);
    CHECK(f[1].aliases == std::vector<std::string>{"TOKEN", "API_TOKEN"});
    CHECK(f[2].has_default);
    CHECK(f[2].default_value == "make_url()");
  }

  TEST_CASE("facts::extract::TaskSchedulesExtractor") {
    const auto m = extract("app/worker.py",
                           "from arq import cron\n"
                           "app.conf.beat_schedule = {\n"
                           "    \"nightly\": {\"task\": \"app.tasks.cleanup\", \"schedule\": crontab(hour=3), "
                           "\"options\": {\"queue\": \"slow\"}},\n"
                           "}\n"
                           "class WorkerSettings:\n"
                           "    functions = [send_email]\n"
                           "    cron_jobs = [cron(report, hour=6)]\n");
    const auto& t = m.records.task_schedules;
    REQUIRE(t.size() == 3);
    CHECK(t[0].kind == TaskSchedule::Kind::celery_beat);
    CHECK(t[0].entry == "nightly");
    CHECK(t[0].task == "app.tasks.cleanup");
    CHECK(t[0].schedule == "crontab(hour=3)");
    CHECK(t[0].queue == "slow");
    CHECK(t[1].kind == TaskSchedule::Kind::arq_function);
    CHECK(t[1].task == "send_email");
    CHECK(t[1].location.line == 6);
    CHECK(t[2].kind == TaskSchedule::Kind::arq_cron);
    CHECK(t[2].task == "report");
    CHECK(t[2].schedule == "hour=6");
  }

  TEST_CASE("facts::extract::SettingsStringsExtractor keeps the location of the name") {
    const auto m = extract("app/settings.py", "MIDDLEWARE = [\"a.B\", f\"{x}\"]\n");
    REQUIRE(m.records.settings_strings.size() == 1);
    CHECK(m.records.settings_strings[0].location.line == 1);
    CHECK(m.records.settings_strings[0].location.column == 1);
  }

  TEST_CASE("facts::extract::LogSitesExtractor log calls and except clauses") {
    const auto m = extract("app/service.py",
                           "import logging\n"
                           "logger = logging.getLogger(__name__)\n"
                           "def run(items):\n"
                           "    for item in load(items):\n"
                           "        logger.info(f\"item {item}\")\n"
                           "    try:\n"
                           "        go()\n"
                           "    except Exception as exc:\n"
                           "        logger.error(\"failed: %s\", exc, extra={\"name\": 1})\n"
                           "        logger.exception(\"again\")\n"
                           "        raise\n"
                           "    try:\n"
                           "        go()\n"
                           "    except ValueError:\n"
                           "        logger.warning(\"bad\", exc_info=False)\n"
                           "if __name__ == \"__main__\":\n"
                           "    logging.basicConfig(level=\"INFO\", filename=\"x.log\")\n"
                           "    print(logging.WARN)\n");
    const auto& calls = m.records.log_calls;
    REQUIRE(calls.size() == 4);
    const auto written = [&](const LogCall& c) { return m.calls[c.call].written; };

    CHECK(written(calls[0]) == "logger.info");
    CHECK(calls[0].method == "info");
    CHECK(calls[0].message == MessageForm::fstring);
    CHECK(calls[0].loop == "for item in load(items)");
    REQUIRE(calls[0].iterable);
    CHECK(calls[0].iterable->line == 4);
    CHECK(calls[0].loop_body.line == 5);
    CHECK_FALSE(calls[0].in_handler);

    CHECK(written(calls[1]) == "logger.error");
    CHECK(calls[1].message == MessageForm::string);
    CHECK(calls[1].in_handler);
    CHECK(calls[1].handler == 0);
    CHECK(calls[1].mentions_exception);
    CHECK(calls[1].traceback_logged);
    CHECK(calls[1].extra_clash == std::vector<std::string>{"name"});
    CHECK(calls[1].exc_info == Truth::absent);

    CHECK(calls[3].exc_info == Truth::falsy);
    CHECK(calls[3].handler == 1);
    CHECK_FALSE(calls[3].traceback_logged);

    REQUIRE(m.handlers.size() == 2);
    CHECK(m.handlers[0].reraises);
    CHECK(m.handlers[0].logs);
    CHECK(m.handlers[0].uses_alias);
    CHECK(m.handlers[0].calls);
    CHECK(m.handlers[0].broad);
    CHECK_FALSE(m.handlers[1].reraises);
    CHECK(m.handlers[1].logs);
    CHECK_FALSE(m.handlers[1].broad);

    REQUIRE(m.records.logger_creations.size() == 1);
    CHECK(m.records.logger_creations[0].form == LoggerCreation::NameForm::name);
    CHECK(m.records.logger_creations[0].name == "__name__");

    REQUIRE(m.records.logging_configs.size() == 1);
    const auto& config = m.records.logging_configs[0];
    CHECK(config.kind == LoggingConfig::Kind::basic_config);
    CHECK(m.calls[static_cast<std::size_t>(config.call)].written == "logging.basicConfig");
    CHECK(config.level == std::optional<std::string>("INFO"));
    CHECK(config.filename == std::optional<std::string>("x.log"));
    CHECK(config.keywords == std::optional<std::vector<std::string>>({"level", "filename"}));

    CHECK(m.main_guard);
    REQUIRE(m.records.warn_constants.size() == 1);
    CHECK(m.records.warn_constants[0].object == "logging");
  }

  TEST_CASE("facts::extract::LogSitesExtractor logging settings and trackers") {
    const auto m = extract("app/settings.py",
                           "import sentry_sdk\n"
                           "LOGGING = {\"handlers\": {\"console\": {\"class\": \"logging.StreamHandler\"}},\n"
                           "           \"loggers\": {\"\": {}, \"app\": {}}, \"root\": {\"level\": \"WARNING\"}}\n"
                           "sentry_sdk.init(dsn=os.environ[\"SENTRY_DSN\"], traces_sample_rate=0.1)\n");
    REQUIRE(m.records.logging_configs.size() == 1);
    const auto& config = m.records.logging_configs[0];
    CHECK(config.kind == LoggingConfig::Kind::settings);
    CHECK(config.call == -1);
    CHECK(config.config_from == std::optional<std::string>("dict literal"));
    CHECK(config.handlers == std::optional<std::vector<std::string>>({"console=logging.StreamHandler"}));
    CHECK(config.loggers == std::optional<std::vector<std::string>>({"(root)", "app"}));
    CHECK(config.root_level == std::optional<std::string>("WARNING"));
    REQUIRE(m.records.tracker_inits.size() == 1);
    CHECK(m.records.tracker_inits[0].dsn == "from os.environ[\"SENTRY_DSN\"]");
  }

}  // TEST_SUITE
