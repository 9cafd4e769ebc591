#include "onramp/checks/local-setup/documented.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "onramp/checks/local-setup/paths.hpp"
#include "onramp/model/inputs.hpp"
#include "onramp/parse/markdown.hpp"
#include "onramp/parse/workflow.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

/// Shell words with quotes removed (for matching, not for showing).
std::vector<std::string> shell_words(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
      continue;
    }
    if (c == ' ' || c == '\t') {
      if (in_word) out.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    word += c;
    in_word = true;
  }
  if (in_word) out.push_back(std::move(word));
  return out;
}

bool is_assignment(std::string_view w) {
  const auto eq = w.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  return std::all_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(eq),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; });
}

bool is_python(std::string_view w) {
  const auto name = base_name(w);
  return name == "python" || name == "python3" || (name.starts_with("python3.") && name.size() <= 10) || name == "py";
}

bool is_manage_py(std::string_view w) { return base_name(w) == "manage.py"; }

/// Words past the environment tool, `sudo`, assignments and `python -m`: what actually runs.
std::vector<std::string> core_words(std::vector<std::string> w) {
  static const std::set<std::string_view> with_value = {"--python",  "-p",           "--with",     "--extra",
                                                        "--group",   "--package",    "--env-file", "--directory",
                                                        "--project", "--only-group", "-e"};
  std::size_t i = 0;
  for (bool again = true; again && i < w.size();) {
    again = false;
    while (i < w.size() && (is_assignment(w[i]) || w[i] == "sudo" || w[i] == "exec" || w[i] == "env" ||
                            w[i] == "time" || w[i] == "$" || w[i] == "command")) {
      ++i;
      again = true;
    }
    if (i + 1 < w.size() && ((w[i] == "uv" && w[i + 1] == "run") || (w[i] == "poetry" && w[i + 1] == "run") ||
                             (w[i] == "pdm" && w[i + 1] == "run") || (w[i] == "pipenv" && w[i + 1] == "run") ||
                             (w[i] == "rye" && w[i + 1] == "run") || (w[i] == "hatch" && w[i + 1] == "run"))) {
      i += 2;
      while (i < w.size() && w[i].starts_with("-")) {
        if (with_value.contains(w[i]) && i + 1 < w.size()) ++i;
        ++i;
      }
      again = true;
    }
    if (i < w.size() && w[i] == "uvx") {
      ++i;
      again = true;
    }
    // Wrappers that run the real command: `watchmedo auto-restart ... -- cmd`, `dotenv run -- cmd`,
    // `newrelic-admin run-program cmd`, `ddtrace-run cmd`, `opentelemetry-instrument cmd`.
    if (i < w.size() && (w[i] == "watchmedo" || w[i] == "dotenv")) {
      const auto dashes = std::find(w.begin() + static_cast<std::ptrdiff_t>(i), w.end(), "--");
      if (dashes != w.end()) {
        i = static_cast<std::size_t>(dashes - w.begin()) + 1;
        again = true;
      }
    }
    if (i + 1 < w.size() && w[i] == "newrelic-admin" && w[i + 1] == "run-program") {
      i += 2;
      again = true;
    }
    // Privilege droppers that name a user first: `s6-setuidgid paperless cmd`, `gosu app cmd`, `su-exec app cmd`.
    if (i + 2 < w.size() && (w[i] == "s6-setuidgid" || w[i] == "gosu" || w[i] == "su-exec")) {
      i += 2;
      again = true;
    }
    if (i < w.size() && (w[i] == "ddtrace-run" || w[i] == "opentelemetry-instrument")) {
      ++i;
      again = true;
    }
    if (i + 2 < w.size() && base_name(w[i]) == "coverage" && w[i + 1] == "run") {
      i += 2;
      while (i < w.size() && w[i].starts_with("-") && w[i] != "-m") ++i;
      if (i < w.size() && w[i] == "-m") ++i;
      again = true;
    }
    if (i < w.size() && is_python(w[i])) {
      std::size_t j = i + 1;
      while (j < w.size() && w[j].starts_with("-") && w[j] != "-m") ++j;
      if (j + 1 < w.size() && w[j] == "-m") {
        i = j + 1;
        again = true;
      } else if (j < w.size() && is_manage_py(w[j])) {
        i = j;
      }
    }
  }
  return {w.begin() + static_cast<std::ptrdiff_t>(std::min(i, w.size())), w.end()};
}

