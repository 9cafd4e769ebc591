#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "onramp/core/steps.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/report/report.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::report {

using json = nlohmann::ordered_json;

namespace {

constexpr std::size_t kMaxRowsPerFact = 20;

struct Style {
  bool color;
  std::string bold(std::string_view s) const { return color ? fmt::format("\x1b[1m{}\x1b[0m", s) : std::string(s); }
  std::string dim(std::string_view s) const { return color ? fmt::format("\x1b[2m{}\x1b[0m", s) : std::string(s); }
  std::string severity(core::Severity sev) const {
    const auto name = core::to_string(sev);
    if (!color) return std::string(name);
    const char* code = sev == core::Severity::error ? "31" : sev == core::Severity::warning ? "33" : "36";
    return fmt::format("\x1b[{}m{}\x1b[0m", code, name);
  }
};

std::string plural(std::size_t n, std::string_view noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); }

std::string humanize(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '_', ' ');
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string scalar(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// `path:line` of an object that names a place, or empty.
std::string place_of(const json& item) {
  if (!item.is_object()) return {};
  for (const char* k : {"path", "file", "source"}) {
    if (item.contains(k) && item[k].is_string()) {
      auto where = item[k].get<std::string>();
      if (item.contains("line") && item["line"].is_number() && item["line"].get<long long>() != 0)
        where += ":" + scalar(item["line"]);
      return where;
    }
  }
  return {};
}

/// True for an object that mostly says where something is (`{path, line}`, perhaps with a plain detail or two such
/// as how it was read), rather than a record of its own (a package with its spec, group and version).
bool is_bare_place(const json& item) {
  if (place_of(item).empty()) return false;
  std::size_t details = 0;
  for (const auto& [k, v] : item.items()) {
    if (k == "path" || k == "file" || k == "source" || k == "line" || k == "column") continue;
    // A name or a version makes it a record of something; a detail or two (how it was read, where) does not.
    if (k == "name" || k == "version" || v.is_object() || v.is_array() || ++details > 2) return false;
  }
  return true;
}

/// A list of scalars (or of places: objects with a path) on one line, cut after a few items; a list of records
/// (objects that say more than where) is too much for one line and shows as its count.
std::string inline_list(const json& list) {
  constexpr std::size_t kMaxItems = 8;
  constexpr std::size_t kMaxPlaces = 3;
  std::string text;
  std::size_t shown = 0;
  const bool places =
      !list.empty() && std::all_of(list.begin(), list.end(), [](const json& i) { return !place_of(i).empty(); });
  if (places && !std::all_of(list.begin(), list.end(), is_bare_place)) return std::to_string(list.size());
  for (const auto& item : list) {
    if (places) {
      if (shown == kMaxPlaces) return text + fmt::format(", ... ({} in all)", list.size());
      text += (shown++ ? ", " : "") + place_of(item);
      continue;
    }
    if (item.is_object() || item.is_array()) return {};
    if (shown == kMaxItems) return text + fmt::format(", ... ({} in all)", list.size());
    text += (shown++ ? ", " : "") + scalar(item);
  }
  return text;
}

/// One line for an object: `path:line` first when present, then the other values; with `nested`, lists
/// of scalars and one level of objects inside it are shown inline (`parameters (annotated 4, total 8)`).
std::string row_text(const json& row, bool nested = true) {
  if (!row.is_object()) return scalar(row);
  std::string where;
  for (const char* k : {"path", "file", "source"}) {
    if (row.contains(k) && row[k].is_string()) {
      where = row[k].get<std::string>();
      if (row.contains("line")) where += ":" + scalar(row["line"]);
      break;
    }
  }
  std::vector<std::string> parts;
  for (const auto& [k, v] : row.items()) {
    if (k == "path" || k == "file" || k == "source" || (k == "line" && !where.empty())) continue;
    if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) continue;
    if (v.is_object() || v.is_array()) {
      const auto inner = !nested || v.empty() ? std::string{} : v.is_object() ? row_text(v, false) : inline_list(v);
      if (!inner.empty())
        parts.push_back(v.is_object() ? fmt::format("{} ({})", k, inner) : fmt::format("{} {}", k, inner));
      continue;
    }
    if (v.is_boolean()) {
      if (v.get<bool>()) parts.push_back(k);
      continue;
    }
    parts.push_back(k == "name" || k == "value" || k == "call" || k == "meaning" ? scalar(v)
                                                                                 : fmt::format("{} {}", k, scalar(v)));
  }
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
  if (!where.empty()) text = text.empty() ? where : fmt::format("{} ({})", text, where);
  return text;
}

