#include "onramp/core/rules.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "onramp/core/embedded_rules.hpp"
#include "onramp/core/knowledge.hpp"
#include "onramp/core/query_rules.hpp"
#include "onramp/core/roles.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/util/files.hpp"

namespace onramp::core {

bool qualified_name_matches(std::string_view pattern, std::string_view name) {
  if (pattern.size() >= 2 && pattern.substr(pattern.size() - 2) == ".*") {
    const auto prefix = pattern.substr(0, pattern.size() - 1);  // keeps the dot
    return name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix;
  }
  return pattern == name;
}

std::string fill_message(std::string_view tmpl,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  std::string out;
  out.reserve(tmpl.size());
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const auto open = tmpl.find('{', i);
    if (open == std::string_view::npos) break;
    const auto close = tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    const auto key = tmpl.substr(open + 1, close - open - 1);
    const auto it = std::find_if(values.begin(), values.end(), [&](const auto& kv) { return kv.first == key; });
    out.append(tmpl.substr(i, open - i));
    if (it == values.end()) {
      out.append(tmpl.substr(open, close + 1 - open));
    } else {
      out.append(it->second);
    }
    i = close + 1;
  }
  out.append(tmpl.substr(std::min(i, tmpl.size())));
  return out;
}

Finding make_finding(const Rule& rule, std::string path, Location location, std::string message, std::string code) {
  Finding f;
  f.rule = rule.id;
  f.step = rule.step;
  f.severity = rule.severity;
  f.path = std::move(path);
  f.location = location;
  f.message = std::move(message);
  f.code = std::move(code);
  return f;
}

namespace {

using util::Error;

/// Expands `{a,b}` groups (several per pattern allowed) into every combination.
std::vector<std::string> expand_braces(const std::string& pattern) {
  const auto open = pattern.find('{');
  if (open == std::string::npos) return {pattern};
  const auto close = pattern.find('}', open);
  if (close == std::string::npos) return {pattern};
  std::vector<std::string> out;
  std::size_t start = open + 1;
  for (;;) {
    const auto comma = pattern.find(',', start);
    const auto end = comma == std::string::npos || comma > close ? close : comma;
    for (auto& rest : expand_braces(pattern.substr(close + 1))) {
      out.push_back(pattern.substr(0, open) + pattern.substr(start, end - start) + rest);
    }
    if (end == close) break;
    start = end + 1;
  }
  return out;
}

std::string where(std::string_view source, const YAML::Node& node) {
  return fmt::format("{}:{}", source, node.Mark().line + 1);
}

util::Result<std::string> get_string(std::string_view source, const YAML::Node& node, std::string_view key) {
  if (!node.IsScalar()) return Error{fmt::format("{}: `{}` must be a string", where(source, node), key)};
  return node.as<std::string>();
}

util::Result<std::vector<std::string>> get_strings(std::string_view source, const YAML::Node& node,
                                                   std::string_view key) {
  if (!node.IsSequence()) return Error{fmt::format("{}: `{}` must be a list of strings", where(source, node), key)};
  std::vector<std::string> out;
  for (const auto& item : node) {
    if (!item.IsScalar()) return Error{fmt::format("{}: `{}` must be a list of strings", where(source, item), key)};
    out.push_back(item.as<std::string>());
  }
  return out;
}

util::Result<bool> get_bool(std::string_view source, const YAML::Node& node, std::string_view key) {
  if (node.IsScalar()) {
    const auto text = node.as<std::string>();
    if (text == "true") return true;
    if (text == "false") return false;
  }
  return Error{fmt::format("{}: `{}` must be true or false", where(source, node), key)};
}

util::Status check_keys(std::string_view source, const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                        std::string_view context) {
  for (const auto& kv : map) {
    const auto key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return Error{fmt::format("{}: unknown key `{}` in {}", where(source, kv.first), key, context)};
    }
  }
  return util::Ok{};
}

