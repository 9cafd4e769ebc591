#include <fmt/format.h>

#include <algorithm>

#include "onramp/core/steps.hpp"
#include "onramp/report/report.hpp"

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

std::string plural(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

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

/// One line for an object: `path:line` first when present, then the other values.
std::string row_text(const json& row) {
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
    if (v.is_object() || v.is_array() || v.is_null()) continue;
    if (v.is_boolean()) {
      if (v.get<bool>()) parts.push_back(k);
      continue;
    }
    parts.push_back(k == "name" || k == "value" || k == "call" || k == "meaning" ? scalar(v) : fmt::format("{} {}", k, scalar(v)));
  }
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
  if (!where.empty()) text = text.empty() ? where : fmt::format("{} ({})", text, where);
  return text;
}

void write_facts(std::ostream& out, const json& facts, const Style& style) {
  for (const auto& [key, value] : facts.items()) {
    if (value.is_array()) {
      if (value.empty()) {
        out << "    " << humanize(key) << ": " << style.dim("none found") << '\n';
        continue;
      }
      out << "    " << humanize(key) << ":\n";
      std::size_t shown = 0;
      for (const auto& row : value) {
        if (shown++ == kMaxRowsPerFact) {
          out << "      " << style.dim(fmt::format("... and {} more (see --format json)", value.size() - kMaxRowsPerFact)) << '\n';
          break;
        }
        out << "      - " << row_text(row) << '\n';
      }
    } else if (value.is_object()) {
      out << "    " << humanize(key) << ": " << row_text(value) << '\n';
      // One level of nesting: a map of names to rows (per-package counts) or a list under the object.
      for (const auto& [sub_key, sub] : value.items()) {
        if (sub.is_object()) {
          for (const auto& [name, row] : sub.items()) out << "      - " << name << ": " << row_text(row) << '\n';
        } else if (sub.is_array() && !sub.empty()) {
          std::size_t shown = 0;
          for (const auto& row : sub) {
            if (shown++ == kMaxRowsPerFact) {
              out << "      " << style.dim(fmt::format("... and {} more (see --format json)", sub.size() - kMaxRowsPerFact)) << '\n';
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

}  // namespace

void write_text(std::ostream& out, const core::Analysis& analysis, const core::RuleSet& rules, const TextOptions& options) {
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

  for (const auto& step : doc["steps"]) {
    const int id = step["id"].get<int>();
    const auto count = step["findings"].get<std::size_t>();
    out << '\n' << style.bold(fmt::format("{:>2}. {}", id, step["title"].get<std::string>()));
    if (!step["analysed"].get<bool>()) {
      out << " " << style.dim("- not analysed by this version of onramp yet") << '\n';
      continue;
    }
    out << " - " << (count == 0 ? std::string("no findings") : plural(count, "finding")) << '\n';
    write_facts(out, step["facts"], style);
    for (const auto& f : analysis.findings) {
      if (f.step != id) continue;
      out << fmt::format("    {}:{}:{} {} [{}] {}\n", f.path, f.location.line, f.location.column,
                         style.severity(f.severity), f.rule, f.message);
      if (!f.chain.empty()) out << "      " << style.dim(fmt::format("via {}", fmt::join(f.chain, " -> "))) << '\n';
    }
  }

  if (!analysis.project.problems.empty()) {
    out << '\n' << style.bold("Files onramp could not read in full") << '\n';
    for (const auto& p : analysis.project.problems) {
      out << fmt::format("    {}{} [{}] {}\n", p.path, p.line != 0 ? fmt::format(":{}", p.line) : "", p.kind, p.message);
    }
  }
}

}  // namespace onramp::report
