#include "onramp/checks/logging/logging_setup.hpp"

#include <array>
#include <map>
#include <set>

#include "onramp/checks/logging/loggers.hpp"
#include "onramp/facts/index.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::logging {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t kMaxListed = 10;

/// Calls that configure logging, with the name the report gives them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kSetupCalls = {{
    {"logging.config.dictConfig", "logging.config.dictConfig"},
    {"logging.config.fileConfig", "logging.config.fileConfig"},
    {"logging.basicConfig", "logging.basicConfig"},
    {"structlog.configure", "structlog.configure"},
    {"structlog.configure_once", "structlog.configure_once"},
    {"loguru.logger.add", "loguru logger.add"},
    {"loguru.logger.configure", "loguru logger.configure"},
    {"logging.config.listen", "logging.config.listen"},
    {"logging.captureWarnings", "logging.captureWarnings"},
}};

/// Error trackers and the call that starts each.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kTrackers = {{
    {"sentry_sdk.init", "sentry"},
    {"raven.Client", "sentry (raven, the retired SDK)"},
    {"rollbar.init", "rollbar"},
    {"bugsnag.configure", "bugsnag"},
}};

/// A monitoring tool: the modules whose import reveals it, and the calls that set it up.
struct Tool {
  std::string_view name;
  std::vector<std::string_view> modules;
  std::vector<std::string_view> setup;        // exact callees, or prefixes ending in `.`
  std::vector<std::string_view> definitions;  // callees that define a metric
};

const std::vector<Tool>& metric_tools() {
  static const std::vector<Tool> tools = {
      {"prometheus_client",
       {"prometheus_client"},
       {"prometheus_client.start_http_server", "prometheus_client.start_wsgi_server", "prometheus_client.make_asgi_app",
        "prometheus_client.make_wsgi_app", "prometheus_client.multiprocess."},
       {"prometheus_client.Counter", "prometheus_client.Gauge", "prometheus_client.Histogram",
        "prometheus_client.Summary", "prometheus_client.Info", "prometheus_client.Enum"}},
      {"prometheus-fastapi-instrumentator",
       {"prometheus_fastapi_instrumentator"},
       {"prometheus_fastapi_instrumentator.Instrumentator"},
       {}},
      {"starlette-exporter", {"starlette_exporter"}, {"starlette_exporter.PrometheusMiddleware"}, {}},
      {"django-prometheus", {"django_prometheus"}, {}, {}},
      {"statsd", {"statsd"}, {"statsd.StatsClient", "statsd.TCPStatsClient", "statsd.UnixSocketStatsClient"}, {}},
      {"datadog", {"datadog"}, {"datadog.initialize", "datadog.DogStatsd", "datadog.dogstatsd."}, {}},
      {"opentelemetry metrics",
       {"opentelemetry.metrics", "opentelemetry.sdk.metrics"},
       {"opentelemetry.metrics.set_meter_provider", "opentelemetry.sdk.metrics.MeterProvider"},
       {"opentelemetry.metrics.get_meter().create_counter", "opentelemetry.metrics.get_meter().create_histogram",
        "opentelemetry.metrics.get_meter().create_up_down_counter", "opentelemetry.metrics.get_meter().create_gauge"}},
  };
  return tools;
}

const std::vector<Tool>& tracing_tools() {
  static const std::vector<Tool> tools = {
      {"opentelemetry",
       {"opentelemetry.trace", "opentelemetry.sdk.trace", "opentelemetry.instrumentation", "opentelemetry.propagate",
        "opentelemetry.exporter", "opentelemetry.context", "opentelemetry.semconv"},
       {"opentelemetry.trace.set_tracer_provider", "opentelemetry.sdk.trace.TracerProvider",
        "opentelemetry.instrumentation.", "opentelemetry.sdk.trace.export.BatchSpanProcessor"},
       {}},
      {"ddtrace", {"ddtrace"}, {"ddtrace.patch_all", "ddtrace.patch", "ddtrace.config."}, {}},
      {"newrelic", {"newrelic"}, {"newrelic.agent.initialize"}, {}},
      {"elastic-apm", {"elasticapm"}, {"elasticapm.Client", "elasticapm.instrument"}, {}},
  };
  return tools;
}

bool names_module(std::string_view imported, std::string_view module) {
  return imported == module ||
         (imported.size() > module.size() && imported.starts_with(module) && imported[module.size()] == '.');
}

bool matches(std::string_view callee, std::string_view pattern) {
  if (pattern.ends_with('.')) return callee.starts_with(pattern);
  return callee == pattern;
}

