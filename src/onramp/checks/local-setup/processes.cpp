#include "onramp/checks/local-setup/processes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "onramp/checks/local-setup/paths.hpp"
#include "onramp/model/inputs.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::local_setup {

namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string kind_name(CommandKind k) {
  switch (k) {
    case CommandKind::run: return "web";
    case CommandKind::worker: return "worker";
    case CommandKind::scheduler: return "scheduler";
    default: return {};
  }
}

/// `manage.py runserver` is Django's or a Flask-Script/Click wrapper's; say manage.py rather than guess.
std::string system_name(const CommandClass& c, std::string_view command) {
  if (c.system == "django" && c.kind == CommandKind::run && !contains(command, "runserver_plus")) return "manage.py";
  return c.system;
}

/// The kind a process's name says when its command does not (`worker`, `beat`, `scheduler` services).
std::string kind_from_name(std::string_view name) {
  const auto lower = util::to_lower(name);
  if (contains(lower, "beat") || contains(lower, "scheduler") || contains(lower, "cron")) return "scheduler";
  if (contains(lower, "health") || contains(lower, "flower") || contains(lower, "monitor")) return {};
  if (contains(lower, "consumer")) return "consumer";
  if (contains(lower, "worker") || contains(lower, "celery")) return "worker";
  return {};
}

int source_rank(std::string_view source) {
  if (source == "procfile") return 0;
  if (source == "compose") return 1;
  if (source == "supervisord" || source == "service" || source == "uwsgi") return 2;
  if (source == "docs") return 3;
  if (source == "dockerfile") return 5;
  if (source == "code") return 6;
  return 4;  // a task runner's target
}

int kind_rank(std::string_view kind) {
  return kind == "web" ? 0 : kind == "worker" ? 1 : kind == "scheduler" ? 2 : kind == "consumer" ? 3 : 4;
}

/// The words of a line of shell, quotes kept.
std::string first_word(std::string_view s) {
  const auto t = util::trim(s);
  return std::string(t.substr(0, t.find_first_of(" \t")));
}

/// `/app/manage.py runserver` -> `./manage.py runserver`, `/usr/local/bin/gunicorn ...` -> `gunicorn ...`: a
/// container's absolute paths turned into what the repository (or the environment) has.
std::string host_form(const model::Project& project, std::string cmd) {
  cmd = util::collapse_whitespace(cmd);
  if (!cmd.starts_with("/")) return cmd;
  const auto space = cmd.find(' ');
  const auto exe = cmd.substr(0, space);
  const auto rest = space == std::string::npos ? std::string{} : cmd.substr(space);
  const auto name = std::string(base_name(exe));
  if (project.find(name) != nullptr) return "./" + name + rest;
  if (contains(exe, "/bin/")) return name + rest;
  return cmd;
}

class Finder {
public:
  explicit Finder(const ProcessInputs& in) : in_(in) {}

  std::vector<Process> run() {
    procfiles();
    compose();
    supervisord();
    uwsgi_daemons();
    service_scripts();
    docs();
    targets();
    dockerfiles();
    code();
    std::stable_sort(out_.begin(), out_.end(), [](const Process& a, const Process& b) {
      return std::tuple(kind_rank(a.kind), source_rank(a.source), a.path, a.line) <
             std::tuple(kind_rank(b.kind), source_rank(b.source), b.path, b.line);
    });
    return std::move(out_);
  }

private:
  /// Adds a process unless the same command is already listed; `declared` sources keep every distinct entry, the
  /// others only fill a kind and system no one declared.
  void add(Process p, bool declared) {
    if (p.kind.empty()) return;
    for (const auto& o : out_) {
      if (o.command == p.command && o.kind == p.kind) return;
      if (!declared && o.kind == p.kind && (o.system == p.system || p.kind == "web")) return;
    }
    out_.push_back(std::move(p));
  }