/// A list of numbered steps (objects with an integer `step`): each a command to type, then why and where from.
bool is_step_list(const json& list) {
  return !list.empty() && std::all_of(list.begin(), list.end(), [](const json& r) {
    return r.is_object() && r.contains("step") && r["step"].is_number_integer();
  });
}

void write_steps(std::ostream& out, const json& list, const Style& style) {
  for (const auto& row : list) {
    const auto number = fmt::format("      {:>2}. ", scalar(row["step"]));
    const std::string indent(number.size(), ' ');
    json rest = json::object();
    for (const auto& [k, v] : row.items()) {
      if (k != "step" && k != "command" && k != "cwd" && k != "why") rest[k] = v;
    }
    const auto why = row.contains("why") && row["why"].is_string() ? row["why"].get<std::string>() : std::string{};
    const auto where = row_text(rest);
    const auto detail = where.empty() ? why : why.empty() ? where : fmt::format("{} ({})", why, where);
    if (row.contains("command") && row["command"].is_string()) {
      const bool here = !row.contains("cwd") || !row["cwd"].is_string();
      out << number << style.bold(row["command"].get<std::string>())
          << (here ? std::string{} : style.dim(fmt::format("   (in {}/)", row["cwd"].get<std::string>()))) << '\n';
      if (!detail.empty()) out << indent << style.dim(detail) << '\n';
    } else {
      out << number << detail << '\n';
    }
  }
}

void write_facts(std::ostream& out, const json& facts, const Style& style) {
  for (const auto& [key, value] : facts.items()) {
    if (value.is_array()) {
      if (value.empty()) {
        out << "    " << humanize(key) << ": " << style.dim("none found") << '\n';
        continue;
      }
      if (is_step_list(value)) {
        out << "    " << humanize(key) << ":\n";
        write_steps(out, value, style);
        continue;
      }
      out << "    " << humanize(key) << ":\n";
      std::size_t shown = 0;
      for (const auto& row : value) {
        if (shown++ == kMaxRowsPerFact) {
          out << "      "
              << style.dim(fmt::format("... and {} more (see --format json)", value.size() - kMaxRowsPerFact)) << '\n';
          break;
        }
        out << "      - " << row_text(row) << '\n';
      }
    } else if (value.is_object()) {
      out << "    " << humanize(key) << ": " << row_text(value, false) << '\n';
      // One level of nesting: a map of names to rows (per-package counts), an object, or a list under the object.
      for (const auto& [sub_key, sub] : value.items()) {
        const bool map = sub.is_object() && !sub.empty() &&
                         std::all_of(sub.begin(), sub.end(), [](const json& v) { return v.is_object(); });
        if (map) {
          out << "      " << humanize(sub_key) << ":\n";
          std::size_t shown = 0;
          for (const auto& [name, row] : sub.items()) {
            if (shown++ == kMaxRowsPerFact) {
              out << "        "
                  << style.dim(fmt::format("... and {} more (see --format json)", sub.size() - kMaxRowsPerFact))
                  << '\n';
              break;
            }
            out << "        - " << name << ": " << row_text(row) << '\n';
          }
        } else if (sub.is_object() && !sub.empty()) {
          out << "      " << humanize(sub_key) << ": " << row_text(sub) << '\n';
        } else if (sub.is_array() && !sub.empty()) {
          std::size_t shown = 0;
          for (const auto& row : sub) {
            if (shown++ == kMaxRowsPerFact) {
              out << "      "
                  << style.dim(fmt::format("... and {} more (see --format json)", sub.size() - kMaxRowsPerFact))
                  << '\n';
              break;
            }
            out << "      - " << row_text(row) << '\n';
          }
        }
        (void)sub_key;
      }
    } else {
      out << "    " << humanize(key) << ": " << scalar(value) << '\n';
    }
  }
}