bool has_word(const std::vector<std::string>& w, std::string_view word, std::size_t from = 1) {
  for (std::size_t i = from; i < w.size(); ++i) {
    if (w[i] == word) return true;
  }
  return false;
}

/// `pip install -r requirements.txt`, `pip install -e .[dev]`: the project's own dependencies, not a tool.
bool installs_project(const std::vector<std::string>& w, std::size_t from) {
  for (std::size_t i = from; i < w.size(); ++i) {
    const auto& a = w[i];
    if (a == "-r" || a.starts_with("-r") || a.starts_with("--requirement") || a == "-e" || a == "--editable" ||
        a == "." || a.starts_with(".[") || a.starts_with("-e.") || a == "-c")
      return true;
  }
  return false;
}

/// The first word that is not an option, from `from`.
std::string first_argument(const std::vector<std::string>& w, std::size_t from) {
  for (std::size_t i = from; i < w.size(); ++i) {
    if (!w[i].starts_with("-")) return w[i];
    // `-A app` / `--app app`: the option's value is not the subcommand
    if ((w[i] == "-A" || w[i] == "--app" || w[i] == "-c" || w[i] == "--config") && i + 1 < w.size()) ++i;
  }
  return {};
}

CommandClass manage_py(const std::vector<std::string>& w) {
  const auto sub = first_argument(w, 1);
  if (sub == "migrate") return {CommandKind::migrate, "django"};
  if (sub == "test") return {CommandKind::test, "django"};
  if (sub == "runserver" || sub == "runserver_plus") return {CommandKind::run, "django"};
  // A Flask CLI group as manage.py (FlaskGroup): `./manage.py run`.
  if (sub == "run") return {CommandKind::run, "manage.py"};
  if (sub == "rqworker") return {CommandKind::worker, "rq"};
  if (sub == "rqscheduler") return {CommandKind::scheduler, "rq-scheduler"};
  if (sub == "qcluster") return {CommandKind::worker, "django-q"};
  if (sub == "run_huey") return {CommandKind::worker, "huey"};
  if (sub == "db" && has_word(w, "upgrade", 2)) return {CommandKind::migrate, "flask-migrate"};
  if (sub == "rq" && has_word(w, "worker", 2)) return {CommandKind::worker, "rq"};
  if (sub == "rq" && has_word(w, "scheduler", 2)) return {CommandKind::scheduler, "rq-scheduler"};
  if (sub == "celery" && has_word(w, "worker", 2)) return {CommandKind::worker, "celery"};
  if (sub == "celery" && has_word(w, "beat", 2)) return {CommandKind::scheduler, "celery-beat"};
  return {};
}

}  // namespace

std::string_view to_string(CommandKind kind) {
  switch (kind) {
    case CommandKind::install: return "install";
    case CommandKind::migrate: return "migrate";
    case CommandKind::run: return "run";
    case CommandKind::test: return "test";
    case CommandKind::worker: return "worker";
    case CommandKind::scheduler: return "scheduler";
    case CommandKind::other: break;
  }
  return "other";
}