json where(const facts::Module& m, const core::Location& l) { return {{"path", m.path}, {"line", l.line}}; }

/// Adds what the walk recorded about a dictConfig-style dict (or basicConfig/fileConfig arguments) to an entry.
void add_config_details(const facts::LoggingConfig& config, json& entry) {
  if (config.config_from) entry["config_from"] = *config.config_from;
  if (config.config_file) entry["config_file"] = *config.config_file;
  if (config.handlers) entry["handlers"] = *config.handlers;
  if (config.loggers) entry["loggers"] = *config.loggers;
  if (config.root_level) entry["root_level"] = *config.root_level;
  if (config.level) entry["level"] = *config.level;
  if (config.filename) entry["filename"] = *config.filename;
  if (config.keywords) entry["keywords"] = *config.keywords;
}

json tool_entries(const model::Project& project, const std::vector<Tool>& tools) {
  json out = json::array();
  for (const auto& tool : tools) {
    std::size_t modules = 0;
    std::size_t definitions = 0;
    json first = nullptr;
    json setup = json::array();
    for (const auto& m : project.modules) {
      if (is_test_or_tooling(m)) continue;
      bool imports = false;
      for (const auto& imp : m.imports) {
        const std::string imported = imp.name.empty() ? imp.module : imp.module + "." + imp.name;
        for (auto mod : tool.modules) {
          if (!names_module(imported, mod) && !names_module(imp.module, mod)) continue;
          if (!imports && first.is_null()) first = where(m, imp.location);
          imports = true;
        }
      }
      if (!imports) continue;
      ++modules;
      for (const auto& call : m.calls) {
        for (auto p : tool.setup) {
          if (!matches(call.callee, p)) continue;
          if (setup.size() < kMaxListed)
            setup.push_back({{"call", call.callee}, {"path", m.path}, {"line", call.location.line}});
          break;
        }
        for (auto p : tool.definitions) {
          if (matches(call.callee, p)) ++definitions;
        }
      }
    }
    if (modules == 0) continue;
    json entry = {{"tool", tool.name}, {"modules", modules}, {"first_import", first}, {"setup", std::move(setup)}};
    if (!tool.definitions.empty()) entry["metric_definitions"] = definitions;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

void LoggingSetupInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  // Where logging is configured, and where the configuration sends records.
  json setup = json::array();
  for (const auto& m : project.modules) {
    if (is_test_or_tooling(m)) continue;
    std::map<const facts::Call*, const facts::LoggingConfig*> details;
    for (const auto& config : m.records.logging_configs) {
      if (config.call >= 0) {
        details[&m.calls[static_cast<std::size_t>(config.call)]] = &config;
        continue;
      }
      // Django reads LOGGING from its settings module; elsewhere it is a dict handed to dictConfig.
      const bool django = m.path.find("settings") != std::string::npos;
      json entry = {{"kind", django ? "Django LOGGING setting" : "LOGGING dict"},
                    {"path", m.path},
                    {"line", config.location.line}};
      add_config_details(config, entry);
      setup.push_back(std::move(entry));
    }
    for (const auto& call : m.calls) {
      for (const auto& [callee, kind] : kSetupCalls) {
        if (call.callee != callee) continue;
        json entry = {{"kind", kind}, {"path", m.path}, {"line", call.location.line}};
        if (const auto it = details.find(&call); it != details.end()) add_config_details(*it->second, entry);
        setup.push_back(std::move(entry));
      }
    }
  }
  facts["setup"] = std::move(setup);

  // How loggers are named, and how much is logged at each level.
  std::size_t by_module = 0, by_literal = 0, by_other = 0, root = 0, stdlib_loggers = 0, structlog_loggers = 0,
              task_loggers = 0;
  std::map<std::string, std::size_t> names;
  std::map<std::string, std::size_t> levels;
  std::map<std::string, std::size_t> libraries;
  std::size_t root_calls = 0, total = 0, loguru_modules = 0;
  for (const auto& m : project.modules) {
    if (is_test_or_tooling(m)) continue;
    for (const auto& imp : m.imports) {
      if (imp.target == "loguru.logger") {
        ++loguru_modules;
        break;
      }
    }
    for (const auto& created : m.records.logger_creations) {
      const facts::Call& call = m.calls[created.call];
      const std::string& callee = call.resolved();
      const bool stdlib = callee == "logging.getLogger";
      const bool task = callee == "celery.utils.log.get_task_logger";
      const bool structlog = callee == "structlog.get_logger" || callee == "structlog.getLogger" ||
                             callee == "structlog.stdlib.get_logger";
      if (!stdlib && !task && !structlog) continue;
      ++(stdlib ? stdlib_loggers : task ? task_loggers : structlog_loggers);
      using Form = facts::LoggerCreation::NameForm;
      const std::string& arg = created.name;
      if (created.form == Form::none) {
        // getLogger() is the root logger; structlog.get_logger() is the usual unnamed form.
        if (stdlib) ++root;
      } else if (created.form == Form::name && arg == "__name__") {
        ++by_module;
      } else if (created.form == Form::string) {
        ++by_literal;
        ++names[arg];
      } else {
        ++by_other;
      }
    }
    for (const auto& site : m.records.log_calls) {
      const facts::Call& call = m.calls[site.call];
      if (call.callee.empty()) continue;
      auto logger = logger_call(call.callee);
      if (!logger) logger = logger_call(call.resolved());
      if (!logger) continue;
      std::string level = logger->method;
      if (level == "warn") level = "warning";
      if (level == "fatal") level = "critical";
      ++levels[level];
      ++total;
      if (logger->root) ++root_calls;
      ++libraries[logger->library == Library::stdlib      ? "logging"
                  : logger->library == Library::structlog ? "structlog"
                                                          : "loguru"];
    }
  }
  json named = json::array();
  std::vector<std::pair<std::string, std::size_t>> sorted(names.begin(), names.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (std::size_t i = 0; i < sorted.size() && i < kMaxListed; ++i)
    named.push_back({{"name", sorted[i].first}, {"count", sorted[i].second}});
  facts["loggers"] = {
      {"created_by",
       {{"logging.getLogger", stdlib_loggers},
        {"celery.utils.log.get_task_logger", task_loggers},
        {"structlog.get_logger", structlog_loggers}}},
      {"named_by", {{"__name__", by_module}, {"literal", by_literal}, {"other_expression", by_other}, {"root", root}}},
      {"literal_names", std::move(named)},
      {"loguru_modules", loguru_modules}};
  json by_level = json::object();
  for (std::string_view level :
       {"trace", "debug", "info", "success", "warning", "error", "exception", "critical", "log"}) {
    if (const auto it = levels.find(std::string(level)); it != levels.end()) by_level[std::string(level)] = it->second;
  }
  json by_library = json::object();
  for (const auto& [lib, n] : libraries) by_library[lib] = n;
  facts["log_calls"] = {{"total", total},
                        {"by_level", std::move(by_level)},
                        {"by_library", std::move(by_library)},
                        {"root_logger", root_calls}};

  // Error tracking: the trackers started, with the DSN described (never shown) and Sentry's integrations.
  json tracking = json::array();
  for (const auto& m : project.modules) {
    if (is_test_or_tooling(m)) continue;
    std::map<const facts::Call*, const facts::TrackerInit*> details;
    for (const auto& init : m.records.tracker_inits) details[&m.calls[init.call]] = &init;
    for (const auto& call : m.calls) {
      for (const auto& [callee, tool] : kTrackers) {
        if (call.callee != callee) continue;
        json entry = {{"tool", tool}, {"call", callee}, {"path", m.path}, {"line", call.location.line}};
        if (callee == "sentry_sdk.init") {
          const auto it = details.find(&call);
          const std::string dsn = it == details.end() ? std::string() : it->second->dsn;
          entry["dsn"] = dsn.empty() ? "not passed: sentry_sdk reads the SENTRY_DSN environment variable" : dsn;
          // The keywords passed, and `**` last when a mapping is unpacked into them.
          std::vector<std::string> options;
          bool unpacked = false;
          for (const auto& k : call.keywords) {
            if (it == details.end()) break;
            if (k.name == "**") {
              unpacked = true;
            } else {
              options.push_back(k.name);
            }
          }
          if (unpacked) options.emplace_back("**");
          entry["options"] = options;
          std::set<std::string> integrations;
          for (const auto& c : m.calls) {
            if (!c.callee.starts_with("sentry_sdk.integrations.")) continue;
            const auto last = c.callee.substr(c.callee.rfind('.') + 1);
            if (last.ends_with("Integration")) integrations.insert(last);
          }
          entry["integrations"] = std::vector<std::string>(integrations.begin(), integrations.end());
        }
        tracking.push_back(std::move(entry));
      }
    }
  }
  facts["error_tracking"] = std::move(tracking);
  facts["metrics"] = tool_entries(project, metric_tools());
  facts["tracing"] = tool_entries(project, tracing_tools());
}

}  // namespace onramp::checks::logging
