#include "onramp/model/env_table.hpp"

#include "onramp/model/inputs.hpp"
#include "onramp/parse/workflow.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "onramp/core/secret_keys.hpp"
#include "onramp/facts/index.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/dockerfile.hpp"
#include "onramp/parse/dotenv.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::model {

namespace {

std::string_view basename(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// A call's arguments split into positional ones and keywords (`*args`/`**kw` are neither).
struct Args {
  std::vector<std::string_view> positional;
  std::vector<std::string_view> all;
  explicit Args(std::string_view text) : all(util::split_arguments(text)) {
    for (auto a : all) {
      if (a.starts_with("*")) continue;
      const auto eq = a.find('=');
      bool keyword = false;
      if (eq != std::string_view::npos && eq > 0 && a.substr(eq, 2) != "==") {
        const auto name = util::trim(a.substr(0, eq));
        keyword = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        });
      }
      if (!keyword) positional.push_back(a);
    }
  }
  std::string_view keyword(std::string_view name) const { return util::keyword_argument(all, name); }
  /// The argument at `pos` or passed as `name`; empty when neither.
  std::string_view at(std::size_t pos, std::string_view name) const {
    if (pos < positional.size()) return positional[pos];
    return name.empty() ? std::string_view{} : keyword(name);
  }
};

std::string cut(std::string_view s) {
  auto out = util::collapse_whitespace(s);
  if (out.size() > 120) out = out.substr(0, 120) + "...";
  return out;
}

