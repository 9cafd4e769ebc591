#include "onramp/checks/sandbox/debugger_import.hpp"

#include <fmt/format.h>

namespace onramp::checks::sandbox {

namespace {
constexpr std::string_view kRule = "sandbox/debugger-import";

bool names_module(std::string_view imported, std::string_view module) {
  return imported == module || (imported.size() > module.size() && imported.substr(0, module.size()) == module &&
                                imported[module.size()] == '.');
}
}  // namespace

void DebuggerImportCheck::check_module(FileContext& ctx) {
  const core::Rule* rule = ctx.rules.find(kRule);
  if (rule == nullptr || ctx.module.is_test) return;
  for (const auto& imp : ctx.module.imports) {
    if (imp.type_checking) continue;  // never executed
    const std::string imported = imp.name.empty() ? imp.module : imp.module + "." + imp.name;
    for (const auto& module : rule->match.modules) {
      if (!names_module(imported, module)) continue;
      const std::string code = imp.name.empty() ? fmt::format("import {}", imp.module)
                                                : fmt::format("from {} import {}", imp.module, imp.name);
      ctx.report(kRule, imp.location,
                 fmt::format("`{}` imports the debugger {} into code that ships: a leftover from a debugging session, "
                             "and a hard dependency on a dev-only package",
                             code, module),
                 code);
      break;
    }
  }
}

}  // namespace onramp::checks::sandbox
