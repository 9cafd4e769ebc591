#include "onramp/report/graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace onramp::report {

namespace {

using checks::architecture::Architecture;

std::size_t rank(std::string_view layer) {
  const auto& order = checks::architecture::default_layer_order();
  const auto it = std::find(order.begin(), order.end(), layer);
  return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
}

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c == '\n' ? ' ' : c);
  }
  return out + "\"";
}

/// Mermaid labels are quoted; quotes inside become #quot;.
std::string mermaid_label(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') {
      out += "#quot;";
    } else {
      out.push_back(c == '\n' ? ' ' : c);
    }
  }
  return out + "\"";
}

std::string top_level(std::string_view name) { return std::string(name.substr(0, name.find('.'))); }

std::string handler_module(const checks::architecture::Architecture& arch, const std::string& handler) {
  // The longest prefix of the handler's qualified name that is a module of the repository.
  std::string name = handler;
  while (!name.empty()) {
    if (arch.modules.contains(name)) return name;
    const auto dot = name.rfind('.');
    if (dot == std::string::npos) break;
    name.resize(dot);
  }
  return handler;
}

}  // namespace

Graph imports_graph(const Architecture& arch) {
  Graph g;
  g.title = "imports";
  std::set<std::string> in_cycle;
  std::set<std::pair<std::string, std::string>> cycle_edges;
  for (const auto& c : arch.cycles) {
    for (std::size_t i = 0; i + 1 < c.shortest.size(); ++i) cycle_edges.insert({c.shortest[i], c.shortest[i + 1]});
  }
  std::set<std::string> used;
  for (const auto& e : arch.edges) {
    used.insert(e.from);
    used.insert(e.to);
  }
  for (const auto& p : arch.packages) {
    if (p.layer == "tests" || p.layer == "migrations") continue;
    if (!used.contains(p.name) && arch.packages.size() > 1) continue;
    g.nodes.push_back({p.name, fmt::format("{}\n{}", p.name, p.layer), top_level(p.name)});
  }
  for (const auto& e : arch.edges) {
    g.edges.push_back({e.from, e.to, std::to_string(e.count), cycle_edges.contains({e.from, e.to})});
  }
  return g;
}

Graph layers_graph(const Architecture& arch) {
  Graph g;
  g.title = "layers";
  g.direction = "TB";
  std::map<std::string, std::string> layer_of;
  std::map<std::string, std::size_t> packages_in;
  for (const auto& p : arch.packages) {
    layer_of[p.name] = p.layer;
    if (p.layer != "tests" && p.layer != "migrations") ++packages_in[p.layer];
  }
  std::map<std::pair<std::string, std::string>, std::size_t> counts;
  for (const auto& e : arch.edges) {
    const auto& a = layer_of[e.from];
    const auto& b = layer_of[e.to];
    if (a.empty() || b.empty() || a == b) continue;
    counts[{a, b}] += e.count;
  }
  std::vector<std::string> layers;
  for (const auto& [layer, n] : packages_in) layers.push_back(layer);
  std::sort(layers.begin(), layers.end(),
            [](const std::string& a, const std::string& b) { return rank(a) != rank(b) ? rank(a) > rank(b) : a < b; });
  for (const auto& l : layers) {
    g.nodes.push_back({l, fmt::format("{}\n{} package{}", l, packages_in[l], packages_in[l] == 1 ? "" : "s"), ""});
  }
  const auto none = checks::architecture::default_layer_order().size();
  for (const auto& [key, n] : counts) {
    if (!packages_in.contains(key.first) || !packages_in.contains(key.second)) continue;
    const bool violation = rank(key.first) < none && rank(key.second) < none && rank(key.first) < rank(key.second);
    g.edges.push_back({key.first, key.second, std::to_string(n), violation});
  }
  return g;
}