/// Step 1 reads as a map, not as tables: counts, the layers with their packages, entry points, routes grouped by
/// their leading path segments, and the import cycles. The whole table is in the JSON.
void write_architecture(std::ostream& out, const json& facts, const Style& style) {
  constexpr std::size_t kNamesPerLayer = 6;
  constexpr std::size_t kGroups = 12;
  constexpr std::size_t kRoutesPerGroup = 6;
  constexpr std::size_t kEntryPoints = 8;
  const auto size_of = [&](const char* key) { return facts.contains(key) ? facts[key].size() : 0; };
  const auto edges = facts.contains("import_graph") ? facts["import_graph"]["edges"].size() : 0;
  out << "    " << plural(size_of("packages"), "package") << ", " << plural(size_of("entry_points"), "entry point")
      << ", " << plural(size_of("routes"), "route") << ", " << plural(edges, "import edge") << " between packages, "
      << plural(size_of("cycles"), "import cycle") << '\n';
  std::map<std::string, std::vector<std::string>> layers;
  for (const auto& p : facts.value("packages", json::array())) {
    layers[p["layer"].get<std::string>()].push_back(p["name"].get<std::string>());
  }
  if (!layers.empty()) {
    out << "    Layers:\n";
    for (const auto& [layer, names] : layers) {
      std::vector<std::string> shown(
          names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), kNamesPerLayer)));
      out << fmt::format("      - {} ({}): {}{}\n", layer, names.size(), fmt::join(shown, ", "),
                         names.size() > kNamesPerLayer ? ", ..." : "");
    }
  }
  const auto& entry_points = facts.value("entry_points", json::array());
  if (!entry_points.empty()) {
    out << "    Entry points:\n";
    std::size_t shown = 0;
    for (const auto& e : entry_points) {
      if (shown++ == kEntryPoints) {
        out << "      "
            << style.dim(fmt::format("... and {} more (see --format json)", entry_points.size() - kEntryPoints))
            << '\n';
        break;
      }
      out << fmt::format("      - {} {} ({})\n", e["kind"].get<std::string>(), e["name"].get<std::string>(),
                         place_of(e));
    }
  }
  const auto& routes = facts.value("routes", json::array());
  if (!routes.empty()) {
    // Grouped by the leading segments: two when the first is `api` or a version, one otherwise.
    std::map<std::string, std::vector<const json*>> groups;
    std::map<std::string, std::size_t> frameworks;
    for (const auto& r : routes) {
      const auto path = r["path"].get<std::string>();
      auto parts = util::split(std::string_view(path), '/');
      std::string group;
      std::size_t taken = 0;
      bool more = true;  // after `api` and version segments (`v1`), one more segment belongs to the group
      for (const auto part : parts) {
        if (part.empty()) continue;
        if (!more || taken == 3 || part.find_first_of("{<(?^$[") != std::string_view::npos) break;
        const bool version = part.size() >= 2 && part[0] == 'v' && part[1] >= '0' && part[1] <= '9';
        more = part == "api" || version;
        group += "/" + std::string(part);
        ++taken;
      }
      if (group.empty()) group = "/";
      groups[group].push_back(&r);
      ++frameworks[r["framework"].get<std::string>()];
    }
    std::vector<std::string> fw;
    for (const auto& [name, n] : frameworks) fw.push_back(fmt::format("{} {}", name, n));
    out << fmt::format("    Routes ({}; {}):\n", routes.size(), fmt::join(fw, ", "));
    std::size_t g = 0;
    for (const auto& [group, list] : groups) {
      if (g++ == kGroups) {
        out << "      " << style.dim(fmt::format("... and {} more groups (see --format json)", groups.size() - kGroups))
            << '\n';
        break;
      }
      std::vector<std::string> items;
      for (std::size_t i = 0; i < list.size() && i < kRoutesPerGroup; ++i) {
        const auto& r = *list[i];
        auto path = r["path"].get<std::string>();
        if (group != "/" && path.rfind(group, 0) == 0 && path.size() > group.size() + 1)
          path = path.substr(group.size());
        const auto methods =
            r["methods"].empty() ? std::string("ANY") : fmt::format("{}", fmt::join(r["methods"], ","));
        items.push_back(fmt::format("{} {}", methods, path));
      }
      out << fmt::format("      - {} ({}): {}{}\n", group, list.size(), fmt::join(items, ", "),
                         list.size() > kRoutesPerGroup ? ", ..." : "");
    }
  }
  for (const auto& c : facts.value("cycles", json::array())) {
    out << fmt::format("    Import cycle: {} ({} packages tied together)\n", fmt::join(c["shortest"], " -> "),
                       c["packages"].size());
  }
}

