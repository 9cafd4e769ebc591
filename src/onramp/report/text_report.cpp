#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "onramp/core/steps.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/report/briefing.hpp"
#include "onramp/report/report.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::report {

using json = nlohmann::ordered_json;

namespace {

/// `--full` prints every row; the bound only guards against a runaway report.
constexpr std::size_t kMaxRowsPerFact = 100000;

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
    if (row.contains("command") && row["command"].is_string() && !row["command"].get<std::string>().empty()) {
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

}  // namespace

namespace {

/// Marks, inside a line, the column that its wrapped continuation lines are indented to.
constexpr char kHang = '\x1f';
/// Rows of a key-fact table, rules of a step and examples of a rule shown by default.
constexpr std::size_t kRows = 6;
constexpr std::size_t kGroupsShown = 3;
constexpr std::size_t kExamples = 1;
/// The first screen: what this is, how to run it, what to know first and the steps.
constexpr std::size_t kFirstScreen = 40;

/// Width on screen: escape sequences take none, a UTF-8 sequence one column.
std::size_t visible_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b') {
      while (i < s.size() && s[i] != 'm') ++i;
      continue;
    }
    if (s[i] == kHang) continue;
    if ((static_cast<unsigned char>(s[i]) & 0xC0U) != 0x80U) ++w;
  }
  return w;
}

/// Continuation lines of `line` start at its kHang mark, else after its indentation and list marker (`- `, `12. `).
std::size_t hanging_indent(std::string_view line) {
  if (const auto mark = line.find(kHang); mark != std::string_view::npos) return visible_width(line.substr(0, mark));
  std::size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos) return 0;
  if (line.substr(i, 2) == "- ") return i + 2;
  std::size_t j = i;
  while (j < line.size() && line[j] >= '0' && line[j] <= '9') ++j;
  if (j > i && line.substr(j, 2) == ". ") return j + 2;
  return i;
}

/// One logical line as screen lines of at most `width` columns, broken at spaces (a word longer than a line is
/// broken where it must: nothing is ever cut off).
void wrap_into(std::vector<std::string>& out, std::string_view line, std::size_t width) {
  const auto hang = std::min(hanging_indent(line), width * 2 / 3);
  std::string text;
  for (const char ch : line) {
    if (ch != kHang) text += ch;
  }
  if (visible_width(text) <= width) {
    out.push_back(std::move(text));
    return;
  }
  const auto lead = text.find_first_not_of(' ');
  std::string current(lead == std::string::npos ? 0 : lead, ' ');
  std::size_t current_w = current.size();
  bool first_word = true;
  std::size_t gap = 0;  // the spaces before the next word, as written (columns stay aligned)
  const std::string indent(hang, ' ');
  std::size_t pos = lead == std::string::npos ? text.size() : lead;
  const auto new_line = [&] {
    out.push_back(std::move(current));
    current = indent;
    current_w = hang;
    first_word = true;
  };
  while (pos < text.size()) {
    auto end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(pos, end - pos);
    pos = end;
    std::size_t spaces = 0;
    while (pos < text.size() && text[pos] == ' ') {
      ++pos;
      ++spaces;
    }
    auto ww = visible_width(word);
    if (!first_word && current_w + gap + ww > width) new_line();
    // A word wider than a whole line: broken at the width (plain text only; no escape sequence is split).
    while (current_w + (first_word ? 0 : gap) + ww > width && word.find('\x1b') == std::string::npos &&
           width > current_w + gap + 1) {
      const auto room = width - current_w - (first_word ? 0 : gap);
      std::size_t cut = 0, cols = 0;
      while (cut < word.size() && cols < room) {
        ++cut;
        while (cut < word.size() && (static_cast<unsigned char>(word[cut]) & 0xC0U) == 0x80U) ++cut;
        ++cols;
      }
      current += (first_word ? std::string{} : std::string(gap, ' ')) + word.substr(0, cut);
      new_line();
      word = word.substr(cut);
      ww = visible_width(word);
    }
    if (word.empty()) continue;
    if (!first_word) {
      current += std::string(gap, ' ');
      current_w += gap;
    }
    current += word;
    current_w += ww;
    first_word = false;
    gap = spaces;
  }
  if (!current.empty() && current.find_first_not_of(' ') != std::string::npos) out.push_back(std::move(current));
}

