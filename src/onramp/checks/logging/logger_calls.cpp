#include "onramp/checks/logging/logger_calls.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "onramp/checks/logging/loggers.hpp"
#include "onramp/facts/index.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::logging {

namespace {

constexpr int kMaxCallerDepth = 4;

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

std::string last_segment(std::string_view name) {
  const auto dot = name.rfind('.');
  return std::string(dot == std::string_view::npos ? name : name.substr(dot + 1));
}

/// True if the dotted name's last part is `part` (`app.x.load` and `load`), without allocating.
bool ends_with_segment(std::string_view name, std::string_view part) {
  if (name.size() < part.size() || name.substr(name.size() - part.size()) != part) return false;
  return name.size() == part.size() || name[name.size() - part.size() - 1] == '.';
}

/// The receiver as written: `logger` for `logger.info`, `logging` for `logging.info`.
std::string receiver_of(const std::string& written) {
  const auto dot = written.rfind('.');
  return dot == std::string::npos ? std::string() : written.substr(0, dot);
}

/// Loops that repeat an attempt rather than walk over data: logging in them is a retry log.
bool is_retry_iterable(std::string_view callee) {
  return callee == "builtins.range" || callee == "itertools.count" || callee == "itertools.repeat" ||
         callee.starts_with("tenacity.") || callee.starts_with("stamina.") || callee.starts_with("backoff.");
}

/// True if the loop body, besides the log call, awaits something or calls a function of the repository:
/// a record per item next to per-item work (a payment, a delivery) is an audit trail, not spam.
bool loop_does_own_work(const model::Project& project, const facts::Module& m, const facts::Call& log,
                        const core::Location& body) {
  for (const auto& c : m.calls) {
    if (&c == &log || c.function != log.function || c.in_lambda || !contains(body, c.location) ||
        contains(log.location, c.location)) {
      continue;
    }
    if (c.awaited) return true;
    if (!c.callee.empty() && project.index && project.index->function(c.callee)) return true;
  }
  return false;
}

/// One logger call of the project with what the walk noted about it.
struct Site {
  const facts::Module* module = nullptr;
  const facts::Call* call = nullptr;
  const facts::LogCall* site = nullptr;
  LoggerCall logger;
};

std::string eager_message(const Site& s, facts::MessageForm form) {
  using facts::MessageForm;
  const std::string how = form == MessageForm::fstring          ? "an f-string"
                          : form == MessageForm::percent_format ? "`%` formatting"
                          : form == MessageForm::concatenation  ? "`+` concatenation"
                                                                : "`.format()`";
  const std::string& w = s.call->written;
  std::string instead;
  switch (s.logger.library) {
    case Library::stdlib: instead = fmt::format("pass the values as arguments: `{}(\"... %s\", value)`", w); break;
    case Library::structlog:
      instead = fmt::format("pass the values as key-value pairs: `{}(\"event\", key=value)`", w);
      break;
    case Library::loguru: instead = fmt::format("pass the values as arguments: `{}(\"... {{}}\", value)`", w); break;
  }
  const std::string level = s.logger.method == "log" ? "the level" : upper(s.logger.method);
  return fmt::format(
      "`{}()` builds its message with {}: the string is formatted even when {} is switched off, and every record is "
      "unique, so log search and Sentry cannot group them; {}",
      w, how, level, instead);
}

/// Decides whether a function provably never runs inside an except clause: every call site of it is known,
/// outside except clauses, and at module level or in a function for which the same holds (bounded depth).
/// Functions nobody in the repository calls (views, hooks, callbacks) are never proven.
class OutsideHandlers {
public:
  explicit OutsideHandlers(const model::Project& project) : project_(project) {}

