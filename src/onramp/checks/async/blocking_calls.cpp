#include "onramp/checks/async/blocking_calls.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "onramp/facts/index.hpp"
#include "onramp/model/roles.hpp"

namespace onramp::checks::async {

namespace {

constexpr int kMaxHelperDepth = 6;

/// What makes a function block: the rule, the blocking call, and the helpers on the way to it.
struct Blocker {
  const core::Rule* rule = nullptr;
  std::string call;                // canonical qualified name of the blocking call
  std::vector<std::string> chain;  // qualnames of the sync helpers, outermost first
};

/// Blocking call names from every async/blocking-* rule: exact names hashed, `prefix.*` kept apart.
class Matcher {
public:
  explicit Matcher(const core::RuleSet& rules) {
    for (const auto& rule : rules.all()) {
      if (rule.id.rfind("async/blocking-", 0) != 0) continue;
      for (const auto& pattern : rule.match.calls) {
        if (pattern.size() > 2 && pattern.substr(pattern.size() - 2) == ".*") {
          prefixes_.emplace_back(pattern.substr(0, pattern.size() - 1), &rule);
        } else {
          exact_.emplace(pattern, &rule);
        }
      }
    }
  }
  const core::Rule* match(const std::string& name) const {
    if (name.empty()) return nullptr;
    if (const auto it = exact_.find(name); it != exact_.end()) return it->second;
    for (const auto& [prefix, rule] : prefixes_) {
      if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0) return rule;
    }
    return nullptr;
  }

private:
  std::unordered_map<std::string, const core::Rule*> exact_;
  std::vector<std::pair<std::string, const core::Rule*>> prefixes_;
};

/// Django's ORM methods that run a query right away (the a-prefixed async ones do not block).
bool is_evaluating_queryset_method(std::string_view m) {
  static const std::unordered_set<std::string_view> names = {
      "get", "first", "last", "count", "exists", "create", "get_or_create", "update_or_create", "update", "delete",
      "aggregate", "earliest", "latest", "in_bulk", "bulk_create", "bulk_update", "contains", "explain"};
  return names.contains(m);
}

/// Decorators that turn a sync function into something awaitable or thread-run.
bool is_offloading_decorator(std::string_view d) {
  for (std::string_view marker : {"sync_to_async", "asyncify", "run_in_threadpool", "to_thread", "run_sync"}) {
    if (d.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

class Analysis {
public:
  Analysis(const core::Project& project, const core::RuleSet& rules)
      : index_(*project.index), matcher_(rules), db_rule_(rules.find("async/blocking-db")) {
    collect_django_models(project);
  }

  /// The rule a call breaks by itself, with the name it was matched under.
  std::optional<std::pair<const core::Rule*, std::string>> direct(const facts::Call& call) const {
    if (call.callee.empty()) return std::nullopt;
    const std::string canon = index_.canonical(call.callee);
    if (const auto* rule = matcher_.match(canon)) return std::pair{rule, canon};
    if (canon != call.callee) {
      if (const auto* rule = matcher_.match(call.callee)) return std::pair{rule, call.callee};
    }
    if (db_rule_ != nullptr && is_django_query(canon)) return std::pair{db_rule_, canon};
    return std::nullopt;
  }

  /// The sync function of this repository a call runs, if it is one.
  std::optional<facts::FunctionRef> sync_target(const facts::Call& call) const {
    if (call.callee.empty() || call.awaited) return std::nullopt;
    std::string canon = index_.canonical(call.callee);
    auto fn = index_.function(canon);
    if (!fn) {
      // `Service().load()` runs the method `Service.load`.
      const auto pos = canon.rfind("().");
      if (pos != std::string::npos) fn = index_.function(canon.substr(0, pos) + canon.substr(pos + 2));
    }
    if (!fn || fn->function().is_async) return std::nullopt;
    for (const auto& d : fn->function().decorators) {
      if (is_offloading_decorator(d)) return std::nullopt;
    }
    return fn;
  }

  /// What a sync function blocks on, searching its helpers depth-first; cycles end the search.
  /// Call begin_query() before each search from a new entry point.
  std::optional<Blocker> blocker_of(const facts::FunctionRef& fn, int depth) { return search(fn, depth).found; }

  /// Forgets the searches that a cycle or the depth bound cut short: they may succeed from another entry point.
  void begin_query() { partial_.clear(); }

private:
  struct Search {
    std::optional<Blocker> found;
    /// False when a cycle or the depth bound cut the search: "blocks nothing" is then not the final word.
    bool complete = true;
  };

  Search search(const facts::FunctionRef& fn, int depth) {
    const auto* key = &fn.function();
    if (const auto it = memo_.find(key); it != memo_.end()) return {it->second, true};
    if (in_progress_.contains(key)) return {std::nullopt, false};
    // Cut short before at this depth or less deep within this query: searching again finds no more.
    if (const auto it = partial_.find(key); it != partial_.end() && it->second <= depth) return {std::nullopt, false};
    in_progress_.insert(key);
    std::optional<Blocker> found;
    const auto& calls = index_.calls_of(fn);
    for (int ci : calls) {
      const auto& call = fn.module->calls[static_cast<std::size_t>(ci)];
      if (const auto hit = direct(call)) {
        found = Blocker{hit->first, hit->second, {fn.function().qualname}};
        break;
      }
    }
    bool complete = true;
    if (!found) {
      for (int ci : calls) {
        const auto& call = fn.module->calls[static_cast<std::size_t>(ci)];
        const auto target = sync_target(call);
        if (!target) continue;
        if (depth >= kMaxHelperDepth) {
          complete = false;  // a helper the bound does not let us follow
          break;
        }
        auto sub = search(*target, depth + 1);
        if (sub.found) {
          sub.found->chain.insert(sub.found->chain.begin(), fn.function().qualname);
          found = std::move(sub.found);
          break;
        }
        if (!sub.complete) complete = false;
      }
    }
    in_progress_.erase(key);
    // Only what is final is kept for every later entry point: a blocker found, or nothing with nothing cut.
    if (found || complete) {
      memo_[key] = found;
    } else {
      partial_[key] = depth;
    }
    return {found, found.has_value() || complete};
  }

  void collect_django_models(const core::Project& project) {
    // Classes deriving from django.db.models.Model, through repository base classes too.
    std::unordered_map<std::string, std::vector<std::string>> bases;
    for (const auto& m : project.modules) {
      for (const auto& c : m.classes) {
        auto& list = bases[c.qualname];
        for (const auto& b : c.bases) list.push_back(index_.canonical(b));
      }
    }
    for (const auto& [name, list] : bases) {
      std::vector<std::string> todo{name};
      std::unordered_set<std::string> seen;
      while (!todo.empty()) {
        const auto cur = todo.back();
        todo.pop_back();
        if (!seen.insert(cur).second || seen.size() > 32) continue;
        if (cur == "django.db.models.Model" || cur == "django.db.models.base.Model") {
          django_models_.insert(name);
          break;
        }
        if (const auto it = bases.find(cur); it != bases.end()) todo.insert(todo.end(), it->second.begin(), it->second.end());
      }
    }
  }

  bool is_django_query(const std::string& canon) const {
    if (django_models_.empty()) return false;
    for (std::string_view manager : {".objects.", "._default_manager."}) {
      const auto pos = canon.find(manager);
      if (pos == std::string::npos || !django_models_.contains(canon.substr(0, pos))) continue;
      const auto dot = canon.rfind('.');
      return is_evaluating_queryset_method(std::string_view(canon).substr(dot + 1));
    }
    return false;
  }

  const facts::ProjectIndex& index_;
  Matcher matcher_;
  const core::Rule* db_rule_;
  std::unordered_set<std::string> django_models_;
  std::unordered_map<const facts::Function*, std::optional<Blocker>> memo_;
  std::unordered_set<const facts::Function*> in_progress_;
  /// Searches cut short within the current query, with the depth they were cut at.
  std::unordered_map<const facts::Function*, int> partial_;
};

std::string short_name(std::string_view qualname) {
  const auto dot = qualname.rfind('.');
  return std::string(dot == std::string_view::npos ? qualname : qualname.substr(dot + 1));
}

std::string fill_message(std::string_view tmpl, std::string_view call, std::string_view function) {
  std::string out(tmpl);
  for (auto [key, value] : {std::pair{std::string_view("{call}"), call}, std::pair{std::string_view("{function}"), function}}) {
    for (auto pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos + value.size())) {
      out.replace(pos, key.size(), value);
    }
  }
  return out;
}

}  // namespace

void BlockingCallsCheck::check_project(const core::Project& project, const core::RuleSet& rules,
                                       std::vector<core::Finding>& out) const {
  if (!project.index) return;
  Analysis analysis(project, rules);
  for (const auto& m : project.modules) {
    // Tests and developer scripts run their own short-lived loop that serves nobody else (the table in model/roles).
    if (!model::rule_applies("async/blocking-sleep", m.role)) continue;
    for (std::size_t fi = 0; fi < m.functions.size(); ++fi) {
      const auto& fn = m.functions[fi];
      if (!fn.is_async) continue;
      const facts::FunctionRef ref{&m, static_cast<int>(fi)};
      for (int ci : project.index->calls_of(ref)) {
        const auto& call = m.calls[static_cast<std::size_t>(ci)];
        core::Finding f;
        if (const auto hit = analysis.direct(call)) {
          const std::string shown = hit->second == call.written || hit->second == "builtins." + call.written
                                        ? fmt::format("`{}()`", call.written)
                                        : fmt::format("`{}()` ({})", call.written, hit->second);
          f.rule = hit->first->id;
          f.step = hit->first->step;
          f.severity = hit->first->severity;
          f.message = fill_message(hit->first->message, shown, fn.name);
        } else if (const auto target = analysis.sync_target(call)) {
          analysis.begin_query();
          const auto blocker = analysis.blocker_of(*target, 1);
          if (!blocker) continue;
          std::vector<std::string> shown;
          for (const auto& q : blocker->chain) shown.push_back(fmt::format("`{}()`", short_name(q)));
          const std::string_view cause = blocker->call;
          shown.push_back(fmt::format("`{}()`", cause.starts_with("builtins.") ? cause.substr(9) : cause));
          f.rule = blocker->rule->id;
          f.step = blocker->rule->step;
          f.severity = blocker->rule->severity;
          f.message = fill_message(blocker->rule->message, fmt::format("{}", fmt::join(shown, " → ")), fn.name);
          // Handing the first helper to a thread fixes the whole chain: name it where the rule's advice has a slot.
          const auto hand_off = fmt::format("asyncio.to_thread({}, ...)", short_name(blocker->chain.front()));
          if (const auto slot = f.message.find("asyncio.to_thread(...)"); slot != std::string::npos) {
            f.message.replace(slot, std::string_view("asyncio.to_thread(...)").size(), hand_off);
          } else {
            f.message += "; or await " + hand_off;
          }
          f.chain.push_back(fn.qualname);
          f.chain.insert(f.chain.end(), blocker->chain.begin(), blocker->chain.end());
          f.chain.push_back(blocker->call);
        } else {
          continue;
        }
        f.path = m.path;
        f.location = call.location;
        f.code = call.code;
        out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace onramp::checks::async
