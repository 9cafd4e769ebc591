// `--format markdown`: the briefing as GitHub-flavoured Markdown, one section per step, tables, a Mermaid diagram of
// the layers and the ER diagram of the models, findings grouped per step with `path#Lline` links.
#include <fmt/format.h>

#include <map>
#include <set>

#include "onramp/report/briefing.hpp"
#include "onramp/report/er_diagram.hpp"
#include "onramp/report/report.hpp"

namespace onramp::report {

namespace {

using json = nlohmann::ordered_json;

/// Text that GitHub shows as written: Markdown punctuation escaped, HTML brackets as entities.
std::string md(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '\n') {
      out += ' ';
    } else {
      if (std::string_view("\\`*_[]|#").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

std::string link(const core::Finding& f) {
  return fmt::format("[{}:{}]({}#L{})", md(f.path), f.location.line, f.path, f.location.line);
}

/// The layers and the imports between them, from the architecture facts' package graph.
void layers_mermaid(std::ostream& out, const json& facts) {
  if (!facts.contains("import_graph")) return;
  std::map<std::string, std::string> layer_of;
  for (const auto& n : facts["import_graph"].value("nodes", json::array()))
    layer_of[n.value("name", "")] = n.value("layer", "");
  std::map<std::pair<std::string, std::string>, std::size_t> edges;
  std::set<std::string> layers;
  for (const auto& [name, layer] : layer_of) layers.insert(layer);
  for (const auto& e : facts["import_graph"].value("edges", json::array())) {
    const auto a = layer_of[e.value("from", "")];
    const auto b = layer_of[e.value("to", "")];
    if (a != b && !a.empty() && !b.empty()) edges[{a, b}] += e.value("count", std::size_t{1});
  }
  if (layers.empty()) return;
  std::map<std::string, std::size_t> id;
  out << "```mermaid\nflowchart LR\n";
  for (const auto& l : layers) {
    id[l] = id.size();
    out << fmt::format("  l{}[\"{}\"]\n", id[l], l);
  }
  for (const auto& [e, n] : edges) out << fmt::format("  l{} -->|{}| l{}\n", id[e.first], n, id[e.second]);
  out << "```\n\n";
}

}  // namespace

void write_markdown(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules, bool full) {
  constexpr std::size_t kRows = 10;
  constexpr std::size_t kLinks = 10;
  const auto b = make_briefing(analysis, rules, full ? 0 : kRows);
  out << "# onramp report: " << md(b.root) << "\n\n";
  for (const auto& a : b.about) out << md(a) << "\n";
  out << "\n## How to run it\n\n";
  if (b.checklist.empty()) out << "onramp found no documented or derivable way to run it.\n";
  for (const auto& c : b.checklist) {
    out << c.number << ". ";
    if (!c.command.empty()) out << "`" << c.command << "`" << (c.cwd.empty() ? "" : " (in `" + c.cwd + "/`)") << " — ";
    out << md(c.why) << "\n";
  }
  if (!b.first.empty()) {
    out << "\n## What to know first\n\n";
    std::size_t n = 0;
    for (const auto& g : b.first) {
      out << fmt::format("{}. **{}** {} — {} in {} (step {}), first at {}\n", ++n, core::to_string(g.severity),
                         md(g.summary), with_commas(g.findings.size()), plural(g.files, "file"), g.step,
                         link(*g.findings.front()));
    }
  }
  out << "\n## The steps\n\n| # | step | in short | findings |\n|---|---|---|---|\n";
  for (const auto& s : b.steps) {
    out << fmt::format("| {} | [{}](#step-{}) | {} | {} |\n", s.id, md(s.title), s.id, md(s.headline), s.findings);
  }
  const auto& steps = b.doc["steps"];
  for (std::size_t i = 0; i < b.steps.size(); ++i) {
    const auto& s = b.steps[i];
    out << fmt::format("\n<a id=\"step-{}\"></a>\n\n## {}. {}\n\n", s.id, s.id, md(s.title));
    if (!s.analysed) {
      out << md(s.headline) << "\n";
      continue;
    }
    if (!s.summary.empty()) out << md(s.summary) << "\n\n";
    if (s.key == "architecture") layers_mermaid(out, steps[i]["facts"]);
    if (s.key == "database" && steps[i]["facts"].contains("models") && !steps[i]["facts"]["models"].empty()) {
      out << "```mermaid\n";
      write_er_mermaid(out, steps[i]["facts"]["models"]);
      out << "```\n\n";
    }
    for (const auto& f : s.facts) {
      if (f.columns.empty()) {
        out << "**" << md(f.label) << ":** " << md(f.text) << "\n\n";
        continue;
      }
      out << "**" << md(f.label) << "**\n\n|";
      for (const auto& c : f.columns) out << ' ' << md(c) << " |";
      out << "\n|";
      for (std::size_t k = 0; k < f.columns.size(); ++k) out << "---|";
      out << '\n';
      for (const auto& row : f.rows) {
        out << '|';
        for (const auto& c : row) out << ' ' << md(c) << " |";
        out << '\n';
      }
      if (f.more != 0) out << "\n" << f.more << " more rows: `onramp --format markdown --full`.\n";
      out << '\n';
    }
    if (s.groups.empty()) continue;
    out << "### Findings\n\n";
    for (const auto& g : s.groups) {
      out << fmt::format("<details><summary><b>{}</b> <code>{}</code> {} ({})</summary>\n\n",
                         core::to_string(g.severity), g.rule, md(g.summary), with_commas(g.findings.size()));
      const auto shown = full ? g.findings.size() : std::min(kLinks, g.findings.size());
      for (std::size_t k = 0; k < shown; ++k)
        out << "- " << link(*g.findings[k]) << " " << md(g.findings[k]->message) << '\n';
      if (shown < g.findings.size()) out << fmt::format("- ... and {} more (`--full`)\n", g.findings.size() - shown);
      out << "\n</details>\n\n";
    }
  }
}

}  // namespace onramp::report