bool is_identifier(std::string_view s) {
  return !s.empty() && !(s[0] >= '0' && s[0] <= '9') && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

/// How a recognised call reads a variable: where the name and the default are.
struct CallShape {
  std::string via;
  std::size_t name_pos = 0;
  std::string_view name_keyword;
  /// Position of a positional default (npos: keyword only).
  std::size_t default_pos = std::string_view::npos;
  std::string_view default_keyword = "default";
  /// The variable read when no name is given (django-environ `env.db()` reads DATABASE_URL).
  std::string_view implicit_name;
  /// Unset with no default stops the program.
  bool required_without_default = true;
};

constexpr std::size_t npos = std::string_view::npos;

EnvPlace place_at(std::string path, std::uint32_t line, std::string how, bool has_value) {
  EnvPlace p;
  p.path = std::move(path);
  p.line = line;
  p.how = std::move(how);
  p.has_value = has_value;
  return p;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

/// django-environ's Env methods: where their default sits and which variable the URL readers default to.
std::optional<CallShape> django_environ_method(std::string_view method) {
  static const std::map<std::string_view, std::pair<std::size_t, std::string_view>, std::less<>> kMethods = {
      {"str", {1, ""}},
      {"bool", {1, ""}},
      {"int", {1, ""}},
      {"float", {1, ""}},
      {"json", {1, ""}},
      {"url", {1, ""}},
      {"path", {1, ""}},
      {"bytes", {1, ""}},
      {"list", {npos, ""}},
      {"tuple", {npos, ""}},
      {"dict", {npos, ""}},
      {"parse_value", {npos, ""}},
      {"db_url", {1, "DATABASE_URL"}},
      {"db", {1, "DATABASE_URL"}},
      {"cache_url", {1, "CACHE_URL"}},
      {"cache", {1, "CACHE_URL"}},
      {"email_url", {1, "EMAIL_URL"}},
      {"email", {1, "EMAIL_URL"}},
      {"search_url", {1, "SEARCH_URL"}},
      {"channels_url", {1, "CHANNELS_URL"}},
      {"channels", {1, "CHANNELS_URL"}}};
  const auto it = kMethods.find(method);
  if (it == kMethods.end()) return std::nullopt;
  CallShape s{"django-environ", 0, "var", it->second.first, "default", it->second.second, true};
  return s;
}

std::optional<CallShape> shape_of(std::string_view callee) {
  if (callee == "os.getenv" || callee == "os.environ.get" || callee == "os.getenvb") {
    return CallShape{std::string(callee), 0, "key", 1, "default", {}, false};
  }
  if (callee == "os.environ.setdefault") return CallShape{"os.environ.setdefault", 0, "key", 1, "default", {}, false};
  if (callee == "environ.Env()") return CallShape{"django-environ", 0, "var", npos, "default", {}, true};
  if (callee.starts_with("environ.Env().")) return django_environ_method(callee.substr(14));
  if (callee == "decouple.config" || callee == "decouple.AutoConfig()" || callee == "decouple.Config()") {
    return CallShape{"decouple", 0, "option", 1, "default", {}, true};
  }
  // URL helpers that read one variable by default: dj-database-url, dj-email-url, django-cache-url.
  if (callee == "dj_database_url.config")
    return CallShape{"dj-database-url", npos, "env", 0, "default", "DATABASE_URL", false};
  if (callee == "dj_email_url.config") return CallShape{"dj-email-url", npos, "env", 0, "default", "EMAIL_URL", false};
  if (callee == "django_cache_url.config")
    return CallShape{"django-cache-url", npos, "env", 0, "default", "CACHE_URL", false};
  if (callee == "starlette.config.Config()") return CallShape{"starlette", 0, "key", npos, "default", {}, true};
  return std::nullopt;
}

constexpr std::array<std::string_view, 6> kSettingsBases = {
    "pydantic_settings.BaseSettings", "pydantic_settings.main.BaseSettings",
    "pydantic.BaseSettings",          "pydantic.env_settings.BaseSettings",
    "pydantic.v1.BaseSettings",       "pydantic.v1.env_settings.BaseSettings"};

struct SettingsClass {
  const facts::Module* module = nullptr;
  const facts::SettingsClass* config = nullptr;
  std::vector<std::string> bases;  // canonical
  std::vector<const facts::SettingsField*> fields;
};

/// A repository function that reads the variable its parameter names (`def get_bool_from_env(name, default)`).
struct Wrapper {
  std::size_t param = 0;
  bool required = false;
  /// The parameter passed on as the read's default (`os.environ.get(name, default)`), its name, and whether the
  /// def gives it a default of its own: `get_int_from_env("X", 5)` reads X with the default 5.
  std::optional<std::size_t> default_param;
  std::string default_name;
  bool default_param_has_default = false;
};

class TableBuilder {
public:
  explicit TableBuilder(const model::Project& project) : project_(project) {}

  EnvTable build() {
    find_reader_globals();
    find_wrappers();
    for (const auto& m : project_.modules) {
      const auto context = code_context(m);
      read_calls(m, context);
      read_accesses(m, context);
    }
    read_settings_classes();
    places();
    EnvTable table;
    table.dynamic = std::move(dynamic_);
    table.loads = std::move(loads_);
    table.dynaconf = std::move(dynaconf_);
    table.templates = std::move(templates_);
    table.ci_services = std::move(ci_services_);
    table.code_loads_env = !table.loads.empty() || decouple_;
    for (auto& [name, var] : vars_) {
      var.name = name;
      var.secret = core::is_secret_key(name);
      std::sort(var.reads.begin(), var.reads.end(), [](const EnvRead& a, const EnvRead& b) {
        return std::tie(a.path, a.line, a.column, a.via) < std::tie(b.path, b.line, b.column, b.via);
      });
      for (const auto& r : var.reads) {
        if (r.context == "app") {
          var.app = true;
          var.required = var.required || r.required;
        }
      }
      table.vars.push_back(std::move(var));
    }
    return table;
  }

private:
  std::string canonical(const std::string& callee) const {
    return callee.empty() || !project_.index ? callee : project_.index->canonical(callee);
  }

  /// The callee's last name (`os.environ.get` -> `get`, `environ.Env()` -> `Env`).
  static std::string_view last_name(std::string_view callee) {
    while (callee.ends_with("()")) callee.remove_suffix(2);
    const auto dot = callee.rfind('.');
    return dot == std::string_view::npos ? callee : callee.substr(dot + 1);
  }

  /// Resolving every call across modules is the expensive part: only calls whose last name some env reader, loader
  /// or wrapper has are resolved (`env("X")` on an `environ.Env()` instance ends in `env`, kept through `()`).
  bool worth_resolving(const facts::Call& call) const {
    static const std::unordered_set<std::string_view> kNames = {
        "getenv",    "getenvb",     "get",           "setdefault",   "Env",      "str",         "bool",
        "int",       "float",       "json",          "url",          "path",     "bytes",       "list",
        "tuple",     "dict",        "parse_value",   "db_url",       "db",       "cache_url",   "cache",
        "email_url", "email",       "search_url",    "channels_url", "channels", "config",      "AutoConfig",
        "Config",    "load_dotenv", "dotenv_values", "read_env",     "Dynaconf", "LazySettings"};
    const std::string_view callee = call.callee;
    if (callee.empty() || callee.starts_with("builtins.")) return false;
    // An instance called directly (`env("X")`, `config("X")`): the callee ends in `()`.
    if (callee.ends_with("()")) return true;
    const auto last = last_name(callee);
    if (kNames.contains(last) || wrapper_names_.contains(last)) return true;
    // A reader imported from another module (`from app.settings import env`; `env("X")`, `env.str("X")`).
    if (reader_globals_.empty()) return false;
    const auto dot = callee.rfind('.');
    return reader_globals_.contains(callee) ||
           (dot != std::string_view::npos && reader_globals_.contains(callee.substr(0, dot)));
  }

  /// Module-level names bound to an env reader (`env = environ.Env()`, `config = Config(".env")`), fully qualified.
  void find_reader_globals() {
    for (const auto& m : project_.modules) {
      for (const auto& g : m.globals) {
        const auto& t = g.target;
        if (t.starts_with("os.environ") || t.starts_with("os.getenv") || t.starts_with("environ.Env") ||
            t.starts_with("decouple.") || t.starts_with("starlette.config.Config") ||
            t.starts_with("dj_database_url") || t.starts_with("dotenv.")) {
          reader_globals_.insert(m.name + "." + g.name);
        }
      }
    }
  }

  void add_read(EnvRead r) {
    if (r.name.empty()) {
      dynamic_.push_back(std::move(r));
      return;
    }
    auto& v = vars_[r.name];
    v.reads.push_back(std::move(r));
  }

  /// Functions whose env read takes its name from one of their parameters.
  void find_wrappers() {
    for (const auto& m : project_.modules) {
      const auto param_of = [&](int fn, std::string_view arg) -> std::optional<std::size_t> {
        if (fn < 0) return std::nullopt;
        const auto& f = m.functions[static_cast<std::size_t>(fn)];
        for (std::size_t i = 0; i < f.parameters.size(); ++i) {
          if (f.parameters[i].name == arg) return i;
        }
        return std::nullopt;
      };
      for (const auto& call : m.calls) {
        // A wrapper passes a name it was given: the first argument is an identifier, not a literal.
        if (call.function < 0 || call.args.empty() ||
            !(std::isalpha(static_cast<unsigned char>(call.args[0])) != 0 || call.args[0] == '_') ||
            !worth_resolving(call)) {
          continue;
        }
        const auto shape = shape_of(canonical(call.callee));
        if (!shape) continue;
        const Args args(call.args);
        const auto name = args.at(shape->name_pos, shape->name_keyword);
        if (!is_identifier(name)) continue;
        if (const auto p = param_of(call.function, name)) {
          const auto def = args.at(shape->default_pos, shape->default_keyword);
          const bool has_default = !def.empty();
          Wrapper w{*p, shape->required_without_default && !has_default && !call.conditional, {}, {}, false};
          // The default passed on as it is (`default`) or converted (`str(default)`).
          auto passed = def;
          if (const auto open = passed.find('(');
              open != std::string_view::npos && passed.ends_with(")") && is_identifier(passed.substr(0, open)))
            passed = util::trim(passed.substr(open + 1, passed.size() - open - 2));
          if (const auto dp = is_identifier(passed) ? param_of(call.function, passed) : std::nullopt) {
            const auto& f = m.functions[static_cast<std::size_t>(call.function)];
            w.default_param = *dp;
            w.default_name = f.parameters[*dp].name;
            w.default_param_has_default = f.parameters[*dp].has_default;
          }
          wrappers_[m.functions[static_cast<std::size_t>(call.function)].qualname] = std::move(w);
          wrapped_calls_.insert(&call);
        }
      }
      for (const auto& a : m.records.env_accesses) {
        if (a.parameter < 0 || a.function < 0 || a.mode == facts::EnvAccess::Mode::set) continue;
        auto& w = wrappers_[m.functions[static_cast<std::size_t>(a.function)].qualname];
        w.param = static_cast<std::size_t>(a.parameter);
        w.required = w.required || (a.mode == facts::EnvAccess::Mode::read && !a.conditional);
      }
    }
    for (const auto& [qualname, w] : wrappers_) wrapper_names_.insert(std::string(last_name(qualname)));
    // Methods: the call does not pass `self`.
    for (auto& [qualname, w] : wrappers_) {
      if (const auto ref = project_.index ? project_.index->function(qualname) : std::nullopt) {
        const auto& f = ref->function();
        if (f.is_method && w.param > 0 &&
            std::find(f.decorators.begin(), f.decorators.end(), "builtins.staticmethod") == f.decorators.end()) {
          --w.param;
          if (w.default_param && *w.default_param > 0) --*w.default_param;
        }
      }
    }
  }

  void read_calls(const facts::Module& m, const std::string& context) {
    // django-environ schemes: Env(DEBUG=(bool, False)) gives DEBUG a default for every env("DEBUG") in the module.
    std::set<std::string, std::less<>> scheme_defaults;
    std::vector<std::string> resolved(m.calls.size());
    for (std::size_t i = 0; i < m.calls.size(); ++i) {
      if (worth_resolving(m.calls[i])) resolved[i] = canonical(m.calls[i].callee);
    }
    for (std::size_t i = 0; i < m.calls.size(); ++i) {
      const auto& call = m.calls[i];
      const auto& callee = resolved[i];
      if (callee == "environ.Env") {
        for (auto a : Args(call.args).all) {
          const auto eq = a.find('=');
          if (eq == std::string_view::npos) continue;
          const auto value = util::trim(a.substr(eq + 1));
          if (value.starts_with("(") && util::split_arguments(value.substr(1, value.size() - 2)).size() >= 2) {
            scheme_defaults.insert(std::string(util::trim(a.substr(0, eq))));
          }
        }
      }
    }
    for (std::size_t i = 0; i < m.calls.size(); ++i) {
      const auto& call = m.calls[i];
      const auto& callee = resolved[i];
      if (callee.empty()) continue;
      const Args args(call.args);
      if (callee == "dotenv.load_dotenv" || callee == "dotenv.dotenv_values" || callee == "environ.Env.read_env" ||
          callee == "starlette.config.Config") {
        const auto file = args.at(0, callee == "environ.Env.read_env"      ? "env_file"
                                     : callee == "starlette.config.Config" ? "env_file"
                                                                           : "dotenv_path");
        loads_.push_back({file.empty() ? std::string(".env (default)") : util::string_literal(file).value_or(cut(file)),
                          m.path, call.location.line, callee});
        continue;
      }
      if (callee == "dynaconf.Dynaconf" || callee == "dynaconf.LazySettings") {
        const auto prefix = args.keyword("envvar_prefix");
        dynaconf_.push_back(
            {prefix.empty() ? std::string("DYNACONF") : util::string_literal(prefix).value_or(cut(prefix)), m.path,
             call.location.line, callee});
        continue;
      }
      if (wrapped_calls_.contains(&call)) continue;
      EnvRead r;
      r.path = m.path;
      r.line = call.location.line;
      r.column = call.location.column;
      r.context = context;
      if (const auto shape = shape_of(callee)) {
        const auto name = args.at(shape->name_pos, shape->name_keyword);
        const auto def = args.at(shape->default_pos, shape->default_keyword);
        r.via = shape->via;
        if (shape->via == "decouple") decouple_ = true;
        if (!shape->implicit_name.empty() && (name.empty() || name.ends_with(".DEFAULT_ENV"))) {
          r.name = std::string(shape->implicit_name);
        } else if (auto lit = util::string_literal(name)) {
          r.name = *lit;
        } else {
          if (name.empty()) continue;
          r.expr = cut(name);
        }
        r.has_default = !def.empty() || (shape->via == "django-environ" && scheme_defaults.contains(r.name));
        if (!def.empty()) r.default_value = cut(def);
        r.required = shape->required_without_default && !r.has_default;
        add_read(std::move(r));
        continue;
      }
      const auto w = wrappers_.find(callee);
      if (w == wrappers_.end()) continue;
      const auto name = args.at(w->second.param, {});
      r.via = callee;
      if (auto lit = util::string_literal(name)) {
        r.name = *lit;
      } else if (!name.empty()) {
        r.expr = cut(name);
      } else {
        continue;
      }
      r.required = w->second.required;
      r.has_default = !r.required;
      if (const auto& dp = w->second.default_param) {
        // The caller's default (`get_int_from_env("X", 5)`), else the helper's own parameter default.
        const auto def = args.at(*dp, w->second.default_name);
        if (!def.empty()) {
          r.default_value = cut(def);
          r.has_default = true;
          r.required = false;
        } else if (w->second.default_param_has_default) {
          r.has_default = true;
          r.required = false;
        }
      }
      add_read(std::move(r));
    }
  }

  void read_accesses(const facts::Module& m, const std::string& context) {
    using Mode = facts::EnvAccess::Mode;
    for (const auto& a : m.records.env_accesses) {
      if (a.parameter >= 0) continue;  // inside a wrapper: its callers' names are the reads
      const std::string name = a.name.value_or(std::string{});
      if (a.mode == Mode::set || a.mode == Mode::remove) {
        if (!name.empty())
          code_sets_[name].push_back(place_at(m.path, a.location.line, "set in code (" + context + ")", true));
        continue;
      }
      EnvRead r;
      r.name = name;
      r.expr = a.expr;
      r.via = a.mode == Mode::check ? "in os.environ" : "os.environ[]";
      r.path = m.path;
      r.line = a.location.line;
      r.column = a.location.column;
      r.context = context;
      r.has_default = a.mode == Mode::check;
      r.required = a.mode == Mode::read && !a.conditional;
      add_read(std::move(r));
    }
  }

  bool is_settings(const std::string& cls, int depth = 0) const {
    const auto it = classes_.find(cls);
    if (it == classes_.end() || depth > 16) return false;
    for (const auto& b : it->second.bases) {
      if (std::find(kSettingsBases.begin(), kSettingsBases.end(), b) != kSettingsBases.end() ||
          is_settings(b, depth + 1))
        return true;
    }
    return false;
  }

  bool is_pydantic_v1(const std::string& cls, int depth = 0) const {
    const auto it = classes_.find(cls);
    if (it == classes_.end() || depth > 16) return false;
    for (const auto& b : it->second.bases) {
      if (b.starts_with("pydantic.") && !b.starts_with("pydantic_settings")) return b != "pydantic.BaseModel";
      if (is_pydantic_v1(b, depth + 1)) return true;
    }
    return false;
  }

  void read_settings_classes() {
    for (const auto& m : project_.modules) {
      const auto qualname = [&](int klass) -> const std::string& {
        return m.classes[static_cast<std::size_t>(klass)].qualname;
      };
      for (const auto& k : m.records.settings_classes) {
        auto& c = classes_[qualname(k.klass)];
        c.module = &m;
        c.config = &k;
        for (const auto& b : k.bases) c.bases.push_back(canonical(b));
      }
      for (const auto& f : m.records.settings_fields) classes_[qualname(f.klass)].fields.push_back(&f);
    }
    std::set<std::string> subclassed;
    for (const auto& [name, c] : classes_) {
      for (const auto& b : c.bases) subclassed.insert(b);
    }
    for (const auto& [name, c] : classes_) {
      if (c.module == nullptr || subclassed.contains(name) || !is_settings(name)) continue;
      // The class, then its bases depth first: the first definition of a field and of a config key wins.
      std::vector<const SettingsClass*> mro;
      std::function<void(const std::string&, int)> visit = [&](const std::string& q, int depth) {
        const auto it = classes_.find(q);
        if (it == classes_.end() || depth > 16 || it->second.module == nullptr) return;
        if (std::find(mro.begin(), mro.end(), &it->second) != mro.end()) return;
        mro.push_back(&it->second);
        for (const auto& b : it->second.bases) visit(b, depth + 1);
      };
      visit(name, 0);
      const auto config = [&](std::string facts::SettingsClass::*key) -> std::string {
        for (const auto* k : mro) {
          if (const auto& v = k->config->*key; !v.empty()) return v;
        }
        return {};
      };
      auto prefix = config(&facts::SettingsClass::env_prefix);
      if (auto lit = util::string_literal(prefix)) prefix = *lit;
      bool case_sensitive = false;
      for (const auto* k : mro) {
        if (k->config->case_sensitive) {
          case_sensitive = *k->config->case_sensitive;
          break;
        }
      }
      const bool v1 = is_pydantic_v1(name);
      if (const auto env_file = config(&facts::SettingsClass::env_file); !env_file.empty()) {
        loads_.push_back({env_file, c.module->path, c.config->location.line, "pydantic env_file"});
      }
      std::set<std::string> seen;
      for (const auto* k : mro) {
        for (const auto* f : k->fields) {
          if (!seen.insert(f->name).second) continue;
          EnvRead r;
          r.name = f->aliases.empty() ? prefix + f->name : f->aliases.front();
          if (!case_sensitive) r.name = upper(r.name);
          r.via = "pydantic";
          r.path = k->module->path;
          r.line = f->location.line;
          r.column = f->location.column;
          r.context = code_context(*k->module);
          r.has_default = f->has_default;
          const auto& ann = f->annotation;
          // pydantic v1 gives Optional fields a None default; v2 does not.
          if (v1 && (ann.find("Optional[") != std::string::npos || ann.find("None") != std::string::npos))
            r.has_default = true;
          r.default_value = cut(f->default_value);
          r.required = !r.has_default;
          add_read(std::move(r));
        }
      }
    }
  }

  void place(const std::string& name, EnvPlace p, bool set) {
    (set ? set_places_ : doc_places_)[name].push_back(std::move(p));
  }

  void places() {
    for (const auto& f : project_.files) {
      if (f.kind == core::FileKind::env) env_file(f.path);
      if (f.kind == core::FileKind::docs) docs(f.path);
      if (f.kind == core::FileKind::compose) compose(f.path);
      if (f.kind == core::FileKind::dockerfile) dockerfile(f.path);
      if (f.kind == core::FileKind::ci) ci(f.path);
    }
    for (auto& [name, v] : vars_) {
      const auto key = name;
      for (auto* src : {&doc_places_, &set_places_, &code_sets_}) {
        auto it = src->find(key);
        auto& dest = src == &doc_places_ ? v.documented_in : v.set_in;
        if (it != src->end()) {
          dest.insert(dest.end(), it->second.begin(), it->second.end());
          continue;
        }
        // A nested settings model is set through `NAME__FIELD` keys (pydantic's env_nested_delimiter).
        const auto nested = key + "__";
        for (auto n = src->lower_bound(nested); n != src->end() && n->first.starts_with(nested); ++n) {
          dest.insert(dest.end(), n->second.begin(), n->second.end());
        }
      }
    }
  }

  void env_file(const std::string& path) {
    const auto* env = project_.inputs().env_file(path);
    if (env == nullptr) return;
    const bool tmpl = is_env_template(path);
    if (tmpl) templates_.push_back(path);
    for (const auto& e : env->entries) {
      place(e.key,
            {path, e.line, tmpl ? ".env template" : ".env file", !e.empty,
             !e.empty && core::is_placeholder_value(e.value), url_endpoint(e.value)},
            !tmpl);
    }
  }

  void docs(const std::string& path) {
    const auto text = project_.inputs().text(path);
    if (!text) return;
    std::set<std::string, std::less<>> seen;
    std::uint32_t line = 1;
    const auto& s = *text;
    for (std::size_t i = 0; i < s.size();) {
      const char c = s[i];
      if (c == '\n') {
        ++line;
        ++i;
        continue;
      }
      const auto word_char = [](char x) {
        return (x >= 'A' && x <= 'Z') || (x >= 'a' && x <= 'z') || (x >= '0' && x <= '9') || x == '_';
      };
      if (!word_char(c)) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && word_char(s[j])) ++j;
      const std::string_view word(s.data() + i, j - i);
      i = j;
      if (word.size() < 2 || vars_.find(word) == vars_.end() || seen.contains(word)) continue;
      seen.insert(std::string(word));
      place(std::string(word), place_at(path, line, "docs", false), false);
    }
  }

  void compose(const std::string& path) {
    const auto* file = project_.inputs().compose(path);
    if (file == nullptr) return;
    for (const auto& svc : file->services) {
      for (const auto& e : svc.environment) {
        place(e.key,
              place_at(e.file.empty() ? path : e.file, e.line, "compose environment (" + svc.name + ")",
                       e.value.has_value()),
              true);
      }
    }
  }

  void dockerfile(const std::string& path) {
    const auto* parsed = project_.inputs().dockerfile(path);
    if (parsed == nullptr) return;
    const auto& df = *parsed;
    const auto arg = [&](const parse::DockerInstruction& ins) {
      for (auto part : util::split(ins.arguments, ' ')) {
        part = util::trim(part);
        if (part.empty()) continue;
        const auto name = part.substr(0, part.find('='));
        place(std::string(name), place_at(path, ins.line, "Dockerfile ARG", part.find('=') != std::string_view::npos),
              false);
      }
    };
    for (const auto& ins : df.global_args) arg(ins);
    for (const auto& stage : df.stages) {
      for (const auto& ins : stage.instructions) {
        if (ins.keyword == "ARG") arg(ins);
        if (ins.keyword != "ENV") continue;
        for (const auto& [k, v] : parse::split_key_values(ins.arguments))
          place(k, place_at(path, ins.line, "Dockerfile ENV", true), true);
      }
    }
  }

  void ci(const std::string& path) {
    if (!path.ends_with(".yml") && !path.ends_with(".yaml")) return;
    // A CI file that does not parse is reported by the file checks; here it documents nothing.
    const auto* wf = project_.inputs().workflow(path);
    if (wf == nullptr) return;
    const auto env_map = [&](const std::vector<parse::WorkflowEnv>& env) {
      for (const auto& e : env) place(e.key, place_at(path, e.line, "CI env", true), true);
    };
    const auto services = [&](const std::vector<parse::WorkflowService>& list) {
      for (const auto& s : list) {
        env_map(s.env);
        if (!s.image.empty()) ci_services_.push_back(place_at(path, s.image_line, s.image, false));
      }
    };
    env_map(wf->env);
    services(wf->services);
    for (const auto& job : wf->jobs) {
      env_map(job.env);
      env_map(job.container_env);
      services(job.services);
      for (const auto& step : job.steps) env_map(step.env);
    }
  }

  const model::Project& project_;
  std::unordered_map<std::string, Wrapper> wrappers_;
  std::set<std::string, std::less<>> wrapper_names_;
  std::set<std::string, std::less<>> reader_globals_;
  std::set<const facts::Call*> wrapped_calls_;
  std::map<std::string, SettingsClass> classes_;
  std::map<std::string, EnvVar, std::less<>> vars_;
  std::map<std::string, std::vector<EnvPlace>> doc_places_, set_places_, code_sets_;
  std::vector<EnvRead> dynamic_;
  std::vector<EnvFileLoad> loads_, dynaconf_;
  std::vector<std::string> templates_;
  std::vector<EnvPlace> ci_services_;
  bool decouple_ = false;
};

}  // namespace

