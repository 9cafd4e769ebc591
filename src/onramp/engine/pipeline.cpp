#include "onramp/engine/pipeline.hpp"

#include <cxxabi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>
#include <typeinfo>

#include "onramp/checks/check.hpp"
#include "onramp/core/masking.hpp"
#include "onramp/core/selection.hpp"
#include "onramp/core/steps.hpp"
#include "onramp/engine/suppressions.hpp"
#include "onramp/facts/collector.hpp"
#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/index.hpp"
#include "onramp/facts/walker.hpp"
#include "onramp/model/inputs.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/model/roots.hpp"
#include "onramp/parse/python_parser.hpp"
#include "onramp/scan/discover.hpp"
#include "onramp/util/files.hpp"
#include "onramp/util/hash.hpp"
#include "onramp/util/jsonc.hpp"
#include "onramp/util/strings.hpp"
#include "onramp/vcs/git.hpp"

namespace onramp::engine {

using core::CodeRole;
using core::Config;
using core::FileKind;
using core::Finding;
using core::finding_less;
using core::kSteps;
using core::Problem;
using core::ProjectFile;
using core::RuleSet;
using core::step_by_key;
using model::Project;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// `onramp::checks::async::AsyncInventory` for timings (never in reports).
template <class T>
std::string class_name(const T& object) {
  int status = 0;
  char* name = abi::__cxa_demangle(typeid(object).name(), nullptr, nullptr, &status);
  std::string out = status == 0 && name != nullptr ? name : typeid(object).name();
  std::free(name);  // NOLINT: __cxa_demangle allocates with malloc
  constexpr std::string_view prefix = "onramp::checks::";
  return out.starts_with(prefix) ? out.substr(prefix.size()) : out;
}

/// The first ERROR or MISSING node, found without recursion.
std::optional<TSNode> first_error(TSNode root) {
  TSNode n = root;
  for (;;) {
    if (ts_node_is_error(n) || ts_node_is_missing(n)) return n;
    const std::uint32_t count = ts_node_child_count(n);
    bool descended = false;
    for (std::uint32_t i = 0; i < count; ++i) {
      const TSNode c = ts_node_child(n, i);
      if (ts_node_has_error(c)) {
        n = c;
        descended = true;
        break;
      }
    }
    if (!descended) return ts_node_has_error(n) ? std::optional<TSNode>(n) : std::nullopt;
  }
}

/// Per-thread machinery: a parser, a walker, the fact collector and extractors, and one instance of each check.
struct Worker {
  parse::PythonParser parser;
  facts::Walker walker{tree_sitter_python()};
  facts::Collector collector;
  std::vector<std::unique_ptr<facts::extract::Extractor>> extractors = facts::extract::make_extractors();
  std::vector<std::unique_ptr<checks::Check>> checks = checks::make_checks();
  /// Which checks decide findings under this run's selection (checks::check_runs), computed on the first file.
  std::vector<bool> runs;