/// Lines of the report, wrapped to the width as they are added.
class Screen {
public:
  Screen(std::size_t width, const Style& style) : width_(width), style_(&style) {}
  void clear() { lines_.clear(); }
  void line(std::string_view text) { wrap_into(lines_, text, width_); }
  void blank() {
    if (!lines_.empty() && !lines_.back().empty()) lines_.emplace_back();
  }
  void table(std::size_t indent, const FactBlock& block);
  std::size_t size() const { return lines_.size(); }
  const std::vector<std::string>& lines() const { return lines_; }
  const Style& style() const { return *style_; }
  std::size_t width() const { return width_; }

private:
  std::size_t width_;
  const Style* style_;
  std::vector<std::string> lines_;
};

void Screen::table(std::size_t indent, const FactBlock& block) {
  const std::string pad(indent, ' ');
  line(pad + style_->bold(block.label));
  const auto cols = block.columns.size();
  // Columns sized to their content, shrunk (widest first) until they leave a third of the line to the last one,
  // which wraps; a cell wider than its column ends the line and the row goes on below, aligned.
  std::vector<std::size_t> widths(cols, 0);
  for (std::size_t i = 0; i + 1 < cols; ++i) {
    widths[i] = visible_width(block.columns[i]);
    for (const auto& row : block.rows) widths[i] = std::max(widths[i], visible_width(row[i]));
  }
  const auto budget = width_ * 2 / 3;
  std::size_t used = indent + 2;
  for (std::size_t i = 0; i + 1 < cols; ++i) used += widths[i] + 2;
  if (used > budget) {
    // Too wide to align: one item per row, its first cells on a line and the last one below them.
    for (const auto& row : block.rows) {
      std::vector<std::string> head(row.begin(), row.end() - 1);
      while (!head.empty() && head.back().empty()) head.pop_back();
      if (block.columns.front() == "#" && !head.empty()) {
        const auto number = head.front();
        head.erase(head.begin());
        if (head.empty()) {
          // Advice without a command: the advice is the item.
          line(fmt::format("{}  {:>2}. {}", pad, number, row.back()));
          continue;
        }
        line(fmt::format("{}  {:>2}. {}", pad, number, util::join(head, "  ")));
      } else {
        line(pad + "  - " + util::join(head, "  "));
      }
      if (!row.back().empty()) line(pad + "    " + kHang + style_->dim(row.back()));
    }
    if (block.more != 0) line(pad + "  " + style_->dim(fmt::format("... and {} more (--full)", block.more)));
    return;
  }
  const auto emit_row = [&](const std::vector<std::string>& cells, bool header) {
    std::string text = pad + "  ";
    std::size_t column = indent + 2;
    for (std::size_t i = 0; i < cols; ++i) {
      const auto& cell = i < cells.size() ? cells[i] : std::string{};
      const auto shown = header ? style_->dim(cell) : cell;
      if (visible_width(text) > column) {
        line(text);
        text = std::string(column, ' ');
      } else {
        text += std::string(column - visible_width(text), ' ');
      }
      if (i + 1 == cols) {
        text += kHang;
        text += shown;
        break;
      }
      text += shown;
      column += widths[i] + 2;
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == kHang)) text.pop_back();
    if (!text.empty()) line(text);
  };
  emit_row(block.columns, true);
  for (const auto& row : block.rows) emit_row(row, false);
  if (block.more != 0) line(pad + "  " + style_->dim(fmt::format("... and {} more (--full)", block.more)));
}

std::string severity_counts(const std::vector<RuleGroup>& groups) {
  std::size_t by[3] = {0, 0, 0};
  for (const auto& g : groups) {
    for (const auto* f : g.findings) ++by[static_cast<int>(f->severity)];
  }
  std::vector<std::string> parts;
  if (by[2]) parts.push_back(plural(by[2], "error"));
  if (by[1]) parts.push_back(plural(by[1], "warning"));
  if (by[0]) parts.push_back(fmt::format("{} info", with_commas(by[0])));
  return util::join(parts, ", ");
}

std::string first_place(const RuleGroup& g) {
  const auto& f = *g.findings.front();
  return fmt::format("{}:{}", f.path, f.location.line);
}

/// `12 in 4 files, first at app/x.py:3`
std::string group_count(const RuleGroup& g) {
  if (g.findings.size() == 1) return "at " + first_place(g);
  return fmt::format("{} in {}, first at {}", with_commas(g.findings.size()), plural(g.files, "file"), first_place(g));
}

