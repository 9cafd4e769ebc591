#include "onramp/report/briefing.hpp"

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

std::string with_commas(std::size_t n) {
  auto digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string plural(std::size_t n, std::string_view noun) {
  if (n == 1) return fmt::format("1 {}", noun);
  if (noun.ends_with("y") && !noun.ends_with("ey"))
    return fmt::format("{} {}ies", with_commas(n), noun.substr(0, noun.size() - 1));
  if (noun.ends_with("s") || noun.ends_with("x") || noun.ends_with("ch"))
    return fmt::format("{} {}es", with_commas(n), noun);
  return fmt::format("{} {}s", with_commas(n), noun);
}

namespace {

const json& empty_array() {
  static const json a = json::array();
  return a;
}

const json& arr(const json& j, std::string_view key) {
  if (!j.is_object()) return empty_array();
  const auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty_array();
}

const json& obj(const json& j, std::string_view key) {
  static const json o = json::object();
  if (!j.is_object()) return o;
  const auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : o;
}

std::string str(const json& j, std::string_view key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_boolean()) return it->get<bool>() ? "yes" : "no";
  return it->dump();
}

std::size_t num(const json& j, std::string_view key) {
  if (!j.is_object()) return 0;
  const auto it = j.find(key);
  if (it == j.end()) return 0;
  if (it->is_number_unsigned() || it->is_number_integer()) return it->get<std::size_t>();
  if (it->is_array() || it->is_object()) return it->size();
  return 0;
}

double real(const json& j, std::string_view key) {
  if (!j.is_object()) return 0;
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

bool flag(const json& j, std::string_view key) {
  if (!j.is_object()) return false;
  const auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

/// `path:line` of an object that names a place (`path`, `file` or `source`), or empty.
std::string place(const json& j) {
  for (const char* k : {"path", "file", "source"}) {
    const auto p = str(j, k);
    if (p.empty()) continue;
    const auto line = num(j, "line");
    return line != 0 ? fmt::format("{}:{}", p, line) : p;
  }
  return {};
}

std::string percent(double p) { return fmt::format("{:.0f}%", p); }

std::string list_names(const std::vector<std::string>& names, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < max; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > max) out += fmt::format(" and {} more", names.size() - max);
  return out;
}

/// Adds a table, keeping `limit` rows (0: all) and counting the rest.
void add_table(std::vector<FactBlock>& out, std::string label, std::vector<std::string> columns,
               std::vector<std::vector<std::string>> rows, std::size_t limit) {
  if (rows.empty()) return;
  FactBlock b;
  b.label = std::move(label);
  b.columns = std::move(columns);
  if (limit != 0 && rows.size() > limit) {
    b.more = rows.size() - limit;
    rows.resize(limit);
  }
  b.rows = std::move(rows);
  out.push_back(std::move(b));
}

void add_line(std::vector<FactBlock>& out, std::string label, std::string text) {
  if (text.empty()) return;
  out.push_back(FactBlock{std::move(label), std::move(text), {}, {}, 0});
}

/// What a reader of the step sees first for each code role: the code that ships, then its scripts, then the rest.
int role_rank(core::CodeRole role) {
  switch (role) {
    case core::CodeRole::application: return 0;
    case core::CodeRole::script: return 1;
    case core::CodeRole::test: return 2;
    default: return 3;
  }
}

/// Without the plugins of a package also listed (django-filter beside django, graphene-django beside graphene).
std::vector<std::string> main_packages(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    const auto base = n.substr(0, n.find(' '));
    const bool plugin = std::any_of(names.begin(), names.end(), [&](const std::string& other) {
      const auto o = other.substr(0, other.find(' '));
      return o != base && (base.rfind(o + "-", 0) == 0 || (base.size() > o.size() + 1 && base.ends_with("-" + o)));
    });
    if (!plugin) out.push_back(n);
  }
  return out;
}

struct Context {
  const model::Project& project;
  std::size_t rows;
  bool shipped(std::string_view path) const {
    const auto r = model::role_of(project, path);
    return r == core::CodeRole::application || r == core::CodeRole::script;
  }
};

// ---- the steps ---------------------------------------------------------------------------------------------------

void architecture(const json& f, const Context& c, StepBrief& s) {
  const auto& packages = arr(f, "packages");
  const auto& routes = arr(f, "routes");
  const auto& entry_points = arr(f, "entry_points");
  const auto& cycles = arr(f, "cycles");
  std::map<std::string, std::vector<std::string>> layers;
  for (const auto& p : packages) layers[str(p, "layer")].push_back(str(p, "name"));
  std::map<std::string, std::size_t> frameworks;
  for (const auto& r : routes) ++frameworks[str(r, "framework")];
  std::vector<std::string> fw;
  for (const auto& [name, n] : frameworks) fw.push_back(fmt::format("{} {}", n, name));

  if (packages.empty()) {
    s.headline = "no Python packages found";
    s.summary = "onramp found no Python package to map.";
    return;
  }
  s.headline = fmt::format("{} in {}, {}, {}", plural(packages.size(), "package"), plural(layers.size(), "layer"),
                           plural(routes.size(), "route"), plural(entry_points.size(), "entry point"));
  if (!cycles.empty()) s.headline += ", " + plural(cycles.size(), "import cycle");
  std::vector<std::pair<std::string, std::size_t>> by_size;
  for (const auto& [layer, names] : layers) by_size.emplace_back(layer, names.size());
  // The layers of the code that ships first, the largest first; tests and migrations after them.
  const auto aside = [](const std::string& layer) { return layer == "tests" || layer == "migrations"; };
  std::stable_sort(by_size.begin(), by_size.end(), [&](const auto& a, const auto& b) {
    if (aside(a.first) != aside(b.first)) return aside(b.first);
    return a.second > b.second;
  });
  std::vector<std::string> layer_text;
  for (const auto& [layer, n] : by_size) layer_text.push_back(fmt::format("{} ({})", layer, n));
  s.summary = routes.empty() ? "No HTTP routes were found. "
                             : fmt::format("Requests come in through {} ({}). ", plural(routes.size(), "route"),
                                           util::join(fw, ", "));
  s.summary +=
      fmt::format("The code is {} in these layers: {}.", plural(packages.size(), "package"), list_names(layer_text, 6));
  if (!cycles.empty()) s.summary += fmt::format(" {} tie packages together.", plural(cycles.size(), "import cycle"));

  std::vector<std::vector<std::string>> rows;
  for (const auto& [layer, n] : by_size) {
    rows.push_back({layer, std::to_string(n), list_names(layers[layer], 5)});
  }
  add_table(s.facts, "Layers", {"layer", "packages", "which"}, std::move(rows), c.rows);
  rows.clear();
  for (const auto& e : entry_points) rows.push_back({str(e, "kind"), str(e, "name"), place(e)});
  add_table(s.facts, "Entry points", {"kind", "name", "where"}, std::move(rows), c.rows);
  // Routes by their leading path segments (two when the first is `api` or a version).
  std::map<std::string, std::vector<std::string>> groups;
  for (const auto& r : routes) {
    const auto path = str(r, "path");
    std::string group;
    std::size_t taken = 0;
    bool more = true;
    for (const auto part : util::split(std::string_view(path), '/')) {
      if (part.empty()) continue;
      if (!more || taken == 3 || part.find_first_of("{<(?^$[") != std::string_view::npos) break;
      const bool version = part.size() >= 2 && part[0] == 'v' && part[1] >= '0' && part[1] <= '9';
      more = part == "api" || version;
      group += "/" + std::string(part);
      ++taken;
    }
    if (group.empty()) group = "/";
    std::string methods;
    for (const auto& m : arr(r, "methods")) methods += (methods.empty() ? "" : ",") + m.get<std::string>();
    groups[group].push_back(fmt::format("{} {}", methods.empty() ? "ANY" : methods, path));
  }
  rows.clear();
  for (const auto& [group, list] : groups) rows.push_back({group, std::to_string(list.size()), list_names(list, 2)});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return std::stoul(a[1]) > std::stoul(b[1]); });
  add_table(s.facts, "Routes by prefix", {"prefix", "routes", "for example"}, std::move(rows), c.rows);
  for (const auto& cy : cycles) {
    std::vector<std::string> names;
    for (const auto& n : arr(cy, "shortest")) names.push_back(n.get<std::string>());
    add_line(s.facts, "Import cycle",
             fmt::format("{} ({} packages tied together)", util::join(names, " -> "), arr(cy, "packages").size()));
  }
}