  Worker() {
    walker.add(collector);
    for (auto& e : extractors) walker.add(*e);
    for (auto& c : checks) walker.add(*c);
  }
};

struct FileResult {
  std::optional<facts::Module> module;
  std::vector<Finding> findings;
  std::optional<Problem> problem;
  double parse_ms = 0;
  /// A Jinja or cookiecutter template named .py: counted, never fed to facts.
  bool template_file = false;
};

/// Parses, walks and checks one file's text (already read and validated).
FileResult analyse_text(Worker& w, std::string path, std::string module_name, std::string text, const RuleSet& rules,
                        const Config& config, const model::RoleInputs& roles) {
  FileResult result;
  facts::Module module;
  module.path = path;
  module.name = std::move(module_name);
  module.is_package_init = path == "__init__.py" || path.ends_with("/__init__.py");
  parse::SourceText source(std::move(path), std::move(text));
  module.lines = source.line_count();

  const auto start = Clock::now();
  auto tree = w.parser.parse(source.text());
  result.parse_ms = ms_since(start);
  if (!tree && w.parser.budget_exceeded()) {
    result.problem = Problem{module.path, "too-complex", 0,
                             "the parser went over its work budget for a file of this size; not analysed"};
    return result;
  }
  if (!tree) {
    result.problem = Problem{module.path, "syntax-error", 0, "the parser gave up on this file"};
    return result;
  }
  const TSNode root = ts_tree_root_node(tree.get());
  if (ts_node_has_error(root) && model::is_template(source.text())) {
    // Its error-recovered tree would feed imports, typing totals and findings that are not the team's code.
    result.template_file = true;
    return result;
  }
  if (ts_node_has_error(root)) {
    if (const auto err = first_error(root)) {
      const auto loc = source.location(*err);
      result.problem =
          Problem{module.path, "syntax-error", loc.line,
                  ts_node_is_missing(*err) ? std::string("missing ") + ts_node_type(*err)
                                           : "invalid syntax; the rest of the file was read as far as it parses"};
    }
  }

  // The place, the name and the header decide most roles, before the walk (begin_file sees them); the walk's facts
  // add migrations and command lines, so the role is decided again after it, before check_module.
  module.role = model::classify(module, source.text(), roles);
  checks::FileContext ctx{source, module, rules, config, &w.walker, {}};
  ctx.tree = tree.get();
  w.collector.begin(ctx);
  for (auto& e : w.extractors) e->begin_file(ctx);
  for (auto& c : w.checks) c->begin_file(ctx);
  w.walker.walk(tree.get(), ctx);
  ctx.walker = nullptr;
  if (const auto& cut = w.walker.cut_at()) {
    // Below the cut nothing was seen: say so, over a syntax error (the error may be one of the consequences).
    result.problem = Problem{module.path, "too-complex", source.location(*cut).line,
                             "nested deeper than " + std::to_string(facts::Walker::kMaxDepth) +
                                 " syntax levels; the code below that depth is not analysed"};
  }
  w.collector.resolve(ctx);
  for (auto& e : w.extractors) e->finish(ctx);
  module.role = model::classify(module, source.text(), roles);
  if (w.runs.empty()) {
    for (const auto& c : w.checks) w.runs.push_back(checks::check_runs(*c, rules, config));
  }
  for (std::size_t i = 0; i < w.checks.size(); ++i) {
    if (w.runs[i]) w.checks[i]->check_module(ctx);
  }
  if (ctx.incomplete && !(result.problem && result.problem->kind == "too-complex")) {
    result.problem = Problem{module.path, "too-complex", 0, *ctx.incomplete};
  }
  result.findings = std::move(ctx.findings);
  result.module = std::move(module);
  return result;
}

/// A Python file's text, or why it cannot be analysed (unreadable, binary, not UTF-8).
struct Source {
  std::string text;
  std::optional<Problem> problem;
};

Source read_source(const Project& project, const ProjectFile& file) {
  auto source = project.inputs().python_source(file.path);
  if (source.problem.empty()) return {std::move(source.text), std::nullopt};
  // a file over the size limit was already left out by discovery; a read failure is reported as unreadable
  const auto kind = source.problem == "too-large" ? std::string("unreadable") : source.problem;
  return {{}, Problem{file.path, kind, 0, source.message}};
}

FileResult analyse_source_of(Worker& w, const Project& project, const ProjectFile& file, Source source,
                             const RuleSet& rules, const model::RoleInputs& roles) {
  if (source.problem) return FileResult{{}, {}, std::move(source.problem), 0};
  return analyse_text(w, file.path, model::module_name(project.import_roots, file.path), std::move(source.text), rules,
                      project.config, roles);
}

}  // namespace

SourceAnalysis analyse_source(std::string path, std::string text, const RuleSet& rules, const Config& config) {
  Worker worker;
  auto name = model::module_name({"."}, path);
  auto r = analyse_text(worker, std::move(path), std::move(name), std::move(text), rules, config, model::RoleInputs{});
  SourceAnalysis out;
  out.findings = std::move(r.findings);
  out.problem = std::move(r.problem);
  if (r.module) {
    // The file as a one-module project, so cross-file checks see it too.
    Project project;
    project.config = config;
    project.modules.push_back(std::move(*r.module));
    project.index = facts::index_project(project.modules);
    for (const auto& c : checks::make_checks()) {
      if (checks::check_runs(*c, rules, config)) c->check_project(project, rules, out.findings);
    }
    out.module = std::move(project.modules.front());
  }
  std::sort(out.findings.begin(), out.findings.end(), finding_less);
  for (auto& f : out.findings) mask_secrets(f);
  std::size_t suppressed = 0;
  apply_suppressions(std::span<const facts::Module>(&out.module, 1), rules, true, out.findings, suppressed);
  apply_selection(config, rules, out.findings);
  std::sort(out.findings.begin(), out.findings.end(), finding_less);
  return out;
}