  bool proven(const std::string& qualname, int depth = 0) {
    if (const auto it = memo_.find(qualname); it != memo_.end()) return it->second;
    if (depth > kMaxCallerDepth) return false;
    memo_[qualname] = false;  // a recursive cycle proves nothing
    const auto sites = call_sites(qualname);
    bool ok = !sites.empty();
    for (const auto& [m, call] : sites) {
      if (!ok) break;
      if (call->in_lambda || in_handler(*m, *call)) {
        ok = false;
      } else if (call->function >= 0) {
        ok = proven(m->functions[static_cast<std::size_t>(call->function)].qualname, depth + 1);
      }
    }
    memo_[qualname] = ok;
    return ok;
  }

private:
  std::vector<std::pair<const facts::Module*, const facts::Call*>> call_sites(const std::string& qualname) const {
    std::vector<std::pair<const facts::Module*, const facts::Call*>> out;
    const std::string name = last_segment(qualname);
    for (const auto& m : project_.modules) {
      for (const auto& c : m.calls) {
        if (!ends_with_segment(c.callee, name)) continue;
        const auto fn = project_.index->function(c.callee);
        if (fn && fn->function().qualname == qualname) out.emplace_back(&m, &c);
      }
    }
    return out;
  }

  static bool in_handler(const facts::Module& m, const facts::Call& call) {
    return std::any_of(m.handlers.begin(), m.handlers.end(),
                       [&](const facts::ExceptHandler& h) { return contains(h.location, call.location); });
  }

  const model::Project& project_;
  std::unordered_map<std::string, bool> memo_;
};

}  // namespace

void LoggerCallsCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                     std::vector<core::Finding>& out) const {
  const core::Rule* eager = rules.find("logging/eager-format");
  const core::Rule* warn = rules.find("logging/deprecated-warn");
  const core::Rule* clash = rules.find("logging/extra-attr-clash");
  const core::Rule* error = rules.find("logging/error-instead-of-exception");
  const core::Rule* redundant = rules.find("logging/redundant-exc-info");
  const core::Rule* outside = rules.find("logging/exception-outside-except");
  const core::Rule* loop = rules.find("logging/log-in-loop");
  const core::Rule* root = rules.find("logging/root-logger-call");

  std::vector<Site> sites;
  for (const auto& m : project.modules) {
    if (is_hidden_tooling(m)) continue;
    for (const auto& site : m.records.log_calls) {
      const facts::Call& call = m.calls[site.call];
      if (call.callee.empty()) continue;
      auto logger = logger_call(call.callee);
      if (!logger && call.resolved() != call.callee) logger = logger_call(call.resolved());
      if (logger) sites.push_back(Site{&m, &call, &site, std::move(*logger)});
    }
  }

  std::optional<OutsideHandlers> outside_handlers;
  for (const auto& s : sites) {
    const facts::Module& m = *s.module;
    const facts::Call& call = *s.call;
    const facts::LogCall& site = *s.site;
    const facts::ExceptHandler* handler =
        site.handler >= 0 ? &m.handlers[static_cast<std::size_t>(site.handler)] : nullptr;
    const std::string& method = s.logger.method;
    const bool stdlib = s.logger.library == Library::stdlib;
    const bool in_handler = site.in_handler;
    using facts::Truth;
    const auto report = [&](const core::Rule* rule, std::string message) {
      out.push_back(make_finding(*rule, m.path, call.location, std::move(message), call.code));
    };

    if (eager != nullptr && !is_test_or_tooling(m)) {
      using facts::MessageForm;
      const MessageForm form = site.message;
      if (form == MessageForm::fstring || form == MessageForm::percent_format || form == MessageForm::concatenation ||
          form == MessageForm::format_call) {
        report(eager, eager_message(s, form));
      }
    }
    if (warn != nullptr && stdlib && method == "warn") {
      report(warn, fmt::format("`{}()` is a deprecated alias of `warning()` (DeprecationWarning since Python 3.3); "
                               "call `{}.warning()`",
                               call.written, receiver_of(call.written)));
    }
    if (clash != nullptr && stdlib) {
      if (const std::string keys = util::join(site.extra_clash, ","); !keys.empty()) {
        report(clash, fmt::format("`extra` sets {} which every LogRecord already has: the call raises KeyError "
                                  "(\"Attempt to overwrite ... in LogRecord\") and the record is lost; rename the key",
                                  "`" + keys + "`"));
      }
    }
    // Only where the traceback was wanted: the clause catches everything, or the message carries the
    // caught exception (`logger.error("...: %s", exc)`). A self-contained message for an expected
    // exception (`except MaxRetriesExceeded: logger.error("Gave up")`) is a deliberate choice.
    if (error != nullptr && !is_test_or_tooling(m) && method == "error" && in_handler &&
        site.exc_info == Truth::absent && !site.splat && !(handler != nullptr && handler->reraises) &&
        !site.traceback_logged && ((handler != nullptr && handler->broad) || site.mentions_exception)) {
      report(error, fmt::format("`{}()` in an except clause logs the error without its traceback, so the log will not "
                                "say where it failed; use `{}.exception()` (or pass exc_info=True)",
                                call.written, receiver_of(call.written)));
    }
    if (redundant != nullptr && stdlib && method == "exception") {
      if (site.exc_info == Truth::truthy && in_handler) {
        report(redundant,
               fmt::format("`{}()` already attaches the traceback; exc_info=True is redundant", call.written));
      } else if (site.exc_info == Truth::falsy) {
        report(redundant, fmt::format("`{}()` with a false exc_info logs at ERROR without the traceback, the opposite "
                                      "of what `.exception()` says; call `{}.error()`",
                                      call.written, receiver_of(call.written)));
      }
    }
    if (outside != nullptr && !is_test_or_tooling(m) && !in_handler &&
        (method == "exception" || (stdlib && site.exc_info == Truth::truthy))) {
      bool proven = call.function < 0 && !call.in_lambda;
      if (call.function >= 0 && !call.in_lambda && project.index) {
        if (!outside_handlers) outside_handlers.emplace(project);
        proven = outside_handlers->proven(m.functions[static_cast<std::size_t>(call.function)].qualname);
      }
      if (proven) {
        report(outside, method == "exception"
                            ? fmt::format("`{}()` runs outside any except clause, so there is no exception to attach "
                                          "and the log shows `NoneType: None`; use `{}.error()`",
                                          call.written, receiver_of(call.written))
                            : fmt::format("`{}(..., exc_info=True)` runs outside any except clause, so the log shows "
                                          "`NoneType: None`; drop exc_info or pass the exception object",
                                          call.written));
      }
    }
    // Scripts report progress per item on purpose, and a loop inside an except clause reports one failure.
    if (loop != nullptr && !is_script_module(m) && !in_handler && level_rank(method) >= 20) {
      if (const std::string& header = site.loop; !header.empty()) {
        bool retry = false;
        if (const auto& at = site.iterable) {
          for (const auto& c : m.calls) {
            const auto& l = c.location;
            if (l.line != at->line || l.column != at->column || l.end_line != at->end_line ||
                l.end_column != at->end_column)
              continue;
            retry = is_retry_iterable(c.resolved());
            break;
          }
        }
        if (!retry && loop_does_own_work(project, m, call, site.loop_body)) retry = true;
        if (!retry) {
          report(loop, fmt::format("`{}()` runs on every iteration of `{}`: one {} record per item floods the logs; "
                                   "log once after the loop (a count or a summary), or per item at DEBUG",
                                   call.written, header, upper(method == "warn" ? "warning" : method)));
        }
      }
    }
    if (root != nullptr && s.logger.root && !is_script_module(m)) {
      report(root, fmt::format("`{}()` logs through the root logger: records carry no module name and cannot be "
                               "levelled or filtered per module; use `logger = logging.getLogger(__name__)` and "
                               "`logger.{}()`",
                               call.written, method));
    }
  }

  // logging.WARN, resolved through the module's imports.
  if (warn != nullptr) {
    for (const auto& m : project.modules) {
      if (is_hidden_tooling(m)) continue;
      for (const auto& constant : m.records.warn_constants) {
        const std::string& object = constant.object;
        const bool from_logging = std::any_of(m.imports.begin(), m.imports.end(), [&](const facts::Import& imp) {
          return object.empty() ? imp.bound == "WARN" && imp.target == "logging.WARN"
                                : imp.bound == object && imp.target == "logging";
        });
        if (!from_logging) continue;
        const std::string shown = object.empty() ? "WARN" : object + ".WARN";
        out.push_back(make_finding(*warn, m.path, constant.location,
                                   fmt::format("`{}` is an undocumented alias of `logging.WARNING`; use `{}`", shown,
                                               object.empty() ? "WARNING" : object + ".WARNING"),
                                   shown));
      }
    }
  }
}

}  // namespace onramp::checks::logging