CommandClass classify_command(std::string_view command, const std::vector<std::string>& console_scripts) {
  const auto all = shell_words(command);
  if (all.empty()) return {};
  // Installs are read before the `uv run` prefix is looked past (`uv sync`, `poetry install`).
  {
    std::vector<std::string> w;
    for (const auto& x : all) {
      if (w.empty() && (is_assignment(x) || x == "sudo" || x == "$")) continue;
      w.push_back(x);
    }
    if (!w.empty()) {
      const auto tool = std::string(base_name(w[0]));
      const auto sub = w.size() > 1 ? w[1] : std::string{};
      if (tool == "uv" && sub == "sync") return {CommandKind::install, "uv"};
      if (tool == "uv" && sub == "pip" && w.size() > 2 && (w[2] == "install" || w[2] == "sync") &&
          (w[2] == "sync" || installs_project(w, 3)))
        return {CommandKind::install, "uv"};
      if (tool == "poetry" && sub == "install") return {CommandKind::install, "poetry"};
      if (tool == "pdm" && (sub == "install" || sub == "sync")) return {CommandKind::install, "pdm"};
      if (tool == "pipenv" && (sub == "install" || sub == "sync")) return {CommandKind::install, "pipenv"};
      if (tool == "pip-sync") return {CommandKind::install, "pip-tools"};
      if (tool == "hatch" && sub == "env" && has_word(w, "create", 2)) return {CommandKind::install, "hatch"};
      if ((tool == "conda" || tool == "mamba" || tool == "micromamba") && sub == "env" &&
          (has_word(w, "create", 2) || has_word(w, "update", 2)))
        return {CommandKind::install, "conda"};
    }
  }
  const auto w = core_words(all);
  if (w.empty()) return {};
  const auto tool = std::string(base_name(w[0]));
  const auto sub = first_argument(w, 1);
  if ((tool == "pip" || tool == "pip3") && sub == "install")
    return installs_project(w, 2) ? CommandClass{CommandKind::install, "pip"} : CommandClass{};
  if (is_manage_py(w[0])) return manage_py(w);
  if (tool == "pytest" || tool == "py.test") return {CommandKind::test, "pytest"};
  if (tool == "tox") return {CommandKind::test, "tox"};
  if (tool == "nox") return {CommandKind::test, "nox"};
  if (tool == "unittest") return {CommandKind::test, "unittest"};
  if ((tool == "make" || tool == "just" || tool == "task") && !sub.empty()) {
    if (sub.starts_with("test") || sub == "check-tests" || sub == "unit" || sub == "unittest")
      return {CommandKind::test, tool};
    if (sub == "migrate" || sub == "db-upgrade" || sub == "upgrade-db" || sub == "migrations")
      return {CommandKind::migrate, tool};
    if (sub == "dev" || sub == "run" || sub == "start" || sub == "serve" || sub == "server" || sub == "runserver" ||
        sub == "run-dev" || sub == "start-dev")
      return {CommandKind::run, tool};
    if (sub == "install" || sub == "install-dev" || sub == "setup" || sub == "deps")
      return {CommandKind::install, tool};
    if (sub == "worker" || sub == "celery") return {CommandKind::worker, tool};
    return {};
  }
  if (tool == "alembic" && sub == "upgrade") return {CommandKind::migrate, "alembic"};
  if (tool == "aerich" && sub == "upgrade") return {CommandKind::migrate, "aerich"};
  if (tool == "yoyo" && sub == "apply") return {CommandKind::migrate, "yoyo"};
  if (tool == "flask") {
    if (sub == "db" && has_word(w, "upgrade", 2)) return {CommandKind::migrate, "flask-migrate"};
    if (sub == "run" || has_word(w, "run")) return {CommandKind::run, "flask"};
    if (sub == "rq" && has_word(w, "worker", 2)) return {CommandKind::worker, "rq"};
    if (sub == "rq" && has_word(w, "scheduler", 2)) return {CommandKind::scheduler, "rq-scheduler"};
    return {};
  }
  if (tool == "fastapi" && (sub == "dev" || sub == "run")) return {CommandKind::run, "fastapi"};
  if (tool == "litestar" && sub == "run") return {CommandKind::run, "litestar"};
  for (std::string_view server :
       {"uvicorn", "gunicorn", "hypercorn", "granian", "daphne", "waitress-serve", "uwsgi", "sanic"}) {
    if (tool == server) return {CommandKind::run, tool};
  }
  if (tool == "celery") {
    if (has_word(w, "worker") || has_word(w, "multi")) return {CommandKind::worker, "celery"};
    if (has_word(w, "beat")) return {CommandKind::scheduler, "celery-beat"};
    return {};
  }
  if (tool == "rq" && sub == "worker") return {CommandKind::worker, "rq"};
  if (tool == "rqworker") return {CommandKind::worker, "rq"};
  if (tool == "rqscheduler" || tool == "rq-scheduler" || (tool == "rq" && sub == "scheduler"))
    return {CommandKind::scheduler, "rq-scheduler"};
  if (tool == "dramatiq") return {CommandKind::worker, "dramatiq"};
  if (tool == "arq") return {CommandKind::worker, "arq"};
  if (tool == "huey_consumer" || tool == "huey_consumer.py") return {CommandKind::worker, "huey"};
  if (tool == "taskiq" && sub == "worker") return {CommandKind::worker, "taskiq"};
  if (tool == "taskiq" && sub == "scheduler") return {CommandKind::scheduler, "taskiq"};
  if (std::find(console_scripts.begin(), console_scripts.end(), tool) != console_scripts.end()) {
    // The project's own command line: `prefect server start`, `lnbits`, `lnbits --reload`.
    const auto second = w.size() > 2 ? w[2] : std::string{};
    // `dispatch server develop`, `prefect server start`, `app web run`.
    if ((sub == "server" || sub == "api" || sub == "web") &&
        (second == "start" || second == "run" || second == "develop" || second == "dev" || second == "serve"))
      return {CommandKind::run, tool};
    if ((sub == "worker" || sub == "agent") && (second == "start" || second == "run"))
      return {CommandKind::worker, tool};
    if (sub == "runserver" || sub == "serve") return {CommandKind::run, tool};
    if ((sub == "database" || sub == "db") && second == "upgrade") return {CommandKind::migrate, tool};
    if (sub == "server" && (second == "database" || second == "db") && w.size() > 3 && w[3] == "upgrade")
      return {CommandKind::migrate, tool};
    // The bare command starts it (`lnbits`, `lnbits --reload`); `--version` or `--help` only print.
    if (sub.empty() && !has_word(w, "--version") && !has_word(w, "--help") && !has_word(w, "-h") &&
        !has_word(w, "-V") && !has_word(w, "version"))
      return {CommandKind::run, tool};
  }
  return {};
}

