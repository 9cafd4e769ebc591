#pragma once
// The commands a repository writes out for its own developers: shell lines of the README/CONTRIBUTING/development
// docs' code blocks under set-up, development and test headings, and the `run:` lines of its CI jobs. The checklist
// prefers them to what onramp would derive, and the process model names the workers and schedulers they start.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "onramp/model/project.hpp"

namespace onramp::checks::local_setup {

/// What a shell command does, as far as its words tell.
enum class CommandKind { other, install, migrate, run, test, worker, scheduler };
std::string_view to_string(CommandKind kind);

/// What a command starts or does, with the system it belongs to (`celery`, `rq`, `django`, `pytest`).
struct CommandClass {
  CommandKind kind = CommandKind::other;
  std::string system;
};

/// Classifies one simple command (`uv run manage.py migrate`, `celery -A app worker`, `pytest -x`); the environment
/// tool's prefix (`uv run`, `poetry run`), `python -m`, `sudo` and leading `NAME=value` assignments are looked past.
/// `console_scripts` are the project's own console scripts: `lnbits`, `prefect server start` start the application.
CommandClass classify_command(std::string_view command, const std::vector<std::string>& console_scripts = {});

/// Where a documented command comes from.
enum class Evidence { docs, ci };

/// One command the repository documents or runs in CI.
struct DocumentedCommand {
  /// One simple command, continuation lines joined, the prompt removed; CI's `${{ ... }}` arguments left out.
  std::string command;
  /// Where it runs: `cd DIR` before it, a `# src/` comment heading its block, a CI step's working-directory.
  std::string cwd = ".";
  CommandClass what;
  Evidence evidence = Evidence::docs;
  std::string path;
  std::uint32_t line = 0;
  /// The heading it is under (`Development > Running locally`), or the CI job (`backend-tests`).
  std::string section;
  /// The section calls this way legacy, deprecated or replaced.
  bool legacy = false;
  /// The section calls it recommended.
  bool recommended = false;
  /// Runs through docker/podman (a container command, not one for the host's environment).
  bool container = false;
  /// How much the file speaks for development: 0 a development/contributing guide, 1 a README, 2 other set-up docs;
  /// CI commands are 0.
  int file_rank = 0;
  /// Index of the code block (docs) or job (CI) it is in, to keep a block's install lines together.
  std::size_t group = 0;
};

/// Every classified command of the development docs and the CI workflows, in file order.
std::vector<DocumentedCommand> find_documented_commands(const model::Project& project,
                                                        const std::vector<std::string>& console_scripts);

/// A compose file that describes a development stack: not a production, release, CI, test, load-test, benchmark,
/// proxy or example one (by its path).
bool development_compose(std::string_view path);

/// The simple commands of a shell line: split at `&&`, `||`, `;` and a background `&`, outside quotes.
std::vector<std::string> split_shell_line(std::string_view line);

}  // namespace onramp::checks::local_setup