void local_setup(const json& f, const Context& c, StepBrief& s) {
  const auto& checklist = arr(f, "checklist");
  const auto& processes = arr(f, "processes");
  const auto& env = arr(f, "env_vars");
  const auto& roots = arr(f, "roots");
  std::vector<std::string> tools;
  for (const auto& r : roots) {
    auto t = str(r, "install_tool");
    if (!t.empty() && std::find(tools.begin(), tools.end(), t) == tools.end()) tools.push_back(t);
  }
  std::size_t undocumented = 0, required = 0, secret = 0;
  for (const auto& v : env) {
    if (arr(v, "documented_in").empty() && arr(v, "set_in").empty() && str(v, "only_in").empty()) ++undocumented;
    if (flag(v, "required")) ++required;
    if (flag(v, "secret")) ++secret;
  }
  std::vector<std::string> parts;
  if (!checklist.empty()) parts.push_back(fmt::format("{}-step checklist", checklist.size()));
  if (!tools.empty()) parts.push_back("installs with " + util::join(tools, ", "));
  if (!env.empty())
    parts.push_back(plural(env.size(), "environment variable") +
                    (undocumented ? fmt::format(" ({} undocumented)", undocumented) : std::string{}));
  s.headline = parts.empty() ? "nothing found that says how to run it" : util::join(parts, "; ");

  std::vector<std::string> kinds;
  for (const auto& p : processes) {
    const auto name = str(p, "name");
    kinds.push_back(fmt::format("{} ({})", str(p, "kind"), str(p, "system").empty() ? name : str(p, "system")));
  }
  std::string summary;
  if (!processes.empty())
    summary = fmt::format("It runs as {}: {}. ", plural(processes.size(), "process"), list_names(kinds, 5));
  if (!env.empty())
    summary += fmt::format("The code reads {}: {} required, {} secret, {} documented nowhere.",
                           plural(env.size(), "environment variable"), required, secret, undocumented);
  s.summary = summary.empty() ? "onramp found no process to start and no environment variable." : summary;

  std::vector<std::vector<std::string>> rows;
  for (const auto& item : checklist) {
    auto cmd = str(item, "command");
    // Advice without a command (a template to copy, nothing found) runs nowhere: no directory after it.
    if (!cmd.empty() && !str(item, "cwd").empty() && str(item, "cwd") != ".")
      cmd += fmt::format("   (in {}/)", str(item, "cwd"));
    rows.push_back({str(item, "step"), cmd, str(item, "why")});
  }
  add_table(s.facts, "Checklist", {"#", "command", "why"}, std::move(rows), 0);
  rows.clear();
  for (const auto& p : processes) rows.push_back({str(p, "kind"), str(p, "command"), place(p)});
  add_table(s.facts, "Processes", {"kind", "command", "from"}, std::move(rows), c.rows);
  // The variables a newcomer must set first: required ones and those documented nowhere.
  rows.clear();
  for (const auto& v : env) {
    const bool nowhere = arr(v, "documented_in").empty() && arr(v, "set_in").empty() && str(v, "only_in").empty();
    if (!flag(v, "required") && !nowhere && c.rows != 0) continue;
    std::string what = flag(v, "required") ? "required" : "optional";
    if (flag(v, "secret")) what += ", secret";
    if (nowhere) what += ", documented nowhere";
    const auto& read_in = arr(v, "read_in");
    rows.push_back({str(v, "name"), what, read_in.empty() ? std::string{} : place(read_in.front())});
  }
  add_table(s.facts, c.rows != 0 ? "Variables to set first" : "Environment variables", {"name", "status", "read in"},
            std::move(rows), c.rows);
  std::vector<std::string> services;
  for (const auto& comp : arr(f, "compose")) {
    for (const auto& n : arr(comp, "service_names")) {
      if (std::find(services.begin(), services.end(), n.get<std::string>()) == services.end())
        services.push_back(n.get<std::string>());
    }
  }
  if (!services.empty()) add_line(s.facts, "Compose services", list_names(services, 12));
  for (const auto& d : arr(f, "dockerfiles")) {
    add_line(s.facts, "Dockerfile", fmt::format("{}, from {}", str(d, "path"), str(d, "base")));
  }
  for (const auto& m : arr(f, "migrations")) {
    add_line(s.facts, "Migrations",
             fmt::format("{}, {} ({})", str(m, "tool"), plural(num(m, "revisions"), "revision"), str(m, "apply")));
  }
  const auto& tests = obj(f, "tests");
  if (!str(tests, "runner").empty())
    add_line(s.facts, "Tests",
             fmt::format("{}, {}", str(tests, "runner"), plural(num(tests, "test_files"), "test file")));
  std::vector<std::string> versions;
  for (const auto& v : arr(f, "python_versions"))
    versions.push_back(fmt::format("{} ({})", str(v, "version"), place(v)));
  if (!versions.empty()) add_line(s.facts, "Python", list_names(versions, 3));
}

