#include "onramp/checks/sandbox/debugger_import.hpp"
#include "onramp/model/roles.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace onramp::checks::sandbox {

namespace {
constexpr std::string_view kRule = "sandbox/debugger-import";

/// Remote debuggers are imported on purpose by debug set-ups that attach only when configured to.
bool is_remote_debugger(std::string_view module) {
  return module == "debugpy" || module == "ptvsd" || module == "pydevd" || module == "pydevd_pycharm";
}

bool names_module(std::string_view imported, std::string_view module) {
  return imported == module || (imported.size() > module.size() && imported.substr(0, module.size()) == module &&
                                imported[module.size()] == '.');
}
}  // namespace

void DebuggerImportCheck::check_module(FileContext& ctx) {
  const core::Rule* rule = ctx.rules.find(kRule);
  if (rule == nullptr || !model::rule_applies(kRule, ctx.module.role)) return;
  // A module that attaches a remote debugger only under a condition is a debug set-up (listed in the facts).
  const bool debug_setup = std::any_of(ctx.module.calls.begin(), ctx.module.calls.end(), [](const facts::Call& c) {
    return c.conditional &&
           (c.callee.ends_with(".listen") || c.callee.ends_with(".enable_attach") || c.callee.ends_with(".settrace")) &&
           is_remote_debugger(c.callee.substr(0, c.callee.find('.')));
  });
  for (const auto& imp : ctx.module.imports) {
    if (imp.type_checking) continue;  // never executed
    const std::string imported = imp.name.empty() ? imp.module : imp.module + "." + imp.name;
    for (const auto& module : rule->match.modules) {
      if (!names_module(imported, module)) continue;
      if (is_remote_debugger(module) && (debug_setup || imp.nested)) break;
      const bool aliased = imp.bound != (imp.name.empty() ? imp.module.substr(0, imp.module.find('.')) : imp.name);
      std::string code = imp.name.empty() ? fmt::format("import {}", imp.module)
                                          : fmt::format("from {}{} import {}", std::string(imp.level, '.'),
                                                        imp.level > 0 ? std::string{} : imp.module, imp.name);
      if (aliased && !imp.bound.empty()) code += " as " + imp.bound;
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