  void from_command(std::string name, std::string command, std::string source, std::string path, std::uint32_t line,
                    std::string detail, bool declared) {
    const auto c = classify_command(command, in_.console_scripts);
    auto kind = kind_name(c.kind);
    auto system = system_name(c, command);
    if (kind.empty()) {
      // A service named `worker` whose command onramp cannot read is still a worker.
      if (source != "compose" && source != "procfile" && source != "supervisord" && source != "service") return;
      kind = name == "web" ? std::string("web") : kind_from_name(name);
      if (kind.empty()) return;
      system = first_word(command);
    }
    add({kind, system, std::move(name), std::move(command), std::move(source), std::move(path), line,
         std::move(detail)},
        declared);
  }

  void procfiles() {
    for (const auto& f : in_.project.files) {
      const auto name = base_name(f.path);
      if (name != "Procfile" && !name.starts_with("Procfile.")) continue;
      const auto* text = in_.project.inputs().text(f.path);
      if (text == nullptr) continue;
      std::uint32_t n = 0;
      for (auto line : util::lines_of(*text)) {
        ++n;
        const auto t = util::trim(line);
        const auto colon = t.find(':');
        if (t.empty() || t.starts_with("#") || colon == std::string_view::npos) continue;
        const auto entry = std::string(util::trim(t.substr(0, colon)));
        const auto cmd = std::string(util::trim(t.substr(colon + 1)));
        if (entry == "release") continue;
        from_command(entry, cmd, "procfile", f.path, n, {}, true);
      }
    }
  }

  /// The entrypoint script of the image a service or Dockerfile runs, as a file of the repository.
  const std::string* entrypoint_script(const parse::Dockerfile* df, std::string_view compose_entrypoint,
                                       std::string& script_path) const {
    std::string word(compose_entrypoint);
    if (word.empty() && df != nullptr && !df->stages.empty()) {
      for (const auto& ins : df->stages.back().instructions) {
        if (ins.keyword != "ENTRYPOINT") continue;
        word = ins.is_exec_form ? (ins.exec_form.empty() ? std::string{} : ins.exec_form.front())
                                : first_word(ins.arguments);
      }
    }
    if (word.empty()) return nullptr;
    const auto exe = first_word(word);
    const auto name = base_name(exe);
    if (name.empty() || name == "tini" || name == "dumb-init" || name == "sh" || name == "bash") return nullptr;
    for (const auto& f : in_.project.files) {
      if (base_name(f.path) == name && f.kind == core::FileKind::other) {
        if (const auto* text = in_.project.inputs().text(f.path); text != nullptr && text->starts_with("#!")) {
          script_path = f.path;
          return text;
        }
      }
    }
    return nullptr;
  }

  /// A one-word command handed to an entrypoint script (`command: dev_server`): what the script runs for it.
  std::string resolve(const parse::Dockerfile* df, std::string_view entrypoint, const std::string& command,
                      std::string& detail) const {
    if (command.empty() || contains(command, " ")) return command;
    std::string script_path;
    const auto* script = entrypoint_script(df, entrypoint, script_path);
    if (script == nullptr) return command;
    const auto resolved = entrypoint_command(*script, command);
    if (resolved.empty()) return command;
    detail = fmt::format("`{}` through {}", command, script_path);
    return host_form(in_.project, resolved);
  }

  const parse::Dockerfile* service_dockerfile(const std::string& compose_path, const parse::ComposeService& s) const {
    if (s.build_context.empty()) return nullptr;
    const auto dir = dir_of(compose_path);
    const auto context = join_path(dir, s.build_context);
    for (const auto& path :
         {join_path(context, s.dockerfile.empty() ? "Dockerfile" : s.dockerfile), join_path(dir, s.dockerfile)}) {
      if (path.empty()) continue;
      if (const auto* df = in_.project.inputs().dockerfile(path)) return df;
    }
    return nullptr;
  }