/// How much the first screen gives up to fit: 0 nothing; 1 the places of the things to know first; 2 the steps'
/// headlines shortened to their first clauses that fit one line, without counts of findings.
void write_first_screen(Screen& s, const Briefing& b, std::size_t checklist_shown, std::size_t things, int compact) {
  const auto& st = s.style();
  s.line(st.bold(fmt::format("onramp {} · {}", ONRAMP_VERSION, b.root)));
  for (const auto& a : b.about) s.line(a);
  const auto& by_sev = b.doc["summary"]["by_severity"];
  const auto total = b.doc["summary"]["findings"].get<std::size_t>();
  s.line(total == 0 ? std::string("No findings.")
                    : fmt::format("{}: {} errors, {} warnings, {} info.", plural(total, "finding"),
                                  with_commas(by_sev["error"].get<std::size_t>()),
                                  with_commas(by_sev["warning"].get<std::size_t>()),
                                  with_commas(by_sev["info"].get<std::size_t>())));
  s.blank();
  s.line(st.bold("How to run it"));
  if (b.checklist.empty())
    s.line("  onramp found no documented or derivable way to run it (step 2 says what is missing).");
  for (std::size_t i = 0; i < b.checklist.size() && i < checklist_shown; ++i) {
    const auto& c = b.checklist[i];
    // Advice rather than a command: its first clause here, all of it in step 2.
    auto text = c.command;
    if (text.empty()) {
      text = c.why;
      if (const auto end = text.find_first_of(";("); end != std::string::npos && end > 10) {
        text.resize(end);
        while (!text.empty() && text.back() == ' ') text.pop_back();
        text += " (step 2)";
      }
    }
    const bool here = c.cwd.empty() || c.command.empty();
    s.line(fmt::format("  {:>2}. {}{}", c.number, text, here ? std::string{} : st.dim("   (in " + c.cwd + "/)")));
  }
  if (b.checklist.size() > checklist_shown)
    s.line(st.dim(fmt::format("      ... {} more (step 2)", b.checklist.size() - checklist_shown)));
  if (!b.first.empty()) {
    s.blank();
    s.line(st.bold(things == kFirstThings && b.first.size() == kFirstThings ? "Five things to know first"
                                                                            : "What to know first"));
    std::size_t n = 0;
    for (const auto& g : b.first) {
      const auto pad = std::string(8 - core::to_string(g.severity).size(), ' ');
      const auto where = compact >= 1
                             ? (g.findings.size() == 1 ? std::string("1 place") : plural(g.findings.size(), "place"))
                             : group_count(g);
      s.line(fmt::format("  {}. {}{}{}{} ({}; step {})", ++n, st.severity(g.severity), pad, kHang, g.summary, where,
                         g.step));
    }
  }
  s.blank();
  s.line(st.bold("The steps"));
  std::vector<std::string> not_analysed;
  for (const auto& step : b.steps) {
    if (!step.analysed) {
      not_analysed.push_back(fmt::format("{} {}", step.id, step.key));
      continue;
    }
    const auto counts = compact >= 2 ? std::string{} : severity_counts(step.groups);
    auto headline = step.headline;
    if (compact >= 2) {
      // The clauses that fit on the line: up to a `;`, then up to a `,`.
      const auto room = s.width() > 31 ? s.width() - 31 : 10;
      for (const char sep : {';', ','}) {
        while (visible_width(headline) > room) {
          const auto cut = headline.rfind(sep);
          if (cut == std::string::npos) break;
          headline.resize(cut);
        }
      }
    }
    s.line(fmt::format("  {:>2} {:<25} {}{}{}", step.id, step.title, kHang, headline,
                       counts.empty() ? std::string{} : st.dim(" · " + counts)));
  }
  if (!not_analysed.empty())
    s.line(st.dim(fmt::format("     Not analysed by this version yet: {}", util::join(not_analysed, ", "))));
}

void write_finding(Screen& s, const core::Finding& f, std::size_t indent) {
  const std::string pad(indent, ' ');
  s.line(fmt::format("{}{}:{}  {}{}", pad, f.path, f.location.line, kHang, f.message));
  if (!f.chain.empty()) s.line(pad + "  " + s.style().dim(fmt::format("via {}", fmt::join(f.chain, " -> "))));
}

