#pragma once
// What the local-setup checks share: Dockerfiles, compose and .env files as the run parsed them (once), image references,
// the commands of a RUN, and how a value next to a secret-looking key is judged.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/checks/local-setup/env_table.hpp"
#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/model/project.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/dotenv.hpp"

namespace onramp::checks::local_setup {

/// A Dockerfile as the run parsed it once (model::Inputs::dockerfile), shared by every check.
struct LoadedDockerfile {
  std::string path;
  const parse::Dockerfile& file;
};

struct LoadedEnvFile {
  std::string path;
  const parse::EnvFile& file;
};

/// Every Dockerfile of the scan, parsed; templates (Dockerfile.j2, .tmpl, ...) and unreadable files are left out.
std::vector<LoadedDockerfile> load_dockerfiles(const model::Project& project);
/// The Dockerfiles the rules judge: those that parse. One that does not (a heredoc never closed swallows the rest)
/// gets a broken-config finding and nothing else, since the rest would be judged on a misreading.
std::vector<LoadedDockerfile> load_valid_dockerfiles(const model::Project& project);
/// Every compose file of the scan, parsed (extends followed).
std::vector<std::reference_wrapper<const parse::ComposeFile>> load_compose_files(const model::Project& project);
/// Every .env-style file of the scan (.env, .env.*, *.env), parsed.
std::vector<LoadedEnvFile> load_env_files(const model::Project& project);

// is_env_template (`.env.example`, `.env.sample`, `example.env`, ...) comes from checks/local-setup/env_table.hpp.

/// An image reference split up: `registry:5000/team/app:1.2@sha256:...`.
struct ImageRef {
  std::string name;  // without tag and digest, lower-cased as Docker requires
  std::string tag;
  std::string digest;
};
ImageRef parse_image(std::string_view image);

/// `$NAME`, `${NAME}`, `${NAME:-default}` replaced from `values`; false when a variable has no value.
bool expand_variables(std::string_view text, const std::map<std::string, std::string>& values, std::string& out);

/// The global ARGs that have defaults (the only variables FROM can use).
std::map<std::string, std::string> global_arg_defaults(const parse::Dockerfile& file);

/// For each stage, the index of the stage it is built FROM (by alias or number), or -1 for an outside image.
std::vector<int> stage_parents(const parse::Dockerfile& file);

/// Stages whose files end up in the final image: the last stage and the stages it is built FROM, transitively.
std::vector<bool> shipping_stages(const parse::Dockerfile& file);

/// One simple command of a shell line: leading `NAME=value` assignments apart.
struct SimpleCommand {
  std::vector<std::string> assignments;
  std::vector<std::string> words;
};

/// The simple commands a RUN executes: its shell form, exec form, or a heredoc script (`RUN <<EOF`, `RUN bash <<EOF`).
std::vector<SimpleCommand> run_commands(const parse::DockerInstruction& run);

/// The last path component of a command word (`/usr/local/bin/pip3` -> `pip3`).
std::string_view command_name(std::string_view word);

/// `--mount=type=cache,target=/root/.cache/pip` flags of a RUN: the cache targets.
std::vector<std::string> cache_mount_targets(const parse::DockerInstruction& run);

/// How a value written next to a secret-looking key reads.
enum class SecretValue { empty, interpolated, placeholder, literal };
SecretValue classify_secret_value(std::string_view value);
/// True when the value holds a URL whose password is written out (`postgres://app:s3cret@db/app`), not `${VAR}`.
bool has_url_password(std::string_view value);
/// The password of URLs in the value: `empty` when there is none, `interpolated` for `${VAR}`, `placeholder` for a
/// placeholder or a password equal to its user name (`postgres://saleor:saleor@db`, the local default), else `literal`.
SecretValue classify_url_password(std::string_view value);
/// A masked hint of a secret value for messages: `ch…`, or `value hidden` when nothing of it may be shown.
std::string secret_hint(std::string_view value);
/// True when a secret's value merely repeats a user name set beside it (`POSTGRES_USER=app`, `POSTGRES_PASSWORD=app`).
bool same_as_user(std::string_view value, const std::vector<std::pair<std::string, std::string>>& siblings);
/// How a `key = value` pair reads for the secret rules.
struct SecretJudgement {
  /// `literal` and `placeholder` are reported; `empty` and `interpolated` are not.
  SecretValue kind = SecretValue::empty;
  /// The value is not under a secret key but holds a URL with a password.
  bool url = false;
  /// The value repeats the user name set beside it: a local default, judged a placeholder.
  bool same_as_user = false;
};
/// Judges one pair; `siblings` are the other pairs of the same service or file (for same_as_user).
SecretJudgement judge_secret(std::string_view key, std::string_view value,
                             const std::vector<std::pair<std::string, std::string>>& siblings);

/// An option of a command line that passes a secret: `--requirepass s3cret`, `--password=s3cret`, `--api-key X`.
struct SecretOption {
  std::string option;  // as written, without its value
  std::string value;
};
/// The secret-passing options of a command's words whose value is written out (not `$VAR`).
std::vector<SecretOption> secret_options(const std::vector<std::string>& words);

/// `postgres://app:****@db/app`-style text with every secret masked: URL passwords, `NAME=value` with a secret NAME,
/// the values of secret-passing options (`--requirepass s3cret`).
std::string mask_text(std::string_view text);
/// mask_text over a command's words (exec form), so that `["--requirepass", "s3cret"]` is masked across words.
std::vector<std::string> mask_words(const std::vector<std::string>& words);

/// A finding for `rule` at a line (0: the whole file), with the rule's severity.
core::Finding make_finding(const core::Rule& rule, std::string path, std::uint32_t line, std::string message,
                           std::string code);

}  // namespace onramp::checks::local_setup
