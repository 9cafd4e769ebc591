#include "onramp/checks/architecture/architecture_model.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "onramp/facts/index.hpp"
#include "onramp/model/inputs.hpp"
#include "onramp/model/roles.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::architecture {

namespace {

using facts::Module;

/// Module name parts that say which layer a module is in.
struct LayerWords {
  std::string_view layer;
  std::array<std::string_view, 12> words;
};
constexpr std::array<LayerWords, 9> kLayerWords = {{
    {"api",
     {"api", "apis", "routes", "routers", "router", "views", "viewsets", "endpoints", "handlers", "controllers",
      "graphql", "urls"}},
    {"services",
     {"services", "service", "usecases", "use_cases", "logic", "interactors", "domain", "", "", "", "", ""}},
    {"repositories", {"repositories", "repository", "repos", "repo", "crud", "dal", "dao", "queries", "", "", "", ""}},
    {"models", {"models", "model", "entities", "orm", "tables", "", "", "", "", "", "", ""}},
    {"schemas", {"schemas", "schema", "serializers", "serializer", "dto", "dtos", "", "", "", "", "", ""}},
    {"tasks", {"tasks", "task", "workers", "worker", "jobs", "consumers", "celery", "", "", "", "", ""}},
    {"cache", {"cache", "caching", "", "", "", "", "", "", "", "", "", ""}},
    {"config", {"config", "settings", "conf", "configuration", "", "", "", "", "", "", "", ""}},
    {"migrations", {"migrations", "alembic", "", "", "", "", "", "", "", "", "", ""}},
}};

std::string_view layer_of_word(std::string_view word) {
  if (word.empty()) return {};
  for (const auto& lw : kLayerWords) {
    if (std::find(lw.words.begin(), lw.words.end(), word) != lw.words.end()) return lw.layer;
  }
  return {};
}

constexpr std::array<std::string_view, 6> kOrmBases = {"django.db.models.Model",         "django.db.models.base.Model",
                                                       "sqlalchemy.orm.DeclarativeBase", "sqlmodel.SQLModel",
                                                       "tortoise.models.Model",          "peewee.Model"};
constexpr std::array<std::string_view, 3> kOrmBaseFactories = {"sqlalchemy.orm.declarative_base()",
                                                               "sqlalchemy.ext.declarative.declarative_base()",
                                                               "flask_sqlalchemy.SQLAlchemy().Model"};

bool is_orm_class(const model::Project& project, const facts::Class& cls) {
  const auto& bases = cls.canonical_bases.empty() ? cls.bases : cls.canonical_bases;
  for (const auto& b : bases) {
    if (std::find(kOrmBases.begin(), kOrmBases.end(), b) != kOrmBases.end()) return true;
    if (std::find(kOrmBaseFactories.begin(), kOrmBaseFactories.end(), b) != kOrmBaseFactories.end()) return true;
    if (project.index != nullptr) {
      for (auto base : kOrmBases) {
        if (project.index->derives_from(b, base)) return true;
      }
    }
  }
  return false;
}

constexpr std::array<std::string_view, 6> kSettingsBases = {
    "pydantic_settings.BaseSettings", "pydantic_settings.main.BaseSettings",
    "pydantic.BaseSettings",          "pydantic.env_settings.BaseSettings",
    "pydantic.v1.BaseSettings",       "pydantic.v1.env_settings.BaseSettings"};

/// A settings-class candidate of the walk (a BaseSettings or any class deriving from one of the repository's own) is
/// one when it derives from a BaseSettings; redash's `class Resource(BaseResource)` handlers are not.
bool is_settings_class(const model::Project& project, const Module& m, const facts::SettingsClass& k) {
  if (k.klass < 0 || static_cast<std::size_t>(k.klass) >= m.classes.size()) return false;
  const auto& cls = m.classes[static_cast<std::size_t>(k.klass)];
  const auto& bases = cls.canonical_bases.empty() ? cls.bases : cls.canonical_bases;
  for (const auto& b : bases) {
    if (std::find(kSettingsBases.begin(), kSettingsBases.end(), b) != kSettingsBases.end()) return true;
    if (project.index != nullptr) {
      for (auto base : kSettingsBases) {
        if (project.index->derives_from(b, base)) return true;
      }
    }
  }
  return false;
}

bool declares_tasks(const Module& m) {
  for (const auto& f : m.functions) {
    for (const auto& d : f.canonical_decorators.empty() ? f.decorators : f.canonical_decorators) {
      if (d == "celery.shared_task" || d.ends_with("Celery().task") || d == "dramatiq.actor" ||
          d.ends_with("Huey().task") || d == "huey.contrib.djhuey.task") {
        return true;
      }
    }
  }
  return false;
}

/// The layer of one module: its own name first, then what its code does, then its packages' names.
std::string module_layer(const model::Project& project, const Module& m, const std::set<std::string>& route_files) {
  if (m.role == core::CodeRole::test) return "tests";
  if (m.role == core::CodeRole::migration) return "migrations";
  std::vector<std::string_view> parts;
  for (auto p : util::split(m.name, '.')) parts.push_back(p);
  if (m.is_package_init && !parts.empty()) {
    // A package's __init__ speaks for the package: its last part is its own name.
  }
  if (!parts.empty()) {
    if (auto l = layer_of_word(parts.back()); !l.empty()) return std::string(l);
  }
  if (route_files.contains(m.path)) return "api";
  if (std::any_of(m.classes.begin(), m.classes.end(),
                  [&](const facts::Class& c) { return is_orm_class(project, c); })) {
    return "models";
  }
  if (std::any_of(m.records.settings_classes.begin(), m.records.settings_classes.end(),
                  [&](const facts::SettingsClass& k) { return is_settings_class(project, m, k); })) {
    return "config";
  }
  if (declares_tasks(m)) return "tasks";
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (auto l = layer_of_word(*it); !l.empty()) return std::string(l);
  }
  return "other";
}