std::vector<std::string> split_shell_line(std::string_view line) {
  std::vector<std::string> out;
  std::string cur;
  char quote = 0;
  const auto flush = [&] {
    const auto t = util::trim(cur);
    if (!t.empty()) out.emplace_back(t);
    cur.clear();
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      cur += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      cur += c;
      continue;
    }
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) break;  // a comment to the line's end
    if (c == ';' || c == '|' || c == '&') {
      // `a | b` pipes into b: b is not a command of its own worth running; `>&2` and `2>&1` are redirections.
      if (c == '&' && i > 0 && (line[i - 1] == '>' || line[i - 1] == '<')) {
        cur += c;
        continue;
      }
      if (c == '&' && i + 1 < line.size() && line[i + 1] == '>') {
        cur += c;
        continue;
      }
      flush();
      if (i + 1 < line.size() && line[i + 1] == c) ++i;
      continue;
    }
    cur += c;
  }
  flush();
  return out;
}

bool development_compose(std::string_view path) {
  const auto lower = util::to_lower(path);
  for (std::string_view w : {"prod", "deploy", "release", "ci-", "-ci", ".ci/", ".github/", ".gitlab/", "cypress",
                             "e2e", "test", "regtest", "load", "bench", "perf", "proxy", "example", "sample"}) {
    if (contains(lower, w)) return false;
  }
  return true;
}

namespace {

struct Keywords {
  static bool any(std::string_view lower, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return contains(lower, w); });
  }
};

/// A heading under which a newcomer finds how to set up, run or test the code.
bool setup_heading(std::string_view lower) {
  return Keywords::any(lower, {"install",      "setup",        "set up",  "set-up",    "getting started", "get started",
                               "quickstart",   "quick start",  "develop", "local",     "running",         "run ",
                               "run the",      "start",        "test",    "contribut", "hacking",         "usage",
                               "requirements", "dependencies", "migrat",  "bootstrap", "environment",     "back end",
                               "backend",      "worker",       "server"}) ||
         lower == "run";
}

/// A heading about something else than running it here: production, images, releases, the docs themselves.
bool other_heading(std::string_view lower) {
  return Keywords::any(
      lower, {"production", "deploy",    "docker image", "building the doc", "documentation", "release",  "translation",
              "locali",     "front end", "frontend",     "kubernetes",       "helm",          "update",   "upgrad",
              "uninstall",  "backup",    "appimage",     "windows",          "macos",         "homebrew", "nix"});
}

