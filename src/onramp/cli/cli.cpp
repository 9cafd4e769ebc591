#include "onramp/cli/cli.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "onramp/cli/commands.hpp"
#include "onramp/report/report.hpp"

namespace onramp::cli {

namespace {

bool use_color(const std::string& output, std::ostream& out) {
  if (std::getenv("NO_COLOR") != nullptr && std::getenv("NO_COLOR")[0] != '\0') return false;
  if (!output.empty() && output != "-") return false;
  return &out == &std::cout && isatty(STDOUT_FILENO) == 1;
}

/// Columns of the text report: COLUMNS when set, else the terminal's, else 100 (a pipe or a file: the same bytes
/// wherever it runs).
std::size_t text_width(const std::string& output, std::ostream& out) {
  constexpr std::size_t kPipeWidth = 100;
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && columns[0] != '\0') {
    char* end = nullptr;
    const auto n = std::strtoul(columns, &end, 10);
    if (end != nullptr && *end == '\0' && n > 0) return n;
  }
  if ((!output.empty() && output != "-") || &out != &std::cout || isatty(STDOUT_FILENO) != 1) return kPipeWidth;
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return kPipeWidth;
}

/// PATH, -j, --max-file-size and --config, on the main command and on each subcommand that scans.
void add_scan_options(CLI::App& app, ScanArgs& args) {
  args.jobs = std::max(1U, std::thread::hardware_concurrency());
  app.add_option("PATH", args.path, "Repository to scan (default: the current directory)");
  app.add_option("-j,--jobs", args.jobs, "Parallel threads (default: all cores)")->check(CLI::Range(1U, 1024U));
  app.add_option("--max-file-size", args.max_size, "Skip files larger than this (bytes, or K/M/G; default 2M)");
  app.add_option("--config", args.config,
                 "Read settings from FILE (default: the nearest .onramp.toml or pyproject.toml with [tool.onramp])");
  app.add_option("--rules", args.rule_dirs, "Add the team's rule files (*.yaml) found below DIR; repeatable")
      ->type_name("DIR");
}

int run_command(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"onramp: audits a Python backend repository and walks a newcomer through it, step by step.", "onramp"};
  app.set_version_flag("--version", std::string("onramp ") + ONRAMP_VERSION);
  app.require_subcommand(0, 1);

  ScanArgs report_args;
  std::string format = "text";
  std::string output;
  add_scan_options(app, report_args);
  bool full = false;
  app.add_option("--format", format, "text (default), markdown, html (one self-contained page) or json")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  app.add_option("-o,--output", output, "Write the report to FILE instead of standard output");
  app.add_flag("--full", full, "Text and Markdown: every fact and every finding, not only the top ones");

