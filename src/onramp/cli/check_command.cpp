#include <algorithm>
#include <filesystem>
#include <map>

#include <stdlib.h>

#include "onramp/cli/commands.hpp"
#include "onramp/core/baseline.hpp"
#include "onramp/report/ci_report.hpp"
#include "onramp/util/files.hpp"
#include "onramp/vcs/git.hpp"

namespace onramp::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxBaselineBytes = 256 * 1024 * 1024;

/// PATH as typed, as a prefix for paths relative to the current directory; "" for `.` or an absolute PATH
/// (CI runs from the repository root, where root-relative paths are what annotations need).
std::string path_prefix(const std::string& typed) {
  const fs::path p(typed);
  if (p.is_absolute()) return "";
  auto s = p.lexically_normal().generic_string();
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s == "." ? "" : s;
}

/// True when `target` would be written inside the scanned root: its directory, with every link in it followed,
/// is the root or below it (the file itself may not exist yet; a link in its place is replaced, never followed).
bool writes_inside(const fs::path& root, const std::string& target) {
  std::error_code ec;
  const auto real_root = fs::canonical(root, ec);
  if (ec) return false;
  const auto dir = fs::weakly_canonical(fs::absolute(fs::path(target), ec).parent_path(), ec);
  if (ec) return false;
  const auto rel = dir.lexically_relative(real_root);
  return !rel.empty() && *rel.begin() != "..";
}

/// A fresh directory under $TMPDIR, removed with everything in it when the object dies.
class ScratchDir {
public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "onramp-base-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw UsageError{"cannot create a temporary directory in $TMPDIR"};
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

private:
  fs::path path_;
};

/// The findings of the merge base of HEAD and `ref`, with the paths of renamed files as they are today and
/// fingerprinted again, as a baseline: what a change did not add.
std::vector<core::BaselineEntry> commit_baseline(const engine::ScanOptions& options, const std::string& ref,
                                                 const core::RuleSet& rules, std::ostream& err, std::string& commit,
                                                 std::string_view option) {
  ScratchDir scratch;
  auto base = vcs::checkout_merge_base(options.root, ref, scratch.path(), option);
  if (!base) throw UsageError{base.error().message};
  commit = base->commit;
  auto base_options = options;
  base_options.root = base->prefix.empty() ? scratch.path() : scratch.path() / base->prefix;
  std::error_code ec;
  if (!fs::is_directory(base_options.root, ec)) return {};  // the root did not exist then: every finding is new
  // Every file written out is one git tracked then, whatever .gitignore says (a force-added .env), as in the scan of
  // the work tree.
  base_options.tracked.emplace();
  for (fs::recursive_directory_iterator it(base_options.root, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_directory(type_ec))
      base_options.tracked->insert(it->path().lexically_relative(base_options.root).generic_string());
  }
  auto analysis = run_analysis(base_options, rules, err);
  std::map<std::string, std::string, std::less<>> today;  // path at the merge base -> path today
  for (const auto& [now, then] : base->renamed) today.emplace(then, now);
  for (auto& f : analysis.findings) {
    const auto it = today.find(f.path);
    if (it == today.end()) continue;
    // A message about the whole file names it (`app/models.py has 1439 lines`): it names the file as it is today.
    for (auto at = f.message.find(f.path); at != std::string::npos; at = f.message.find(f.path, at + it->second.size()))
      f.message.replace(at, f.path.size(), it->second);
    f.path = it->second;
  }
  engine::assign_fingerprints(analysis.findings);
  std::vector<core::BaselineEntry> out;
  out.reserve(analysis.findings.size());
  for (auto& f : analysis.findings) out.push_back({f.path, f.rule, f.fingerprint, std::move(f.message)});
  return out;
}

/// Baseline files hold paths relative to the work tree's top (the repository root), fingerprinted over those paths,
/// so that a baseline written at the top matches a check of a subdirectory. Outside git: relative to PATH.
std::string baseline_prefix(const engine::ScanOptions& options) {
  const auto tree = vcs::work_tree_of(options.root);
  return tree ? tree->prefix : std::string();
}