bool legacy_heading(std::string_view lower) {
  return Keywords::any(lower, {"legacy", "deprecated", "obsolete", "replaced by", "old way", "no longer"});
}

bool shell_language(std::string_view lang) {
  return lang.empty() || lang == "sh" || lang == "bash" || lang == "shell" || lang == "console" || lang == "zsh" ||
         lang == "shell-session" || lang == "sh-session" || lang == "shellsession" || lang == "terminal" ||
         lang == "fish" || lang == "bash-session";
}

/// How much a Markdown file speaks for developers: 0 a development/contributing guide, 1 a README (sections under
/// set-up headings), 2 other set-up docs; -1 not read for commands (changelogs, release notes, package READMEs).
int doc_rank(const model::Project& project, std::string_view path) {
  const auto lower = util::to_lower(path);
  const auto name = std::string(base_name(lower));
  if (!(name.ends_with(".md") || name.ends_with(".mdx") || name.ends_with(".markdown"))) return -1;
  for (std::string_view skip : {"changelog", "changes", "history", "release", "news", "license", "code_of_conduct",
                                "code-of-conduct", "security", "agents.md", "claude.md"}) {
    if (contains(name, skip)) return -1;
  }
  for (std::string_view skip : {"examples/", "example/", "tests/", "test/", "vendor/", "third_party/", "node_modules/",
                                "release-notes", "integrations/", "plans/", "blog/"}) {
    if (contains(lower, skip)) return -1;
  }
  const auto dir = dir_of(lower);
  const bool top = dir == "." || dir == "docs" || dir == "doc" || dir == ".github" ||
                   std::find(project.roots.begin(), project.roots.end(), dir_of(path)) != project.roots.end();
  const bool in_docs = lower.starts_with("docs/") || lower.starts_with("doc/") || contains(lower, "/docs/");
  const bool dev_named = Keywords::any(lower, {"contribut", "develop", "hacking", "dev-", "/dev/", "devs/"});
  if (dev_named && (top || in_docs)) return 0;
  if (name.starts_with("readme") && top) return 1;
  if ((top || in_docs) &&
      Keywords::any(name, {"install", "setup", "getting-started", "getting_started", "quickstart", "local", "testing"}))
    return 2;
  return -1;
}

/// `$ cmd` / `(venv) $ cmd` / `% cmd` / `> cmd`: the prompt of a console transcript.
std::optional<std::string> strip_prompt(std::string_view line) {
  const auto t = util::trim(line);
  for (std::string_view p : {"$ ", "% ", "> ", "# "}) {
    if (t.starts_with(p) && p != "# ") return std::string(util::trim(t.substr(p.size())));
  }
  if (t.starts_with("(")) {
    const auto close = t.find(") $ ");
    if (close != std::string_view::npos) return std::string(util::trim(t.substr(close + 4)));
  }
  return std::nullopt;
}

/// `# src/` or `# in src/`, alone on a comment line heading a block: the directory the block runs in.
std::string comment_directory(std::string_view comment) {
  auto t = util::trim(comment);
  if (t.starts_with("in ")) t = util::trim(t.substr(3));
  if (t.size() < 2 || !t.ends_with("/") || contains(t, " ")) return {};
  return std::string(t.substr(0, t.size() - 1));
}

struct Block {
  std::string path;
  std::string section;
  bool legacy = false;
  bool recommended = false;
  int rank = 0;
  std::size_t group = 0;
  Evidence evidence = Evidence::docs;
};

