#include "onramp/checks/database/fk_to_unknown_model.hpp"

#include <fmt/format.h>

#include "onramp/checks/database/schema.hpp"

namespace onramp::checks::database {

namespace {
constexpr std::string_view kRule = "database/fk-to-unknown-model";
}  // namespace

void FkToUnknownModelCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                          std::vector<core::Finding>& out) const {
  const auto* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& m : build_schema(project).models) {
    for (const auto& fk : m.foreign_keys) {
      if (!fk.unknown) continue;
      std::string message;
      if (m.orm == "django") {
        const auto dot = fk.target.find('.');
        message = fmt::format(
            "{}.{} points to `{}`, but app `{}` declares no model {}: Django stops at start-up with "
            "\"Field defines a relation with model '{}', which is either not installed, or is abstract\"",
            m.name, fk.field, fk.target, fk.target.substr(0, dot), fk.target.substr(dot + 1), fk.target);
      } else {
        const auto table = fk.target.substr(0, fk.target.rfind('.'));
        message = fmt::format(
            "{}.{} has a foreign key to `{}`, but no model or Table of this repository maps table `{}`: creating the "
            "schema or flushing a session fails with NoReferencedTableError",
            m.name, fk.field, fk.target, table);
      }
      out.push_back(core::make_finding(*rule, m.file, fk.location, std::move(message), fk.target));
    }
  }
}

}  // namespace onramp::checks::database