void stack(const json& f, const Context& c, StepBrief& s) {
  std::size_t declared = 0;
  std::vector<std::string> manifests;
  for (const auto& r : arr(f, "roots")) {
    declared += arr(r, "packages").size();
    for (const auto& m : arr(r, "manifests")) {
      const auto where = str(r, "path") == "." ? m.get<std::string>() : str(r, "path") + "/" + m.get<std::string>();
      manifests.push_back(where);
    }
  }
  std::map<std::string, std::vector<std::string>> by_role;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> key;
  for (const auto& role : arr(f, "packages_by_role")) {
    std::vector<std::string> names;
    for (const auto& p : arr(role, "packages")) names.push_back(p.get<std::string>());
    const auto name = str(role, "name");
    if ((name == "web-framework" || name == "orm" || name == "task-queue") && !names.empty()) {
      const auto main = main_packages(names).front();
      const auto base = main.substr(0, main.find(' '));
      const bool known = std::any_of(key.begin(), key.end(), [&](const std::string& k) {
        return k.substr(0, k.find(' ')) == base || base.rfind(k.substr(0, k.find(' ')) + "-", 0) == 0;
      });
      if (!known) key.push_back(main);
    }
    rows.push_back({name, list_names(names, 4)});
  }
  std::vector<std::string> python;
  for (const auto& p : arr(f, "python")) python.push_back(str(p, "version"));
  s.headline = declared == 0 ? "no declared dependencies found" : plural(declared, "declared dependency");
  if (!key.empty()) s.headline += ": " + list_names(key, 3);
  if (!python.empty()) s.headline += "; Python " + python.front();
  s.summary = declared == 0 ? "No manifest declares dependencies."
                            : fmt::format("Dependencies are declared in {}.", list_names(manifests, 4));
  const auto& majors = arr(f, "major_versions");
  if (!majors.empty()) {
    std::vector<std::string> lines;
    for (const auto& m : majors) lines.push_back(str(m, "line"));
    s.summary += fmt::format(" Know which major version you are on: {}.", list_names(lines, 4));
  }
  add_table(s.facts, "By role", {"role", "packages"}, std::move(rows), c.rows);
  rows.clear();
  for (const auto& m : majors) {
    auto note = str(m, "note");
    // The first sentence by default; the whole note with --full.
    if (const auto end = note.find(". "); c.rows != 0 && end != std::string::npos) note.resize(end + 1);
    rows.push_back({str(m, "line"), str(m, "version"), note});
  }
  add_table(s.facts, "Major versions", {"line", "version", "what it means"}, std::move(rows), c.rows);
  if (!python.empty()) add_line(s.facts, "Python", list_names(python, 4));
}

