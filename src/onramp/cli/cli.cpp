#include "onramp/cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "onramp/core/pipeline.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/report/report.hpp"

namespace onramp::cli {

namespace {

namespace fs = std::filesystem;

struct UsageError {
  std::string message;
};

/// Parses sizes such as 2097152, 512K, 2M, 1G.
std::uintmax_t parse_size(const std::string& text) {
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (const std::exception&) {
    throw UsageError{fmt::format("--max-file-size: `{}` is not a size (use bytes, or K, M, G)", text)};
  }
  const std::string suffix = text.substr(used);
  std::uintmax_t scale = 1;
  if (suffix == "K" || suffix == "k" || suffix == "KiB") scale = 1024;
  else if (suffix == "M" || suffix == "m" || suffix == "MiB") scale = 1024 * 1024;
  else if (suffix == "G" || suffix == "g" || suffix == "GiB") scale = 1024ULL * 1024 * 1024;
  else if (!suffix.empty()) throw UsageError{fmt::format("--max-file-size: unknown unit in `{}`", text)};
  if (value == 0) throw UsageError{"--max-file-size must be greater than 0"};
  return value * scale;
}

core::RuleSet load_rules() {
  auto rules = core::RuleSet::load_embedded();
  if (!rules) throw UsageError{"built-in rules are broken: " + rules.error().message};
  return std::move(*rules);
}

/// Writes to -o FILE or to the given stream.
template <class Fn>
void emit(const std::string& output, std::ostream& out, Fn fn) {
  if (output.empty() || output == "-") {
    fn(out);
    return;
  }
  std::ofstream file(output, std::ios::binary);
  if (!file) throw UsageError{fmt::format("cannot write `{}`", output)};
  fn(file);
  file.flush();
  if (!file) throw UsageError{fmt::format("writing `{}` failed", output)};
}

bool use_color(const std::string& output, std::ostream& out) {
  if (std::getenv("NO_COLOR") != nullptr && std::getenv("NO_COLOR")[0] != '\0') return false;
  if (!output.empty() && output != "-") return false;
  return &out == &std::cout && isatty(STDOUT_FILENO) == 1;
}

void write_rules(std::ostream& out, const core::RuleSet& rules, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& r : rules.all()) {
      list.push_back({{"id", r.id}, {"step", r.step}, {"step_key", r.step_key}, {"severity", core::to_string(r.severity)},
                      {"summary", r.summary}, {"ruff", r.ruff}});
    }
    out << list.dump(2) << '\n';
    return;
  }
  for (const auto& r : rules.all()) {
    out << fmt::format("{:<28} {:>2} {:<15} {:<8} {}\n", r.id, r.step, r.step_key, core::to_string(r.severity), r.summary);
  }
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"onramp: audits a Python backend repository and walks a newcomer through it, step by step.", "onramp"};
  app.set_version_flag("--version", std::string("onramp ") + ONRAMP_VERSION);
  app.require_subcommand(0, 1);

  std::string path = ".";
  std::string format = "text";
  std::string output;
  unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
  std::string max_size = "2M";
  app.add_option("PATH", path, "Repository to scan (default: the current directory)");
  app.add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json"}));
  app.add_option("-o,--output", output, "Write the report to FILE instead of standard output");
  app.add_option("-j,--jobs", jobs, "Parallel threads (default: all cores)")->check(CLI::Range(1U, 1024U));
  app.add_option("--max-file-size", max_size, "Skip files larger than this (bytes, or K/M/G; default 2M)");

  auto* rules_cmd = app.add_subcommand("rules", "List the built-in rules with their step, severity and summary");
  std::string rules_format = "text";
  rules_cmd->add_option("--format", rules_format, "Output format")->check(CLI::IsMember({"text", "json"}));

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

    const core::RuleSet rules = load_rules();
    if (rules_cmd->parsed()) {
      write_rules(out, rules, rules_format);
      return 0;
    }

    std::error_code ec;
    const fs::path root(path);
    if (!fs::exists(root, ec)) throw UsageError{fmt::format("`{}` does not exist", path)};
    if (!fs::is_directory(root, ec)) throw UsageError{fmt::format("`{}` is not a directory", path)};

    core::ScanOptions options;
    options.root = root;
    options.display_root = path;
    options.jobs = jobs;
    options.max_file_size = parse_size(max_size);
    auto analysis = core::analyse(options, rules);
    if (!analysis) throw UsageError{analysis.error().message};
    if (std::getenv("ONRAMP_TIMINGS") != nullptr) {
      const auto& t = analysis->times;
      err << fmt::format("onramp: timings: discover {:.0f} ms, parse+walk {:.0f} ms wall (tree-sitter parse {:.0f} ms cpu), analyse {:.0f} ms\n",
                         t.discover_ms, t.parse_ms, t.parse_only_ms, t.analyse_ms);
    }
    const bool color = format == "text" && use_color(output, out);
    emit(output, out, [&](std::ostream& o) {
      if (format == "json") {
        report::write_json(o, *analysis, rules);
      } else {
        report::write_text(o, *analysis, rules, report::TextOptions{color});
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

}  // namespace onramp::cli