  void compose() {
    for (const auto* f : in_.project.files_of(core::FileKind::compose)) {
      // Production, CI and test stacks run released images or other things; the development processes are in the others.
      if (!development_compose(f->path)) continue;
      const auto* file = in_.project.inputs().compose(f->path);
      if (file == nullptr) continue;
      for (const auto& s : file->services) {
        if (s.build_context.empty()) continue;  // an image of someone else's (database, broker)
        const auto* df = service_dockerfile(f->path, s);
        std::string command = s.command;
        std::uint32_t line = s.command_line != 0 ? s.command_line : s.line;
        if (command.empty() && df != nullptr && !df->stages.empty()) {
          for (const auto& ins : df->stages.back().instructions) {
            if (ins.keyword == "CMD")
              command = ins.is_exec_form ? util::join(ins.exec_form, " ") : util::collapse_whitespace(ins.arguments);
          }
        }
        if (command.empty()) continue;
        std::string detail;
        command = resolve(df, s.entrypoint, command, detail);
        from_command(s.name, host_form(in_.project, command), "compose", f->path, line, detail, true);
      }
    }
  }

  /// supervisord programs (`[program:worker]` with `command=`), often how a container runs several workers.
  void supervisord() {
    for (const auto& f : in_.project.files) {
      if (!(f.path.ends_with(".conf") || f.path.ends_with(".ini")) || f.kind != core::FileKind::other) continue;
      const auto* text = in_.project.inputs().text(f.path);
      if (text == nullptr || !contains(*text, "[program:")) continue;
      std::string program;
      std::uint32_t n = 0;
      for (auto line : util::lines_of(*text)) {
        ++n;
        const auto t = util::trim(line);
        if (t.starts_with("[") && t.ends_with("]")) {
          // Only `[program:x]` sections run a process; an `[eventlistener:x]` or other section ends the last one.
          program = t.starts_with("[program:") ? std::string(t.substr(9, t.size() - 10)) : std::string{};
          continue;
        }
        if (program.empty() || !t.starts_with("command")) continue;
        const auto eq = t.find('=');
        if (eq == std::string_view::npos || util::trim(t.substr(0, eq)) != "command") continue;
        from_command(program, host_form(in_.project, std::string(util::trim(t.substr(eq + 1)))), "supervisord", f.path,
                     n, {}, true);
      }
    }
  }

  /// uWSGI's `attach-daemon = cmd` / `smart-attach-daemon = pidfile cmd` / `attach-daemon2 = cmd=...,...`: processes
  /// the web server's container keeps running beside it (long-running management commands such as `sendalerts`).
  void uwsgi_daemons() {
    for (const auto& f : in_.project.files) {
      if (!f.path.ends_with(".ini") || f.kind != core::FileKind::other) continue;
      const auto* text = in_.project.inputs().text(f.path);
      if (text == nullptr || !contains(*text, "[uwsgi]") || !contains(*text, "attach-daemon")) continue;
      std::uint32_t n = 0;
      for (auto line : util::lines_of(*text)) {
        ++n;
        const auto t = util::trim(line);
        const auto eq = t.find('=');
        if (eq == std::string_view::npos) continue;
        const auto key = util::trim(t.substr(0, eq));
        auto value = util::trim(t.substr(eq + 1));
        if (key == "smart-attach-daemon" || key == "smart-attach-daemon2") {
          value = util::trim(value.substr(std::min(value.size(), value.find(' '))));
        } else if (key == "attach-daemon2") {
          const auto cmd = value.find("cmd=");
          if (cmd == std::string_view::npos) continue;
          value = value.substr(cmd + 4);
          value = value.substr(0, std::min(value.size(), value.find(',')));
        } else if (key != "attach-daemon") {
          continue;
        }
        const auto command = host_form(in_.project, std::string(value));
        const auto c = classify_command(command, in_.console_scripts);
        auto kind = kind_name(c.kind);
        if (kind.empty()) kind = "command";
        add({kind,
             c.kind == CommandKind::other ? first_word(command) : system_name(c, command),
             {},
             command,
             "uwsgi",
             f.path,
             n,
             "attach-daemon"},
            true);
      }
    }
  }