/// `match.calls`: names, or mappings `{name, unconditional, message}` for a name with its own qualifiers.
util::Result<std::vector<CallPattern>> get_call_patterns(std::string_view source, const YAML::Node& node) {
  if (!node.IsSequence()) return Error{fmt::format("{}: `calls` must be a list", where(source, node))};
  std::vector<CallPattern> out;
  for (const auto& item : node) {
    CallPattern base;
    if (item.IsMap()) {
      if (auto st = check_keys(source, item, {"name", "unconditional", "message"}, "a call"); !st) return st.error();
      if (!item["name"]) return Error{fmt::format("{}: a call needs `name`", where(source, item))};
      auto name = get_string(source, item["name"], "name");
      if (!name) return name.error();
      base.name = *name;
      if (item["unconditional"]) {
        auto flag = get_bool(source, item["unconditional"], "unconditional");
        if (!flag) return flag.error();
        base.unconditional = *flag;
      }
      if (item["message"]) {
        auto message = get_string(source, item["message"], "message");
        if (!message) return message.error();
        base.message = *message;
      }
    } else if (item.IsScalar()) {
      base.name = item.as<std::string>();
    } else {
      return Error{fmt::format("{}: a call is a name or a mapping with `name`", where(source, item))};
    }
    for (auto& name : expand_braces(base.name)) {
      CallPattern p = base;
      p.name = std::move(name);
      out.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace

util::Status RuleSet::add(std::string_view source, std::string_view yaml_text, bool custom) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    return Error{fmt::format("{}:{}: invalid YAML: {}", source, e.mark.line + 1, e.msg)};
  }
  if (!root.IsMap()) return Error{fmt::format("{}:1: a rule file must be a mapping", source)};
  if (auto st = check_keys(source, root, {"id", "severity", "summary", "message", "docs", "match", "ruff"}, "a rule");
      !st)
    return st;

  Rule rule;
  rule.source = std::string(source);
  rule.custom = custom;
  for (const char* required : {"id", "severity", "summary", "docs"}) {
    if (!root[required]) return Error{fmt::format("{}:1: missing required key `{}`", source, required)};
  }
  auto id = get_string(source, root["id"], "id");
  if (!id) return id.error();
  rule.id = *id;
  const auto slash = rule.id.find('/');
  if (slash == std::string::npos)
    return Error{fmt::format("{}: id `{}` must be step-key/name", where(source, root["id"]), rule.id)};
  rule.step_key = rule.id.substr(0, slash);
  const auto step = step_by_key(rule.step_key);
  // `check/...` rules are about onramp's own use in CI (an unused suppression), so they belong to no step.
  if (!step && rule.step_key != kCiRuleKey) {
    return Error{fmt::format("{}: id `{}` does not start with a step key", where(source, root["id"]), rule.id)};
  }
  rule.step = step ? step->id : 0;

  auto sev = get_string(source, root["severity"], "severity");
  if (!sev) return sev.error();
  const auto severity = severity_from_string(*sev);
  if (!severity)
    return Error{fmt::format("{}: severity must be info, warning or error", where(source, root["severity"]))};
  rule.severity = *severity;

  auto summary = get_string(source, root["summary"], "summary");
  if (!summary) return summary.error();
  rule.summary = *summary;

  const auto docs = root["docs"];
  if (!docs.IsMap()) return Error{fmt::format("{}: `docs` must be a mapping", where(source, docs))};
  if (auto st = check_keys(source, docs, {"what", "why", "example", "fix"}, "docs"); !st) return st;
  for (auto [key, field] : {std::pair{"what", &rule.docs.what}, std::pair{"why", &rule.docs.why},
                            std::pair{"example", &rule.docs.example}, std::pair{"fix", &rule.docs.fix}}) {
    if (!docs[key]) return Error{fmt::format("{}: docs needs `{}`", where(source, docs), key)};
    auto text = get_string(source, docs[key], key);
    if (!text) return text.error();
    *field = *text;
  }

  if (const auto match = root["match"]) {
    if (!match.IsMap()) return Error{fmt::format("{}: `match` must be a mapping", where(source, match))};
    if (auto st = check_keys(source, match,
                             {"calls", "within", "interprocedural", "unused-result", "skip-roles", "modules", "query"},
                             "match");
        !st)
      return st;
    if (match["calls"]) {
      auto calls = get_call_patterns(source, match["calls"]);
      if (!calls) return calls.error();
      rule.match.calls = std::move(*calls);
    }
    if (match["within"]) {
      auto within = get_string(source, match["within"], "within");
      if (!within) return within.error();
      if (*within == "async-function") {
        rule.match.within = CallScope::async_function;
      } else if (*within != "anywhere") {
        return Error{fmt::format("{}: `within` must be anywhere or async-function", where(source, match["within"]))};
      }
    }
    for (auto [key, flag] : {std::pair{"interprocedural", &rule.match.interprocedural},
                             std::pair{"unused-result", &rule.match.unused_result}}) {
      if (!match[key]) continue;
      auto value = get_bool(source, match[key], key);
      if (!value) return value.error();
      *flag = *value;
    }
    if (rule.match.interprocedural && rule.match.within != CallScope::async_function) {
      return Error{
          fmt::format("{}: `interprocedural` needs `within: async-function`", where(source, match["interprocedural"]))};
    }
    if (match["skip-roles"]) {
      auto roles = get_strings(source, match["skip-roles"], "skip-roles");
      if (!roles) return roles.error();
      for (const auto& role : *roles) {
        if (std::none_of(kCodeRoles.begin(), kCodeRoles.end(), [&](CodeRole r) { return to_string(r) == role; })) {
          return Error{
              fmt::format("{}: unknown role `{}` in skip-roles (test, script, migration, tooling, example, ...)",
                          where(source, match["skip-roles"]), role)};
        }
      }
      rule.match.skip_roles = std::move(*roles);
    }
    if (match["query"]) {
      auto query = get_string(source, match["query"], "query");
      if (!query) return query.error();
      rule.match.query = *query;
      if (auto st = validate_query(rule.match.query); !st) {
        return Error{fmt::format("{}: rule `{}`: {}", where(source, match["query"]), rule.id, st.error().message)};
      }
    }
    if (match["modules"]) {
      auto modules = get_strings(source, match["modules"], "modules");
      if (!modules) return modules.error();
      rule.match.modules = *modules;
    }
  }
  if (root["message"]) {
    auto message = get_string(source, root["message"], "message");
    if (!message) return message.error();
    rule.message = *message;
  }
  if (root["ruff"]) {
    auto codes = get_strings(source, root["ruff"], "ruff");
    if (!codes) return codes.error();
    rule.ruff = *codes;
  }
  if (const auto* existing = find(rule.id)) {
    return Error{fmt::format("{}: rule `{}` is defined twice (also in {})", source, rule.id, existing->source)};
  }
  if (custom && rule.match.calls.empty() && rule.match.modules.empty() && rule.match.query.empty()) {
    return Error{fmt::format("{}:1: rule `{}` matches nothing: give it `match` with calls, modules or a query", source,
                             rule.id)};
  }
  const auto pos = std::lower_bound(rules_.begin(), rules_.end(), rule.id,
                                    [](const Rule& r, const std::string& rid) { return r.id < rid; });
  rules_.insert(pos, std::move(rule));
  return util::Ok{};
}

util::Status RuleSet::add_directory(const std::filesystem::path& dir, std::string_view shown) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error{fmt::format("--rules: `{}` is not a directory", shown)};
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && (it->path().extension() == ".yaml" || it->path().extension() == ".yml")) {
      files.push_back(it->path());
    }
  }
  if (ec) return Error{fmt::format("--rules: cannot read `{}`: {}", shown, ec.message())};
  std::sort(files.begin(), files.end());
  if (files.empty()) return Error{fmt::format("--rules: `{}` holds no .yaml rule files", shown)};
  for (const auto& file : files) {
    const auto source = (fs::path(std::string(shown)) / file.lexically_relative(dir)).generic_string();
    auto text = util::read_file(file, 1024 * 1024);
    if (!text) return Error{fmt::format("{}: {}", source, text.error().message)};
    if (auto st = add(source, *text, true); !st) return st;
  }
  return util::Ok{};
}

const Rule* RuleSet::find(std::string_view id) const {
  const auto pos = std::lower_bound(rules_.begin(), rules_.end(), id,
                                    [](const Rule& r, std::string_view rid) { return r.id < rid; });
  return pos != rules_.end() && pos->id == id ? &*pos : nullptr;
}

util::Result<RuleSet> RuleSet::load_embedded() {
  RuleSet set;
  for (const auto& file : embedded_rule_files()) {
    if (is_knowledge_file(file.path)) continue;
    if (auto st = set.add(file.path, file.text); !st) return st.error();
  }
  return set;
}

}  // namespace onramp::core
