#include "onramp/facts/extract/task_schedules.hpp"

#include <cstring>

#include "onramp/parse/ts.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::facts::extract {

namespace {

using parse::ts::field;
using parse::ts::is;

std::string literal_or_text(TSNode n, const FileContext& ctx) {
  const auto text = ctx.source.text_of(n);
  if (auto s = util::string_literal(text)) return *s;
  return util::collapse_whitespace(text);
}

/// `{"name": {"task": "...", "schedule": ..., "options": {"queue": "..."}}}` -> one schedule per entry.
void record_beat_schedule(TSNode dict, FileContext& ctx) {
  const std::uint32_t count = ts_node_named_child_count(dict);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode pair = ts_node_named_child(dict, i);
    if (!is(pair, "pair")) continue;
    const TSNode value = field(pair, "value");
    TaskSchedule entry;
    entry.kind = TaskSchedule::Kind::celery_beat;
    entry.entry = literal_or_text(field(pair, "key"), ctx);
    entry.location = ctx.source.location(pair);
    if (is(value, "dictionary")) {
      const std::uint32_t n = ts_node_named_child_count(value);
      for (std::uint32_t j = 0; j < n; ++j) {
        const TSNode p = ts_node_named_child(value, j);
        if (!is(p, "pair")) continue;
        const auto key = literal_or_text(field(p, "key"), ctx);
        const TSNode v = field(p, "value");
        if ((key == "task" && entry.task.empty()) || (key == "schedule" && entry.schedule.empty())) {
          (key == "task" ? entry.task : entry.schedule) = literal_or_text(v, ctx);
        }
        if (key == "options" && is(v, "dictionary")) {
          const std::uint32_t m = ts_node_named_child_count(v);
          for (std::uint32_t k = 0; k < m; ++k) {
            const TSNode o = ts_node_named_child(v, k);
            if (is(o, "pair") && entry.queue.empty() && literal_or_text(field(o, "key"), ctx) == "queue") {
              entry.queue = literal_or_text(field(o, "value"), ctx);
            }
          }
        }
      }
    }
    ctx.module.records.task_schedules.push_back(std::move(entry));
  }
}

bool in_class_named(const FileContext& ctx, std::string_view name) {
  const auto anc = ctx.ancestors();
  for (std::size_t i = anc.size(); i-- > 0;) {
    if (is(anc[i], "function_definition")) return false;
    if (is(anc[i], "class_definition")) return ctx.source.text_of(field(anc[i], "name")) == name;
  }
  return false;
}

}  // namespace

void TaskSchedulesExtractor::enter(TSNode node, FileContext& ctx) {
  const bool keyword = is(node, "keyword_argument");
  const TSNode left = field(node, keyword ? "name" : "left");
  const TSNode right = field(node, keyword ? "value" : "right");
  if (ts_node_is_null(left) || ts_node_is_null(right)) return;
  const auto target = ctx.source.text_of(left);
  const auto last = target.substr(target.rfind('.') == std::string_view::npos ? 0 : target.rfind('.') + 1);
  if ((last == "beat_schedule" || last == "CELERY_BEAT_SCHEDULE" || last == "CELERYBEAT_SCHEDULE") &&
      is(right, "dictionary")) {
    record_beat_schedule(right, ctx);
    return;
  }
  // arq: class WorkerSettings: functions = [...]; cron_jobs = [cron(fn, hour=...), ...]
  if (keyword || !(target == "functions" || target == "cron_jobs") || !is(right, "list") ||
      !in_class_named(ctx, "WorkerSettings")) {
    return;
  }
  const std::uint32_t count = ts_node_named_child_count(right);
  for (std::uint32_t i = 0; i < count; ++i) {
    const TSNode item = ts_node_named_child(right, i);
    if (target == "functions") {
      ctx.module.records.task_schedules.push_back({TaskSchedule::Kind::arq_function,
                                                   {},
                                                   util::collapse_whitespace(ctx.source.text_of(item)),
                                                   {},
                                                   {},
                                                   ctx.source.location(item)});
    } else if (is(item, "call")) {
      const auto args_node = field(item, "arguments");
      auto inner = ctx.source.text_of(args_node);
      if (inner.size() >= 2) inner = inner.substr(1, inner.size() - 2);
      const auto args = util::split_arguments(inner);
      if (args.empty()) continue;
      std::string schedule;
      for (std::size_t k = 1; k < args.size(); ++k) schedule += (k > 1 ? ", " : "") + std::string(args[k]);
      ctx.module.records.task_schedules.push_back({TaskSchedule::Kind::arq_cron,
                                                   {},
                                                   std::string(args[0]),
                                                   util::collapse_whitespace(schedule),
                                                   {},
                                                   ctx.source.location(item)});
    }
  }
}

}  // namespace onramp::facts::extract