void sandbox(const json& f, const Context& c, StepBrief& s) {
  const auto& launch = arr(f, "launch_configurations");
  std::vector<std::string> debuggers;
  for (const auto& d : arr(f, "debugger_packages")) debuggers.push_back(str(d, "name"));
  std::vector<std::string> parts;
  if (!launch.empty()) parts.push_back(plural(launch.size(), "launch configuration"));
  if (!debuggers.empty()) parts.push_back("debuggers: " + list_names(debuggers, 3));
  if (!arr(f, "remote_attach").empty()) parts.push_back(plural(arr(f, "remote_attach").size(), "remote-attach hook"));
  s.headline = parts.empty() ? "no debugger set-up committed" : util::join(parts, "; ");
  s.summary = parts.empty() ? "The repository commits no debugger configuration: breakpoint() with pdb works anywhere."
                            : "The repository comes with a debugging set-up: " + util::join(parts, ", ") + ".";
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : launch) rows.push_back({str(l, "name"), str(l, "type"), str(l, "module"), place(l)});
  add_table(s.facts, "Launch configurations", {"name", "type", "module", "file"}, std::move(rows), c.rows);
  for (const auto& b : arr(f, "breakpoint_settings"))
    add_line(s.facts, "PYTHONBREAKPOINT", fmt::format("{} ({}, {})", str(b, "value"), str(b, "meaning"), place(b)));
  for (const auto& r : arr(f, "remote_attach"))
    add_line(s.facts, "Remote attach", fmt::format("{} ({})", str(r, "call"), place(r)));
}

void style(const json& f, const Context& c, StepBrief& s) {
  std::vector<std::string> tools;
  for (const auto& t : arr(f, "tools")) {
    const auto n = str(t, "name");
    if (std::find(tools.begin(), tools.end(), n) == tools.end()) tools.push_back(n);
  }
  const auto& cx = obj(f, "complexity");
  s.headline = tools.empty() ? "no formatter or linter configured" : list_names(tools, 4);
  s.headline += fmt::format("; {}, {} over complexity {}", plural(num(cx, "functions"), "function"),
                            num(cx, "over_threshold"), num(cx, "threshold"));
  s.summary = tools.empty()
                  ? "No formatter or linter is configured: follow the style of the code around you."
                  : fmt::format("Formatting and linting: {}; run them before you push.", list_names(tools, 6));
  s.summary +=
      fmt::format(" Mean complexity {:.1f} over {}.", real(cx, "mean"), plural(num(cx, "functions"), "function"));
  std::vector<std::string> hooks;
  for (const auto& h : arr(f, "pre_commit_hooks")) hooks.push_back(str(h, "id"));
  if (!hooks.empty()) add_line(s.facts, "pre-commit hooks", list_names(hooks, 10));
  std::vector<const json*> packages;
  for (const auto& p : arr(f, "packages")) packages.push_back(&p);
  std::stable_sort(packages.begin(), packages.end(),
                   [](const json* a, const json* b) { return num(*a, "lines") > num(*b, "lines"); });
  std::vector<std::vector<std::string>> rows;
  for (const auto* p : packages)
    rows.push_back({str(*p, "name"), with_commas(num(*p, "files")), with_commas(num(*p, "lines")),
                    with_commas(num(*p, "functions"))});
  add_table(s.facts, "Largest packages", {"package", "files", "lines", "functions"}, std::move(rows), c.rows);
  rows.clear();
  for (const auto& fn : arr(f, "most_complex_functions")) {
    if (c.rows != 0 && !c.shipped(str(fn, "path"))) continue;
    rows.push_back(
        {str(fn, "name"), std::to_string(num(fn, "complexity")), std::to_string(num(fn, "lines")), place(fn)});
  }
  add_table(s.facts, "Most complex functions", {"function", "complexity", "lines", "where"}, std::move(rows), c.rows);
}

