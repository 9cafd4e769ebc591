#pragma once
// The environment-variable table of the local-setup step: every variable the code reads, with where each is
// documented (.env templates, README and docs, Dockerfile ARG) and set (.env files, compose, Dockerfile ENV, CI).
#include <cstdint>
#include <string>
#include <vector>

#include "onramp/model/project.hpp"

namespace onramp::model {

/// One read of a variable in Python code.
struct EnvRead {
  std::string name;  // literal name; empty for a dynamic one
  std::string expr;  // the name expression when dynamic
  /// How it is read: `os.environ[]`, `os.getenv`, `os.environ.get`, `pydantic`, `django-environ`, `decouple`,
  /// `starlette`, `in os.environ`, or the repository function that wraps one (`saleor.settings.get_bool_from_env`).
  std::string via;
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool has_default = false;
  std::string default_value;  // as written, cut; never shown for a secret key
  /// Unset means the program stops here (KeyError, ValidationError, ImproperlyConfigured, UndefinedValueError).
  bool required = false;
  /// app, tests, scripts, migrations, tooling
  std::string context;
};

/// Where a variable appears outside the code.
struct EnvPlace {
  std::string path;
  std::uint32_t line = 0;
  /// `.env template`, `.env file`, `docs`, `compose environment`, `Dockerfile ENV`, `Dockerfile ARG`, `CI env`
  std::string how;
  /// A template entry has a value (not `KEY=`).
  bool has_value = false;
  /// The value is a stand-in to replace (`changethis`, `your-api-key`).
  bool placeholder = false;
  /// For a URL value: `postgresql://localhost:5432`, credentials and path dropped (what a backing service must listen on).
  std::string endpoint;
};

/// `postgresql://u:p@localhost:5432/app` -> `postgresql://localhost:5432`; "" for anything that is not a URL.
std::string url_endpoint(std::string_view value);

/// One row of the table.
struct EnvVar {
  std::string name;
  bool required = false;  // required by some read in application code
  bool secret = false;
  bool app = false;  // read in application code (not only tests, scripts, migrations)
  std::vector<EnvRead> reads;
  std::vector<EnvPlace> documented_in;
  std::vector<EnvPlace> set_in;
};

/// A file the code loads variables from (`load_dotenv(".env")`, pydantic `env_file`, `Config(".env")`, ...).
struct EnvFileLoad {
  std::string file;
  std::string path;
  std::uint32_t line = 0;
  std::string via;
};

/// Everything the table needs, computed once from the project model.
struct EnvTable {
  std::vector<EnvVar> vars;      // sorted by name
  std::vector<EnvRead> dynamic;  // reads whose name is not a literal (wrapper bodies excluded)
  std::vector<EnvFileLoad> loads;
  /// `.env.example` and friends, in path order.
  std::vector<std::string> templates;
  /// Dynaconf instances: prefix and where; their variables are not listed (attribute reads are not followed).
  std::vector<EnvFileLoad> dynaconf;
  /// Service containers CI jobs start (GitHub Actions `services:`, GitLab `services:`): `how` holds the image.
  std::vector<EnvPlace> ci_services;
  /// Some code loads .env by itself (python-dotenv, pydantic env_file, django-environ read_env, decouple, starlette).
  bool code_loads_env = false;
};

/// app, tests, scripts, migrations or tooling, from the module's code role.
std::string code_context(const facts::Module& module);

/// True for `.env.example`, `.env.sample`, `.env.template`, `.env.dist` (and `example.env`, `.env.local.example`, ...).
bool is_env_template(std::string_view path);

/// Built once per project and shared by the inventory and the undocumented-env-var check.
const EnvTable& build_env_table(const Project& project);

}  // namespace onramp::model