/// The findings' paths and fingerprints as a baseline file holds them (see baseline_prefix).
void root_paths(std::vector<core::Finding>& findings, const std::string& prefix) {
  if (prefix.empty()) return;
  for (auto& f : findings) f.path.insert(0, prefix);
  engine::assign_fingerprints(findings);
}

std::string default_baseline(const engine::ScanOptions& options) {
  if (!options.config.baseline.empty()) return options.config.baseline;
  return (fs::path(options.display_root) / ".onramp-baseline.json").lexically_normal().generic_string();
}

}  // namespace

int run_check(const CheckArgs& args, const core::RuleSet& rules, std::ostream& out, std::ostream& err) {
  auto options = scan_options(args.scan, rules);
  options.report_unused_suppressions = true;
  core::Severity fail_on = options.config.fail_on.value_or(core::Severity::warning);
  if (!args.fail_on.empty()) fail_on = *core::severity_from_string(args.fail_on);
  if (!args.baseline_commit.empty() && !args.baseline.empty())
    throw UsageError{"--baseline and --baseline-commit: give one of them"};
  if (!args.baseline_commit.empty() && !args.diff.empty())
    throw UsageError{
        "--diff and --baseline-commit: give one of them (--diff REF is --baseline-commit REF and the "
        "baseline file)"};
  std::string baseline_file = args.baseline;
  if (baseline_file.empty() && !args.no_baseline && args.baseline_commit.empty()) {
    baseline_file = options.config.baseline;
    // The default file is read when it is there, as `onramp baseline` writes it.
    if (baseline_file.empty()) {
      // Below PATH, else at the top of the work tree (a check run from a subdirectory).
      std::vector<std::string> candidates{default_baseline(options)};
      if (const auto tree = vcs::work_tree_of(options.root); tree && !tree->prefix.empty())
        candidates.push_back((tree->top / ".onramp-baseline.json").string());
      for (const auto& candidate : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) {
          baseline_file = candidate;
          break;
        }
      }
    }
  }

  // Read what can fail on bad input before the scan, so that a typo costs no waiting.
  std::vector<core::BaselineEntry> baseline;
  if (!baseline_file.empty()) {
    std::error_code ec;
    if (!fs::exists(baseline_file, ec)) {
      throw UsageError{
          fmt::format("baseline `{}` does not exist; `onramp baseline {}` writes it", baseline_file, args.scan.path)};
    }
    auto text = util::read_file(baseline_file, kMaxBaselineBytes);
    if (!text) throw UsageError{fmt::format("baseline `{}`: {}", baseline_file, text.error().message)};
    auto entries = core::parse_baseline(*text, baseline_file);
    if (!entries) throw UsageError{entries.error().message};
    baseline = std::move(*entries);
  }
  std::string base_commit;
  if (!args.baseline_commit.empty())
    baseline = commit_baseline(options, args.baseline_commit, rules, err, base_commit, "--baseline-commit");
  // --diff REF compares finding sets: a finding is new when the merge base did not have it, wherever the change was
  // (time.sleep added to a sync helper makes a new finding at its unchanged async caller).
  std::optional<std::vector<core::BaselineEntry>> diff_base;
  if (!args.diff.empty()) diff_base = commit_baseline(options, args.diff, rules, err, base_commit, "--diff");

  auto analysis = run_analysis(options, rules, err);
  report::CheckReport report;
  report.root = options.display_root;
  report.path_prefix = path_prefix(args.scan.path);
  report.fail_on = fail_on;
  report.suppressed = analysis.suppressed;
  std::vector<core::Finding> findings = std::move(analysis.findings);
  if (!baseline_file.empty()) {
    // Compared with paths from the top of the work tree; the entries for files outside PATH are not in question.
    const auto prefix = baseline_prefix(options);
    std::vector<std::pair<std::string, std::string>> original;  // path and fingerprint as the report shows them
    original.reserve(findings.size());
    for (const auto& f : findings) original.emplace_back(f.path, f.fingerprint);
    root_paths(findings, prefix);
    std::map<std::string, std::size_t, std::less<>> index_of;  // fingerprints are unique
    for (std::size_t i = 0; i < findings.size(); ++i) index_of.emplace(findings[i].fingerprint, i);
    if (!prefix.empty()) {
      std::erase_if(baseline, [&](const core::BaselineEntry& e) { return !e.path.starts_with(prefix); });
    }
    auto split = core::split_by_baseline(std::move(findings), baseline);
    findings = std::move(split.fresh);
    for (auto& f : findings) {
      if (const auto it = index_of.find(f.fingerprint); it != index_of.end()) {
        f.path = original[it->second].first;
        f.fingerprint = original[it->second].second;
      }
    }
    report.baseline = baseline_file;
    report.baseline_known = split.known;
    report.baseline_stale = split.stale;
  } else if (!args.baseline_commit.empty()) {
    auto split = core::split_by_baseline(std::move(findings), baseline);
    findings = std::move(split.fresh);
    report.baseline = fmt::format("of {} (merge base {})", args.baseline_commit, base_commit.substr(0, 12));
    report.baseline_known = split.known;
    report.baseline_stale = split.stale;
  }
  if (diff_base) {
    auto split = core::split_by_baseline(std::move(findings), *diff_base);
    findings = std::move(split.fresh);
    report.diff_ref = args.diff;
    report.diff_base = base_commit.substr(0, 12);
    report.outside_diff = split.known;
  }
  report.failing = static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [&](const core::Finding& f) { return f.severity >= fail_on; }));
  report.findings = std::move(findings);

  emit(args.output, out, [&](std::ostream& o) {
    if (args.format == "json") {
      report::write_check_json(o, report);
    } else if (args.format == "sarif") {
      report::write_sarif(o, report, rules);
    } else if (args.format == "github") {
      report::write_github(o, report);
    } else if (args.format == "gitlab") {
      report::write_gitlab(o, report);
    } else {
      report::write_check_text(o, report);
    }
  });
  if (args.format != "text" || (!args.output.empty() && args.output != "-")) {
    // The machine-readable output went elsewhere; the person reading the job log still gets the verdict.
    std::size_t by_sev[3] = {0, 0, 0};
    for (const auto& f : report.findings) ++by_sev[static_cast<int>(f.severity)];
    err << fmt::format("onramp: {} finding{} ({} error{}, {} warning{}, {} info)", report.findings.size(),
                       report.findings.size() == 1 ? "" : "s", by_sev[2], by_sev[2] == 1 ? "" : "s", by_sev[1],
                       by_sev[1] == 1 ? "" : "s", by_sev[0]);
    if (report.baseline)
      err << fmt::format("; baseline: {} known, {} stale", report.baseline_known, report.baseline_stale);
    if (report.diff_ref)
      err << fmt::format("; {} already at the merge base with {}", report.outside_diff, *report.diff_ref);
    err << fmt::format("; {} at or above {}\n", report.failing, core::to_string(fail_on));
  }
  return report.failing > 0 ? 1 : 0;
}