  /// s6-overlay and runit service scripts (`s6-rc.d/svc-worker/run`, `services.d/web/run`): the command they exec.
  void service_scripts() {
    for (const auto& f : in_.project.files) {
      if (base_name(f.path) != "run" ||
          !(contains(f.path, "/s6-rc.d/") || contains(f.path, "/services.d/") || contains(f.path, "/runit/")))
        continue;
      const auto* text = in_.project.inputs().text(f.path);
      if (text == nullptr) continue;
      auto name = std::string(base_name(dir_of(f.path)));
      if (name.starts_with("svc-")) name = name.substr(4);
      std::uint32_t n = 0;
      for (auto line : util::lines_of(*text)) {
        ++n;
        const auto t = util::trim(line);
        if (!t.starts_with("exec ")) continue;
        from_command(name, host_form(in_.project, std::string(util::trim(t.substr(5)))), "service", f.path, n, {},
                     true);
        break;
      }
    }
  }

  void docs() {
    for (const auto& d : in_.documented) {
      if (d.evidence != Evidence::docs || d.legacy || d.container) continue;
      from_command({}, d.command, "docs", d.path, d.line, d.section.empty() ? std::string{} : "under " + d.section,
                   false);
    }
  }

  void targets() {
    for (const auto& t : in_.tasks) {
      if (t.tool == "project.scripts" || t.tool == "poetry.scripts" || contains(t.body, "docker")) continue;
      for (auto line : util::split(t.body, '\n')) {
        for (const auto& cmd : split_shell_line(line)) {
          const auto c = classify_command(cmd, in_.console_scripts);
          if (c.kind != CommandKind::run && c.kind != CommandKind::worker && c.kind != CommandKind::scheduler) continue;
          from_command(t.name, util::collapse_whitespace(cmd), t.tool == "script" ? "script" : t.tool + " target",
                       t.path, t.line, fmt::format("`{}`", t.invoke), false);
        }
      }
    }
  }

  void dockerfiles() {
    for (const auto* f : in_.project.files_of(core::FileKind::dockerfile)) {
      const auto* df = in_.project.inputs().dockerfile(f->path);
      if (df == nullptr || df->stages.empty()) continue;
      for (const auto& ins : df->stages.back().instructions) {
        if (ins.keyword != "CMD") continue;
        std::string detail;
        auto cmd = ins.is_exec_form ? util::join(ins.exec_form, " ") : util::collapse_whitespace(ins.arguments);
        cmd = resolve(df, {}, cmd, detail);
        from_command({}, host_form(in_.project, cmd), "dockerfile", f->path, ins.line, detail, false);
      }
    }
  }