Graph routes_graph(const Architecture& arch) {
  Graph g;
  g.title = "routes";
  std::set<std::string> modules;
  std::size_t i = 0;
  for (const auto& r : arch.routes) {
    const auto first = r.path.find('/', 1);
    const auto group = first == std::string::npos ? r.path : r.path.substr(0, first);
    const auto id = fmt::format("route{}", i++);
    const auto methods = r.methods.empty() ? std::string("ANY") : fmt::format("{}", fmt::join(r.methods, ","));
    g.nodes.push_back({id, fmt::format("{} {}", methods, r.path), group});
    const auto module = handler_module(arch, r.handler);
    modules.insert(module);
    g.edges.push_back({id, "module:" + module, "", false});
  }
  for (const auto& m : modules) g.nodes.push_back({"module:" + m, m, ""});
  return g;
}

void write_dot(std::ostream& out, const Graph& graph) {
  out << "digraph " << dot_quote(graph.title) << " {\n";
  out << "  rankdir=" << graph.direction << ";\n  node [shape=box, fontname=\"Helvetica\"];\n";
  std::map<std::string, std::vector<const GraphNode*>> clusters;
  for (const auto& n : graph.nodes) clusters[n.cluster].push_back(&n);
  std::size_t k = 0;
  for (const auto& [cluster, nodes] : clusters) {
    const std::string indent = cluster.empty() ? "  " : "    ";
    if (!cluster.empty()) {
      out << "  subgraph " << dot_quote(fmt::format("cluster_{}", k++)) << " {\n    label=" << dot_quote(cluster)
          << ";\n";
    }
    for (const auto* n : nodes) {
      std::string label;
      for (char c : n->label) label += c == '\n' ? std::string("\\n") : std::string(1, c);
      out << indent << dot_quote(n->id) << " [label=\"";
      for (char c : label) {
        if (c == '"') out << '\\';
        out << c;
      }
      out << "\"];\n";
    }
    if (!cluster.empty()) out << "  }\n";
  }
  for (const auto& e : graph.edges) {
    out << "  " << dot_quote(e.from) << " -> " << dot_quote(e.to);
    std::vector<std::string> attrs;
    if (!e.label.empty()) attrs.push_back("label=" + dot_quote(e.label));
    if (e.highlight) attrs.push_back("color=red");
    if (!attrs.empty()) out << " [" << fmt::format("{}", fmt::join(attrs, ", ")) << "]";
    out << ";\n";
  }
  out << "}\n";
}

void write_mermaid(std::ostream& out, const Graph& graph) {
  out << "flowchart " << graph.direction << "\n";
  std::map<std::string, std::string> ids;
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) ids[graph.nodes[i].id] = fmt::format("n{}", i);
  std::map<std::string, std::vector<std::size_t>> clusters;
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) clusters[graph.nodes[i].cluster].push_back(i);
  std::size_t k = 0;
  for (const auto& [cluster, nodes] : clusters) {
    const std::string indent = cluster.empty() ? "  " : "    ";
    if (!cluster.empty()) out << "  subgraph c" << k++ << "[" << mermaid_label(cluster) << "]\n";
    for (auto i : nodes) {
      std::string label = graph.nodes[i].label;
      std::replace(label.begin(), label.end(), '\n', ' ');
      out << indent << ids[graph.nodes[i].id] << "[" << mermaid_label(label) << "]\n";
    }
    if (!cluster.empty()) out << "  end\n";
  }
  std::vector<std::size_t> red;
  std::size_t written = 0;
  for (const auto& e : graph.edges) {
    const auto from = ids.find(e.from);
    const auto to = ids.find(e.to);
    if (from == ids.end() || to == ids.end()) continue;
    out << "  " << from->second << (e.label.empty() ? " --> " : " -->|" + mermaid_label(e.label) + "| ") << to->second
        << "\n";
    if (e.highlight) red.push_back(written);
    ++written;
  }
  for (auto i : red) out << "  linkStyle " << i << " stroke:red\n";
}

}  // namespace onramp::report
