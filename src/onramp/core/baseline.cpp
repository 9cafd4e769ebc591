#include "onramp/core/baseline.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace onramp::core {

namespace {
constexpr std::string_view kSchema = "onramp/baseline@1";
}  // namespace

std::string baseline_text(const std::vector<Finding>& findings) {
  std::vector<const Finding*> sorted;
  for (const auto& f : findings) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](const Finding* a, const Finding* b) {
    return std::tie(a->path, a->rule, a->fingerprint) < std::tie(b->path, b->rule, b->fingerprint);
  });
  std::string out =
      fmt::format("{{\n  \"schema\": \"{}\",\n  \"tool\": {{\"name\": \"onramp\", \"version\": \"{}\"}},\n", kSchema,
                  ONRAMP_VERSION);
  out += "  \"findings\": [";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const auto& f = *sorted[i];
    nlohmann::ordered_json row = {
        {"path", f.path}, {"rule", f.rule}, {"fingerprint", f.fingerprint}, {"message", f.message}};
    // One finding per line: a reviewer reads the diff of this file line by line.
    out += i == 0 ? "\n    " : ",\n    ";
    out += row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
  out += sorted.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

util::Result<std::vector<BaselineEntry>> parse_baseline(std::string_view text, const std::string& display) {
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return util::Error{fmt::format("{}: not a JSON baseline file", display)};
  if (!doc.contains("schema") || doc["schema"] != kSchema) {
    return util::Error{fmt::format(
        "{}: not an onramp baseline (expected \"schema\": \"{}\"); `onramp baseline` writes one", display, kSchema)};
  }
  if (!doc.contains("findings") || !doc["findings"].is_array())
    return util::Error{fmt::format("{}: `findings` must be a list", display)};
  std::vector<BaselineEntry> out;
  std::size_t index = 0;
  for (const auto& row : doc["findings"]) {
    ++index;
    if (!row.is_object() || !row.contains("fingerprint") || !row["fingerprint"].is_string()) {
      return util::Error{fmt::format("{}: finding {} has no `fingerprint`", display, index)};
    }
    BaselineEntry e;
    e.fingerprint = row["fingerprint"].get<std::string>();
    if (row.contains("path") && row["path"].is_string()) e.path = row["path"].get<std::string>();
    if (row.contains("rule") && row["rule"].is_string()) e.rule = row["rule"].get<std::string>();
    if (row.contains("message") && row["message"].is_string()) e.message = row["message"].get<std::string>();
    out.push_back(std::move(e));
  }
  return out;
}

BaselineSplit split_by_baseline(std::vector<Finding> findings, const std::vector<BaselineEntry>& baseline) {
  std::map<std::string_view, std::size_t> accepted;
  for (const auto& e : baseline) ++accepted[e.fingerprint];
  // First pass: the same finding (rule, file, statement, occurrence). Second pass, for what is left on both sides:
  // the same rule in the same file with the same message is a known finding whose statement was edited (a ruff
  // rewrite of a flagged line, a reformatted call), not a new one; each leftover entry accepts one such finding.
  std::vector<Finding> unmatched;
  BaselineSplit out;
  for (auto& f : findings) {
    const auto it = accepted.find(f.fingerprint);
    if (it != accepted.end() && it->second > 0) {
      --it->second;
      ++out.known;
    } else {
      unmatched.push_back(std::move(f));
    }
  }
  std::map<std::tuple<std::string_view, std::string_view, std::string_view>, std::size_t> edited;
  for (const auto& e : baseline) {
    auto it = accepted.find(e.fingerprint);
    if (it == accepted.end() || it->second == 0 || e.message.empty()) continue;
    --it->second;  // this entry is spent on the second pass
    ++edited[{e.rule, e.path, e.message}];
  }
  for (auto& f : unmatched) {
    const auto it = edited.find({f.rule, f.path, f.message});
    if (it != edited.end() && it->second > 0) {
      --it->second;
      ++out.known;
    } else {
      out.fresh.push_back(std::move(f));
    }
  }
  for (const auto& [fp, left] : accepted) out.stale += left;
  for (const auto& [k, left] : edited) out.stale += left;
  return out;
}

}  // namespace onramp::core
