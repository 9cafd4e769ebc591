#include "onramp/checks/query/call_list_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "onramp/core/selection.hpp"
#include "onramp/facts/index.hpp"

namespace onramp::checks::query {

namespace {

constexpr int kMaxHelperDepth = 6;

/// One pattern of one rule.
struct Entry {
  const core::Rule* rule = nullptr;
  const core::CallPattern* pattern = nullptr;
};

/// A pattern's name split at its dots, for patterns with `**` or a `<base>` part.
struct Glob {
  Entry entry;
  std::vector<std::string> parts;
};

/// A name's dotted parts; a `<base>` part keeps its dots.
std::vector<std::string> split_dots(std::string_view name) {
  std::vector<std::string> out(1);
  int depth = 0;
  for (const char c : name) {
    if (c == '<') ++depth;
    if (c == '>') --depth;
    if (c == '.' && depth == 0) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

/// `parts` (a name) matched against `glob` from `gi`/`ni` on: `**` takes any run of parts, a last `*` one or more,
/// `<base>` (first only) the parts that name a repository class deriving from `base`.
bool glob_match(const std::vector<std::string>& glob, std::size_t gi, const std::vector<std::string>& parts,
                std::size_t ni, const facts::ProjectIndex& index) {
  if (gi == glob.size()) return ni == parts.size();
  const auto& g = glob[gi];
  if (g == "**") {
    for (std::size_t k = ni; k <= parts.size(); ++k) {
      if (glob_match(glob, gi + 1, parts, k, index)) return true;
    }
    return false;
  }
  if (g == "*" && gi + 1 == glob.size()) return ni < parts.size();
  if (g.size() > 2 && g.front() == '<' && g.back() == '>') {
    const std::string base = g.substr(1, g.size() - 2);
    std::string qualname;
    for (std::size_t k = ni; k < parts.size(); ++k) {
      if (!qualname.empty()) qualname += '.';
      qualname += parts[k];
      if (index.derives_from(qualname, base) && glob_match(glob, gi + 1, parts, k + 1, index)) return true;
    }
    return false;
  }
  return ni < parts.size() && parts[ni] == g && glob_match(glob, gi + 1, parts, ni + 1, index);
}

/// Every pattern of the rules it is given: exact names hashed, `prefix.*` and globs kept apart.
class Matcher {
public:
  Matcher(const std::vector<const core::Rule*>& rules, const facts::ProjectIndex& index) : index_(index) {
    for (const auto* rule : rules) {
      for (const auto& pattern : rule->match.calls) {
        const Entry entry{rule, &pattern};
        const auto& name = pattern.name;
        if (name.find("**") != std::string::npos || name.find('<') != std::string::npos) {
          globs_.push_back({entry, split_dots(name)});
        } else if (name.size() > 2 && name.ends_with(".*")) {
          prefixes_.emplace_back(name.substr(0, name.size() - 1), entry);
        } else {
          exact_[name].push_back(entry);
        }
      }
    }
  }

  /// The first pattern of each rule that `call` matches under `name`, in rule order.
  std::vector<Entry> match(const facts::Call& call, const std::string& name) const {
    std::vector<Entry> out;
    if (name.empty()) return out;
    const auto add = [&](const Entry& e) {
      if (e.pattern->unconditional && call.conditional) return;
      if (e.rule->match.unused_result && (call.value_used || call.awaited)) return;
      if (std::none_of(out.begin(), out.end(), [&](const Entry& o) { return o.rule == e.rule; })) out.push_back(e);
    };
    if (const auto it = exact_.find(name); it != exact_.end()) {
      for (const auto& e : it->second) add(e);
    }
    for (const auto& [prefix, e] : prefixes_) {
      if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0) add(e);
    }
    if (!globs_.empty()) {
      const auto parts = split_dots(name);
      for (const auto& g : globs_) {
        if (glob_match(g.parts, 0, parts, 0, index_)) add(g.entry);
      }
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.rule->id < b.rule->id; });
    return out;
  }

  /// Matches on the canonical name first, then on the name resolved in the file alone; returns the name matched.
  std::pair<std::vector<Entry>, std::string> match(const facts::Call& call) const {
    auto hits = match(call, call.resolved());
    if (!hits.empty() || call.canonical.empty()) return {std::move(hits), call.resolved()};
    return {match(call, call.callee), call.callee};
  }

  bool empty() const { return exact_.empty() && prefixes_.empty() && globs_.empty(); }

private:
  const facts::ProjectIndex& index_;
  std::unordered_map<std::string, std::vector<Entry>> exact_;
  std::vector<std::pair<std::string, Entry>> prefixes_;
  std::vector<Glob> globs_;
};

/// What makes a sync function reach a listed call: the pattern, the call's name, and the helpers on the way.
struct Reach {
  Entry entry;
  std::string call;                // the name the call was matched under
  std::vector<std::string> chain;  // qualnames of the sync helpers, outermost first
};

/// Decorators that turn a sync function into something awaitable or thread-run.
bool is_offloading_decorator(std::string_view d) {
  for (std::string_view marker : {"sync_to_async", "asyncify", "run_in_threadpool", "to_thread", "run_sync"}) {
    if (d.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

/// The depth-first search through sync helpers for the interprocedural rules, memoised across entry points.
class HelperSearch {
public:
  HelperSearch(const facts::ProjectIndex& index, const Matcher& matcher) : index_(index), matcher_(matcher) {}

  /// The sync function of this repository a call runs, if it is one.
  std::optional<facts::FunctionRef> sync_target(const facts::Call& call) const {
    if (call.callee.empty() || call.awaited) return std::nullopt;
    const auto& canon = call.resolved();
    auto fn = index_.function(canon);
    if (!fn) {
      // `Service().load()` runs the method `Service.load`.
      const auto pos = canon.rfind("().");
      if (pos != std::string::npos) fn = index_.function(canon.substr(0, pos) + canon.substr(pos + 2));
    }
    if (!fn || fn->function().is_async) return std::nullopt;
    for (const auto& d : fn->function().canonical_decorators) {
      if (is_offloading_decorator(d)) return std::nullopt;
    }
    return fn;
  }

  /// What a sync function reaches, searching its helpers; cycles and the depth bound end the search.
  std::optional<Reach> reach_of(const facts::FunctionRef& fn) {
    partial_.clear();  // searches cut short from another entry point may succeed from this one
    return search(fn, 1).found;
  }

private:
  struct Search {
    std::optional<Reach> found;
    /// False when a cycle or the depth bound cut the search: "reaches nothing" is then not the final word.
    bool complete = true;
  };

  Search search(const facts::FunctionRef& fn, int depth) {
    const auto* key = &fn.function();
    if (const auto it = memo_.find(key); it != memo_.end()) return {it->second, true};
    if (in_progress_.contains(key)) return {std::nullopt, false};
    if (const auto it = partial_.find(key); it != partial_.end() && it->second <= depth) return {std::nullopt, false};
    in_progress_.insert(key);
    std::optional<Reach> found;
    const auto& calls = index_.calls_of(fn);
    for (int ci : calls) {
      const auto& call = fn.module->calls[static_cast<std::size_t>(ci)];
      auto [hits, name] = matcher_.match(call);
      if (!hits.empty()) {
        found = Reach{hits.front(), std::move(name), {fn.function().qualname}};
        break;
      }
    }
    bool complete = true;
    if (!found) {
      for (int ci : calls) {
        const auto target = sync_target(fn.module->calls[static_cast<std::size_t>(ci)]);
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
    // Only what is final is kept for every later entry point: a call found, or nothing with nothing cut.
    if (found || complete) {
      memo_[key] = found;
    } else {
      partial_[key] = depth;
    }
    return {found, found.has_value() || complete};
  }

  const facts::ProjectIndex& index_;
  const Matcher& matcher_;
  std::unordered_map<const facts::Function*, std::optional<Reach>> memo_;
  std::unordered_set<const facts::Function*> in_progress_;
  /// Searches cut short within the current entry point, with the depth they were cut at.
  std::unordered_map<const facts::Function*, int> partial_;
};

std::string short_name(std::string_view qualname) {
  const auto dot = qualname.rfind('.');
  return std::string(dot == std::string_view::npos ? qualname : qualname.substr(dot + 1));
}

bool skips(const core::Rule& rule, const facts::Module& m) {
  const auto role = core::to_string(m.role);
  return std::find(rule.match.skip_roles.begin(), rule.match.skip_roles.end(), role) != rule.match.skip_roles.end();
}

const std::string& message_template(const Entry& e) {
  return !e.pattern->message.empty() ? e.pattern->message : e.rule->message;
}

/// The rule's message for a direct call; a rule without a message says its summary and the call.
std::string direct_message(const Entry& e, const std::string& shown, std::string_view function) {
  const auto& tmpl = message_template(e);
  if (tmpl.empty()) return e.rule->summary + ": " + shown;
  return core::fill_message(tmpl, {{"call", shown}, {"function", function}});
}

/// The message for a call reached through helpers: the chain in place of the call, and the hand-off to a thread
/// named after the first helper, which fixes the whole chain.
std::string chain_message(const Reach& reach, std::string_view function) {
  std::vector<std::string> shown;
  for (const auto& q : reach.chain) shown.push_back(fmt::format("`{}()`", short_name(q)));
  const std::string_view cause = reach.call;
  shown.push_back(fmt::format("`{}()`", cause.starts_with("builtins.") ? cause.substr(9) : cause));
  auto message = direct_message(reach.entry, fmt::format("{}", fmt::join(shown, " → ")), function);
  const auto hand_off = fmt::format("asyncio.to_thread({}, ...)", short_name(reach.chain.front()));
  constexpr std::string_view slot = "asyncio.to_thread(...)";
  if (const auto pos = message.find(slot); pos != std::string::npos) {
    message.replace(pos, slot.size(), hand_off);
  } else {
    message += "; or await " + hand_off;
  }
  return message;
}

/// `import m` / `from m import n` as written, for messages and fingerprints.
std::string import_code(const facts::Import& imp) {
  return imp.name.empty() ? "import " + imp.module : "from " + imp.module + " import " + imp.name;
}

}  // namespace

bool CallListCheck::implements(const core::Rule& rule) const {
  return (!rule.match.calls.empty() || !rule.match.modules.empty()) && !specialised_.contains(rule.id);
}

std::vector<std::string> CallListCheck::rule_ids(const core::RuleSet& rules) const {
  std::vector<std::string> ids;
  for (const auto& rule : rules.all()) {
    if (implements(rule)) ids.push_back(rule.id);
  }
  return ids;
}

void CallListCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                  std::vector<core::Finding>& out) const {
  if (!project.index) return;
  const auto& index = *project.index;
  std::vector<const core::Rule*> anywhere, in_async, interprocedural, module_rules;
  for (const auto& rule : rules.all()) {
    if (!implements(rule) || !core::rule_enabled(project.config, rule)) continue;
    if (!rule.match.modules.empty()) module_rules.push_back(&rule);
    if (rule.match.calls.empty()) continue;
    (rule.match.within == core::CallScope::async_function ? in_async : anywhere).push_back(&rule);
    if (rule.match.interprocedural) interprocedural.push_back(&rule);
  }
  if (anywhere.empty() && in_async.empty() && module_rules.empty()) return;
  const Matcher anywhere_matcher(anywhere, index);
  const Matcher async_matcher(in_async, index);
  const Matcher helper_matcher(interprocedural, index);
  HelperSearch helpers(index, helper_matcher);

  const auto report = [&](const facts::Module& m, const Entry& e, const facts::Call& call, std::string message) {
    out.push_back(core::make_finding(*e.rule, m.path, call.location, std::move(message), call.code));
  };
  for (const auto& m : project.modules) {
    if (!anywhere_matcher.empty()) {
      for (const auto& call : m.calls) {
        auto [hits, name] = anywhere_matcher.match(call);
        for (const auto& e : hits) {
          if (skips(*e.rule, m)) continue;
          const auto function =
              call.function >= 0 ? m.functions[static_cast<std::size_t>(call.function)].name : std::string();
          report(m, e, call, direct_message(e, show_call(call.written, name), function));
        }
      }
    }
    if (async_matcher.empty()) continue;
    for (std::size_t fi = 0; fi < m.functions.size(); ++fi) {
      const auto& fn = m.functions[fi];
      if (!fn.is_async) continue;
      for (int ci : index.calls_of(facts::FunctionRef{&m, static_cast<int>(fi)})) {
        const auto& call = m.calls[static_cast<std::size_t>(ci)];
        auto [hits, name] = async_matcher.match(call);
        std::erase_if(hits, [&](const Entry& e) { return skips(*e.rule, m); });
        for (const auto& e : hits) report(m, e, call, direct_message(e, show_call(call.written, name), fn.name));
        if (!hits.empty() || helper_matcher.empty()) continue;
        const auto target = helpers.sync_target(call);
        if (!target) continue;
        const auto reach = helpers.reach_of(*target);
        if (!reach || skips(*reach->entry.rule, m)) continue;
        auto f =
            core::make_finding(*reach->entry.rule, m.path, call.location, chain_message(*reach, fn.name), call.code);
        f.chain.push_back(fn.qualname);
        f.chain.insert(f.chain.end(), reach->chain.begin(), reach->chain.end());
        f.chain.push_back(reach->call);
        out.push_back(std::move(f));
      }
    }
  }
  for (const auto& m : project.modules) {
    for (const auto* rule : module_rules) {
      if (skips(*rule, m)) continue;
      for (const auto& imp : m.imports) {
        const bool hit =
            std::any_of(rule->match.modules.begin(), rule->match.modules.end(), [&](const std::string& mod) {
              return imp.module == mod || imp.module.starts_with(mod + ".") ||
                     (!imp.name.empty() && imp.module + "." + imp.name == mod);
            });
        if (!hit) continue;
        const auto code = import_code(imp);
        const auto message = rule->message.empty()
                                 ? rule->summary + ": `" + imp.module + "`"
                                 : core::fill_message(rule->message, {{"module", "`" + imp.module + "`"}});
        out.push_back(core::make_finding(*rule, m.path, imp.location, message, code));
      }
    }
  }
}

}  // namespace onramp::checks::query