/// The commands of a block of shell lines starting at `first_line`.
void read_shell(std::string_view code, std::uint32_t first_line, std::string cwd, const Block& b,
                const std::vector<std::string>& scripts, std::string& clone, std::vector<DocumentedCommand>& out) {
  const auto lines = util::lines_of(code);
  static constexpr std::string_view kPrompts[] = {"> ", "% "};
  // A console transcript: `$ ` prompts (output lines between them), or a block whose every line carries the same
  // `> ` or `% ` prompt (Netflix/dispatch's guides write `> uv pip install -e .[dev]`).
  const bool transcript = std::any_of(lines.begin(), lines.end(),
                                      [](std::string_view l) {
                                        const auto t = util::trim(l);
                                        return t.starts_with("$ ") || (t.starts_with("(") && contains(t, ") $ "));
                                      }) ||
                          std::any_of(std::begin(kPrompts), std::end(kPrompts), [&](std::string_view p) {
                            bool any = false;
                            for (const auto l : lines) {
                              const auto t = util::trim(l);
                              if (t.empty()) continue;
                              if (!t.starts_with(p)) return false;
                              any = true;
                            }
                            return any;
                          });
  std::string pending;
  std::uint32_t pending_line = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto raw = lines[i];
    std::string text;
    if (!pending.empty()) {
      text = std::string(util::trim(raw));
    } else if (transcript) {
      const auto stripped = strip_prompt(raw);
      if (!stripped) continue;  // output of the command above
      text = *stripped;
    } else {
      text = std::string(util::trim(raw));
    }
    if (pending.empty() && text.starts_with("#")) {
      if (const auto dir = comment_directory(text.substr(1)); !dir.empty()) cwd = join_path(cwd, dir);
      continue;
    }
    if (text.ends_with("\\")) {
      if (pending.empty()) pending_line = first_line + static_cast<std::uint32_t>(i);
      pending += text.substr(0, text.size() - 1) + " ";
      continue;
    }
    std::uint32_t line = first_line + static_cast<std::uint32_t>(i);
    if (!pending.empty()) {
      text = pending + text;
      line = pending_line;
      pending.clear();
    }
    for (auto& cmd : split_shell_line(text)) {
      cmd = util::collapse_whitespace(cmd);
      const auto words = shell_words(cmd);
      if (words.size() >= 3 && words[0] == "git" && words[1] == "clone") {
        // `git clone URL [DIR]` then `cd DIR`: the clone is the repository itself, its root.
        std::string url;
        for (std::size_t k = 2; k < words.size(); ++k) {
          if (words[k].starts_with("-")) continue;
          if (url.empty()) {
            url = words[k];
            auto name = std::string(base_name(url));
            if (name.ends_with(".git")) name.resize(name.size() - 4);
            clone = name;
          } else {
            clone = words[k];
          }
        }
        continue;
      }
      if (words.size() >= 2 && words[0] == "cd") {
        if (!clone.empty() && (words[1] == clone || words[1] == clone + "/" || base_name(words[1]) == clone)) {
          cwd.assign(1, '.');  // not `= "."`: GCC 12 reports a false -Wrestrict on it
          continue;
        }
        if (!contains(words[1], "$") && words[1] != "-" && !words[1].starts_with("/") && !words[1].starts_with("~")) {
          const auto next = join_path(cwd, words[1]);
          if (!next.empty()) cwd = next;
        }
        continue;
      }
      if (!clone.empty()) {
        // Written from the clone's parent (`pip install -r healthchecks/requirements.txt`): from the root instead.
        const auto prefix = " " + clone + "/";
        for (auto pos = cmd.find(prefix); pos != std::string::npos; pos = cmd.find(prefix, pos + 1))
          cmd.erase(pos + 1, clone.size() + 1);
      }
      const auto what = classify_command(cmd, scripts);
      if (what.kind == CommandKind::other) continue;
      DocumentedCommand d;
      d.command = cmd;
      d.cwd = cwd.empty() ? "." : cwd;
      d.what = what;
      d.evidence = b.evidence;
      d.path = b.path;
      d.line = line;
      d.section = b.section;
      d.legacy = b.legacy;
      d.recommended = b.recommended;
      d.container = Keywords::any(cmd, {"docker ", "docker-compose", "podman "});
      d.file_rank = b.rank;
      d.group = b.group;
      out.push_back(std::move(d));
    }
  }
}

