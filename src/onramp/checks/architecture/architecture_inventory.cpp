#include "onramp/checks/architecture/architecture_inventory.hpp"

#include "onramp/checks/architecture/architecture_model.hpp"

namespace onramp::checks::architecture {

using json = nlohmann::ordered_json;

void ArchitectureInventory::collect(const model::Project& project, nlohmann::ordered_json& facts) const {
  const auto& arch = build_architecture(project);
  if (arch.packages.empty() && arch.routes.empty()) return;
  json packages = json::array();
  for (const auto& p : arch.packages) {
    packages.push_back(
        {{"name", p.name}, {"layer", p.layer}, {"modules", p.modules}, {"layers", p.layers}, {"path", p.path}});
  }
  json entry_points = json::array();
  for (const auto& e : arch.entry_points) {
    entry_points.push_back({{"kind", e.kind}, {"name", e.name}, {"file", e.file}, {"line", e.line}});
  }
  json routes = json::array();
  for (const auto& r : arch.routes) {
    routes.push_back({{"framework", r.framework},
                      {"methods", r.methods},
                      {"path", r.path},
                      {"declared_path", r.declared_path},
                      {"handler", r.handler},
                      {"file", r.file},
                      {"line", r.line}});
  }
  json nodes = json::array();
  for (const auto& p : arch.packages) {
    if (p.layer == "tests" || p.layer == "migrations") continue;
    nodes.push_back({{"name", p.name}, {"layer", p.layer}});
  }
  json edges = json::array();
  for (const auto& e : arch.edges) edges.push_back({{"from", e.from}, {"to", e.to}, {"count", e.count}});
  json cycles = json::array();
  for (const auto& c : arch.cycles)
    cycles.push_back({{"packages", c.packages}, {"shortest", c.shortest}, {"modules", c.modules}});
  facts["packages"] = std::move(packages);
  facts["entry_points"] = std::move(entry_points);
  facts["routes"] = std::move(routes);
  facts["import_graph"] = {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
  facts["cycles"] = std::move(cycles);
}

}  // namespace onramp::checks::architecture
