#pragma once
// The code role of a Python file: what kind of code it is, decided once (model/roles.hpp) and asked by every check.
#include <array>
#include <string_view>

namespace onramp::core {

/// What a Python file is for. Every module and file has exactly one.
enum class CodeRole { application, test, script, migration, generated, template_, tooling, vendored, example };

inline constexpr std::array<CodeRole, 9> kCodeRoles = {CodeRole::application, CodeRole::test,      CodeRole::script,
                                                       CodeRole::migration,   CodeRole::generated, CodeRole::template_,
                                                       CodeRole::tooling,     CodeRole::vendored,  CodeRole::example};

/// The role's name in reports: application, test, script, migration, generated, template, tooling, vendored, example.
constexpr std::string_view to_string(CodeRole role) {
  switch (role) {
    case CodeRole::application: return "application";
    case CodeRole::test: return "test";
    case CodeRole::script: return "script";
    case CodeRole::migration: return "migration";
    case CodeRole::generated: return "generated";
    case CodeRole::template_: return "template";
    case CodeRole::tooling: return "tooling";
    case CodeRole::vendored: return "vendored";
    case CodeRole::example: return "example";
  }
  return "application";
}

}  // namespace onramp::core