void typing(const json& f, const Context& c, StepBrief& s) {
  const auto& cov = obj(f, "coverage");
  const auto& source = obj(cov, "source");
  std::vector<std::string> checkers;
  for (const auto& ch : arr(f, "checkers")) {
    checkers.push_back(str(ch, "name") + (flag(ch, "strict") ? " (strict)" : ""));
  }
  const double pct = source.empty() ? real(cov, "percent") : real(source, "percent");
  s.headline = fmt::format("{} of the code's signatures annotated; {}", percent(pct),
                           checkers.empty() ? std::string("no type checker") : list_names(checkers, 2));
  s.summary = fmt::format("{} of parameters and returns in the code that ships are annotated ({} in tests). ",
                          percent(pct), percent(real(obj(cov, "tests"), "percent")));
  s.summary += checkers.empty() ? std::string("No type checker is configured.")
                                : fmt::format("Checked with {}.", list_names(checkers, 3));
  const auto& ignores = obj(f, "type_ignores");
  add_line(s.facts, "Escape hatches",
           fmt::format("{} `Any` annotations, {} `# type: ignore` ({} without an error code)",
                       with_commas(num(f, "any_annotations")), num(ignores, "total"), num(ignores, "without_codes")));
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : arr(f, "least_annotated_modules")) {
    if (c.rows != 0 && !c.shipped(str(m, "path"))) continue;
    rows.push_back({str(m, "path"), std::to_string(num(m, "missing")), percent(real(m, "percent"))});
  }
  add_table(s.facts, "Least annotated modules", {"module", "missing", "annotated"}, std::move(rows), c.rows);
}

void database(const json& f, const Context& c, StepBrief& s) {
  const auto& models = arr(f, "models");
  const auto& tables = arr(f, "tables");
  std::vector<std::string> orms;
  for (const auto& [name, n] : obj(f, "orms").items()) {
    if (name.find("abstract") == std::string::npos) orms.push_back(name);
  }
  std::vector<std::string> parts;
  std::size_t mapped = 0;
  for (const auto& m : models) mapped += flag(m, "abstract") ? 0U : 1U;
  if (!models.empty()) parts.push_back(fmt::format("{} ({})", plural(mapped, "model"), util::join(orms, ", ")));
  if (!tables.empty()) parts.push_back(plural(tables.size(), "table"));
  for (const auto& m : arr(f, "migrations"))
    parts.push_back(fmt::format("{} migrations ({})", str(m, "tool"), plural(num(m, "revisions"), "revision")));
  s.headline = parts.empty() ? "no ORM models or migrations found" : util::join(parts, ", ");
  std::vector<const json*> ranked;
  for (const auto& m : models) {
    if (!flag(m, "abstract")) ranked.push_back(&m);
  }
  const auto links = [](const json& m) {
    return arr(m, "foreign_keys").size() + arr(m, "relationships").size() + arr(m, "many_to_many").size();
  };
  std::stable_sort(ranked.begin(), ranked.end(), [&](const json* a, const json* b) { return links(*a) > links(*b); });
  std::vector<std::string> hubs;
  for (const auto* m : ranked) hubs.push_back(str(*m, "name"));
  s.summary = models.empty() ? "onramp found no ORM model."
                             : fmt::format("The schema has {}; the most connected: {}.", plural(mapped, "model"),
                                           list_names(hubs, 5));
  std::vector<std::vector<std::string>> rows;
  for (const auto* m : ranked) {
    rows.push_back({str(*m, "name"), str(*m, "table"), std::to_string(arr(*m, "fields").size()),
                    std::to_string(links(*m)), place(*m)});
  }
  add_table(s.facts, "Models, most connected first", {"model", "table", "fields", "relations", "where"},
            std::move(rows), c.rows);
  for (const auto& m : arr(f, "migrations")) {
    std::vector<std::string> heads;
    for (const auto& h : arr(m, "heads")) heads.push_back(h.get<std::string>());
    const auto dir = str(m, "directory");
    add_line(s.facts, "Migrations",
             fmt::format("{}{}, {}{}", str(m, "tool"), dir.empty() ? std::string{} : " in " + dir,
                         plural(num(m, "revisions"), "revision"),
                         heads.empty() ? std::string{} : "; head " + list_names(heads, 3)));
  }
}