void mask_secrets(Finding& f) {
  f.message = core::mask_secrets(f.message);
  f.code = core::mask_secrets(f.code);
  f.symbol = core::mask_secrets(f.symbol);
  for (auto& c : f.chain) c = core::mask_secrets(c);
}

void mask_secrets(Analysis& analysis) {
  for (auto& f : analysis.findings) mask_secrets(f);
  for (auto& p : analysis.project.problems) p.message = core::mask_secrets(p.message);
  const auto mask = [](const std::string& s) { return core::mask_secrets(s); };
  for (auto& facts : analysis.step_facts) util::transform_strings(facts, mask);
}

void assign_fingerprints(std::vector<Finding>& findings) {
  std::map<std::string, int> seen;
  for (auto& f : findings) {
    std::string key = f.rule;
    key += '\0';
    key += f.path;
    key += '\0';
    key += f.code.empty() ? f.message : f.code;
    const int occurrence = seen[key]++;
    key += '\0';
    key += std::to_string(occurrence);
    f.fingerprint = util::hash_hex(key);
  }
}

util::Result<Analysis> analyse(const ScanOptions& options, const RuleSet& rules) {
  Analysis out;
  Project& project = out.project;
  project.root = options.root;
  project.display_root = options.display_root;
  project.max_file_size = options.max_file_size;
  project.config = options.config;

  auto start = Clock::now();
  const auto tracked = options.tracked ? options.tracked : vcs::tracked_files(options.root);
  // In a work tree, git's core.excludesFile hides what it hides from git status.
  std::string global_excludes;
  if (!options.tracked && tracked) {
    if (const auto file = vcs::excludes_file(options.root)) {
      std::error_code exists_ec;
      if (std::filesystem::is_regular_file(*file, exists_ec)) {
        if (auto text = util::read_file(*file, options.max_file_size)) global_excludes = std::move(*text);
      }
    }
  }
  auto found = scan::discover(
      options.root, options.max_file_size, [&](std::string_view path) { return is_excluded(options.config, path); },
      tracked ? &*tracked : nullptr, global_excludes);
  if (!found) return found.error();
  project.files = std::move(found->files);
  project.problems = std::move(found->problems);
  project.skipped_files = std::move(found->skipped_files);
  project.skipped_directories = std::move(found->skipped_directories);
  out.times.discover_ms = ms_since(start);

  // parse + facts + per-file checks, files in parallel; results land in file order.
  start = Clock::now();
  const auto python = project.files_of(FileKind::python);
  std::vector<FileResult> results(python.size());
  const auto index_of = [&](std::string_view path) {
    return static_cast<std::size_t>(
        std::lower_bound(python.begin(), python.end(), path,
                         [](const ProjectFile* f, std::string_view p) { return f->path < p; }) -
        python.begin());
  };

  // Roots come from manifests. A setup.py decides for its directory only once walked: does it call setup()? Each
  // is analysed first as the build script of a root; one that is not (a Flask view named setup.py) is analysed
  // again, from the text already read, under its real module name.
  const auto dir_of = [](const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
  };
  const auto manifests = model::manifest_roots(project.files);
  std::vector<std::string> manifest_dirs = manifests.roots;
  std::vector<std::optional<std::string>> kept(python.size());
  if (!manifests.setup_scripts.empty()) {
    project.roots = manifest_dirs;
    for (const auto& s : manifests.setup_scripts) project.roots.push_back(dir_of(s));
    std::sort(project.roots.begin(), project.roots.end());
    project.import_roots = model::import_roots(project.files, project.roots);
    const auto setup_inputs = model::role_inputs(project);
    Worker worker;
    for (const auto& s : manifests.setup_scripts) {
      const auto i = index_of(s);
      auto source = read_source(project, *python[i]);
      std::string text = source.text;
      results[i] = analyse_source_of(worker, project, *python[i], std::move(source), rules, setup_inputs);
      if (results[i].module && model::calls_setup(*results[i].module)) {
        manifest_dirs.push_back(dir_of(s));
      } else if (!results[i].problem) {
        results[i] = FileResult{};
        kept[i] = std::move(text);
      }
    }
  }
  project.roots = model::project_roots(project.files, std::move(manifest_dirs));
  project.import_roots = model::import_roots(project.files, project.roots);

  const auto role_inputs = model::role_inputs(project);
  std::vector<bool> done(python.size(), false);
  for (std::size_t i = 0; i < python.size(); ++i)
    done[i] = results[i].module || results[i].problem || results[i].template_file;
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> parsed{0};
  std::mutex progress_mutex;
  const auto report_progress = [&](std::string_view stage, std::size_t n) {
    if (!options.progress) return;
    const std::lock_guard lock(progress_mutex);
    options.progress(stage, n, python.size());
  };
  report_progress("parsing", 0);
  const unsigned threads =
      std::max(1U, std::min<unsigned>(options.jobs, static_cast<unsigned>(std::max<std::size_t>(1, python.size()))));
  const auto work = [&] {
    Worker worker;
    for (std::size_t i = next++; i < python.size(); i = next++) {
      if (done[i]) continue;
      auto source = kept[i] ? Source{std::move(*kept[i]), std::nullopt} : read_source(project, *python[i]);
      results[i] = analyse_source_of(worker, project, *python[i], std::move(source), rules, role_inputs);
      // Every 64 files is often enough for a line on a terminal and rare enough to cost nothing.
      if (const auto n = ++parsed; n % 64 == 0) report_progress("parsing", n);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  out.times.parse_ms = ms_since(start);

  start = Clock::now();
  std::vector<std::pair<std::string, CodeRole>> roles;
  for (std::size_t i = 0; i < results.size(); ++i) {
    auto& r = results[i];
    out.times.parse_only_ms += r.parse_ms;
    auto& file = project.files[static_cast<std::size_t>(python[i] - project.files.data())];
    if (r.template_file) file.role = CodeRole::template_;
    if (r.module) file.role = r.module->role;
    if (file.role) roles.emplace_back(file.path, *file.role);
    if (r.problem) project.problems.push_back(std::move(*r.problem));
    if (r.module) {
      project.python_lines += r.module->lines;
      project.modules.push_back(std::move(*r.module));
    }
    out.findings.insert(out.findings.end(), std::make_move_iterator(r.findings.begin()),
                        std::make_move_iterator(r.findings.end()));
  }
  std::stable_sort(project.problems.begin(), project.problems.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.path, a.line, a.kind) < std::tie(b.path, b.line, b.kind);
  });

  report_progress("analysing", python.size());
  // Cross-file checks and the step inventories work on facts only.
  project.index = facts::index_project(project.modules);
  auto& slowest = out.times.slowest;
  const auto timed = [&](const auto& object, auto&& fn) {
    const auto t0 = Clock::now();
    fn();
    slowest.emplace_back(class_name(object), ms_since(t0));
  };
  auto project_checks = checks::make_checks();
  for (const auto& c : project_checks) {
    if (checks::check_runs(*c, rules, project.config))
      timed(*c, [&] { c->check_project(project, rules, out.findings); });
  }
  out.step_facts.assign(kSteps.size(), nlohmann::ordered_json::object());
  for (const auto& inv : checks::make_inventories()) {
    const auto step = step_by_key(inv->step_key());
    if (step) timed(*inv, [&] { inv->collect(project, out.step_facts[static_cast<std::size_t>(step->id - 1)]); });
  }
  std::stable_sort(slowest.begin(), slowest.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (slowest.size() > 5) slowest.resize(5);

  // Other files of a test suite (Dockerfiles, requirements the tests build) are test code too.
  for (const auto& file : project.files) {
    if (!file.role && model::in_test_directory(file.path)) roles.emplace_back(file.path, CodeRole::test);
  }
  std::sort(roles.begin(), roles.end());
  // Which rules apply to which code roles is decided here once, before suppressions count what they silenced.
  model::drop_findings_outside_roles(roles, out.findings);
  std::sort(out.findings.begin(), out.findings.end(), finding_less);
  // Before the fingerprints, so that not even a hash of a secret reaches a baseline.
  mask_secrets(out);
  assign_fingerprints(out.findings);
  // Fingerprints first, so that they do not depend on what the team suppresses or selects.
  apply_suppressions(project.modules, rules, options.report_unused_suppressions, out.findings, out.suppressed);
  apply_selection(project.config, rules, out.findings);
  std::sort(out.findings.begin(), out.findings.end(), finding_less);
  out.times.analyse_ms = ms_since(start);
  return out;
}

}  // namespace onramp::engine