std::string url_endpoint(std::string_view value) {
  value = util::trim(value);
  const auto scheme_end = value.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return {};
  const auto scheme = value.substr(0, scheme_end);
  if (!std::all_of(scheme.begin(), scheme.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
      })) {
    return {};
  }
  auto rest = value.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  if (rest.empty() || rest.find('$') != std::string_view::npos) return {};
  return std::string(scheme) + "://" + std::string(rest);
}

std::string code_context(const facts::Module& module) {
  switch (module.role) {
    case core::CodeRole::application:
    case core::CodeRole::generated: return "app";  // generated code runs in the service
    case core::CodeRole::test: return "tests";
    case core::CodeRole::script: return "scripts";
    case core::CodeRole::migration: return "migrations";
    case core::CodeRole::tooling:
    case core::CodeRole::template_:
    case core::CodeRole::vendored:
    case core::CodeRole::example: return "tooling";
  }
  return "app";
}

bool is_env_template(std::string_view path) {
  const auto name = util::to_lower(basename(path));
  for (std::string_view marker : {"example", "sample", "template", "dist", "tmpl", "defaults"}) {
    for (auto part : util::split(name, '.')) {
      if (part == marker) return true;
    }
  }
  return false;
}

const EnvTable& build_env_table(const Project& project) {
  return project.derived().env_table.get(
      [&] { return std::make_shared<const EnvTable>(TableBuilder(project).build()); });
}

}  // namespace onramp::model
