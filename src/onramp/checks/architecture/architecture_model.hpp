#pragma once
// The system map of step 1, built once from the facts of the one walk: packages with their layers, entry points, the
// package import graph with its cycles, and the route table.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "onramp/checks/architecture/routes.hpp"
#include "onramp/model/project.hpp"

namespace onramp::checks::architecture {

/// The layers, lowest first: a layer may import its own and lower ones (the default order of layer-violation).
inline const std::vector<std::string>& default_layer_order() {
  static const std::vector<std::string> order = {"config", "models",   "schemas", "repositories",
                                                 "cache",  "services", "tasks",   "api"};
  return order;
}

/// A first-party package (package_of): `app.api`, `blog`, `dcim`.
struct Package {
  std::string name;
  /// The directory (or file, for a one-module package) it lives in.
  std::string path;
  /// api, services, repositories, models, schemas, tasks, cache, config, migrations, tests, or other.
  std::string layer;
  /// Its modules by layer.
  std::map<std::string, std::size_t> layers;
  std::size_t modules = 0;
};

/// Imports from one package into another.
struct ImportEdge {
  std::string from;
  std::string to;
  std::size_t count = 0;
  /// The first such import (by path and line), where findings about the edge point.
  std::string file;
  core::Location location;
};

/// Modules of several packages that import each other in a cycle: the packages of the strongly connected component
/// of the module graph, one of its shortest module cycles that crosses packages, and that cycle's packages (first
/// repeated last).
struct Cycle {
  std::vector<std::string> packages;
  std::vector<std::string> shortest;
  std::vector<std::string> modules;
  /// The cycle's first import from one package into the next.
  std::string file;
  core::Location location;
};

/// Where the system starts: app objects and factories, manage.py, workers, console scripts, main guards.
struct EntryPoint {
  /// asgi-app, wsgi-app, app-factory, django-manage, django-asgi, django-wsgi, worker, console-script, main.
  std::string kind;
  std::string name;
  std::string file;
  std::uint32_t line = 0;
};

/// One module's layer and why.
struct ModuleLayer {
  std::string layer;
  std::string package;
};

struct Architecture {
  std::vector<Package> packages;  // sorted by name
  std::vector<EntryPoint> entry_points;
  std::vector<ImportEdge> edges;  // sorted by from, to
  std::vector<Cycle> cycles;
  std::vector<Route> routes;
  /// By module name.
  std::map<std::string, ModuleLayer> modules;
};

/// Built once per run (model::Project::derived()).
const Architecture& build_architecture(const model::Project& project);

/// The package a module belongs to: the Python package holding it (itself for an `__init__`), cut to two parts
/// (`app.api` for app/api/routes/items.py, `blog` for blog/views.py, `manage` for manage.py).
std::string package_of(std::string_view module, bool is_package_init);

}  // namespace onramp::checks::architecture