  /// What the code implies when nothing writes out how it is started.
  void code() {
    for (const auto& a : in_.apps) {
      std::string cmd;
      std::string kind = "web";
      if (a.framework == "celery") {
        const auto module = a.target.substr(0, a.target.find(':'));
        add({"worker", "celery", a.target, fmt::format("celery -A {} worker -l INFO", module), "code", a.path, a.line,
             "the Celery application"},
            false);
        if (const auto beat = beat_schedule(); !beat.empty()) {
          add({"scheduler", "celery-beat", a.target, fmt::format("celery -A {} beat -l INFO", module), "code", a.path,
               a.line, beat},
              false);
        }
        continue;
      }
      if (a.framework == "django") continue;  // manage.py runserver is found from manage.py below
      if (a.framework == "fastapi" || a.framework == "starlette" || a.framework == "litestar" ||
          a.framework == "quart") {
        cmd = fmt::format("uvicorn {}{} --reload", a.target, a.factory ? " --factory" : "");
      } else if (a.framework == "flask" || a.framework == "connexion") {
        cmd = fmt::format("flask --app {} run --debug", a.target);
      } else {
        continue;
      }
      add({kind, a.framework, a.target, cmd, "code", a.path, a.line, "the application object"}, false);
    }
    for (const auto& f : in_.project.modules) {
      if (model::is_manage_script(f) && f.role == core::CodeRole::script &&
          dir_of(f.path).find('/') == std::string::npos) {
        add({"web", "manage.py", "manage.py", "python manage.py runserver", "code", f.path, 0, "Django's manage.py"},
            false);
        break;
      }
    }
    // Task queues the code uses: a worker each, and the schedulers their schedules need.
    struct Seen {
      const facts::Module* module = nullptr;
      std::uint32_t line = 0;
      std::string name;
      std::size_t count = 0;
    };
    Seen rq, rq_scheduler, dramatiq, arq, huey, rq_jobs;
    std::set<std::string> queues;
    for (const auto& m : in_.project.modules) {
      if (m.role != core::CodeRole::application) continue;
      for (const auto& c : m.calls) {
        const auto& n = c.resolved();
        if (n == "rq.Queue" && rq.module == nullptr) rq = {&m, c.location.line, {}, 0};
        if (n == "rq.Queue") {
          if (const auto lit =
                  c.args.empty() ? std::nullopt : util::string_literal(util::split_arguments(c.args).front()))
            queues.insert(*lit);
        }
        if ((n == "rq_scheduler.Scheduler" || n == "rq_scheduler.scheduler.Scheduler") &&
            rq_scheduler.module == nullptr)
          rq_scheduler = {&m, c.location.line, {}, 0};
      }
      for (const auto& d : m.decorators) {
        if (d.name == "rq.decorators.job" || d.name == "rq.job") {
          if (rq_jobs.module == nullptr) rq_jobs = {&m, d.location.line, {}, 0};
          ++rq_jobs.count;
        }
        if (d.name == "dramatiq.actor") {
          if (dramatiq.module == nullptr) dramatiq = {&m, d.location.line, {}, 0};
          ++dramatiq.count;
        }
      }
      const bool uses_arq = std::any_of(m.imports.begin(), m.imports.end(),
                                        [](const facts::Import& i) { return i.module.starts_with("arq"); });
      for (const auto& k : m.classes) {
        if (k.name == "WorkerSettings" && uses_arq && arq.module == nullptr) arq = {&m, k.location.line, k.name, 0};
      }
      for (const auto& g : m.globals) {
        if (g.target.starts_with("huey.") && g.target.ends_with("Huey()") && huey.module == nullptr)
          huey = {&m, g.location.line, g.name, 0};
      }
      for (const auto& i : m.imports) {
        if (i.module.starts_with("rq_scheduler") && rq_scheduler.module == nullptr)
          rq_scheduler = {&m, i.location.line, {}, 0};
      }
    }
    if (rq.module != nullptr || rq_jobs.module != nullptr) {
      const auto& s = rq.module != nullptr ? rq : rq_jobs;
      std::vector<std::string> q(queues.begin(), queues.end());
      add({"worker",
           "rq",
           {},
           "rq worker" + (q.empty() ? std::string{} : " " + util::join(q, " ")),
           "code",
           s.module->path,
           s.line,
           rq_jobs.count > 0 ? fmt::format("{} @job function{}", rq_jobs.count, rq_jobs.count == 1 ? "" : "s")
                             : std::string("rq.Queue")},
          false);
    }
    if (rq_scheduler.module != nullptr) {
      add({"scheduler",
           "rq-scheduler",
           {},
           "rqscheduler",
           "code",
           rq_scheduler.module->path,
           rq_scheduler.line,
           "rq-scheduler is used"},
          false);
    }
    if (dramatiq.module != nullptr) {
      add({"worker",
           "dramatiq",
           {},
           "dramatiq " + dramatiq.module->name,
           "code",
           dramatiq.module->path,
           dramatiq.line,
           fmt::format("{} actor{}", dramatiq.count, dramatiq.count == 1 ? "" : "s")},
          false);
    }
    if (arq.module != nullptr) {
      add({"worker",
           "arq",
           {},
           fmt::format("arq {}.{}", arq.module->name, arq.name),
           "code",
           arq.module->path,
           arq.line,
           "arq WorkerSettings"},
          false);
    }
    if (huey.module != nullptr) {
      add({"worker",
           "huey",
           {},
           fmt::format("huey_consumer {}.{}", huey.module->name, huey.name),
           "code",
           huey.module->path,
           huey.line,
           "the Huey instance"},
          false);
    }
  }