/// More info findings of one rule in one file than this are folded into one line.
constexpr std::size_t kFoldAbove = 5;
/// Definitions named on a folded line.
constexpr std::size_t kWorstShown = 5;
/// Info lines (single or folded) per step; the rest are counted, never printed one by one.
constexpr std::size_t kMaxInfoLines = 40;

/// What one line of a step's findings shows: one finding, or several info findings of one rule in one file.
struct FindingLine {
  std::vector<const core::Finding*> findings;
  bool folded = false;
  bool shown = true;
};

/// The step's findings as lines: info findings of one rule in one file are folded when there are many,
/// and at most kMaxInfoLines info lines are kept (the code that ships before its tests, then those covering
/// the most findings); warnings and errors are never folded or dropped.
std::vector<FindingLine> finding_lines(const model::Project& project, const std::vector<core::Finding>& findings,
                                       int step) {
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> per_file;
  for (const auto& f : findings) {
    if (f.step == step && f.severity == core::Severity::info) ++per_file[{f.path, f.rule}];
  }
  std::vector<FindingLine> lines;
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> group_line;
  for (const auto& f : findings) {
    if (f.step != step) continue;
    const std::pair<std::string_view, std::string_view> key{f.path, f.rule};
    if (f.severity == core::Severity::info && per_file[key] > kFoldAbove) {
      const auto [it, inserted] = group_line.try_emplace(key, lines.size());
      if (inserted) lines.push_back(FindingLine{{}, true, true});
      lines[it->second].findings.push_back(&f);
    } else {
      lines.push_back(FindingLine{{&f}, false, true});
    }
  }
  std::vector<std::size_t> info;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].findings.front()->severity == core::Severity::info) info.push_back(i);
  }
  if (info.size() > kMaxInfoLines) {
    // The code that ships before its tests, then the lines that cover the most findings.
    std::stable_sort(info.begin(), info.end(), [&](std::size_t a, std::size_t b) {
      const bool test_a = model::role_of(project, lines[a].findings.front()->path) == core::CodeRole::test;
      const bool test_b = model::role_of(project, lines[b].findings.front()->path) == core::CodeRole::test;
      if (test_a != test_b) return test_b;
      return lines[a].findings.size() > lines[b].findings.size();
    });
    for (std::size_t i = kMaxInfoLines; i < info.size(); ++i) lines[info[i]].shown = false;
  }
  return lines;
}

/// `path: info [rule] 37 findings: summary; most in create_user (8, line 12), ...`
std::string folded_text(const FindingLine& line, const core::RuleSet& rules, const Style& style) {
  const auto& first = *line.findings.front();
  struct Count {
    std::size_t n = 0;
    std::uint32_t line = 0;
  };
  std::map<std::string_view, Count> by_symbol;
  for (const auto* f : line.findings) {
    auto& c = by_symbol[f->symbol];
    if (c.n++ == 0) c.line = f->location.line;
  }
  std::vector<std::pair<std::string_view, Count>> worst(by_symbol.begin(), by_symbol.end());
  std::stable_sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) {
    return a.second.n != b.second.n ? a.second.n > b.second.n : a.second.line < b.second.line;
  });
  std::string where;
  if (by_symbol.size() == 1 && by_symbol.begin()->first.empty()) {
    std::vector<std::string> at;
    for (std::size_t i = 0; i < line.findings.size() && i < kWorstShown; ++i)
      at.push_back(std::to_string(line.findings[i]->location.line));
    where = fmt::format("at lines {}{}", fmt::join(at, ", "), line.findings.size() > kWorstShown ? ", ..." : "");
  } else {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < worst.size() && i < kWorstShown; ++i) {
      const auto name = worst[i].first.empty() ? std::string_view("module level") : worst[i].first;
      names.push_back(fmt::format("{} ({}, line {})", name, worst[i].second.n, worst[i].second.line));
    }
    where = fmt::format("most in {}{}", fmt::join(names, ", "),
                        worst.size() > kWorstShown ? fmt::format(" and {} more", worst.size() - kWorstShown) : "");
  }
  const auto* rule = rules.find(first.rule);
  return fmt::format("    {} {} [{}] {} findings{}; {}\n", first.path, style.severity(first.severity), first.rule,
                     line.findings.size(), rule != nullptr ? ": " + rule->summary : std::string{}, where);
}

}  // namespace