void async_step(const json& f, const Context& c, StepBrief& s) {
  const auto& af = obj(f, "async_functions");
  const auto& tasks = arr(f, "tasks");
  std::vector<std::string> frameworks, brokers;
  for (const auto& x : arr(f, "frameworks")) frameworks.push_back(str(x, "name"));
  for (const auto& b : arr(f, "brokers")) brokers.push_back(str(b, "broker"));
  std::map<std::string, std::size_t> systems;
  for (const auto& t : tasks) ++systems[str(t, "system")];
  std::vector<std::string> sys;
  for (const auto& [name, n] : systems) sys.push_back(fmt::format("{} {}", n, name));
  s.headline = plural(num(af, "total"), "async function");
  if (!tasks.empty()) s.headline += fmt::format("; {} ({})", plural(tasks.size(), "task"), util::join(sys, ", "));
  if (!brokers.empty()) s.headline += "; " + list_names(brokers, 2);
  s.summary = num(af, "total") == 0 ? "No async code: everything runs synchronously."
                                    : fmt::format("{} in {}.", plural(num(af, "total"), "async function"),
                                                  frameworks.empty() ? std::string("plain asyncio code")
                                                                     : list_names(frameworks, 3) + " code");
  if (!tasks.empty()) s.summary += fmt::format(" Background work runs as {}.", plural(tasks.size(), "task"));
  const auto& sync = obj(f, "sync_path_operations");
  if (num(sync, "count") != 0)
    add_line(s.facts, "Sync path operations", fmt::format("{}: {}", num(sync, "count"), str(sync, "note")));
  std::vector<std::vector<std::string>> rows;
  std::vector<const json*> sorted;
  for (const auto& t : tasks) sorted.push_back(&t);
  // Scheduled tasks first: they run on their own, without a request to trace them from.
  std::stable_sort(sorted.begin(), sorted.end(), [](const json* a, const json* b) {
    return (str(*a, "schedule").rfind("on demand", 0) != 0) > (str(*b, "schedule").rfind("on demand", 0) != 0);
  });
  for (const auto* t : sorted) rows.push_back({str(*t, "name"), str(*t, "system"), str(*t, "schedule"), place(*t)});
  add_table(s.facts, "Tasks, scheduled first", {"task", "system", "schedule", "where"}, std::move(rows), c.rows);
  rows.clear();
  for (const auto& b : arr(f, "brokers"))
    rows.push_back({str(b, "broker"), str(b, "role"), str(b, "url_source"), place(b)});
  add_table(s.facts, "Brokers", {"broker", "role", "url from", "where"}, std::move(rows), c.rows);
}

void logging(const json& f, const Context& c, StepBrief& s) {
  std::vector<std::string> setup, tools;
  for (const auto& x : arr(f, "setup")) setup.push_back(fmt::format("{} ({})", str(x, "kind"), place(x)));
  for (const char* key : {"error_tracking", "metrics", "tracing"}) {
    for (const auto& x : arr(f, key)) {
      const auto t = str(x, "tool");
      if (std::find(tools.begin(), tools.end(), t) == tools.end()) tools.push_back(t);
    }
  }
  const auto& calls = obj(f, "log_calls");
  s.headline =
      fmt::format("{}; {}", setup.empty() ? std::string("no logging set-up found") : plural(setup.size(), "set-up"),
                  plural(num(calls, "total"), "log call"));
  if (!tools.empty()) s.headline += "; " + list_names(tools, 3);
  s.summary = setup.empty() ? "Nothing configures logging: the defaults (WARNING to stderr) apply."
                            : fmt::format("Logging is configured by {}.", list_names(setup, 2));
  if (!tools.empty()) s.summary += fmt::format(" Errors and metrics go to {}.", list_names(tools, 4));
  std::vector<std::string> levels;
  for (const auto& [level, n] : obj(calls, "by_level").items()) levels.push_back(fmt::format("{} {}", level, n.dump()));
  if (!levels.empty()) add_line(s.facts, "Log calls by level", util::join(levels, ", "));
  std::vector<std::vector<std::string>> rows;
  for (const char* key : {"error_tracking", "metrics", "tracing"}) {
    for (const auto& x : arr(f, key)) {
      std::string where = place(x);
      if (where.empty()) where = place(obj(x, "first_import"));
      rows.push_back({str(x, "tool"), key, where});
    }
  }
  add_table(s.facts, "Monitoring", {"tool", "for", "where"}, std::move(rows), c.rows);
  if (setup.size() > 1) add_line(s.facts, "Set-ups", list_names(setup, c.rows == 0 ? setup.size() : c.rows));
}