int run_baseline(const BaselineArgs& args, const core::RuleSet& rules, std::ostream& out, std::ostream& err) {
  auto options = scan_options(args.scan, rules);
  options.report_unused_suppressions = true;  // the baseline holds what `onramp check` reports
  auto analysis = run_analysis(options, rules, err);
  root_paths(analysis.findings, baseline_prefix(options));
  const std::string target = args.output.empty() ? default_baseline(options) : args.output;
  // A path the repository's own configuration names is written only inside the repository (`baseline =
  // "../victim.txt"` must not overwrite a file elsewhere); one named on the command line with -o is the user's choice.
  if (args.output.empty() && !writes_inside(options.root, target)) {
    throw UsageError{
        fmt::format("the configuration's baseline `{}` is outside the scanned repository; not written "
                    "(name a file with -o to write there)",
                    target)};
  }
  const std::string text = core::baseline_text(analysis.findings);
  if (target == "-") {
    out << text;
    return 0;
  }
  // Write beside the target and rename, so that an interrupted run never leaves half a baseline.
  const std::string temp = target + ".tmp";
  emit(temp, out, [&](std::ostream& o) { o << text; });
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw UsageError{fmt::format("cannot write `{}`", target)};
  }
  err << fmt::format("onramp: wrote {} finding{} to {}\n", analysis.findings.size(),
                     analysis.findings.size() == 1 ? "" : "s", target);
  return 0;
}

}  // namespace onramp::cli
