#include "onramp/checks/database/multiple_alembic_heads.hpp"

#include <fmt/format.h>

#include "onramp/checks/local-setup/migrations.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::database {

namespace {
constexpr std::string_view kRule = "database/multiple-alembic-heads";

/// The revision file that declares `id` (ids are unique across a chain).
const facts::Module* revision_file(const model::Project& project, std::string_view id) {
  for (const auto& m : project.modules) {
    const auto& rev = m.records.alembic;
    if (rev && util::join(rev->ids, " ") == id) return &m;
  }
  return nullptr;
}
}  // namespace

void MultipleAlembicHeadsCheck::check_project(const model::Project& project, const core::RuleSet& rules,
                                              std::vector<core::Finding>& out) const {
  const auto* rule = rules.find(kRule);
  if (rule == nullptr) return;
  for (const auto& set : local_setup::find_migrations(project)) {
    if ((set.tool != "alembic" && set.tool != "flask-migrate") || set.heads.size() < 2) continue;
    // One finding per chain, at the first head's revision file (the heads are sorted by id).
    const auto* file = revision_file(project, set.heads.front());
    if (file == nullptr) continue;
    auto message = fmt::format(
        "the Alembic chain in {} has {} heads ({}): `alembic upgrade head` stops with \"Multiple head revisions are "
        "present\"; join them with `alembic merge heads`",
        set.directory, set.heads.size(), util::join(set.heads, ", "));
    out.push_back(core::make_finding(*rule, file->path, file->records.alembic->location, std::move(message),
                                     "heads " + util::join(set.heads, " ")));
  }
}

}  // namespace onramp::checks::database
