// `onramp graph`: one scan, then the architecture model (imports, layers, routes) or the database step's models (the
// ER diagram) drawn as Mermaid or DOT.
#include "onramp/checks/architecture/architecture_model.hpp"
#include "onramp/cli/commands.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/report/er_diagram.hpp"
#include "onramp/report/graph.hpp"

namespace onramp::cli {

namespace {

/// The facts of one step of an analysis (an empty object when the step has none).
const nlohmann::ordered_json& step_facts(const engine::Analysis& analysis, std::string_view key) {
  static const nlohmann::ordered_json empty = nlohmann::ordered_json::object();
  const auto step = core::step_by_key(key);
  if (!step || static_cast<std::size_t>(step->id) > analysis.step_facts.size()) return empty;
  return analysis.step_facts[static_cast<std::size_t>(step->id - 1)];
}

}  // namespace

int run_graph(const GraphArgs& args, const core::RuleSet& rules, std::ostream& out, std::ostream& err) {
  const auto options = scan_options(args.scan, rules);
  const auto analysis = run_analysis(options, rules, err);
  emit(args.output, out, [&](std::ostream& o) {
    if (args.kind == "models") {
      // The ER diagram of the database step's models.
      const auto& facts = step_facts(analysis, "database");
      const auto models = facts.contains("models") ? facts["models"] : nlohmann::ordered_json::array();
      if (args.format == "dot") {
        report::write_er_dot(o, models);
      } else {
        report::write_er_mermaid(o, models);
      }
      return;
    }
    const auto& arch = checks::architecture::build_architecture(analysis.project);
    const auto graph = args.kind == "layers"   ? report::layers_graph(arch)
                       : args.kind == "routes" ? report::routes_graph(arch)
                                               : report::imports_graph(arch);
    if (args.format == "dot") {
      report::write_dot(o, graph);
    } else {
      report::write_mermaid(o, graph);
    }
  });
  return 0;
}

}  // namespace onramp::cli
