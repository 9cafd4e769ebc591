#pragma once
// The ER diagram of `onramp graph --kind models`, drawn from the database step's `models` facts (the JSON report's
// `steps[database].facts.models`), so that the picture and the report never disagree.
#include <ostream>

#include <nlohmann/json.hpp>

namespace onramp::report {

/// Above this many models the diagram shows key columns only (primary and foreign keys), so it stays readable.
inline constexpr std::size_t kErFullColumnsUpTo = 40;

/// A Mermaid `erDiagram`: one entity per mapped model (abstract ones left out), one line per foreign key or
/// many-to-many relation to a model of the repository. Deterministic: models in report order, edges deduplicated.
void write_er_mermaid(std::ostream& out, const nlohmann::ordered_json& models);
/// The same as Graphviz DOT, models clustered by Django app or Python package.
void write_er_dot(std::ostream& out, const nlohmann::ordered_json& models);

}  // namespace onramp::report