  /// Where a Celery beat schedule is set: beat entries in a dict literal, or a `CELERY_BEAT_SCHEDULE` / `beat_schedule`
  /// built by other code.
  std::string beat_schedule() const {
    std::size_t entries = 0;
    std::string where;
    for (const auto& m : in_.project.modules) {
      if (m.role != core::CodeRole::application) continue;
      for (const auto& t : m.records.task_schedules) {
        if (t.kind != facts::TaskSchedule::Kind::celery_beat) continue;
        if (entries++ == 0) where = fmt::format("{}:{}", m.path, t.location.line);
      }
      if (entries == 0 && where.empty()) {
        for (const auto& g : m.globals) {
          if (g.name == "CELERY_BEAT_SCHEDULE" || g.name == "CELERYBEAT_SCHEDULE" || g.name == "beat_schedule")
            where = fmt::format("{}:{}", m.path, g.location.line);
        }
        for (const auto& c : m.calls) {
          if (c.callee.ends_with(".add_periodic_task") && where.empty())
            where = fmt::format("{}:{}", m.path, c.location.line);
        }
      }
    }
    if (entries > 0) return fmt::format("{} beat entr{} ({})", entries, entries == 1 ? "y" : "ies", where);
    if (!where.empty()) return fmt::format("a beat schedule is set ({})", where);
    return {};
  }

  const ProcessInputs& in_;
  std::vector<Process> out_;
};

/// `name() {`, `function name {`, `function name() {`: the line a shell function starts on, or npos.
std::size_t function_start(const std::vector<std::string_view>& lines, std::string_view name) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto t = util::trim(lines[i]);
    if (t.starts_with("function ")) t = util::trim(t.substr(9));
    if (!t.starts_with(name)) continue;
    auto rest = util::trim(t.substr(name.size()));
    if (rest.starts_with("()")) rest = util::trim(rest.substr(2));
    if (rest == "{" || rest.empty()) return i;
  }
  return std::string_view::npos;
}

/// The command a block of script lines runs: its `exec` line, or a function it calls.
std::string block_command(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to, int depth) {
  std::string last;
  for (std::size_t i = from; i < to && i < lines.size(); ++i) {
    const auto t = util::trim(lines[i]);
    if (t.starts_with("exec ")) return std::string(util::trim(t.substr(5)));
    if (t.empty() || t.starts_with("#") || t.starts_with("echo") || t.starts_with("export") || t == "shift" ||
        t.starts_with("set ") || t.starts_with("if ") || t == "fi" || t == "else" || t == "then")
      continue;
    if (depth < 2 && !contains(t, " ") && t != ";;" && t != "}") {
      if (const auto start = function_start(lines, t); start != std::string_view::npos) {
        std::size_t end = start + 1;
        while (end < lines.size() && util::trim(lines[end]) != "}") ++end;
        auto inner = block_command(lines, start + 1, end, depth + 1);
        if (!inner.empty()) return inner;
      }
    }
  }
  return last;
}

}  // namespace

std::string entrypoint_command(std::string_view script, std::string_view word) {
  const auto lines = util::lines_of(script);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto t = util::trim(lines[i]);
    if (!t.ends_with(")") || t.starts_with("#")) continue;
    // `word)`, `"word")`, `word|other)`
    bool match = false;
    for (auto alt : util::split(t.substr(0, t.size() - 1), '|')) {
      auto a = util::trim(alt);
      if (a.size() >= 2 && (a.front() == '"' || a.front() == '\'')) a = a.substr(1, a.size() - 2);
      if (a == word) match = true;
    }
    if (!match) continue;
    std::size_t end = i + 1;
    while (end < lines.size() && !util::trim(lines[end]).starts_with(";;")) ++end;
    return block_command(lines, i + 1, end, 0);
  }
  return {};
}

std::vector<Process> find_processes(const ProcessInputs& in) { return Finder(in).run(); }

}  // namespace onramp::checks::local_setup