void domain(const json& f, const Context& c, StepBrief& s) {
  const auto& entities = arr(f, "entities");
  std::vector<std::string> names;
  for (const auto& e : entities) names.push_back(str(e, "name"));
  s.headline = entities.empty() ? "no entities found" : "key entities: " + list_names(names, 4);
  s.summary = entities.empty()
                  ? "onramp found no model to call an entity."
                  : fmt::format("The business revolves around {} (ranked by relations and use).", list_names(names, 5));
  const auto& glossary = arr(f, "glossary");
  if (!glossary.empty() || num(f, "undocumented_terms") != 0)
    s.summary += fmt::format(" {} documented, {} without a docstring.", plural(glossary.size(), "term"),
                             num(f, "undocumented_terms"));
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : entities) {
    auto doc = str(e, "docstring");
    if (const auto nl = doc.find('\n'); nl != std::string::npos) doc.resize(nl);
    rows.push_back({str(e, "name"), std::to_string(num(e, "related_models")), std::to_string(num(e, "modules")), doc});
  }
  add_table(s.facts, "Key entities", {"entity", "related models", "modules using it", "what it is"}, std::move(rows),
            c.rows);
  rows.clear();
  for (const auto& g : glossary) rows.push_back({str(g, "name"), str(g, "kind"), str(g, "definition")});
  add_table(s.facts, "Glossary", {"term", "kind", "definition"}, std::move(rows), c.rows);
}

/// A step whose facts this version does not know how to summarise: their names and sizes.
void generic(const json& f, StepBrief& s) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : f.items()) {
    std::string name = k;
    std::replace(name.begin(), name.end(), '_', ' ');
    if (v.is_array() && !v.empty()) parts.push_back(fmt::format("{} {}", name, v.size()));
    if (v.is_number() || v.is_string()) parts.push_back(fmt::format("{} {}", name, str(f, k)));
  }
  s.headline = parts.empty() ? std::string("nothing to report") : list_names(parts, 4);
  s.summary = parts.empty() ? "Nothing to report for this repository." : "Found: " + util::join(parts, ", ") + ".";
}

// ---- findings ----------------------------------------------------------------------------------------------------

std::vector<RuleGroup> group_findings(const engine::Analysis& analysis, const core::RuleSet& rules, const Context& c) {
  std::map<std::string, RuleGroup> by_rule;
  for (const auto& f : analysis.findings) {
    if (f.step < 1) continue;  // check/... rules belong to no step; the newcomer's report leaves them out
    auto& g = by_rule[f.rule];
    if (g.findings.empty()) {
      g.rule = f.rule;
      g.step = f.step;
      const auto* r = rules.find(f.rule);
      g.summary = r != nullptr ? r->summary : f.rule;
    }
    g.severity = std::max(g.severity, f.severity);
    g.findings.push_back(&f);
    if (c.shipped(f.path)) ++g.shipped;
  }
  std::vector<RuleGroup> groups;
  for (auto& [rule, g] : by_rule) {
    std::stable_sort(g.findings.begin(), g.findings.end(), [&](const core::Finding* a, const core::Finding* b) {
      const auto ra = role_rank(model::role_of(c.project, a->path));
      const auto rb = role_rank(model::role_of(c.project, b->path));
      if (ra != rb) return ra < rb;
      return a->severity > b->severity;
    });
    std::set<std::string_view> files;
    for (const auto* f : g.findings) files.insert(f->path);
    g.files = files.size();
    groups.push_back(std::move(g));
  }
  // Most severe first; then what is in the code that ships; then the most findings.
  std::stable_sort(groups.begin(), groups.end(), [](const RuleGroup& a, const RuleGroup& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if ((a.shipped > 0) != (b.shipped > 0)) return a.shipped > 0;
    return a.findings.size() > b.findings.size();
  });
  return groups;
}

/// The web frameworks the code builds its applications with (the app objects and routes found), else the declared packages of
/// the web-framework role without their extensions and plugins; each named once (two roots on FastAPI: "fastapi").
std::string about_frameworks(const json& stack_facts, const json& setup_facts, const json& architecture_facts) {
  std::vector<std::string> used;
  const auto note = [&](const std::string& f) {
    if (!f.empty() && f != "celery" && std::find(used.begin(), used.end(), f) == used.end()) used.push_back(f);
  };
  for (const auto& a : arr(setup_facts, "app_objects")) note(str(a, "framework"));
  for (const auto& r : arr(architecture_facts, "routes")) note(str(r, "framework"));
  if (!used.empty()) return list_names(used, 2);
  for (const auto& role : arr(stack_facts, "packages_by_role")) {
    if (str(role, "name") != "web-framework") continue;
    std::vector<std::string> names;
    for (const auto& p : arr(role, "packages")) {
      auto n = p.get<std::string>();
      if (const auto sp = n.find(' '); sp != std::string::npos) n.resize(sp);
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
    return list_names(main_packages(names), 2);
  }
  return {};
}

}  // namespace

