#include "onramp/checks/local_setup/local_setup_inventory.hpp"

#include "onramp/checks/local_setup/env_table.hpp"
#include "onramp/core/secret_keys.hpp"
#include "onramp/util/secrets.hpp"

namespace onramp::checks::local_setup {

namespace {

using json = nlohmann::ordered_json;

json places(const std::vector<EnvPlace>& list) {
  json out = json::array();
  for (const auto& p : list) out.push_back({{"path", p.path}, {"line", p.line}, {"how", p.how}});
  return out;
}

json env_vars(const EnvTable& table) {
  json out = json::array();
  for (const auto& v : table.vars) {
    json row = {{"name", v.name}, {"required", v.required}, {"secret", v.secret}};
    // The default the application code falls back to (never for a secret key).
    for (const auto& r : v.reads) {
      if (r.context == "app" && r.has_default && !r.default_value.empty()) {
        if (!v.secret) row["default"] = util::mask_url_credentials(r.default_value);
        break;
      }
    }
    if (!v.app) row["only_in"] = v.reads.front().context;
    json reads = json::array();
    for (const auto& r : v.reads) {
      json rr = {{"path", r.path}, {"line", r.line}, {"via", r.via}};
      if (r.context != "app") rr["in"] = r.context;
      reads.push_back(std::move(rr));
    }
    row["read_in"] = std::move(reads);
    row["documented_in"] = places(v.documented_in);
    row["set_in"] = places(v.set_in);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

void LocalSetupInventory::collect(const core::Project& project, nlohmann::ordered_json& facts) const {
  const auto table = build_env_table(project);
  facts["env_vars"] = env_vars(table);
  json dynamic = json::array();
  for (const auto& r : table.dynamic) dynamic.push_back({{"path", r.path}, {"line", r.line}, {"via", r.via}, {"expression", r.expr}});
  facts["env_vars_dynamic"] = std::move(dynamic);
  json files = json::array();
  for (const auto& t : table.templates) files.push_back({{"path", t}, {"kind", "template"}});
  for (const auto& l : table.loads) files.push_back({{"path", l.path}, {"line", l.line}, {"kind", "loaded"}, {"file", l.file}, {"via", l.via}});
  facts["env_files"] = std::move(files);
  if (!table.dynaconf.empty()) {
    json d = json::array();
    for (const auto& l : table.dynaconf) {
      d.push_back({{"path", l.path}, {"line", l.line}, {"envvar_prefix", l.file},
                   {"note", "variables " + l.file + "_<SETTING> override Dynaconf settings; onramp does not list them"}});
    }
    facts["dynaconf"] = std::move(d);
  }
}

}  // namespace onramp::checks::local_setup
