#include "onramp/checks/async/async_inventory.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "onramp/facts/index.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/util/secrets.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::async {

namespace {

using json = nlohmann::ordered_json;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string top_package(const facts::Module& m) {
  const auto dot = m.name.find('.');
  return m.name.empty() ? std::string(".") : m.name.substr(0, dot);
}

/// Where a connection URL comes from, without ever showing a secret: a setting, an env var, or a masked literal.
std::string url_source(std::string_view expr) {
  expr = util::trim(expr);
  if (expr.empty()) return "not given (library default)";
  if (auto lit = util::string_literal(expr)) return "literal " + util::mask_url_credentials(*lit);
  for (std::string_view env : {"os.environ.get(", "os.getenv(", "getenv(", "environ.get(", "env(", "config("}) {
    if (starts_with(expr, env)) {
      const auto args = util::split_arguments(expr.substr(env.size(), expr.size() - env.size() - 1));
      if (!args.empty()) {
        if (auto name = util::string_literal(args[0])) return "env " + *name;
      }
    }
  }
  for (std::string_view env : {"os.environ[", "environ["}) {
    if (starts_with(expr, env) && expr.back() == ']') {
      if (auto name = util::string_literal(expr.substr(env.size(), expr.size() - env.size() - 1)))
        return "env " + *name;
    }
  }
  const bool dotted = std::all_of(expr.begin(), expr.end(), [](char c) {
    return c == '.' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
  if (dotted) return "setting " + std::string(expr);
  return "expression " + util::mask_url_credentials(expr.size() > 80 ? expr.substr(0, 80) : expr);
}

struct TaskKind {
  std::string_view queue_system;
  std::string_view schedule;  // default schedule text
};

/// What a decorator makes of a function, from its canonical name.
std::optional<TaskKind> task_decorator(std::string_view d) {
  if (starts_with(d, "celery.") && (ends_with(d, ".task") || d == "celery.shared_task"))
    return TaskKind{"celery", "on demand (.delay / .apply_async)"};
  if (d == "celery.shared_task") return TaskKind{"celery", "on demand (.delay / .apply_async)"};
  if (d == "dramatiq.actor") return TaskKind{"dramatiq", "on demand (.send)"};
  if (starts_with(d, "huey.") && (ends_with(d, ".periodic_task") || ends_with(d, ".db_periodic_task")))
    return TaskKind{"huey", "periodic"};
  if (starts_with(d, "huey.") && (ends_with(d, ".task") || ends_with(d, ".db_task")))
    return TaskKind{"huey", "on demand"};
  if (starts_with(d, "taskiq") && ends_with(d, ".task")) return TaskKind{"taskiq", "on demand (.kiq)"};
  if (d == "rq.decorators.job" || d == "rq.job") return TaskKind{"rq", "on demand (.delay)"};
  if (starts_with(d, "faust.") && ends_with(d, ".agent")) return TaskKind{"faust", "stream consumer"};
  if (starts_with(d, "faust.") && (ends_with(d, ".timer") || ends_with(d, ".crontab")))
    return TaskKind{"faust", "periodic"};
  return std::nullopt;
}

/// The decorator call written just above a function (to read its arguments), if any.
const facts::Call* decorator_call(const facts::Module& m, const facts::Function& fn, std::string_view decorator) {
  const facts::Call* best = nullptr;
  for (const auto& c : m.calls) {
    if (c.location.line >= fn.location.line || c.location.line + 12 < fn.location.line || c.function != fn.parent)
      continue;
    if (c.resolved() == decorator) best = &c;
  }
  return best;
}

struct BrokerKind {
  std::string_view broker;
  std::string_view role;
  std::vector<std::string_view> url_keywords;
};

std::optional<BrokerKind> broker_call(std::string_view c) {
  static const std::map<std::string_view, BrokerKind, std::less<>> calls = {
      {"aiokafka.AIOKafkaConsumer", {"kafka", "consumer", {"bootstrap_servers"}}},
      {"aiokafka.AIOKafkaProducer", {"kafka", "producer", {"bootstrap_servers"}}},
      {"confluent_kafka.Consumer", {"kafka", "consumer", {}}},
      {"confluent_kafka.Producer", {"kafka", "producer", {}}},
      {"kafka.KafkaConsumer", {"kafka", "consumer", {"bootstrap_servers"}}},
      {"kafka.KafkaProducer", {"kafka", "producer", {"bootstrap_servers"}}},
      {"faust.App", {"kafka", "stream processing app (faust)", {"broker"}}},
      {"aio_pika.connect_robust", {"rabbitmq", "connection (aio-pika)", {"url"}}},
      {"aio_pika.connect", {"rabbitmq", "connection (aio-pika)", {"url"}}},
      {"pika.BlockingConnection", {"rabbitmq", "connection (pika, blocking)", {}}},
      {"pika.SelectConnection", {"rabbitmq", "connection (pika)", {}}},
      {"kombu.Connection", {"rabbitmq/redis", "connection (kombu)", {"hostname"}}},
      {"nats.connect", {"nats", "connection", {"servers"}}},
      {"celery.Celery", {"celery broker", "task queue app (celery)", {"broker"}}},
      {"dramatiq.brokers.redis.RedisBroker", {"redis", "task queue broker (dramatiq)", {"url"}}},
      {"dramatiq.brokers.rabbitmq.RabbitmqBroker", {"rabbitmq", "task queue broker (dramatiq)", {"url"}}},
      {"arq.create_pool", {"redis", "task queue pool (arq)", {}}},
      {"rq.Queue", {"redis", "task queue (rq)", {"connection"}}},
  };
  if (const auto it = calls.find(c); it != calls.end()) return it->second;
  if (starts_with(c, "redis") &&
      (ends_with(c, ".pubsub") || ends_with(c, ".subscribe") || ends_with(c, ".psubscribe"))) {
    return BrokerKind{"redis", "pub/sub", {}};
  }
  if (starts_with(c, "redis") && (ends_with(c, ".xread") || ends_with(c, ".xreadgroup") || ends_with(c, ".xadd"))) {
    return BrokerKind{"redis", "stream", {}};
  }
  return std::nullopt;
}

}  // namespace

void AsyncInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  if (!project.index) return;

  // Async functions per package, and which event-loop libraries and frameworks the code imports.
  std::map<std::string, std::pair<int, int>> per_package;  // async, all
  int async_total = 0;
  std::map<std::string, std::set<std::string>> loops, frameworks;
  static const std::map<std::string_view, std::string_view, std::less<>> loop_libs = {
      {"asyncio", "asyncio"}, {"anyio", "anyio"}, {"trio", "trio"},
      {"uvloop", "uvloop"},   {"curio", "curio"}, {"gevent", "gevent"}};
  static const std::map<std::string_view, std::string_view, std::less<>> framework_libs = {
      {"fastapi", "FastAPI"},
      {"starlette", "Starlette"},
      {"aiohttp", "aiohttp"},
      {"sanic", "Sanic"},
      {"quart", "Quart"},
      {"litestar", "Litestar"},
      {"tornado", "Tornado"},
      {"channels", "Django Channels"},
      {"socketio", "python-socketio"},
      {"faust", "Faust"},
      {"aiogram", "aiogram"}};
  json sync_routes = json::array();
  for (const auto& m : project.modules) {
    auto& pkg = per_package[top_package(m)];
    for (const auto& fn : m.functions) {
      ++pkg.second;
      if (fn.is_async) {
        ++pkg.first;
        ++async_total;
      }
    }
    for (const auto& imp : m.imports) {
      const std::string_view root = std::string_view(imp.module).substr(0, imp.module.find('.'));
      if (const auto it = loop_libs.find(root); it != loop_libs.end()) loops[std::string(it->second)].insert(m.path);
      if (const auto it = framework_libs.find(root); it != framework_libs.end())
        frameworks[std::string(it->second)].insert(m.path);
    }
    if (m.role == core::CodeRole::test) continue;
    bool django_async_view = false;
    for (const auto& fn : m.functions) {
      for (const auto& canon : fn.canonical_decorators) {
        // FastAPI path operations declared with plain `def` run in a thread pool: blocking calls there are fine.
        const bool route =
            (starts_with(canon, "fastapi.") || starts_with(canon, "starlette.")) &&
            (ends_with(canon, "().get") || ends_with(canon, "().post") || ends_with(canon, "().put") ||
             ends_with(canon, "().patch") || ends_with(canon, "().delete") || ends_with(canon, "().api_route"));
        if (route && !fn.is_async) {
          sync_routes.push_back({{"path", m.path}, {"line", fn.location.line}, {"function", fn.name}});
        }
      }
      if (fn.is_async && !fn.is_method && m.path.ends_with("views.py")) django_async_view = true;
    }
    if (django_async_view && std::any_of(m.imports.begin(), m.imports.end(),
                                         [](const facts::Import& i) { return starts_with(i.module, "django"); })) {
      frameworks["Django async views"].insert(m.path);
    }
  }
  json packages = json::object();
  for (const auto& [name, counts] : per_package) {
    if (counts.first > 0) packages[name] = {{"async", counts.first}, {"functions", counts.second}};
  }
  facts["async_functions"] = {{"total", async_total}, {"packages", packages}};
  const auto usage = [&](const std::map<std::string, std::set<std::string>>& found) {
    json out = json::array();
    for (const auto& [name, files] : found) {
      // Show an application module rather than a test or a script where there is one.
      auto example = std::find_if(files.begin(), files.end(), [&](const std::string& p) {
        return model::role_of(project, p) == core::CodeRole::application;
      });
      out.push_back(
          {{"name", name}, {"modules", files.size()}, {"example", example != files.end() ? *example : *files.begin()}});
    }
    return out;
  };
  facts["event_loop_libraries"] = usage(loops);
  facts["frameworks"] = usage(frameworks);
  facts["sync_path_operations"] = {
      {"count", sync_routes.size()},
      {"note",
       "FastAPI runs plain-def path operations in a thread pool: blocking calls there do not stall the event loop"},
      {"functions", sync_routes}};

  // Tasks: decorated functions, beat and arq schedules, FastAPI background tasks.
  std::map<std::string, std::string> beat;  // task name -> schedule
  for (const auto& m : project.modules) {
    for (const auto& t : m.records.task_schedules) {
      if (t.kind == facts::TaskSchedule::Kind::celery_beat && !t.task.empty()) {
        beat[t.task] = t.schedule.empty() ? "celery beat" : "celery beat: " + t.schedule;
      }
    }
  }
  json tasks = json::array();
  for (const auto& m : project.modules) {
    if (m.role != core::CodeRole::application && m.role != core::CodeRole::script) continue;
    for (const auto& fn : m.functions) {
      for (const auto& canon : fn.canonical_decorators) {
        const auto kind = task_decorator(canon);
        if (!kind) continue;
        std::string name = fn.qualname, queue, schedule(kind->schedule);
        if (const auto* call = decorator_call(m, fn, canon)) {
          const auto args = util::split_arguments(call->args);
          for (std::string_view key : {"name", "actor_name"}) {
            if (auto v = util::string_literal(util::keyword_argument(args, key))) name = *v;
          }
          for (std::string_view key : {"queue", "queue_name"}) {
            if (const auto v = util::keyword_argument(args, key); !v.empty())
              queue = util::string_literal(v).value_or(std::string(v));
          }
          if (kind->queue_system == "huey" && schedule == "periodic" && !args.empty())
            schedule = "periodic: " + std::string(args[0]);
          if (kind->queue_system == "rq" && !args.empty() && queue.empty())
            queue = util::string_literal(args[0]).value_or(std::string(args[0]));
        }
        if (const auto it = beat.find(name); it != beat.end()) schedule = it->second;
        json row = {{"name", name},         {"queue", queue.empty() ? json(nullptr) : json(queue)},
                    {"path", m.path},       {"line", fn.location.line},
                    {"schedule", schedule}, {"system", kind->queue_system}};
        tasks.push_back(std::move(row));
        break;
      }
    }
    for (const auto& t : m.records.task_schedules) {
      if (t.kind == facts::TaskSchedule::Kind::celery_beat) continue;
      const bool cron = t.kind == facts::TaskSchedule::Kind::arq_cron;
      tasks.push_back({{"name", t.task},
                       {"queue", nullptr},
                       {"path", m.path},
                       {"line", t.location.line},
                       {"schedule", cron ? "arq cron: " + t.schedule : std::string("on demand (enqueue_job)")},
                       {"system", "arq"}});
    }
    for (const auto& c : m.calls) {
      const auto& canon = c.resolved();
      if (canon == "fastapi.BackgroundTasks().add_task" || canon == "starlette.background.BackgroundTasks().add_task") {
        const auto args = util::split_arguments(c.args);
        tasks.push_back({{"name", args.empty() ? std::string("?") : std::string(args[0])},
                         {"queue", nullptr},
                         {"path", m.path},
                         {"line", c.location.line},
                         {"schedule", "after the response (FastAPI BackgroundTasks, same process)"},
                         {"system", "fastapi"}});
      }
    }
  }
  // Beat entries whose task is not a decorated function here still tell the newcomer what runs when.
  std::set<std::string> named;
  for (const auto& t : tasks) named.insert(t["name"].get<std::string>());
  for (const auto& m : project.modules) {
    for (const auto& t : m.records.task_schedules) {
      if (t.kind == facts::TaskSchedule::Kind::celery_beat && !named.contains(t.task)) {
        tasks.push_back({{"name", t.task.empty() ? t.entry : t.task},
                         {"queue", t.queue.empty() ? json(nullptr) : json(t.queue)},
                         {"path", m.path},
                         {"line", t.location.line},
                         {"schedule", "celery beat: " + t.schedule},
                         {"system", "celery"}});
      }
    }
  }
  facts["tasks"] = std::move(tasks);

  json brokers = json::array();
  for (const auto& m : project.modules) {
    if (m.role != core::CodeRole::application && m.role != core::CodeRole::script) continue;
    for (const auto& c : m.calls) {
      const auto& canon = c.resolved();
      const auto kind = broker_call(canon);
      if (!kind) continue;
      const auto args = util::split_arguments(c.args);
      std::string_view url;
      for (auto key : kind->url_keywords) {
        if (url.empty()) url = util::keyword_argument(args, key);
      }
      if (url.empty() && !args.empty() && args[0].find('=') == std::string_view::npos) url = args[0];
      json row = {{"broker", kind->broker},
                  {"role", kind->role},
                  {"client", canon},
                  {"path", m.path},
                  {"line", c.location.line}};
      if (!kind->url_keywords.empty() || !url.empty()) row["url_source"] = url_source(url);
      brokers.push_back(std::move(row));
    }
  }
  facts["brokers"] = std::move(brokers);
}

}  // namespace onramp::checks::async