Briefing make_briefing(const engine::Analysis& analysis, const core::RuleSet& rules, std::size_t rows) {
  Briefing b;
  b.doc = to_json(analysis, rules);
  b.root = analysis.project.display_root;
  const Context c{analysis.project, rows};
  const auto& summary = b.doc["summary"];
  const auto facts_of = [&](std::string_view key) -> const json& {
    for (const auto& s : b.doc["steps"]) {
      if (s["key"] == key) return s["facts"];
    }
    static const json none = json::object();
    return none;
  };

  // What this is.
  const auto frameworks = about_frameworks(facts_of("stack"), facts_of("local-setup"), facts_of("architecture"));
  std::vector<std::string> processes;
  for (const auto& p : arr(facts_of("local-setup"), "processes")) {
    const auto name = str(p, "name");
    const auto system = str(p, "system");
    const auto text = fmt::format("{} ({})", str(p, "kind"), system.empty() ? name : system);
    if (std::find(processes.begin(), processes.end(), text) == processes.end()) processes.push_back(text);
  }
  const auto& roots = analysis.project.roots;
  std::string what = frameworks.empty() ? "A Python code base" : fmt::format("A {} backend", frameworks);
  what += processes.empty() ? std::string(" with no process onramp could name")
                            : fmt::format(" that runs as {}", list_names(processes, 4));
  b.about.push_back(what + ".");
  std::vector<std::string> roles;
  for (const auto& [role, n] : summary["roles"].items()) {
    if (role != "application" && n.get<std::size_t>() > 0)
      roles.push_back(fmt::format("{} {}", n.get<std::size_t>(), role));
  }
  b.about.push_back(fmt::format(
      "{} Python files ({} lines): {} application{}; {}: {}.", with_commas(summary["python_files"].get<std::size_t>()),
      with_commas(summary["python_lines"].get<std::size_t>()),
      with_commas(summary["roles"]["application"].get<std::size_t>()),
      roles.empty() ? std::string{} : ", " + util::join(roles, ", "),
      roots.size() == 1 ? std::string("project root") : plural(roots.size(), "project root"),
      roots.size() == 1 && roots.front() == "." ? std::string("the top directory") : list_names(roots, 4)));

  // How to run it.
  for (const auto& item : arr(facts_of("local-setup"), "checklist")) {
    ChecklistItem ci;
    ci.number = str(item, "step");
    ci.command = str(item, "command");
    ci.cwd = str(item, "cwd");
    if (ci.cwd == ".") ci.cwd.clear();
    ci.why = str(item, "why");
    ci.where = place(item);
    b.checklist.push_back(std::move(ci));
  }

  auto groups = group_findings(analysis, rules, c);
  for (std::size_t i = 0; i < groups.size() && b.first.size() < kFirstThings; ++i) b.first.push_back(groups[i]);

  for (const auto& step : b.doc["steps"]) {
    StepBrief s;
    s.id = step["id"].get<int>();
    s.key = step["key"].get<std::string>();
    s.title = step["title"].get<std::string>();
    s.analysed = step["analysed"].get<bool>();
    s.findings = step["findings"].get<std::size_t>();
    const auto& f = step["facts"];
    if (!s.analysed) {
      s.headline = "not analysed by this version of onramp yet";
    } else if (s.key == "architecture") {
      architecture(f, c, s);
    } else if (s.key == "local-setup") {
      local_setup(f, c, s);
    } else if (s.key == "stack") {
      stack(f, c, s);
    } else if (s.key == "sandbox") {
      sandbox(f, c, s);
    } else if (s.key == "style") {
      style(f, c, s);
    } else if (s.key == "typing") {
      typing(f, c, s);
    } else if (s.key == "database") {
      database(f, c, s);
    } else if (s.key == "async") {
      async_step(f, c, s);
    } else if (s.key == "logging") {
      logging(f, c, s);
    } else if (s.key == "domain") {
      domain(f, c, s);
    } else {
      generic(f, s);
    }
    for (const auto& g : groups) {
      if (g.step == s.id) s.groups.push_back(g);
    }
    if (s.analysed && f.empty() && s.findings == 0) {
      s.headline = "nothing to report";
      s.summary = "Nothing to report for this repository.";
    } else if (s.analysed && f.empty()) {
      s.headline = plural(s.findings, "finding");
      s.summary.clear();
    }
    b.steps.push_back(std::move(s));
  }
  return b;
}

}  // namespace onramp::report
