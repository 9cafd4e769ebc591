#pragma once
// The HTTP route table, read from the facts of the one walk: FastAPI/Starlette routers and include_router prefixes,
// Flask blueprints and url_prefix, Django path()/re_path()/url() with include() chains, DRF routers' register.
#include <cstdint>
#include <string>
#include <vector>

#include "onramp/model/project.hpp"

namespace onramp::checks::architecture {

/// One route as a newcomer reads it: method, full path, the code that answers.
struct Route {
  /// fastapi, starlette, flask, django, drf.
  std::string framework;
  /// Upper case, sorted; empty when the handler answers every method (a Django function view).
  std::vector<std::string> methods;
  /// The full path with every prefix that includes it (`/api/v1/items/{id}`); a prefix onramp cannot read is shown
  /// as the expression in braces (`{settings.BASE}`).
  std::string path;
  /// The path as written where the route is declared.
  std::string declared_path;
  /// The qualified name of the function, class or viewset that answers.
  std::string handler;
  std::string file;
  /// The decorator line, or the line of the path()/register()/add_url_rule() call.
  std::uint32_t line = 0;
};

/// Every route of the repository's application code, sorted by path, then methods, file and line.
std::vector<Route> find_routes(const model::Project& project);

}  // namespace onramp::checks::architecture
