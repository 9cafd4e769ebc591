#pragma once
// `onramp graph`: the system map as a graph (packages and their imports, layers, routes to their handlers), written
// as Graphviz DOT or Mermaid, the same bytes for the same repository.
#include <ostream>
#include <string>
#include <vector>

#include "onramp/checks/architecture/architecture_model.hpp"

namespace onramp::report {

struct GraphNode {
  std::string id;
  std::string label;
  /// Nodes of one cluster are drawn together (a top-level package, a route prefix); empty: none.
  std::string cluster;
};

struct GraphEdge {
  std::string from;
  std::string to;
  std::string label;
  /// Drawn in red: a layer violation, an edge of an import cycle.
  bool highlight = false;
};

/// Nodes and edges in the order they are written (sorted by the builders).
struct Graph {
  std::string title;
  /// LR (left to right) or TB.
  std::string direction = "LR";
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

/// Packages and the imports between them (counts on the edges, cycles in red), clustered by top-level package.
Graph imports_graph(const checks::architecture::Architecture& arch);
/// Layers and the imports between them (violations in red).
Graph layers_graph(const checks::architecture::Architecture& arch);
/// Routes, grouped by their first path segment, each pointing to the module of its handler.
Graph routes_graph(const checks::architecture::Architecture& arch);

void write_dot(std::ostream& out, const Graph& graph);
void write_mermaid(std::ostream& out, const Graph& graph);

}  // namespace onramp::report
