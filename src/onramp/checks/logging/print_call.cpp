#include "onramp/checks/logging/print_call.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "onramp/checks/logging/loggers.hpp"
#include "onramp/facts/index.hpp"

namespace onramp::checks::logging {

namespace {
constexpr std::string_view kRule = "logging/print-call";

/// What a dotted name written in this module stands for, through its imports (`sys.stderr`, `stderr`).
std::string resolve_dotted(const facts::Module& m, const std::string& written) {
  const auto dot = written.find('.');
  const std::string head = written.substr(0, dot);
  for (const auto& imp : m.imports) {
    if (imp.bound == head) return dot == std::string::npos ? imp.target : imp.target + written.substr(dot);
  }
  return {};
}

/// `sys.stderr`, `out`: a name or attribute chain as written, not a call or an expression.
bool is_dotted_name(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == '.' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

/// For each module, the modules of the repository that import it (tests left out).
std::unordered_map<const facts::Module*, std::vector<const facts::Module*>> importers(const model::Project& project) {
  std::unordered_map<std::string_view, const facts::Module*> by_name;
  for (const auto& m : project.modules) by_name.emplace(m.name, &m);
  std::unordered_map<const facts::Module*, std::vector<const facts::Module*>> out;
  for (const auto& m : project.modules) {
    if (m.role == core::CodeRole::test) continue;
    for (const auto& imp : m.imports) {
      const facts::Module* target = nullptr;
      if (!imp.name.empty()) {
        if (const auto it = by_name.find(imp.module + "." + imp.name); it != by_name.end()) target = it->second;
      }
      if (target == nullptr) {
        if (const auto it = by_name.find(imp.module); it != by_name.end()) target = it->second;
      }
      if (target != nullptr && target != &m) out[target].push_back(&m);
    }
  }
  return out;
}
/// A logging handler's own output (`emit`, `handleError`): logging there would recurse, printing is its fallback.
bool in_log_handler(const facts::Module& m, const facts::Call& call, const facts::ProjectIndex* index) {
  for (int fi = call.function; fi >= 0 && fi < static_cast<int>(m.functions.size());
       fi = m.functions[static_cast<std::size_t>(fi)].parent) {
    const auto& fn = m.functions[static_cast<std::size_t>(fi)];
    if (fn.owner_class < 0 || (fn.name != "emit" && fn.name != "handleError")) continue;
    const auto& cls = m.classes[static_cast<std::size_t>(fn.owner_class)];
    for (const auto* bases : {&cls.bases, &cls.canonical_bases}) {
      for (const auto& b : *bases) {
        if ((b.starts_with("logging.") && b.ends_with("Handler")) ||
            (index != nullptr && index->derives_from(b, "logging.Handler")))
          return true;
      }
    }
  }
  return false;
}

}  // namespace

void PrintCallCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                   std::vector<core::Finding>& out) const {
  const core::Rule* rule = rules.find(kRule);
  if (rule == nullptr) return;
  std::optional<std::unordered_map<const facts::Module*, std::vector<const facts::Module*>>> imported_by;
  for (const auto& m : project.modules) {
    if (is_script_module(m)) continue;
    std::vector<core::Finding> found;
    for (const auto& call : m.calls) {
      const bool print = call.callee == "builtins.print";
      if (!print && call.callee != "pprint.pprint" && call.callee != "pprint.pp") continue;
      const std::string_view written = call.written;
      const auto name = written.substr(written.rfind('.') + 1);
      if (name != "print" && name != "pprint" && name != "pp") continue;
      if (in_log_handler(m, call, project.index.get())) continue;
      // Like ruff's T201: printing into a file or buffer is output, not logging.
      // pprint's is called `stream`.
      const auto file = std::find_if(call.keywords.begin(), call.keywords.end(), [&](const facts::Argument& a) {
        return a.name == "file" || (!print && a.name == "stream");
      });
      if (file != call.keywords.end() && file->value != "None") {
        const std::string target = is_dotted_name(file->value) ? resolve_dotted(m, file->value) : std::string{};
        if (target != "sys.stdout" && target != "sys.stderr") continue;
      }
      found.push_back(make_finding(
          *rule, m.path, call.location,
          fmt::format("`{}()` in service code writes straight to the process output, past log levels, handlers and "
                      "formatting, so it is unfiltered in production and missing from the log pipeline; use a logger "
                      "(`logger.debug(...)` / `logger.info(...)`)",
                      call.written),
          call.code));
    }
    if (found.empty()) continue;
    // A helper that only command-line entry points import prints for the CLI.
    if (!imported_by) imported_by = importers(project);
    const auto it = imported_by->find(&m);
    if (it != imported_by->end() && std::all_of(it->second.begin(), it->second.end(),
                                                [](const facts::Module* i) { return is_script_module(*i); })) {
      continue;
    }
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
}

}  // namespace onramp::checks::logging
