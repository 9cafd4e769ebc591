#include "onramp/core/query_rules.hpp"

#include <fmt/format.h>

#include <cstring>
#include <map>
#include <mutex>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace onramp::core {

namespace {

std::string_view error_name(TSQueryError e) {
  switch (e) {
    case TSQueryErrorSyntax: return "syntax error";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern";
    case TSQueryErrorLanguage: return "language mismatch";
    default: return "error";
  }
}

/// A capture's name (`finding` for `@finding`).
std::string_view capture_name(const TSQuery* q, std::uint32_t id) {
  std::uint32_t len = 0;
  const char* s = ts_query_capture_name_for_id(q, id, &len);  // sets len: call before reading it
  return {s, len};
}

std::string_view string_value(const TSQuery* q, std::uint32_t id) {
  std::uint32_t len = 0;
  const char* s = ts_query_string_value_for_id(q, id, &len);
  return {s, len};
}

}  // namespace

util::Status validate_query(const std::string& query) {
  std::uint32_t offset = 0;
  TSQueryError error = TSQueryErrorNone;
  TSQuery* q =
      ts_query_new(tree_sitter_python(), query.data(), static_cast<std::uint32_t>(query.size()), &offset, &error);
  if (q == nullptr) return util::Error{fmt::format("tree-sitter query {} at offset {}", error_name(error), offset)};
  bool has_finding = false;
  for (std::uint32_t i = 0; i < ts_query_capture_count(q); ++i) {
    if (capture_name(q, i) == "finding") has_finding = true;
  }
  ts_query_delete(q);
  if (!has_finding) return util::Error{"the query captures no `@finding` node"};
  return util::Ok{};
}

QueryBundle::QueryBundle(const RuleSet& rules) {
  std::string source;
  std::vector<std::size_t> in_order;
  for (std::size_t i = 0; i < rules.all().size(); ++i) {
    const auto& rule = rules.all()[i];
    if (rule.match.query.empty()) continue;
    source += rule.match.query;
    source += '\n';
    in_order.push_back(i);
  }
  if (in_order.empty()) return;
  std::uint32_t offset = 0;
  TSQueryError error = TSQueryErrorNone;
  query_ =
      ts_query_new(tree_sitter_python(), source.data(), static_cast<std::uint32_t>(source.size()), &offset, &error);
  if (query_ == nullptr) return;  // each query compiled alone at load time, so this does not happen
  // Map every pattern to the rule whose text it starts in.
  std::vector<std::uint32_t> starts;
  std::uint32_t at = 0;
  for (const auto r : in_order) {
    starts.push_back(at);
    at += static_cast<std::uint32_t>(rules.all()[r].match.query.size() + 1);
  }
  const std::uint32_t patterns = ts_query_pattern_count(query_);
  rule_of_pattern_.resize(patterns);
  predicates_.resize(patterns);
  for (std::uint32_t p = 0; p < patterns; ++p) {
    const std::uint32_t start = ts_query_start_byte_for_pattern(query_, p);
    std::size_t r = 0;
    while (r + 1 < starts.size() && starts[r + 1] <= start) ++r;
    rule_of_pattern_[p] = in_order[r];
    std::uint32_t steps = 0;
    const TSQueryPredicateStep* step = ts_query_predicates_for_pattern(query_, p, &steps);
    // Each predicate: String(name) Capture(@x) String(arg) Done.
    for (std::uint32_t i = 0; i < steps;) {
      std::uint32_t end = i;
      while (end < steps && step[end].type != TSQueryPredicateStepTypeDone) ++end;
      if (end - i == 3 && step[i].type == TSQueryPredicateStepTypeString &&
          step[i + 1].type == TSQueryPredicateStepTypeCapture && step[i + 2].type == TSQueryPredicateStepTypeString) {
        const auto name = string_value(query_, step[i].value_id);
        Predicate pred;
        pred.capture = step[i + 1].value_id;
        pred.literal = std::string(string_value(query_, step[i + 2].value_id));
        pred.negate = name.rfind("not-", 0) == 0;
        pred.regex = name.find("match?") != std::string_view::npos;
        if (pred.regex) pred.pattern = std::regex(pred.literal, std::regex::ECMAScript | std::regex::optimize);
        if (pred.regex || name.find("eq?") != std::string_view::npos) predicates_[p].push_back(std::move(pred));
      }
      i = end + 1;
    }
  }
  for (std::uint32_t i = 0; i < ts_query_capture_count(query_); ++i) {
    if (capture_name(query_, i) == "finding") finding_capture_ = i;
  }
}

QueryBundle::~QueryBundle() {
  if (query_ != nullptr) ts_query_delete(query_);
}

std::shared_ptr<const QueryBundle> QueryBundle::shared(const RuleSet& rules) {
  // The key: each query rule's place and text, which is all the bundle is made of.
  std::string key;
  for (std::size_t i = 0; i < rules.all().size(); ++i) {
    const auto& query = rules.all()[i].match.query;
    if (query.empty()) continue;
    key += std::to_string(i);
    key += '\0';
    key += query;
    key += '\0';
  }
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const QueryBundle>> bundles;
  const std::lock_guard lock(mutex);
  if (const auto it = bundles.find(key); it != bundles.end()) return it->second;
  if (bundles.size() >= 16) bundles.clear();  // a few rule sets per process; never unbounded
  auto bundle = std::make_shared<const QueryBundle>(rules);
  bundles.emplace(std::move(key), bundle);
  return bundle;
}

bool QueryBundle::run(TSNode root, std::string_view text, const RuleSet& rules,
                      const std::function<void(const Rule&, TSNode)>& on_match) const {
  if (query_ == nullptr) return true;
  TSQueryCursor* cursor = ts_query_cursor_new();
  ts_query_cursor_set_match_limit(cursor, 4096);
  struct Budget {
    std::uint64_t callbacks = 0;
    std::uint64_t limit = 0;
  } budget{0, kQueryBudgetBase + text.size() / kQueryBytesPerCallback};
  const TSQueryCursorOptions options{&budget, [](TSQueryCursorState* state) {
                                       auto& b = *static_cast<Budget*>(state->payload);
                                       return ++b.callbacks > b.limit;
                                     }};
  ts_query_cursor_exec_with_options(cursor, query_, root, &options);
  TSQueryMatch match;
  const auto node_text = [&](TSNode n) {
    const auto s = std::min<std::size_t>(ts_node_start_byte(n), text.size());
    const auto e = std::min<std::size_t>(ts_node_end_byte(n), text.size());
    return text.substr(s, e - s);
  };
  while (ts_query_cursor_next_match(cursor, &match)) {
    bool ok = true;
    for (const auto& pred : predicates_[match.pattern_index]) {
      for (std::uint16_t c = 0; c < match.capture_count && ok; ++c) {
        if (match.captures[c].index != pred.capture) continue;
        const auto t = node_text(match.captures[c].node);
        const bool hit = pred.regex ? std::regex_search(t.begin(), t.end(), pred.pattern) : t == pred.literal;
        ok = hit != pred.negate;
      }
    }
    if (!ok) continue;
    for (std::uint16_t c = 0; c < match.capture_count; ++c) {
      if (match.captures[c].index == finding_capture_)
        on_match(rules.all()[rule_of_pattern_[match.pattern_index]], match.captures[c].node);
    }
  }
  const bool complete = !ts_query_cursor_did_exceed_match_limit(cursor) && budget.callbacks <= budget.limit;
  ts_query_cursor_delete(cursor);
  return complete;
}

}  // namespace onramp::core
