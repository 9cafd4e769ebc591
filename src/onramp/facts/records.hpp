#pragma once
// Domain records of one Python module: what the extractors (facts/extract) take from its one walk for the
// inventories and cross-file checks (Alembic revisions, setup.py arguments, env-var reads, settings classes,
// task schedules, logging sites).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "onramp/core/finding.hpp"

namespace onramp::facts {

/// A module-level `revision = "..."` / `down_revision = ...` pair of an Alembic revision file.
struct AlembicRevision {
  /// A `revision = ...` assignment exists (its value may be None).
  bool declares_revision = false;
  /// The revision id (several when written as a tuple); empty for None.
  std::vector<std::string> ids;
  /// The revisions it follows: one, several for a merge revision, none for a root revision.
  std::vector<std::string> down_revisions;
  /// The `revision = ...` assignment, or the first of the two found.
  core::Location location;
};

/// Who needs a requirement that setup.py declares.
enum class DependencyScope { main, build, dev, extra };

/// A literal string of install_requires, setup_requires, tests_require or an extras_require list.
struct SetupRequirement {
  std::string requirement;
  /// `main`, `build`, `test`, or the extra's name.
  std::string group;
  DependencyScope scope = DependencyScope::main;
  core::Location location;
};

/// An argument of a setup() call that onramp cannot read without running setup.py.
struct SetupUnread {
  /// `install_requires`, `extras_require[key]`, or the `**mapping` as written.
  std::string argument;
  /// Why it is not read (`is not a literal list`).
  std::string why;
  core::Location location;
};

/// A setup.py `setup(...)` call, read from the tree: setup.py is never run.
struct SetupCall {
  std::vector<SetupRequirement> requirements;
  std::optional<std::string> python_requires;
  core::Location python_requires_location;
  std::vector<SetupUnread> unread;
  core::Location location;
};

/// The string literals assigned to an UPPER_CASE name (INSTALLED_APPS, MIDDLEWARE, CELERY_BROKER_URL).
struct SettingsString {
  std::string name;
  /// The literals, each followed by a space.
  std::string value;
  core::Location location;
};

/// `os.environ[...]` read, written or deleted, or `... in os.environ`, with the receiver resolved to os.environ.
struct EnvAccess {
  enum class Mode { read, set, remove, check };
  Mode mode = Mode::read;
  /// The variable, when the key is a string literal.
  std::optional<std::string> name;
  /// The key as written when it is not a literal.
  std::string expr;
  /// Under an if/try/conditional expression/and/or/while inside its function (or module).
  bool conditional = false;
  /// The enclosing def (index into Module::functions), -1 at module or class level.
  int function = -1;
  /// The position of the enclosing def's parameter that the key names (`os.environ[name]`), or -1.
  int parameter = -1;
  core::Location location;
};

/// A class whose bases make it a pydantic settings class (or may, through a class of this repository).
struct SettingsClass {
  /// Index into Module::classes.
  int klass = -1;
  /// Its bases, resolved (as Class::bases).
  std::vector<std::string> bases;
  /// The configuration from class keywords, `model_config = SettingsConfigDict(...)` or `class Config:`; a literal's
  /// value or the expression as written, empty when not set.
  std::string env_prefix;
  std::string nested_delimiter;
  std::string env_file;
  std::string secrets_dir;
  /// `case_sensitive=True`; nullopt when not set.
  std::optional<bool> case_sensitive;
  /// The class's name.
  core::Location location;
};

/// An annotated field of a settings class: `name: T = default` or `name: T = Field(...)`.
struct SettingsField {
  /// Index into Module::classes.
  int klass = -1;
  std::string name;
  std::string annotation;
  bool has_default = false;
  /// The default as written (cut at 120 characters), `factory()` for a default_factory.
  std::string default_value;
  /// The names it is read from instead of its own (`alias=`, `validation_alias=AliasChoices(...)`, v1 `env=`).
  std::vector<std::string> aliases;
  core::Location location;
};

/// A task schedule that only the syntax tells: a Celery beat entry, an arq WorkerSettings function or cron job.
struct TaskSchedule {
  enum class Kind { celery_beat, arq_function, arq_cron };
  Kind kind = Kind::celery_beat;
  /// The beat entry's key.
  std::string entry;
  /// The task (beat `task`, the arq function as written); empty when the entry does not say.
  std::string task;
  /// The schedule as written (beat `schedule`, the arq cron's arguments after the function).
  std::string schedule;
  /// The beat entry's `options={"queue": ...}`.
  std::string queue;
  core::Location location;
};

/// How a log call's message argument is written.
enum class MessageForm {
  absent,
  string,
  fstring,
  percent_format,
  concatenation,
  format_call,
  name,
  call,
  constant,
  other
};

/// What an argument says about truth, as far as the syntax tells.
enum class Truth { absent, truthy, falsy, unknown };

/// A call named like a log method (`x.info(...)`, `info(...)`, an alias imported from logging).
struct LogCall {
  /// Index into Module::calls.
  std::uint32_t call = 0;
  /// The method or function name called (`exception`, `info`).
  std::string method;
  MessageForm message = MessageForm::absent;
  /// The `exc_info=` argument.
  Truth exc_info = Truth::absent;
  /// A `**kwargs` is passed.
  bool splat = false;
  /// LogRecord attributes among the literal keys of `extra=` (makeRecord raises KeyError on them).
  std::vector<std::string> extra_clash;
  /// Inside an except clause of the same function.
  bool in_handler = false;
  /// That clause (index into Module::handlers), -1 when not known.
  int handler = -1;
  /// Another log call of that clause logs the traceback (`exception()` or a true exc_info).
  bool traceback_logged = false;
  /// The arguments name the exception the clause binds.
  bool mentions_exception = false;
  /// `for x in y` when the innermost statement around the call is that loop's body; empty otherwise.
  std::string loop;
  core::Location loop_body;
  /// The loop's iterable, when it is a call.
  std::optional<core::Location> iterable;
};

/// A call named getLogger/get_logger/get_task_logger, with how the logger's name is given.
struct LoggerCreation {
  enum class NameForm { none, string, name, other };
  std::uint32_t call = 0;
  NameForm form = NameForm::none;
  /// The literal, or the dotted name as written (cut at 80 characters); empty otherwise.
  std::string name;
};

/// Where logging is configured: a dictConfig/basicConfig/fileConfig call or a module-level `LOGGING = ...`.
struct LoggingConfig {
  enum class Kind { dict_config, basic_config, file_config, settings };
  Kind kind = Kind::settings;
  /// Index into Module::calls; -1 for the LOGGING setting.
  int call = -1;
  core::Location location;
  /// `dict literal`, or the expression passed named without its literals.
  std::optional<std::string> config_from;
  std::optional<std::string> config_file;
  /// Of a dict literal: its handlers (`name=class`), loggers and root level.
  std::optional<std::vector<std::string>> handlers;
  std::optional<std::vector<std::string>> loggers;
  std::optional<std::string> root_level;
  /// basicConfig's level, filename and keywords.
  std::optional<std::string> level;
  std::optional<std::string> filename;
  std::optional<std::vector<std::string>> keywords;
};

/// A call named `init` (sentry_sdk.init): how the DSN is given, described and never shown.
struct TrackerInit {
  std::uint32_t call = 0;
  /// Empty when no DSN is passed.
  std::string dsn;
};

/// `logging.WARN` or a bare `WARN` read as a value.
struct WarnConstant {
  /// The object as written (`logging`), empty for a bare WARN.
  std::string object;
  core::Location location;
};

/// What the extractors recorded about one module, in source order.
struct Records {
  std::optional<AlembicRevision> alembic;
  std::vector<SetupCall> setup_calls;
  std::vector<SettingsString> settings_strings;
  std::vector<EnvAccess> env_accesses;
  std::vector<SettingsClass> settings_classes;
  std::vector<SettingsField> settings_fields;
  std::vector<TaskSchedule> task_schedules;
  std::vector<LogCall> log_calls;
  std::vector<LoggerCreation> logger_creations;
  std::vector<LoggingConfig> logging_configs;
  std::vector<TrackerInit> tracker_inits;
  std::vector<WarnConstant> warn_constants;
};

}  // namespace onramp::facts
