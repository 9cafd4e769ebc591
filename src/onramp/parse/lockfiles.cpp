// Lockfiles: which versions a resolver chose. TOML ones with toml++, Pipfile.lock with nlohmann-json.
#include "onramp/util/toml.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

#include "onramp/parse/documents.hpp"
#include "onramp/parse/manifests.hpp"
#include "onramp/util/paths.hpp"

namespace onramp::parse {

namespace {

void read_toml_lock(const parse::TomlDocument& parsed, Lockfile& out, std::vector<core::Problem>& problems,
                    const char* packages_key) {
  if (parsed.error) {
    const auto& err = *parsed.error;
    const auto& b = err.source().begin;
    problems.push_back({out.path, "broken-manifest", static_cast<std::uint32_t>(b.line),
                        std::string(err.description()) + " (line " + std::to_string(b.line) + ", column " +
                            std::to_string(b.column) + ")"});
    return;
  }
  const toml::table& doc = parsed.table;
  if (const auto* arr = doc[packages_key].as_array()) {
    for (const auto& p : *arr) {
      const auto* t = p.as_table();
      if (t == nullptr) continue;
      const auto* name = t->get_as<std::string>("name");
      const auto* version = t->get_as<std::string>("version");
      if (name == nullptr) continue;
      const auto norm = normalize_package_name(name->get());
      out.versions[norm] = version != nullptr ? version->get() : "";
      auto& deps = out.dependencies[norm];
      const auto edge = [](const toml::node& n) -> std::string {
        if (const auto* s = n.as_string()) return parse_requirement(s->get()).name;  // pdm: "name>=1"
        const auto* et = n.as_table();
        if (et == nullptr) return {};
        const auto* dn = et->get_as<std::string>("name");
        if (dn == nullptr) return {};
        std::string e = normalize_package_name(dn->get());
        if (const auto* ex = et->get_as<toml::array>("extra"); ex != nullptr && !ex->empty()) {
          if (const auto* x = (*ex)[0].as_string()) e += "[" + normalize_package_name(x->get()) + "]";
        }
        return e;
      };
      if (const auto* list = t->get_as<toml::array>("dependencies")) {
        for (const auto& d : *list) {
          if (auto e = edge(d); !e.empty()) deps.push_back(std::move(e));
        }
      } else if (const auto* tab = t->get_as<toml::table>("dependencies")) {
        for (const auto& [k, _] : *tab) deps.push_back(normalize_package_name(k.str()));  // poetry: name = "spec"
      }
      if (const auto* opt = t->get_as<toml::table>("optional-dependencies")) {
        for (const auto& [extra, list] : *opt) {
          auto& target = out.extras[norm][normalize_package_name(extra.str())];
          if (const auto* a = list.as_array()) {
            for (const auto& d : *a) {
              if (auto e = edge(d); !e.empty()) target.push_back(std::move(e));
            }
          }
        }
      }
      if (const auto* ex = t->get_as<toml::table>("extras")) {  // poetry: extra = ["name (>=1)"]
        for (const auto& [extra, list] : *ex) {
          auto& target = out.extras[norm][normalize_package_name(extra.str())];
          if (const auto* a = list.as_array()) {
            for (const auto& d : *a) {
              if (const auto* s = d.as_string()) {
                if (auto n = parse_requirement(s->get()).name; !n.empty()) target.push_back(std::move(n));
              }
            }
          }
        }
      }
      if (const auto* dev = t->get_as<toml::table>("dev-dependencies")) {  // uv: a workspace member's groups
        for (const auto& [group, list] : *dev) {
          (void)group;
          if (const auto* a = list.as_array()) {
            for (const auto& d : *a) {
              if (auto e = edge(d); !e.empty()) out.groups[norm].push_back(std::move(e));
            }
          }
        }
      }
    }
  }
  // uv.lock and pylock.toml: requires-python; poetry.lock: [metadata] python-versions; pdm.lock: [metadata] requires_python
  for (const toml::node* rp : {doc["requires-python"].node(), doc["metadata"]["python-versions"].node(),
                               doc["metadata"]["requires_python"].node()}) {
    if (rp != nullptr && rp->is_string() && out.requires_python.empty()) {
      out.requires_python = rp->as_string()->get();
      out.requires_python_line = static_cast<std::uint32_t>(rp->source().begin.line);
    }
  }
}

void read_pipfile_lock(std::string_view text, Lockfile& out, std::vector<core::Problem>& problems) {
  const auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    // nlohmann's non-throwing parse gives no position: find it with the throwing one, caught here
    std::string message = "not a JSON object";
    std::uint32_t line = 0;
    try {
      const auto reparsed = nlohmann::json::parse(text);
      message = reparsed.is_object() ? message : "not a JSON object";
    } catch (const nlohmann::json::parse_error& e) {
      message = e.what();
      const auto upto = text.substr(0, std::min(text.size(), e.byte));
      line = static_cast<std::uint32_t>(std::count(upto.begin(), upto.end(), '\n') + 1);
    }
    problems.push_back({out.path, "broken-manifest", line, message});
    return;
  }
  for (const char* section : {"default", "develop"}) {
    const auto it = doc.find(section);
    if (it == doc.end() || !it->is_object()) continue;
    for (const auto& [name, body] : it->items()) {
      std::string version;
      if (body.is_object() && body.contains("version") && body["version"].is_string())
        version = body["version"].get<std::string>();
      if (version.rfind("==", 0) == 0) version = version.substr(2);
      out.versions[normalize_package_name(name)] = version;
    }
  }
  if (doc.contains("_meta") && doc["_meta"].is_object()) {
    const auto& meta = doc["_meta"];
    if (meta.contains("requires") && meta["requires"].is_object() && meta["requires"].contains("python_version") &&
        meta["requires"]["python_version"].is_string()) {
      out.requires_python = meta["requires"]["python_version"].get<std::string>();
    }
  }
}

}  // namespace

bool is_toml_lockfile(std::string_view path) {
  const auto name = util::base_name(path);
  return name == "uv.lock" || name == "poetry.lock" || name == "pdm.lock" ||
         (name.starts_with("pylock.") && name.ends_with(".toml"));
}

Lockfile read_lockfile(std::string_view text, const std::string& path, std::vector<core::Problem>& problems) {
  return read_lockfile(text, nullptr, path, problems);
}

Lockfile read_lockfile(std::string_view text, const parse::TomlDocument* toml, const std::string& path,
                       std::vector<core::Problem>& problems) {
  Lockfile out;
  out.path = path;
  const auto name = util::base_name(path);
  std::optional<parse::TomlDocument> own;
  if (toml == nullptr && is_toml_lockfile(path)) toml = &own.emplace(parse::parse_toml(text, path));
  if (name == "uv.lock") {
    out.tool = "uv";
    read_toml_lock(*toml, out, problems, "package");
  } else if (name == "poetry.lock") {
    out.tool = "poetry";
    read_toml_lock(*toml, out, problems, "package");
  } else if (name == "pdm.lock") {
    out.tool = "pdm";
    read_toml_lock(*toml, out, problems, "package");
  } else if (name == "pylock.toml" || (name.starts_with("pylock.") && name.ends_with(".toml"))) {
    out.tool = "pylock";
    read_toml_lock(*toml, out, problems, "packages");
  } else if (name == "Pipfile.lock") {
    out.tool = "pipenv";
    read_pipfile_lock(text, out, problems);
  }
  return out;
}

}  // namespace onramp::parse
