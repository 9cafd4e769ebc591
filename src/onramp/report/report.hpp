#pragma once
// Reporters render an Analysis; they know the report's shape, never individual checks.
#include <ostream>

#include "onramp/engine/pipeline.hpp"

namespace onramp::report {

/// Options that change how text looks, never what it says.
struct TextOptions {
  bool color = false;
  /// Lines are wrapped to this many columns (the terminal's, or 100 in a pipe).
  std::size_t width = 100;
  /// Every fact and every finding instead of the briefing's top rows.
  bool full = false;
};

/// The JSON contract `onramp/report@1` (DESIGN.md); keys in a fixed order, so output is byte-stable.
nlohmann::ordered_json to_json(const engine::Analysis& analysis, const core::RuleSet& rules);
void write_json(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules);

/// Escapes, in place, every string from the repository that a text report prints (paths, messages, problems,
/// roots, the strings of the step facts) with util::printable: for output meant for a terminal or a log, never JSON.
void make_printable(engine::Analysis& analysis);

/// The newcomer's terminal report: the fifteen steps in order, each with its facts and findings.
void write_text(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules,
                const TextOptions& options);

/// The briefing as GitHub-flavoured Markdown: a section per step, tables, Mermaid diagrams, findings with links.
void write_markdown(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules, bool full);

/// The briefing as one self-contained HTML page: navigation per step, the checklist with copy buttons, every finding
/// filterable by step, severity, rule, path and text. Nothing is fetched from the network.
void write_html(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules);

}  // namespace onramp::report