void write_step(Screen& s, const StepBrief& step, bool full, const json& facts, const Style& style) {
  const auto counts = severity_counts(step.groups);
  s.blank();
  s.line(style.bold(fmt::format("{}. {}", step.id, step.title)) +
         (counts.empty() ? std::string{} : style.dim(" · " + counts)));
  if (!step.analysed) {
    s.line("   " + step.headline);
    return;
  }
  if (!step.summary.empty()) s.line("   " + step.summary);
  for (const auto& block : step.facts) {
    if (block.columns.empty()) {
      s.line(fmt::format("   {}: {}{}", style.bold(block.label), kHang, block.text));
    } else {
      s.table(3, block);
    }
  }
  if (!step.groups.empty()) {
    s.line("   " + style.bold("Findings"));
    const auto shown = full ? step.groups.size() : std::min(kGroupsShown, step.groups.size());
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& g = step.groups[i];
      s.line(fmt::format("     {} {}[{}] {}: {}", style.severity(g.severity), kHang, g.rule, g.summary,
                         g.findings.size() == 1 ? std::string("1 finding") : group_count(g)));
      const auto examples = full ? g.findings.size() : std::min(kExamples, g.findings.size());
      for (std::size_t k = 0; k < examples; ++k) write_finding(s, *g.findings[k], 7);
      if (g.findings.size() > examples)
        s.line(style.dim(fmt::format("       ... and {} more (--full)", with_commas(g.findings.size() - examples))));
    }
    if (shown < step.groups.size()) {
      std::vector<std::string> rest;
      std::size_t n = 0;
      for (std::size_t i = shown; i < step.groups.size(); ++i) {
        rest.push_back(fmt::format("{} ({})", step.groups[i].rule, step.groups[i].findings.size()));
        n += step.groups[i].findings.size();
      }
      s.line(style.dim(fmt::format("     ... and {} under {}: {}{} (--full)", plural(n, "more finding"),
                                   plural(rest.size(), "other rule"), kHang, util::join(rest, ", "))));
    }
  }
  if (full && !facts.empty()) {
    s.line("   " + style.bold("Every fact"));
    std::ostringstream dump;
    write_facts(dump, facts, style);
    std::string l;
    std::istringstream in(dump.str());
    while (std::getline(in, l)) s.line("  " + l);
  }
}

}  // namespace

void write_text(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules,
                const TextOptions& options) {
  const Style style{options.color};
  const auto width = std::clamp<std::size_t>(options.width, 40, 400);
  const auto briefing = make_briefing(analysis, rules, kRows);
  // The first screen: as much of the checklist as fits in it.
  // The first screen gives up, in turn, until it fits: commands of the checklist beyond three, the places of the
  // things to know first, the long headlines, two of the five things, the commands beyond the first.
  auto shown = briefing.checklist.size();
  auto things = kFirstThings;
  int compact = 0;
  Screen first(width, style);
  write_first_screen(first, briefing, shown, things, compact);
  while (first.size() > kFirstScreen) {
    if (shown > 3) {
      --shown;
    } else if (compact < 2) {
      ++compact;
    } else if (things > 3) {
      --things;
    } else if (shown > 1) {
      --shown;
    } else {
      break;
    }
    first.clear();
    write_first_screen(first, briefing, shown, things, compact);
  }
  for (const auto& l : first.lines()) out << l << '\n';

  Screen rest(width, style);
  rest.line("");
  const auto& steps = briefing.doc["steps"];
  for (std::size_t i = 0; i < briefing.steps.size(); ++i) {
    const auto& step = briefing.steps[i];
    if (!step.analysed && !options.full) continue;
    write_step(rest, step, options.full, steps[i]["facts"], style);
  }
  const auto& problems = analysis.project.problems;
  if (!problems.empty()) {
    rest.blank();
    rest.line(style.bold(fmt::format("Files onramp could not read in full ({})", problems.size())));
    const auto limit = options.full ? problems.size() : std::min<std::size_t>(kRows, problems.size());
    for (std::size_t i = 0; i < limit; ++i) {
      const auto& p = problems[i];
      rest.line(fmt::format("   {}{} [{}] {}{}", p.path, p.line != 0 ? fmt::format(":{}", p.line) : "", p.kind, kHang,
                            p.message));
    }
    if (limit < problems.size())
      rest.line(style.dim(fmt::format("   ... and {} more (--full)", problems.size() - limit)));
  }
  if (!options.full) {
    rest.blank();
    rest.line(style.dim("Everything, with every fact and finding: onramp --full; machine-readable: --format json."));
  }
  for (const auto& l : rest.lines()) out << l << '\n';
}
}  // namespace onramp::report