  auto* check_cmd = app.add_subcommand(
      "check",
      "Findings only, for CI: exit 1 when one at or above --fail-on is new (not in the baseline, inside --diff)");
  CheckArgs check;
  add_scan_options(*check_cmd, check.scan);
  check_cmd
      ->add_option("--format", check.format, "text, json, sarif, github (workflow commands) or gitlab (Code Quality)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab"}));
  check_cmd->add_option("--fail-on", check.fail_on, "Lowest severity that fails the run (default: warning)")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  check_cmd->add_option("--baseline", check.baseline, "Report only findings not in this baseline file");
  check_cmd->add_flag("--no-baseline", check.no_baseline, "Ignore the baseline named in the configuration");
  check_cmd
      ->add_option("--baseline-commit", check.baseline_commit,
                   "Report only findings the merge base with REF did not have (it is scanned too, from a "
                   "temporary checkout; renames are followed)")
      ->type_name("REF");
  check_cmd->add_option("--diff", check.diff,
                        "Report only findings the merge base with REF did not have (and not in the baseline file)");
  check_cmd->add_option("-o,--output", check.output, "Write the findings to FILE instead of standard output");

  auto* baseline_cmd =
      app.add_subcommand("baseline", "Write today's findings to the baseline file (default .onramp-baseline.json)");
  BaselineArgs baseline;
  add_scan_options(*baseline_cmd, baseline.scan);
  baseline_cmd->add_option("-o,--output", baseline.output,
                           "The baseline file (default: `baseline` from the configuration, "
                           "else PATH/.onramp-baseline.json; - for standard output)");

  auto* graph_cmd = app.add_subcommand(
      "graph",
      "Draw the system map as Mermaid or DOT: package imports, layers, routes, or the ER diagram of the models");
  GraphArgs graph;
  add_scan_options(*graph_cmd, graph.scan);
  graph_cmd->add_option("--kind", graph.kind, "imports (default), layers, models (ER diagram) or routes")
      ->check(CLI::IsMember({"imports", "layers", "models", "routes"}));
  graph_cmd->add_option("--format", graph.format, "mermaid (default) or dot")->check(CLI::IsMember({"mermaid", "dot"}));
  graph_cmd->add_option("-o,--output", graph.output, "Write the diagram to FILE instead of standard output");

  auto* rules_cmd = app.add_subcommand("rules", "List the rules with their step, severity and summary");
  std::string rules_format = "text";
  std::vector<std::string> listed_rule_dirs;
  rules_cmd->add_option("--format", rules_format, "Output format")->check(CLI::IsMember({"text", "json"}));
  rules_cmd->add_option("--rules", listed_rule_dirs, "Also list the team's rule files found below DIR; repeatable")
      ->type_name("DIR");

  auto* explain_cmd =
      app.add_subcommand("explain", "Print a rule's documentation: what it finds, why it matters, an example, the fix");
  std::string explain_id;
  std::vector<std::string> explained_rule_dirs;
  explain_cmd->add_option("RULE", explain_id, "A rule id, as `onramp rules` lists them")->required();
  explain_cmd->add_option("--rules", explained_rule_dirs, "Also look among the team's rule files below DIR; repeatable")
      ->type_name("DIR");

  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
      out << app.help();
      return 0;
    } catch (const CLI::CallForAllHelp&) {
      out << app.help("", CLI::AppFormatMode::All);
      return 0;
    } catch (const CLI::CallForVersion&) {
      out << app.version() << '\n';
      return 0;
    } catch (const CLI::ParseError& e) {
      throw UsageError{e.what()};
    }

    // An option of the report given before a subcommand (`onramp --format json check`) would be dropped: it is an
    // error, never silently ignored.
    for (const auto* sub : app.get_subcommands()) {
      for (const auto* opt : app.get_options()) {
        if (opt->count() == 0 || opt == app.get_help_ptr() || opt == app.get_version_ptr()) continue;
        const auto name = opt->get_name();
        throw UsageError{fmt::format("{} is given before the subcommand `{}`: put it after (`onramp {} {}`)",
                                     name == "PATH" ? "PATH `" + report_args.path + "`" : "`" + name + "`",
                                     sub->get_name(), sub->get_name(),
                                     name == "PATH" ? report_args.path : name + " ...")};
      }
    }
    const auto& rule_dirs = rules_cmd->parsed()      ? listed_rule_dirs
                            : explain_cmd->parsed()  ? explained_rule_dirs
                            : check_cmd->parsed()    ? check.scan.rule_dirs
                            : baseline_cmd->parsed() ? baseline.scan.rule_dirs
                            : graph_cmd->parsed()    ? graph.scan.rule_dirs
                                                     : report_args.rule_dirs;
    const core::RuleSet rules = load_rules(rule_dirs);
    if (rules_cmd->parsed()) {
      write_rules(out, rules, rules_format);
      return 0;
    }
    if (explain_cmd->parsed()) return run_explain(explain_id, rules, out);
    if (check_cmd->parsed()) return run_check(check, rules, out, err);
    if (baseline_cmd->parsed()) return run_baseline(baseline, rules, out, err);
    if (graph_cmd->parsed()) return run_graph(graph, rules, out, err);

    const auto options = scan_options(report_args, rules);
    auto analysis = run_analysis(options, rules, err, &err == &std::cerr);
    if (format == "text" || format == "html") report::make_printable(analysis);
    const bool color = format == "text" && use_color(output, out);
    const auto width = text_width(output, out);
    emit(output, out, [&](std::ostream& o) {
      if (format == "json") {
        report::write_json(o, analysis, rules);
      } else if (format == "markdown") {
        report::write_markdown(o, analysis, rules, full);
      } else if (format == "html") {
        report::write_html(o, analysis, rules);
      } else {
        report::write_text(o, analysis, rules, report::TextOptions{color, width, full});
      }
    });
    return 0;
  } catch (const UsageError& e) {
    err << "onramp: error: " << e.message << '\n';
    return 2;
  } catch (const std::exception& e) {
    err << "onramp: error: " << e.what() << '\n';
    return 2;
  }
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  const int rc = run_command(argc, argv, out, err);
  // Output that did not reach its reader (a full disk, a closed pipe, /dev/full) is a failed run, not a quiet 0.
  out.flush();
  if (!out && rc != 2) {
    err << "onramp: error: writing the output failed (standard output closed or full)\n";
    return 2;
  }
  return rc;
}

}  // namespace onramp::cli