std::size_t layer_rank(std::string_view layer) {
  const auto& order = default_layer_order();
  const auto it = std::find(order.begin(), order.end(), layer);
  return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
}

/// The repository module an import names: the longest prefix of `module.name` (or `module`) that is one.
const Module* imported_module(const model::Project& project, const facts::Import& imp) {
  if (project.index == nullptr || imp.module.empty()) return nullptr;
  std::string name = imp.name.empty() || imp.star ? imp.module : imp.module + "." + imp.name;
  for (;;) {
    if (const auto* m = project.index->module(name)) return m;
    const auto dot = name.rfind('.');
    if (dot == std::string::npos) return nullptr;
    name.resize(dot);
  }
}

bool in_graph(const Module& m) { return m.role == core::CodeRole::application || m.role == core::CodeRole::script; }

/// Tarjan's strongly connected components over the package graph, iteratively.
std::vector<std::vector<std::string>> components(const std::vector<std::string>& nodes,
                                                 const std::map<std::string, std::vector<std::string>>& next) {
  std::unordered_map<std::string, int> index;
  std::unordered_map<std::string, int> low;
  std::set<std::string> on_stack;
  std::vector<std::string> stack;
  std::vector<std::vector<std::string>> out;
  int counter = 0;
  static const std::vector<std::string> kNone;
  const auto succ = [&](const std::string& n) -> const std::vector<std::string>& {
    const auto it = next.find(n);
    return it == next.end() ? kNone : it->second;
  };
  for (const auto& start : nodes) {
    if (index.contains(start)) continue;
    std::vector<std::pair<std::string, std::size_t>> work{{start, 0}};
    index[start] = low[start] = counter++;
    stack.push_back(start);
    on_stack.insert(start);
    while (!work.empty()) {
      auto& [node, i] = work.back();
      const auto& s = succ(node);
      if (i < s.size()) {
        const auto& w = s[i++];
        if (!index.contains(w)) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack.insert(w);
          work.emplace_back(w, 0);
        } else if (on_stack.contains(w)) {
          low[node] = std::min(low[node], index[w]);
        }
        continue;
      }
      const auto done = node;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
      if (low[done] == index[done]) {
        std::vector<std::string> comp;
        for (;;) {
          auto w = stack.back();
          stack.pop_back();
          on_stack.erase(w);
          comp.push_back(w);
          if (w == done) break;
        }
        if (comp.size() > 1) {
          std::sort(comp.begin(), comp.end());
          out.push_back(std::move(comp));
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// A shortest cycle through one of `starts` inside one component (breadth-first; first element repeated last).
std::vector<std::string> shortest_cycle(const std::vector<std::string>& starts, const std::vector<std::string>& comp,
                                        const std::map<std::string, std::vector<std::string>>& next) {
  const std::set<std::string> members(comp.begin(), comp.end());
  std::vector<std::string> best;
  for (const auto& start : starts) {
    std::map<std::string, std::string> parent;
    std::deque<std::string> queue{start};
    parent[start] = "";
    bool found = false;
    while (!queue.empty() && !found) {
      const auto cur = queue.front();
      queue.pop_front();
      const auto it = next.find(cur);
      if (it == next.end()) continue;
      for (const auto& w : it->second) {
        if (!members.contains(w)) continue;
        if (w == start) {
          std::vector<std::string> path;
          for (auto p = cur; !p.empty(); p = parent[p]) path.push_back(p);
          std::reverse(path.begin(), path.end());
          path.push_back(start);
          if (best.empty() || path.size() < best.size()) best = std::move(path);
          found = true;
          break;
        }
        if (!parent.contains(w)) {
          parent[w] = cur;
          queue.push_back(w);
        }
      }
    }
  }
  return best;
}

void find_entry_points(const model::Project& project, Architecture& arch) {
  for (const auto& m : project.modules) {
    if (!in_graph(m)) continue;
    const bool manage = m.path == "manage.py" || m.path.ends_with("/manage.py");
    // manage.py is Django's only when it hands over to Django's management (Flask apps ship one for their CLI).
    const bool django = std::any_of(m.imports.begin(), m.imports.end(), [](const facts::Import& i) {
      return i.module == "django" || i.module.starts_with("django.");
    });
    if (manage && m.main_guard) arch.entry_points.push_back({django ? "django-manage" : "main", m.name, m.path, 1});
    for (const auto& c : m.calls) {
      const auto& name = c.resolved();
      std::string kind;
      if (name == "fastapi.FastAPI" || name == "starlette.applications.Starlette" ||
          name == "fastapi.applications.FastAPI" || name == "litestar.Litestar") {
        kind = "asgi-app";
      } else if (name == "flask.Flask" || name == "flask.app.Flask" || name == "apiflask.APIFlask") {
        kind = "wsgi-app";
      } else if (name == "django.core.asgi.get_asgi_application") {
        kind = "django-asgi";
      } else if (name == "django.core.wsgi.get_wsgi_application") {
        kind = "django-wsgi";
      } else if (name == "celery.Celery" || name == "dramatiq.get_broker" || name == "rq.Worker") {
        kind = "worker";
      }
      if (kind.empty()) continue;
      std::string where;
      if (c.function >= 0) {
        where = m.functions[static_cast<std::size_t>(c.function)].qualname;
        if (kind == "asgi-app" || kind == "wsgi-app") kind = "app-factory";
      } else {
        where = c.target.empty() ? m.name : m.name + "." + c.target;
      }
      arch.entry_points.push_back({kind, where, m.path, c.location.line});
    }
    if (m.main_guard && !manage && m.role == core::CodeRole::application) {
      arch.entry_points.push_back({"main", m.name, m.path, 1});
    }
  }
  // Console scripts of every root's pyproject.toml ([project.scripts], [tool.poetry.scripts]).
  for (const auto& root : project.roots) {
    const auto path = root == "." ? std::string("pyproject.toml") : root + "/pyproject.toml";
    const auto* doc = project.inputs().toml(path);
    if (doc == nullptr) continue;
    const std::array<const toml::table*, 2> tables = {doc->table["project"]["scripts"].as_table(),
                                                      doc->table["tool"]["poetry"]["scripts"].as_table()};
    for (const auto* table : tables) {
      if (table == nullptr) continue;
      for (const auto& [key, value] : *table) {
        const auto target = value.value<std::string>();
        if (!target) continue;
        const auto line = value.source().begin.line;
        arch.entry_points.push_back(
            {"console-script", std::string(key.str()) + " = " + *target, path, static_cast<std::uint32_t>(line)});
      }
    }
  }
  std::sort(arch.entry_points.begin(), arch.entry_points.end(), [](const EntryPoint& a, const EntryPoint& b) {
    return std::tie(a.file, a.line, a.kind, a.name) < std::tie(b.file, b.line, b.kind, b.name);
  });
}

Architecture compute(const model::Project& project) {
  Architecture arch;
  arch.routes = find_routes(project);
  std::set<std::string> route_files;
  for (const auto& r : arch.routes) route_files.insert(r.file);

  std::map<std::string, Package> packages;
  for (const auto& m : project.modules) {
    if (!model::is_hand_written(m.role) || m.name.empty()) continue;
    const auto pkg = package_of(m.name, m.is_package_init);
    const auto layer = module_layer(project, m, route_files);
    arch.modules[m.name] = {layer, pkg};
    auto& p = packages[pkg];
    p.name = pkg;
    ++p.modules;
    ++p.layers[layer];
    // The package's directory: its __init__.py's, or the module file for a one-file package.
    const auto dir = m.path.substr(0, m.path.rfind('/') == std::string::npos ? 0 : m.path.rfind('/'));
    if (m.name == pkg) {
      p.path = m.is_package_init ? dir : m.path;
    } else if (p.path.empty()) {
      p.path = dir;  // a namespace package or one whose __init__ is deeper: the first module's directory
    }
  }
  for (auto& [name, p] : packages) {
    // The layer most of its modules are in (tests and migrations count; `other` only when nothing else does).
    std::size_t best = 0;
    p.layer = "other";
    for (const auto& [layer, n] : p.layers) {
      if (layer == "other") continue;
      if (n > best || (n == best && layer_rank(layer) < layer_rank(p.layer))) {
        best = n;
        p.layer = layer;
      }
    }
    // A package whose modules are mostly unclassified stays `other`.
    if (p.layers.contains("other") && p.layers.at("other") > 2 * best) p.layer = "other";
    arch.packages.push_back(p);
  }

  std::map<std::pair<std::string, std::string>, ImportEdge> edges;
  // The module graph too: a package cycle is reported only where modules import each other in a cycle across
  // packages (app/main.py importing app.api, which imports app/models.py, is no cycle).
  std::map<std::string, std::vector<std::string>> module_next;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, core::Location>> first_import;
  std::map<std::string, std::string> package_of_module;
  for (const auto& m : project.modules) {
    if (!in_graph(m) || m.name.empty()) continue;
    const auto from = package_of(m.name, m.is_package_init);
    package_of_module[m.name] = from;
    for (const auto& imp : m.imports) {
      if (imp.type_checking) continue;
      const auto* target = imported_module(project, imp);
      if (target == nullptr || !in_graph(*target) || target == &m) continue;
      module_next[m.name].push_back(target->name);
      first_import.try_emplace({m.name, target->name}, m.path, imp.location);
      const auto to = package_of(target->name, target->is_package_init);
      if (to == from) continue;
      auto& e = edges[{from, to}];
      if (e.count++ == 0 || std::tie(m.path, imp.location.line) < std::tie(e.file, e.location.line)) {
        e.from = from;
        e.to = to;
        e.file = m.path;
        e.location = imp.location;
      }
    }
  }
  for (auto& [key, e] : edges) arch.edges.push_back(e);
  std::set<std::string> module_nodes;
  for (auto& [n, s] : module_next) {
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    module_nodes.insert(n);
    module_nodes.insert(s.begin(), s.end());
  }
  for (auto& comp : components(std::vector<std::string>(module_nodes.begin(), module_nodes.end()), module_next)) {
    std::set<std::string> pkgs;
    for (const auto& mod : comp) pkgs.insert(package_of_module[mod]);
    if (pkgs.size() < 2) continue;
    // The shortest module cycle that crosses packages, from the first members (bounded on huge components).
    constexpr std::size_t kStarts = 200;
    std::vector<std::string> best;
    for (std::size_t i = 0; i < comp.size() && i < kStarts; ++i) {
      auto cyc = shortest_cycle({comp[i]}, comp, module_next);
      std::set<std::string> crossed;
      for (const auto& mod : cyc) crossed.insert(package_of_module[mod]);
      if (crossed.size() >= 2 && (best.empty() || cyc.size() < best.size())) best = std::move(cyc);
    }
    if (best.empty()) continue;
    Cycle c;
    c.modules = best;
    for (std::size_t i = 0; i < best.size(); ++i) {
      const auto& pkg = package_of_module[best[i]];
      if (c.shortest.empty() || c.shortest.back() != pkg) c.shortest.push_back(pkg);
      if (c.file.empty() && i + 1 < best.size() && package_of_module[best[i + 1]] != pkg) {
        const auto& [file, loc] = first_import[{best[i], best[i + 1]}];
        c.file = file;
        c.location = loc;
      }
    }
    if (c.shortest.size() > 1 && c.shortest.front() == c.shortest.back()) c.shortest.pop_back();
    c.packages.assign(pkgs.begin(), pkgs.end());
    c.shortest.push_back(c.shortest.front());
    arch.cycles.push_back(std::move(c));
  }
  find_entry_points(project, arch);
  return arch;
}

}  // namespace

std::string package_of(std::string_view module, bool is_package_init) {
  // The Python package the module is in (itself for an __init__), cut to its first two parts.
  auto package = is_package_init ? module
                                 : module.substr(0, module.rfind('.') == std::string_view::npos ? module.size()
                                                                                                : module.rfind('.'));
  const auto first = package.find('.');
  if (first == std::string_view::npos) return std::string(package);
  const auto second = package.find('.', first + 1);
  return std::string(package.substr(0, second));
}

const Architecture& build_architecture(const model::Project& project) {
  return project.derived().architecture.get([&] { return std::make_shared<const Architecture>(compute(project)); });
}

}  // namespace onramp::checks::architecture
