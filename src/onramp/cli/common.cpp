#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "onramp/cli/commands.hpp"
#include "onramp/core/config_file.hpp"

namespace onramp::cli {

namespace fs = std::filesystem;

std::uintmax_t parse_size(const std::string& text) {
  constexpr std::uintmax_t kMaxSize = 1024ULL * 1024 * 1024;  // files are read whole into memory
  std::size_t used = 0;
  unsigned long long value = 0;
  // std::stoull takes "-1" (and leading blanks) and wraps it: only digits may start a size.
  if (text.empty() || text[0] < '0' || text[0] > '9') {
    throw UsageError{fmt::format("--max-file-size: `{}` is not a size (use bytes, or K, M, G)", text)};
  }
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
  if (value > kMaxSize / scale) throw UsageError{fmt::format("--max-file-size: `{}` is over the limit of 1G", text)};
  return value * scale;
}

core::RuleSet load_rules(const std::vector<std::string>& dirs) {
  auto rules = core::RuleSet::load_embedded();
  if (!rules) throw UsageError{"built-in rules are broken: " + rules.error().message};
  for (const auto& dir : dirs) {
    if (auto st = rules->add_directory(dir, dir); !st) throw UsageError{st.error().message};
  }
  return std::move(*rules);
}

namespace {

/// A path for messages: relative to the current directory when PATH was typed relative, else absolute.
std::string display_path(const fs::path& found, const std::string& typed_root) {
  if (fs::path(typed_root).is_absolute()) return found.generic_string();
  std::error_code ec;
  const auto rel = found.lexically_relative(fs::current_path(ec));
  return ec || rel.empty() ? found.generic_string() : rel.generic_string();
}

}  // namespace

engine::ScanOptions scan_options(const ScanArgs& args, const core::RuleSet& rules) {
  std::error_code ec;
  const fs::path root(args.path);
  if (!fs::exists(root, ec)) throw UsageError{fmt::format("`{}` does not exist", args.path)};
  if (!fs::is_directory(root, ec)) throw UsageError{fmt::format("`{}` is not a directory", args.path)};

  engine::ScanOptions options;
  options.root = root;
  options.display_root = args.path;
  options.jobs = args.jobs;
  options.max_file_size = parse_size(args.max_size);

  fs::path file;
  std::string display;
  if (!args.config.empty()) {
    if (!fs::is_regular_file(args.config, ec))
      throw UsageError{fmt::format("--config: `{}` is not a file", args.config)};
    file = args.config;
    display = args.config;
  } else if (auto found = core::find_config(root)) {
    file = *found;
    display = display_path(*found, args.path);
  }
  if (!file.empty()) {
    auto config = core::load_config(file, display, root, rules);
    if (!config) throw UsageError{config.error().message};
    options.config = std::move(*config);
  }
  return options;
}

engine::Analysis run_analysis(const engine::ScanOptions& options, const core::RuleSet& rules, std::ostream& err,
                              bool progress) {
  const char* ci = std::getenv("CI");
  const bool show = progress && isatty(STDERR_FILENO) == 1 && (ci == nullptr || ci[0] == '\0');
  auto scan = options;
  if (show) {
    scan.progress = [&err](std::string_view stage, std::size_t done, std::size_t total) {
      err << fmt::format("\r\x1b[Konramp: {} {}/{} Python files", stage, done, total) << std::flush;
    };
  }
  auto analysis = engine::analyse(scan, rules);
  if (show) err << "\r\x1b[K" << std::flush;
  if (!analysis) throw UsageError{analysis.error().message};
  if (std::getenv("ONRAMP_TIMINGS") != nullptr) {
    const auto& t = analysis->times;
    err << fmt::format(
        "onramp: timings: discover {:.0f} ms, parse+walk {:.0f} ms wall (tree-sitter parse {:.0f} ms cpu), analyse "
        "{:.0f} ms\n",
        t.discover_ms, t.parse_ms, t.parse_only_ms, t.analyse_ms);
    std::string slow;
    for (const auto& [name, ms] : t.slowest) slow += fmt::format("{}{} {:.0f} ms", slow.empty() ? "" : ", ", name, ms);
    if (!slow.empty()) err << "onramp: timings: slowest in analyse: " << slow << '\n';
  }
  return std::move(*analysis);
}

}  // namespace onramp::cli
