#include "onramp/report/er_diagram.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace onramp::report {

using json = nlohmann::ordered_json;

namespace {

std::string str(const json& row, const char* key) {
  return row.contains(key) && row[key].is_string() ? row[key].get<std::string>() : std::string{};
}

bool flag(const json& row, const char* key) {
  return row.contains(key) && row[key].is_boolean() && row[key].get<bool>();
}

/// Letters, digits and `_` only: what every Mermaid and DOT identifier accepts.
std::string identifier(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), 'm');
  return out;
}

/// A Mermaid attribute type: starts with a letter; letters, digits, `_`, `-`, `()` and `[]` after it.
std::string mermaid_type(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '(' || c == ')' || c == '[' || c == ']';
    out += ok ? c : '_';
  }
  if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z'))) out.insert(0, "t_");
  return out;
}

std::string dq_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

struct Column {
  std::string name, type, keys;
};

struct Edge {
  std::string from, to, label, shape;  // shape: many-to-one, one-to-one, many-to-many
  bool optional = false;
  bool operator<(const Edge& o) const {
    return std::tie(from, to, label, shape, optional) < std::tie(o.from, o.to, o.label, o.shape, o.optional);
  }
};

struct Entity {
  std::string id, label, cluster;
  std::vector<Column> columns;
};

/// The entities and edges both formats draw.
struct Diagram {
  std::vector<Entity> entities;
  std::vector<Edge> edges;
};

Diagram diagram_of(const json& models) {
  Diagram d;
  std::map<std::string, std::size_t> name_count;
  for (const auto& m : models) {
    if (!flag(m, "abstract")) ++name_count[str(m, "name")];
  }
  std::map<std::string, std::string> id_of;  // qualname -> entity id
  for (const auto& m : models) {
    if (flag(m, "abstract")) continue;
    const auto name = str(m, "name");
    const auto label = str(m, "app_label");
    // Two models of one name (in two apps or packages) are told apart by their app label or qualified name.
    const auto id = identifier(name_count[name] == 1 ? name : !label.empty() ? label + "_" + name : str(m, "qualname"));
    id_of[str(m, "qualname")] = id;
  }
  const bool full = id_of.size() <= kErFullColumnsUpTo;
  std::set<Edge> edges;
  for (const auto& m : models) {
    if (flag(m, "abstract")) continue;
    Entity e;
    e.id = id_of[str(m, "qualname")];
    e.label = str(m, "name");
    const auto qualname = str(m, "qualname");
    e.cluster = !str(m, "app_label").empty() ? str(m, "app_label") : qualname.substr(0, qualname.rfind('.'));
    std::set<std::string> fk_fields;
    for (const auto& k : m["foreign_keys"]) fk_fields.insert(str(k, "field"));
    for (const auto& f : m["fields"]) {
      std::vector<std::string> keys;
      if (flag(f, "primary_key")) keys.push_back("PK");
      if (fk_fields.contains(str(f, "name"))) keys.push_back("FK");
      if (flag(f, "unique") && !flag(f, "primary_key")) keys.push_back("UK");
      if (!full && keys.empty()) continue;
      e.columns.push_back({str(f, "name"), str(f, "type"), fmt::format("{}", fmt::join(keys, ", "))});
    }
    for (const auto& k : m["foreign_keys"]) {
      const auto target = str(k, "model");
      if (!id_of.contains(target)) continue;
      bool optional = false, one = false;
      for (const auto& f : m["fields"]) {
        if (str(f, "name") == str(k, "field")) {
          optional = flag(f, "nullable");
          one = flag(f, "unique") && !flag(f, "primary_key");
        }
      }
      edges.insert({e.id, id_of[target], str(k, "field"), one ? "one-to-one" : "many-to-one", optional});
    }
    for (const auto& r : m["many_to_many"]) {
      const auto target = str(r, "model");
      if (id_of.contains(target)) edges.insert({e.id, id_of[target], str(r, "field"), "many-to-many", true});
    }
    d.entities.push_back(std::move(e));
  }
  d.edges.assign(edges.begin(), edges.end());
  return d;
}

}  // namespace

void write_er_mermaid(std::ostream& out, const json& models) {
  const auto d = diagram_of(models);
  out << "erDiagram\n";
  for (const auto& e : d.entities) {
    if (e.columns.empty()) {
      out << "    " << e.id << " {\n    }\n";
      continue;
    }
    out << "    " << e.id << " {\n";
    for (const auto& c : e.columns) {
      out << "        " << mermaid_type(c.type) << ' ' << identifier(c.name);
      if (!c.keys.empty()) out << ' ' << c.keys;
      out << '\n';
    }
    out << "    }\n";
  }
  for (const auto& edge : d.edges) {
    // The child's side first: many (or one) rows of `from` point to exactly one (or at most one) row of `to`.
    std::string shape;
    if (edge.shape == "many-to-many") {
      shape = "}o--o{";
    } else if (edge.shape == "one-to-one") {
      shape = edge.optional ? "|o--o|" : "|o--||";
    } else {
      shape = edge.optional ? "}o--o|" : "}o--||";
    }
    out << "    " << edge.from << ' ' << shape << ' ' << edge.to << " : \"" << dq_escape(edge.label) << "\"\n";
  }
}

void write_er_dot(std::ostream& out, const json& models) {
  const auto d = diagram_of(models);
  out << "digraph models {\n"
         "    graph [rankdir=LR, fontname=\"Helvetica\"];\n"
         "    node [shape=plaintext, fontname=\"Helvetica\"];\n"
         "    edge [fontname=\"Helvetica\", fontsize=10];\n";
  std::map<std::string, std::vector<const Entity*>> clusters;
  for (const auto& e : d.entities) clusters[e.cluster].push_back(&e);
  std::size_t n = 0;
  for (const auto& [cluster, entities] : clusters) {
    out << "    subgraph cluster_" << n++ << " {\n        label=\"" << dq_escape(cluster) << "\";\n";
    for (const auto* e : entities) {
      out << "        " << e->id << " [label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\">"
          << "<tr><td bgcolor=\"lightgrey\"><b>" << e->label << "</b></td></tr>";
      for (const auto& c : e->columns) {
        std::string type = c.type;
        std::string escaped;
        for (const char ch : type) {
          if (ch == '<') escaped += "&lt;";
          else if (ch == '>') escaped += "&gt;";
          else if (ch == '&') escaped += "&amp;";
          else escaped += ch;
        }
        out << "<tr><td align=\"left\">" << c.name << ": " << escaped << (c.keys.empty() ? "" : " " + c.keys)
            << "</td></tr>";
      }
      out << "</table>>];\n";
    }
    out << "    }\n";
  }
  for (const auto& edge : d.edges) {
    const char* head = edge.shape == "many-to-many" ? "crowodot" : edge.optional ? "teeodot" : "tee";
    const char* tail = edge.shape == "one-to-one" ? "teeodot" : "crowodot";
    out << "    " << edge.from << " -> " << edge.to << " [label=\"" << dq_escape(edge.label) << "\", arrowhead=" << head
        << ", arrowtail=" << tail << ", dir=both];\n";
  }
  out << "}\n";
}

}  // namespace onramp::report
