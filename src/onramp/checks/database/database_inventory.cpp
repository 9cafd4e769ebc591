#include "onramp/checks/database/database_inventory.hpp"

#include <map>

#include "onramp/checks/database/schema.hpp"
#include "onramp/checks/local-setup/migrations.hpp"

namespace onramp::checks::database {

using json = nlohmann::ordered_json;

json models_json(const Schema& schema) {
  json out = json::array();
  for (const auto& m : schema.models) {
    json fields = json::array();
    for (const auto& f : m.fields) {
      fields.push_back({{"name", f.name},
                        {"type", f.type},
                        {"primary_key", f.primary_key},
                        {"nullable", f.nullable},
                        {"unique", f.unique}});
    }
    json keys = json::array();
    for (const auto& k : m.foreign_keys) {
      keys.push_back({{"field", k.field},
                      {"target", k.target},
                      {"model", k.model.empty() ? json(nullptr) : json(k.model)},
                      {"table", k.table},
                      {"on_delete", k.on_delete},
                      {"line", k.line}});
    }
    json relations = json::array();
    for (const auto& r : m.relationships) {
      relations.push_back({{"name", r.name},
                           {"target", r.target},
                           {"model", r.model.empty() ? json(nullptr) : json(r.model)},
                           {"kind", r.kind}});
    }
    json many = json::array();
    for (const auto& r : m.many_to_many) {
      many.push_back({{"field", r.field},
                      {"target", r.target},
                      {"model", r.model.empty() ? json(nullptr) : json(r.model)},
                      {"through", r.through}});
    }
    json row = {{"name", m.name}, {"qualname", m.qualname}, {"file", m.file},        {"line", m.line},
                {"orm", m.orm},   {"table", m.table},       {"abstract", m.abstract}};
    if (m.orm == "django") {
      row["app_label"] = m.app_label;
      row["proxy"] = m.proxy;
    }
    row["fields"] = std::move(fields);
    row["foreign_keys"] = std::move(keys);
    row["relationships"] = std::move(relations);
    row["many_to_many"] = std::move(many);
    out.push_back(std::move(row));
  }
  return out;
}

void DatabaseInventory::collect(const model::Project& project, json& facts) const {
  const auto& schema = build_schema(project);
  const auto sets = local_setup::find_migrations(project);
  // Mapped models per ORM (abstract classes and proxies map no table of their own).
  std::map<std::string, std::size_t> per_orm;
  std::size_t abstract = 0;
  for (const auto& m : schema.models) {
    if (m.abstract || m.proxy) {
      ++abstract;
    } else {
      ++per_orm[m.orm];
    }
  }
  json orms = json::object();
  for (const auto& [orm, n] : per_orm) orms[orm] = n;
  if (abstract > 0) orms["abstract_or_proxy"] = abstract;
  if (!orms.empty()) facts["orms"] = std::move(orms);
  facts["models"] = models_json(schema);
  json tables = json::array();
  for (const auto& t : schema.tables) {
    tables.push_back({{"name", t.name}, {"file", t.file}, {"line", t.line}, {"references", t.references}});
  }
  if (!tables.empty()) facts["tables"] = std::move(tables);
  json migrations = json::array();
  for (const auto& s : sets) {
    json row = {{"tool", s.tool}};
    if (s.tool == "django") {
      json apps = json::array();
      for (const auto& a : s.apps)
        apps.push_back({{"app", a.path}, {"migrations", a.migrations}, {"latest", a.latest}});
      row["revisions"] = s.revisions;
      row["apps"] = std::move(apps);
    } else {
      row["directory"] = s.directory;
      row["revisions"] = s.revisions;
      if (s.tool == "alembic" || s.tool == "flask-migrate") {
        row["heads"] = s.heads;
        row["branch_points"] = s.branch_points;
      }
    }
    migrations.push_back(std::move(row));
  }
  facts["migrations"] = std::move(migrations);
}

}  // namespace onramp::checks::database