/// A CI line's command without the arguments only CI can fill (`--python "${PYTHON_VERSION}"`, `${{ matrix.x }}`).
std::string without_ci_arguments(std::string_view command) {
  std::vector<std::string> kept;
  std::string word;
  std::vector<std::string> raw;
  // Keep quoting as written: split on blanks outside quotes.
  char quote = 0;
  int braces = 0;
  for (const char c : command) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      word += c;
      continue;
    }
    if (c == '\'' || c == '"') quote = c;
    if (c == '{') ++braces;
    if (c == '}') --braces;
    if ((c == ' ' || c == '\t') && braces <= 0) {
      if (!word.empty()) raw.push_back(std::move(word));
      word.clear();
      continue;
    }
    word += c;
  }
  if (!word.empty()) raw.push_back(std::move(word));
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto& w = raw[i];
    if (contains(w, "${{") || (contains(w, "$") && !w.starts_with("-"))) continue;
    if (w.starts_with("-") && contains(w, "=") && contains(w, "$")) continue;
    if (w.starts_with("-") && !contains(w, "=") && i + 1 < raw.size() && contains(raw[i + 1], "$")) {
      ++i;
      continue;
    }
    kept.push_back(w);
  }
  return util::join(kept, " ");
}

}  // namespace

std::vector<DocumentedCommand> find_documented_commands(const model::Project& project,
                                                        const std::vector<std::string>& console_scripts) {
  std::vector<DocumentedCommand> out;
  std::size_t group = 0;
  for (const auto* f : project.files_of(core::FileKind::docs)) {
    const int rank = doc_rank(project, f->path);
    if (rank < 0) continue;
    const auto* doc = project.inputs().markdown(f->path);
    if (doc == nullptr) continue;
    std::string clone;  // the directory a `git clone` in this document made
    for (const auto& block : doc->code_blocks) {
      ++group;
      if (!shell_language(block.language) || block.section >= doc->sections.size()) continue;
      const auto& s = doc->sections[block.section];
      std::string heading;
      for (const auto& p : s.parents) heading += p + " > ";
      heading += s.title;
      const auto lower = util::to_lower(heading);
      if (other_heading(lower)) continue;
      // A README speaks for development only under set-up headings; a development guide throughout.
      if (rank >= 1 && !setup_heading(lower)) continue;
      Block b{f->path, heading, legacy_heading(lower), contains(lower, "recommended"), rank, group, Evidence::docs};
      read_shell(block.code, block.line + 1, ".", b, console_scripts, clone, out);
    }
  }
  for (const auto* f : project.files_of(core::FileKind::ci)) {
    const auto* wf = project.inputs().workflow(f->path);
    if (wf == nullptr) continue;
    for (const auto& job : wf->jobs) {
      ++group;
      if (job.hidden) continue;
      const auto job_words = util::to_lower(f->path + " " + job.name);
      // Load tests, benchmarks, browser tests, image builds and releases run other things than the project's tests;
      // lint and spelling jobs install their tools only (DefectDojo's `ruff-linting`: pip install -r
      // requirements-lint.txt), not the project.
      if (Keywords::any(job_words, {"jmeter",     "load",    "bench",   "perf",   "e2e",  "cypress",    "playwright",
                                    "docker",     "release", "publish", "deploy", "docs", "compat",     "k8s",
                                    "helm",       "nightly", "lint",    "ruff",   "mypy", "pre-commit", "precommit",
                                    "shellcheck", "codeql",  "typos",   "spell"}))
        continue;
      for (const auto& step : job.steps) {
        if (step.run.empty()) continue;
        Block b{f->path, job.name, false, false, 0, group, Evidence::ci};
        std::vector<DocumentedCommand> found;
        std::string clone;
        // A working directory only CI knows (`${{ matrix.package }}`): where the step runs cannot be told.
        if (contains(step.working_directory, "$")) continue;
        const auto cwd = step.working_directory.empty() ? std::string(".") : join_path(".", step.working_directory);
        // The step's `run:` value starts on its own line for `run: |`; the reader gives the step's line.
        read_shell(step.run, step.line, cwd.empty() ? "." : cwd, b, console_scripts, clone, found);
        for (auto& d : found) {
          d.command = without_ci_arguments(d.command);
          d.line = step.line;
          if (!d.command.empty()) out.push_back(std::move(d));
        }
      }
    }
  }
  return out;
}

}  // namespace onramp::checks::local_setup
