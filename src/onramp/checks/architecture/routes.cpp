#include "onramp/checks/architecture/routes.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "onramp/facts/index.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::checks::architecture {

namespace {

using facts::Argument;
using facts::Call;
using facts::Module;

constexpr int kMaxDepth = 12;
constexpr std::size_t kMaxPrefixes = 16;
/// include() chains branch: eight includes of the next module, twelve deep, are 8^12 expansions. The Django walk stops
/// after this many steps (modules, patterns and routers entered); netbox needs 661, wagtail 274.
constexpr std::size_t kMaxUrlSteps = 100'000;

/// Application code and scripts: routes in tests, examples and vendored code are not the system's.
bool serves_routes(const Module& m) {
  return m.role == core::CodeRole::application || m.role == core::CodeRole::script;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return out;
}

std::string_view last_part(std::string_view name) {
  const auto dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool contains(const core::Location& outer, const core::Location& inner) {
  const auto before = [](std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) {
    return l1 < l2 || (l1 == l2 && c1 <= c2);
  };
  return before(outer.line, outer.column, inner.line, inner.column) &&
         before(inner.end_line, inner.end_column, outer.end_line, outer.end_column) &&
         !(outer.line == inner.line && outer.column == inner.column && outer.end_line == inner.end_line &&
           outer.end_column == inner.end_column);
}

bool same_place(const core::Location& a, const core::Location& b) {
  return a.line == b.line && a.column == b.column && a.end_line == b.end_line && a.end_column == b.end_column;
}

const Argument* keyword(const Call& call, std::string_view name) {
  for (const auto& k : call.keywords) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

const Argument* keyword(const std::vector<Argument>& args, std::string_view name) {
  for (const auto& a : args) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

/// The argument at `position` or named `name`.
const Argument* argument(const Call& call, std::size_t position, std::string_view name) {
  if (position < call.positional.size() && call.positional[position].name.empty()) return &call.positional[position];
  return keyword(call, name);
}

/// The string literals of a list or tuple literal (`["GET", "POST"]`), upper-cased.
std::vector<std::string> literal_methods(const Argument* a) {
  std::vector<std::string> out;
  if (a == nullptr) return out;
  std::string_view v = util::trim(std::string_view(a->value));
  if (v.size() < 2 || !((v.front() == '[' && v.back() == ']') || (v.front() == '(' && v.back() == ')') ||
                        (v.front() == '{' && v.back() == '}'))) {
    if (a->literal) out.push_back(upper(*a->literal));
    return out;
  }
  for (auto item : util::split_arguments(v.substr(1, v.size() - 2))) {
    if (auto s = util::string_literal(item)) out.push_back(upper(*s));
  }
  return out;
}

/// A path as written: the literal, or the expression in braces.
std::string path_text(const Argument* a) {
  if (a == nullptr) return {};
  if (a->literal) return *a->literal;
  return "{" + a->value + "}";
}

/// Joins URL pieces with exactly one `/` between them.
std::string join_path(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  const bool sa = a.back() == '/';
  const bool sb = b.front() == '/';
  if (sa && sb) return std::string(a) + std::string(b.substr(1));
  if (!sa && !sb) return std::string(a) + "/" + std::string(b);
  return std::string(a) + std::string(b);
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

/// What the repository's classes and functions are, looked up by qualified name.
struct Code {
  struct ClassRef {
    const Module* module = nullptr;
    int index = -1;
  };
  std::unordered_map<std::string, ClassRef> classes;
  /// Methods of each class: name -> function index, by class qualname.
  std::unordered_map<std::string, std::vector<int>> methods;

  explicit Code(const model::Project& project) {
    for (const auto& m : project.modules) {
      for (std::size_t i = 0; i < m.classes.size(); ++i) classes[m.classes[i].qualname] = {&m, static_cast<int>(i)};
      for (std::size_t i = 0; i < m.functions.size(); ++i) {
        const auto& f = m.functions[i];
        if (f.owner_class >= 0 && f.parent < 0) {
          methods[m.classes[static_cast<std::size_t>(f.owner_class)].qualname].push_back(static_cast<int>(i));
        }
      }
    }
  }

  /// The class and its repository ancestors (bounded), then the library bases met on the way.
  void lineage(const std::string& qualname, std::vector<std::string>& own, std::set<std::string>& library) const {
    std::vector<std::string> todo{qualname};
    std::set<std::string> seen;
    while (!todo.empty() && seen.size() < 32) {
      auto cur = todo.back();
      todo.pop_back();
      if (!seen.insert(cur).second) continue;
      const auto it = classes.find(cur);
      if (it == classes.end()) {
        library.insert(cur);
        continue;
      }
      own.push_back(cur);
      const auto& cls = it->second.module->classes[static_cast<std::size_t>(it->second.index)];
      const auto& bases = cls.canonical_bases.empty() ? cls.bases : cls.canonical_bases;
      for (auto b = bases.rbegin(); b != bases.rend(); ++b) todo.push_back(*b);
    }
  }
};

// ---- FastAPI, Starlette, Flask: router objects, the routes declared on them and where they are included ----

struct RouterKind {
  std::string_view constructor;
  std::string_view framework;
  bool app;
};

constexpr std::array<RouterKind, 14> kRouterKinds = {{
    {"fastapi.FastAPI", "fastapi", true},
    {"fastapi.applications.FastAPI", "fastapi", true},
    {"fastapi.APIRouter", "fastapi", false},
    {"fastapi.routing.APIRouter", "fastapi", false},
    {"starlette.applications.Starlette", "starlette", true},
    {"starlette.routing.Router", "starlette", false},
    {"flask.Flask", "flask", true},
    {"flask.app.Flask", "flask", true},
    {"flask.Blueprint", "flask", false},
    {"flask.blueprints.Blueprint", "flask", false},
    {"apiflask.APIFlask", "flask", true},
    {"apiflask.APIBlueprint", "flask", false},
    {"quart.Quart", "flask", true},
    {"quart.Blueprint", "flask", false},
}};

std::optional<RouterKind> router_kind(const model::Project& project, const std::string& constructor) {
  for (const auto& k : kRouterKinds) {
    if (constructor == k.constructor) return k;
  }
  if (project.index != nullptr) {
    for (const auto& k : kRouterKinds) {
      if (project.index->derives_from(constructor, k.constructor)) return k;
    }
  }
  return std::nullopt;
}

struct Router {
  std::string framework;
  bool app = false;
  std::string prefix;
};

/// `child` served below `parent` at `prefix` (include_router, register_blueprint, mount).
struct Mount {
  std::string parent;
  std::string child;
  std::string prefix;
};

constexpr std::array<std::string_view, 9> kMethodNames = {"get",  "post",    "put",   "patch",    "delete",
                                                          "head", "options", "trace", "websocket"};

class RouterGraph {
public:
  RouterGraph(const model::Project& project) : project_(project) {}

  void collect() {
    for (const auto& m : project_.modules) {
      if (!serves_routes(m)) continue;
      for (const auto& call : m.calls) {
        if (call.function >= 0 || call.target.empty()) continue;
        const auto kind = router_kind(project_, call.resolved());
        if (!kind) continue;
        Router r{std::string(kind->framework), kind->app, {}};
        const auto* p = keyword(call, kind->framework == "flask" ? "url_prefix" : "prefix");
        if (p != nullptr) r.prefix = path_text(p);
        routers_[m.name + "." + call.target] = std::move(r);
      }
    }
    for (const auto& m : project_.modules) {
      if (!serves_routes(m)) continue;
      for (const auto& d : m.decorators) on_decorator(m, d);
      for (const auto& call : m.calls) on_call(m, call);
    }
  }

  /// Every declared route with each full path it is served at.
  void routes(std::vector<Route>& out) {
    for (auto& d : declared_) {
      for (const auto& prefix : prefixes(d.router, 0)) {
        Route r = d.route;
        r.path = join_path(prefix, r.path);  // the declared piece until here
        if (r.path.empty() || r.path.front() != '/') r.path.insert(r.path.begin(), '/');
        out.push_back(std::move(r));
      }
    }
  }

private:
  struct Declared {
    std::string router;
    Route route;
  };

  /// The router a symbol names, following re-exports (`from .routes import router`); creates one for an object
  /// built in place (`Flask()` inside a factory).
  std::optional<std::string> router_of(std::string symbol, const Module& where) {
    for (int hop = 0; hop < 6 && !symbol.empty(); ++hop) {
      if (routers_.contains(symbol)) return symbol;
      if (ends_with(symbol, "()")) {
        const auto kind = router_kind(project_, symbol.substr(0, symbol.size() - 2));
        if (!kind) return std::nullopt;
        const auto key = symbol + "@" + where.name;
        routers_.try_emplace(key, Router{std::string(kind->framework), kind->app, {}});
        return key;
      }
      // `pkg.mod.name`: what `name` stands for in module `pkg.mod`.
      const auto dot = symbol.rfind('.');
      if (dot == std::string::npos || project_.index == nullptr) return std::nullopt;
      const auto* owner = project_.index->module(std::string_view(symbol).substr(0, dot));
      if (owner == nullptr) return std::nullopt;
      const auto name = symbol.substr(dot + 1);
      const auto it = std::lower_bound(owner->globals.begin(), owner->globals.end(), name,
                                       [](const facts::Global& g, const std::string& n) { return g.name < n; });
      if (it == owner->globals.end() || it->name != name) return std::nullopt;
      symbol = it->target;
    }
    return std::nullopt;
  }

  void on_decorator(const Module& m, const facts::Decorator& d) {
    if (d.function < 0 || d.receiver.empty()) return;
    const auto method = last_part(d.written);
    const bool http = std::find(kMethodNames.begin(), kMethodNames.end(), method) != kMethodNames.end();
    if (!http && method != "route" && method != "api_route") return;
    const auto router = router_of(d.receiver, m);
    if (!router) return;
    const auto& r = routers_[*router];
    Route route;
    route.framework = r.framework;
    const Argument* path = !d.arguments.empty() && d.arguments[0].name.empty() ? &d.arguments[0] : nullptr;
    if (path == nullptr) path = keyword(d.arguments, r.framework == "flask" ? "rule" : "path");
    route.declared_path = path_text(path);
    route.path = path_piece(m, path);
    if (http) {
      route.methods = {method == "websocket" ? std::string("WEBSOCKET") : upper(method)};
    } else {
      route.methods = literal_methods(keyword(d.arguments, "methods"));
      if (route.methods.empty()) route.methods = {"GET"};
    }
    route.handler = m.functions[static_cast<std::size_t>(d.function)].qualname;
    route.file = m.path;
    route.line = d.location.line;
    declared_.push_back({*router, std::move(route)});
  }

  void on_call(const Module& m, const Call& call) {
    if (call.receiver.empty()) return;
    const auto method = last_part(call.written);
    const bool add_route = method == "add_api_route" || method == "add_route" || method == "add_url_rule" ||
                           method == "add_websocket_route" || method == "add_api_websocket_route";
    const bool mount = method == "include_router" || method == "register_blueprint" || method == "mount";
    if (!add_route && !mount) return;
    const auto router = router_of(call.receiver, m);
    if (!router) return;
    const auto framework = routers_[*router].framework;
    if (mount) {
      const bool is_mount = method == "mount";
      const Argument* child = is_mount ? argument(call, 1, "app") : argument(call, 0, "router");
      if (child == nullptr && !is_mount) child = argument(call, 0, "blueprint");
      if (child == nullptr || child->resolved.empty()) return;
      const auto child_router = router_of(child->resolved, m);
      if (!child_router) return;
      const Argument* prefix =
          is_mount ? argument(call, 0, "path") : keyword(call, framework == "flask" ? "url_prefix" : "prefix");
      mounts_.push_back({*router, *child_router, prefix != nullptr ? prefix_text(*prefix) : std::string{}});
      return;
    }
    Route route;
    route.framework = framework;
    const bool flask = method == "add_url_rule";
    const Argument* path = argument(call, 0, flask ? "rule" : "path");
    route.declared_path = path_text(path);
    route.path = path_piece(m, path);
    const Argument* endpoint = flask ? argument(call, 2, "view_func") : argument(call, 1, "endpoint");
    if (endpoint != nullptr) route.handler = handler_name(*endpoint);
    if (route.handler.empty() && endpoint != nullptr) route.handler = endpoint->value;
    route.methods = literal_methods(keyword(call, "methods"));
    if (method == "add_websocket_route" || method == "add_api_websocket_route") route.methods = {"WEBSOCKET"};
    if (route.methods.empty()) route.methods = {"GET"};
    route.file = m.path;
    route.line = call.location.line;
    declared_.push_back({*router, std::move(route)});
  }

  /// The piece of a path a route declares: its literal; for a call of a repository function given one string literal
  /// (redash's `org_scoped_rule("/login")`, which prefixes it only under a setting) that literal; else the
  /// expression in braces.
  std::string path_piece(const Module& m, const Argument* a) const {
    if (a == nullptr) return {};
    if (a->literal || !ends_with(a->resolved, "()") || project_.index == nullptr) return path_text(a);
    const auto callee = std::string_view(a->resolved).substr(0, a->resolved.size() - 2);
    const auto dot = callee.rfind('.');
    const auto* owner = dot == std::string_view::npos ? nullptr : project_.index->module(callee.substr(0, dot));
    if (owner == nullptr || std::none_of(owner->functions.begin(), owner->functions.end(),
                                         [&](const facts::Function& f) { return f.qualname == callee; })) {
      return path_text(a);
    }
    for (const auto& c : m.calls) {
      if (!same_place(c.location, a->location)) continue;
      if (c.positional.size() == 1 && c.keywords.empty() && c.positional[0].literal) return *c.positional[0].literal;
      break;
    }
    return path_text(a);
  }

  /// A prefix argument: its literal, a settings field's literal default, or the expression in braces.
  std::string prefix_text(const Argument& a) const {
    if (a.literal) return *a.literal;
    if (!a.resolved.empty() && project_.index != nullptr) {
      // `settings.API_V1_STR` where `settings = Settings()` and `API_V1_STR: str = "/api/v1"` in the class body.
      const auto canon = project_.index->canonical(a.resolved);
      const auto call = canon.rfind("().");
      if (call != std::string::npos) {
        const auto cls = canon.substr(0, call);
        const auto field = canon.substr(call + 3);
        const auto dot = cls.rfind('.');
        const auto* owner = dot == std::string::npos ? nullptr : project_.index->module(cls.substr(0, dot));
        if (owner != nullptr) {
          for (const auto& attr : owner->class_attributes) {
            if (attr.name == field && attr.literal &&
                owner->classes[static_cast<std::size_t>(attr.klass)].qualname == cls) {
              return *attr.literal;
            }
          }
        }
      }
    }
    return "{" + a.value + "}";
  }

  std::string handler_name(const Argument& a) const {
    auto name = a.resolved;
    if (ends_with(name, ".as_view()")) name.resize(name.size() - std::string_view(".as_view()").size());
    return name;
  }

  std::vector<std::string> prefixes(const std::string& router, int depth) {
    const auto memo = memo_.find(router);
    if (memo != memo_.end()) return memo->second;
    const auto& r = routers_[router];
    std::vector<std::string> out;
    if (depth < kMaxDepth) {
      for (const auto& mount : mounts_) {
        if (mount.child != router || mount.parent == router) continue;
        for (const auto& p : prefixes(mount.parent, depth + 1)) {
          const auto own = r.framework == "flask" && !mount.prefix.empty() ? std::string{} : r.prefix;
          out.push_back(join_path(join_path(p, mount.prefix), own));
          if (out.size() >= kMaxPrefixes) break;
        }
      }
    }
    if (out.empty()) out.push_back(r.prefix);
    out = sorted_unique(std::move(out));
    memo_[router] = out;
    return out;
  }

  const model::Project& project_;
  std::map<std::string, Router> routers_;
  std::vector<Mount> mounts_;
  std::vector<Declared> declared_;
  std::map<std::string, std::vector<std::string>> memo_;
};

// ---- Django and DRF: URL patterns, include() chains, routers' register ----

constexpr std::array<std::string_view, 7> kPatternCalls = {
    "django.urls.path",         "django.urls.re_path",      "django.conf.urls.url", "django.urls.conf.path",
    "django.urls.conf.re_path", "django.conf.urls.re_path", "django.conf.urls.path"};
constexpr std::array<std::string_view, 3> kIncludeCalls = {"django.urls.include", "django.conf.urls.include",
                                                           "django.urls.conf.include"};
constexpr std::array<std::string_view, 2> kDrfRouters = {"rest_framework.routers.SimpleRouter",
                                                         "rest_framework.routers.DefaultRouter"};

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// A regex piece of re_path()/url() without its anchors.
std::string strip_anchors(std::string_view p) {
  if (!p.empty() && p.front() == '^') p.remove_prefix(1);
  if (!p.empty() && p.back() == '$' && (p.size() < 2 || p[p.size() - 2] != '\\')) p.remove_suffix(1);
  return std::string(p);
}

/// What a DRF viewset or class-based view answers: action -> (detail, method).
struct Action {
  std::string_view name;
  bool detail;
  std::string_view method;
};
constexpr std::array<Action, 6> kViewsetActions = {{{"list", false, "GET"},
                                                    {"create", false, "POST"},
                                                    {"retrieve", true, "GET"},
                                                    {"update", true, "PUT"},
                                                    {"partial_update", true, "PATCH"},
                                                    {"destroy", true, "DELETE"}}};

struct LibraryView {
  std::string_view base;
  std::string_view actions;  // viewset actions or HTTP methods, space separated
};
constexpr std::array<LibraryView, 8> kLibraryViewsets = {{
    {"rest_framework.viewsets.ModelViewSet", "list create retrieve update partial_update destroy"},
    {"rest_framework.viewsets.ReadOnlyModelViewSet", "list retrieve"},
    {"rest_framework.mixins.ListModelMixin", "list"},
    {"rest_framework.mixins.CreateModelMixin", "create"},
    {"rest_framework.mixins.RetrieveModelMixin", "retrieve"},
    {"rest_framework.mixins.UpdateModelMixin", "update partial_update"},
    {"rest_framework.mixins.DestroyModelMixin", "destroy"},
    {"rest_framework_bulk.BulkModelViewSet", "list create retrieve update partial_update destroy"},
}};
constexpr std::array<LibraryView, 22> kLibraryViews = {{
    {"rest_framework.generics.ListAPIView", "GET"},
    {"rest_framework.generics.CreateAPIView", "POST"},
    {"rest_framework.generics.ListCreateAPIView", "GET POST"},
    {"rest_framework.generics.RetrieveAPIView", "GET"},
    {"rest_framework.generics.UpdateAPIView", "PUT PATCH"},
    {"rest_framework.generics.DestroyAPIView", "DELETE"},
    {"rest_framework.generics.RetrieveUpdateAPIView", "GET PUT PATCH"},
    {"rest_framework.generics.RetrieveDestroyAPIView", "GET DELETE"},
    {"rest_framework.generics.RetrieveUpdateDestroyAPIView", "GET PUT PATCH DELETE"},
    {"django.views.generic.TemplateView", "GET"},
    {"django.views.generic.ListView", "GET"},
    {"django.views.generic.DetailView", "GET"},
    {"django.views.generic.RedirectView", "GET POST PUT PATCH DELETE"},
    {"django.views.generic.FormView", "GET POST"},
    {"django.views.generic.CreateView", "GET POST"},
    {"django.views.generic.UpdateView", "GET POST"},
    {"django.views.generic.DeleteView", "GET POST"},
    {"django.views.generic.base.TemplateView", "GET"},
    {"django.views.generic.base.RedirectView", "GET POST PUT PATCH DELETE"},
    {"django.views.generic.edit.FormView", "GET POST"},
    {"django.views.generic.list.ListView", "GET"},
    {"django.views.generic.detail.DetailView", "GET"},
}};

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for (auto w : util::split(s, ' ')) {
    if (!w.empty()) out.emplace_back(w);
  }
  return out;
}

class DjangoUrls {
public:
  DjangoUrls(const model::Project& project, const Code& code) : project_(project), code_(code) {}

  void collect() {
    for (const auto& m : project_.modules) {
      if (!serves_routes(m)) continue;
      UrlModule u;
      u.module = &m;
      for (std::size_t i = 0; i < m.calls.size(); ++i) {
        const auto& c = m.calls[i];
        const auto& name = c.resolved();
        if (one_of(name, kPatternCalls)) u.patterns.push_back(i);
        if (one_of(name, kIncludeCalls)) u.includes.push_back(i);
        if (c.function < 0 && !c.target.empty() && drf_router(name)) routers_.insert(m.name + "." + c.target);
      }
      if (!u.patterns.empty() || !u.includes.empty()) modules_[m.name] = std::move(u);
    }
    for (const auto& m : project_.modules) {
      if (!serves_routes(m)) continue;
      for (std::size_t i = 0; i < m.calls.size(); ++i) {
        const auto& c = m.calls[i];
        if (last_part(c.written) != "register" || c.receiver.empty() || !routers_.contains(c.receiver)) continue;
        registers_[c.receiver].push_back({&m, i});
      }
    }
    // A router that no include() names is served where its module's urlpatterns are (`urlpatterns = router.urls`).
    std::set<std::string> included;
    for (const auto& [name, u] : modules_) {
      for (auto i : u.includes) {
        const auto& c = u.module->calls[i];
        if (!c.positional.empty() && ends_with(c.positional[0].resolved, ".urls")) {
          auto sym = c.positional[0].resolved;
          included.insert(sym.substr(0, sym.size() - 5));
        }
      }
    }
    for (const auto& [router, regs] : registers_) {
      if (!included.contains(router) && !regs.empty()) implicit_routers_[regs.front().module->name].push_back(router);
    }
  }

  void routes(std::vector<Route>& out) {
    std::vector<std::string> roots;
    for (const auto& m : project_.modules) {
      for (const auto& s : m.records.settings_strings) {
        if (s.name != "ROOT_URLCONF") continue;
        const auto name = std::string(util::trim(std::string_view(s.value)));
        if (modules_.contains(name) && std::find(roots.begin(), roots.end(), name) == roots.end())
          roots.push_back(name);
      }
    }
    if (roots.empty()) {
      // No ROOT_URLCONF among the settings: every URL module that no other includes.
      std::set<std::string> reached;
      for (const auto& [name, u] : modules_) {
        for (auto i : u.includes) {
          const auto& c = u.module->calls[i];
          if (c.positional.empty()) continue;
          if (c.positional[0].literal) reached.insert(*c.positional[0].literal);
          if (!c.positional[0].resolved.empty()) reached.insert(c.positional[0].resolved);
        }
      }
      for (const auto& [name, u] : modules_) {
        if (!reached.contains(name)) roots.push_back(name);
      }
      for (const auto& [router, regs] : registers_) {
        const auto& owner = regs.front().module->name;
        if (!modules_.contains(owner) && !reached.contains(owner)) {
          expand_router(router, "", out, 0);
        }
      }
    }
    std::sort(roots.begin(), roots.end());
    for (const auto& root : roots) expand_module(root, "urlpatterns", "", out, 0);
  }

private:
  struct UrlModule {
    const Module* module = nullptr;
    std::vector<std::size_t> patterns;
    std::vector<std::size_t> includes;
  };
  struct CallRef {
    const Module* module;
    std::size_t call;
  };

  bool drf_router(const std::string& name) const {
    if (one_of(name, kDrfRouters)) return true;
    if (project_.index == nullptr) return false;
    return std::any_of(kDrfRouters.begin(), kDrfRouters.end(),
                       [&](std::string_view b) { return project_.index->derives_from(name, b); });
  }

  /// The innermost include() call of the module holding call `i`, or -1.
  long enclosing_include(const UrlModule& u, std::size_t i) const {
    long best = -1;
    const auto& loc = u.module->calls[i].location;
    for (auto inc : u.includes) {
      if (!contains(u.module->calls[inc].location, loc)) continue;
      if (best < 0 ||
          contains(u.module->calls[static_cast<std::size_t>(best)].location, u.module->calls[inc].location)) {
        best = static_cast<long>(inc);
      }
    }
    return best;
  }

  /// The module-level list a top-level pattern belongs to: its assignment's name, or the list `.append()`ed to.
  std::string list_of(const UrlModule& u, std::size_t i) const {
    const auto& m = *u.module;
    const auto& c = m.calls[i];
    if (!c.target.empty()) return c.target;
    for (const auto& outer : m.calls) {
      const auto method = last_part(outer.written);
      if ((method == "append" || method == "extend" || method == "insert") && contains(outer.location, c.location) &&
          outer.receiver.rfind(m.name + ".", 0) == 0) {
        return outer.receiver.substr(m.name.size() + 1);
      }
    }
    return {};
  }

  void expand_module(const std::string& name, const std::string& list, const std::string& prefix,
                     std::vector<Route>& out, int depth) {
    const auto it = modules_.find(name);
    if (depth > kMaxDepth || ++steps_ > kMaxUrlSteps) return;
    if (it != modules_.end()) {
      const auto& u = it->second;
      for (auto i : u.patterns) {
        if (enclosing_include(u, i) >= 0) continue;
        const auto l = list_of(u, i);
        if (l != list && !(list == "urlpatterns" && l.empty())) continue;
        pattern(u, i, prefix, out, depth);
      }
    }
    if (list == "urlpatterns") {
      const auto implicit = implicit_routers_.find(name);
      if (implicit != implicit_routers_.end()) {
        for (const auto& r : implicit->second) expand_router(r, prefix, out, depth + 1);
      }
    }
  }

  void pattern(const UrlModule& u, std::size_t i, const std::string& prefix, std::vector<Route>& out, int depth) {
    if (++steps_ > kMaxUrlSteps) return;
    const auto& m = *u.module;
    const auto& c = m.calls[i];
    const bool regex = last_part(c.resolved()) != "path";
    const Argument* route_arg = argument(c, 0, regex ? "regex" : "route");
    std::string piece = route_arg == nullptr ? std::string{} : path_text(route_arg);
    if (route_arg != nullptr && !route_arg->literal) piece.clear();  // `path(settings.BASE_PATH, ...)`
    const auto composed = prefix + (regex ? strip_anchors(piece) : piece);
    const Argument* view = argument(c, 1, "view");
    if (view == nullptr) return;
    for (auto inc : u.includes) {
      const auto& ic = m.calls[inc];
      if (!same_place(ic.location, view->location)) continue;
      include(u, inc, composed, out, depth + 1);
      return;
    }
    Route r;
    r.framework = "django";
    r.declared_path = route_arg == nullptr ? std::string{} : path_text(route_arg);
    r.path = "/" + composed;
    r.file = m.path;
    r.line = c.location.line;
    r.handler = view_handler(m, *view, 0);
    if (r.handler.empty()) r.handler = view->value;
    r.methods = view_methods(r.handler);
    out.push_back(std::move(r));
  }

  void include(const UrlModule& u, std::size_t inc, const std::string& prefix, std::vector<Route>& out, int depth) {
    const auto& m = *u.module;
    const auto& ic = m.calls[inc];
    if (ic.positional.empty()) return;
    const auto& target = ic.positional[0];
    if (target.literal) {
      expand_module(*target.literal, "urlpatterns", prefix, out, depth);
      return;
    }
    if (!target.resolved.empty()) {
      const auto& sym = target.resolved;
      if (ends_with(sym, ".urls") && registers_.contains(sym.substr(0, sym.size() - 5))) {
        expand_router(sym.substr(0, sym.size() - 5), prefix, out, depth);
        return;
      }
      if (modules_.contains(sym)) {
        expand_module(sym, "urlpatterns", prefix, out, depth);
        return;
      }
      const auto dot = sym.rfind('.');
      if (dot != std::string::npos) expand_module(sym.substr(0, dot), sym.substr(dot + 1), prefix, out, depth);
      return;
    }
    // `include([path(...), ...])`: the patterns written inside this include().
    for (auto i : u.patterns) {
      if (enclosing_include(u, i) == static_cast<long>(inc)) pattern(u, i, prefix, out, depth);
    }
  }

  /// The view a path() names: a function, a class (`V.as_view()`), through wrappers (`csrf_exempt(V.as_view())`).
  std::string view_handler(const Module& m, const Argument& view, int depth) const {
    if (depth > 4) return {};
    auto name = view.resolved;
    if (!ends_with(name, "()")) return name;
    const auto dot_as_view = name.rfind(".as_view()");
    if (dot_as_view != std::string::npos && dot_as_view + 10 == name.size()) return name.substr(0, dot_as_view);
    for (const auto& c : m.calls) {
      if (!same_place(c.location, view.location)) continue;
      for (const auto& a : c.positional) {
        if (auto inner = view_handler(m, a, depth + 1); !inner.empty()) return inner;
      }
    }
    return name;
  }

  /// The methods a Django view answers: a class's handler methods (own, inherited, or a library generic's), a
  /// function's @api_view/@require_http_methods list; empty when it answers any.
  std::vector<std::string> view_methods(const std::string& handler) const {
    std::vector<std::string> methods;
    if (code_.classes.contains(handler)) {
      std::vector<std::string> own;
      std::set<std::string> library;
      code_.lineage(handler, own, library);
      for (const auto& cls : own) {
        const auto it = code_.methods.find(cls);
        if (it == code_.methods.end()) continue;
        const auto& mod = *code_.classes.at(cls).module;
        for (int f : it->second) {
          const auto& name = mod.functions[static_cast<std::size_t>(f)].name;
          for (std::string_view h : {"get", "post", "put", "patch", "delete"}) {
            if (name == h) methods.push_back(upper(h));
          }
        }
      }
      for (const auto& lib : library) {
        for (const auto& v : kLibraryViews) {
          if (lib == v.base) {
            for (auto& w : words(v.actions)) methods.push_back(std::move(w));
          }
        }
      }
      return sorted_unique(std::move(methods));
    }
    if (project_.index == nullptr) return methods;
    const auto fn = project_.index->function(handler);
    if (!fn) return methods;
    for (const auto& d : fn->module->decorators) {
      if (d.function != fn->index) continue;
      const auto name = project_.index->canonical(d.name);
      if (name == "rest_framework.decorators.api_view" || name == "django.views.decorators.http.require_http_methods") {
        methods = literal_methods(d.arguments.empty() ? nullptr : &d.arguments[0]);
        if (methods.empty() && name == "rest_framework.decorators.api_view") methods = {"GET"};
      } else if (name == "django.views.decorators.http.require_GET" ||
                 name == "django.views.decorators.http.require_safe") {
        methods = {"GET"};
      } else if (name == "django.views.decorators.http.require_POST") {
        methods = {"POST"};
      }
    }
    return sorted_unique(std::move(methods));
  }

  void expand_router(const std::string& router, const std::string& prefix, std::vector<Route>& out, int depth) {
    if (depth > kMaxDepth || ++steps_ > kMaxUrlSteps || !expanded_.insert({router, prefix}).second) return;
    const auto it = registers_.find(router);
    if (it == registers_.end()) return;
    for (const auto& reg : it->second) {
      const auto& m = *reg.module;
      const auto& c = m.calls[reg.call];
      const Argument* p = argument(c, 0, "prefix");
      const Argument* viewset = argument(c, 1, "viewset");
      const auto declared = p == nullptr ? std::string{} : path_text(p);
      const auto base = prefix + strip_anchors(declared);
      const auto handler = viewset == nullptr ? std::string{} : viewset->resolved;
      std::vector<std::string> list_methods;
      std::vector<std::string> detail_methods;
      std::vector<std::pair<std::string, Route>> extra;
      if (code_.classes.contains(handler)) {
        std::vector<std::string> own;
        std::set<std::string> library;
        code_.lineage(handler, own, library);
        std::set<std::string> actions;
        for (const auto& cls : own) {
          const auto mit = code_.methods.find(cls);
          if (mit == code_.methods.end()) continue;
          const auto& mod = *code_.classes.at(cls).module;
          for (int f : mit->second) {
            const auto& fn = mod.functions[static_cast<std::size_t>(f)];
            actions.insert(fn.name);
            if (const auto action = extra_action(mod, f, declared, base, m, c); action) {
              extra.emplace_back(fn.name, *action);
            }
          }
        }
        for (const auto& lib : library) {
          for (const auto& v : kLibraryViewsets) {
            if (lib == v.base) {
              for (auto& w : words(v.actions)) actions.insert(std::move(w));
            }
          }
        }
        for (const auto& a : kViewsetActions) {
          if (!actions.contains(std::string(a.name))) continue;
          (a.detail ? detail_methods : list_methods).emplace_back(a.method);
        }
      }
      const auto emit = [&](const std::string& path, std::vector<std::string> methods) {
        Route r;
        r.framework = "drf";
        r.declared_path = declared;
        r.path = "/" + path;
        r.handler = handler.empty() && viewset != nullptr ? viewset->value : handler;
        r.methods = sorted_unique(std::move(methods));
        r.file = m.path;
        r.line = c.location.line;
        out.push_back(std::move(r));
      };
      if (!list_methods.empty() || detail_methods.empty()) emit(join_path(base, "") + "/", list_methods);
      if (!detail_methods.empty()) emit(join_path(base, "{pk}") + "/", detail_methods);
      // Extra actions once per name (a subclass's override replaces the base's).
      std::set<std::string> seen;
      for (auto& [name, r] : extra) {
        if (!seen.insert(name).second) continue;
        out.push_back(std::move(r));
      }
      (void)depth;
    }
  }

  /// A viewset method decorated with DRF's @action: its own route below the list or detail path.
  std::optional<Route> extra_action(const Module& mod, int f, const std::string& declared, const std::string& base,
                                    const Module& reg_module, const Call& reg) const {
    for (const auto& d : mod.decorators) {
      if (d.function != f || project_.index == nullptr) continue;
      const auto name = project_.index->canonical(d.name);
      if (name != "rest_framework.decorators.action" && name != "rest_framework.decorators.detail_route" &&
          name != "rest_framework.decorators.list_route") {
        continue;
      }
      const auto& fn = mod.functions[static_cast<std::size_t>(f)];
      const Argument* detail = keyword(d.arguments, "detail");
      const bool is_detail =
          name == "rest_framework.decorators.detail_route" || (detail != nullptr && detail->value == "True");
      const Argument* url_path = keyword(d.arguments, "url_path");
      const auto piece = url_path != nullptr && url_path->literal ? *url_path->literal : fn.name;
      Route r;
      r.framework = "drf";
      r.declared_path = declared;
      r.path = "/" + join_path(is_detail ? join_path(base, "{pk}") : base, piece) + "/";
      r.handler = fn.qualname;
      r.methods = literal_methods(keyword(d.arguments, "methods"));
      if (r.methods.empty()) r.methods = {"GET"};
      r.methods = sorted_unique(std::move(r.methods));
      r.file = reg_module.path;
      r.line = reg.location.line;
      return r;
    }
    return std::nullopt;
  }

  const model::Project& project_;
  const Code& code_;
  std::map<std::string, UrlModule> modules_;
  std::set<std::string> routers_;
  std::map<std::string, std::vector<CallRef>> registers_;
  std::map<std::string, std::vector<std::string>> implicit_routers_;
  std::set<std::pair<std::string, std::string>> expanded_;
  std::size_t steps_ = 0;
};

}  // namespace

std::vector<Route> find_routes(const model::Project& project) {
  std::vector<Route> out;
  RouterGraph graph(project);
  graph.collect();
  graph.routes(out);
  const Code code(project);
  DjangoUrls django(project, code);
  django.collect();
  django.routes(out);
  for (auto& r : out) {
    r.methods = sorted_unique(std::move(r.methods));
    // `//` where a prefix ends and a path starts with a slash.
    std::string clean;
    for (char ch : r.path) {
      if (ch == '/' && !clean.empty() && clean.back() == '/') continue;
      clean.push_back(ch);
    }
    r.path = std::move(clean);
  }
  std::sort(out.begin(), out.end(), [](const Route& a, const Route& b) {
    return std::tie(a.path, a.methods, a.file, a.line, a.handler) <
           std::tie(b.path, b.methods, b.file, b.line, b.handler);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Route& a, const Route& b) {
                          return a.path == b.path && a.methods == b.methods && a.file == b.file && a.line == b.line &&
                                 a.handler == b.handler;
                        }),
            out.end());
  return out;
}

}  // namespace onramp::checks::architecture