void write_text(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules,
                const TextOptions& options) {
  const Style style{options.color};
  const auto doc = to_json(analysis, rules);
  const auto& summary = doc["summary"];
  out << style.bold(fmt::format("onramp {} report for {}", ONRAMP_VERSION, analysis.project.display_root)) << '\n';
  out << fmt::format("{} files, {} Python files ({} lines), project roots: {}\n", scalar(summary["files"]),
                     scalar(summary["python_files"]), scalar(summary["python_lines"]),
                     fmt::join(analysis.project.roots, ", "));
  out << fmt::format("{}: {} errors, {} warnings, {} info; {}, {} skipped\n",
                     plural(summary["findings"].get<std::size_t>(), "finding"), scalar(summary["by_severity"]["error"]),
                     scalar(summary["by_severity"]["warning"]), scalar(summary["by_severity"]["info"]),
                     plural(summary["parse_errors"].get<std::size_t>(), "parse error"),
                     plural(summary["skipped_files"].get<std::size_t>(), "file"));
  std::vector<std::string> roles;
  for (const auto& [role, n] : summary["roles"].items()) {
    if (n.get<std::size_t>() > 0) roles.push_back(fmt::format("{} {}", n.get<std::size_t>(), role));
  }
  if (!roles.empty()) out << fmt::format("Python files by role: {}\n", fmt::join(roles, ", "));

  for (const auto& step : doc["steps"]) {
    const int id = step["id"].get<int>();
    const auto count = step["findings"].get<std::size_t>();
    out << '\n' << style.bold(fmt::format("{:>2}. {}", id, step["title"].get<std::string>()));
    if (!step["analysed"].get<bool>()) {
      out << " " << style.dim("- not analysed by this version of onramp yet") << '\n';
      continue;
    }
    out << " - " << (count == 0 ? std::string("no findings") : plural(count, "finding")) << '\n';
    if (step["key"] == "architecture") {
      write_architecture(out, step["facts"], style);
    } else {
      write_facts(out, step["facts"], style);
    }
    std::size_t hidden = 0;
    std::set<std::string_view> hidden_files;
    for (const auto& line : finding_lines(analysis.project, analysis.findings, id)) {
      if (!line.shown) {
        hidden += line.findings.size();
        hidden_files.insert(line.findings.front()->path);
        continue;
      }
      if (line.folded) {
        out << folded_text(line, rules, style);
        continue;
      }
      const auto& f = *line.findings.front();
      out << fmt::format("    {}:{}:{} {} [{}] {}\n", f.path, f.location.line, f.location.column,
                         style.severity(f.severity), f.rule, f.message);
      if (!f.chain.empty()) out << "      " << style.dim(fmt::format("via {}", fmt::join(f.chain, " -> "))) << '\n';
    }
    if (hidden > 0) {
      out << "    "
          << style.dim(fmt::format("... and {} more info findings in {} (see --format json)", hidden,
                                   plural(hidden_files.size(), "file")))
          << '\n';
    }
  }

  if (!analysis.project.problems.empty()) {
    out << '\n' << style.bold("Files onramp could not read in full") << '\n';
    for (const auto& p : analysis.project.problems) {
      out << fmt::format("    {}{} [{}] {}\n", p.path, p.line != 0 ? fmt::format(":{}", p.line) : "", p.kind,
                         p.message);
    }
  }
}

}  // namespace onramp::report
