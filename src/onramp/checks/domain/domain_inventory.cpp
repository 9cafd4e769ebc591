#include "onramp/checks/domain/domain_inventory.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "onramp/checks/database/schema.hpp"
#include "onramp/facts/index.hpp"

namespace onramp::checks::domain {

using json = nlohmann::ordered_json;

namespace {

/// Related models shown per entity.
constexpr std::size_t kMaxRelated = 8;

struct Touch {
  std::set<std::string> related;
  std::set<const facts::Module*> modules;
  std::set<std::pair<const facts::Module*, int>> functions;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// The model a qualified name belongs to: the model itself or one of its attributes (`app.models.User.objects.get`).
const database::Model* owner(const std::unordered_map<std::string, const database::Model*>& models,
                             std::string_view name) {
  for (std::size_t guard = 0; guard < 8 && !name.empty(); ++guard) {
    if (const auto it = models.find(std::string(name)); it != models.end()) return it->second;
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos) break;
    name = name.substr(0, dot);
  }
  return nullptr;
}

}  // namespace

void DomainInventory::collect(const model::Project& project, json& facts) const {
  const auto& schema = database::build_schema(project);
  std::unordered_map<std::string, const database::Model*> by_qualname;
  for (const auto& m : schema.models) by_qualname.emplace(m.qualname, &m);
  std::map<const database::Model*, Touch> touch;
  // Relations count both ways: the model holding the foreign key and the model it points to.
  const auto relate = [&](const database::Model& from, const std::string& to) {
    const auto it = by_qualname.find(to);
    if (it == by_qualname.end() || it->second == &from) return;
    touch[&from].related.insert(it->second->name);
    touch[it->second].related.insert(from.name);
  };
  for (const auto& m : schema.models) {
    for (const auto& fk : m.foreign_keys) relate(m, fk.model);
    for (const auto& r : m.relationships) relate(m, r.model);
  }
  const auto canonical = [&](const std::string& name) { return project.index ? project.index->canonical(name) : name; };
  for (const auto& mod : project.modules) {
    if (mod.role != core::CodeRole::application) continue;
    // A package's __init__ that re-exports a model passes it on rather than using it.
    for (const auto& imp : mod.imports) {
      if (mod.is_package_init) break;
      const auto* m = imp.target.empty() ? nullptr : owner(by_qualname, canonical(imp.target));
      if (m != nullptr && m->module != &mod) touch[m].modules.insert(&mod);
    }
    for (const auto& call : mod.calls) {
      const auto* m = call.resolved().empty() ? nullptr : owner(by_qualname, call.resolved());
      if (m == nullptr) continue;
      if (m->module != &mod) touch[m].modules.insert(&mod);
      if (call.function >= 0) touch[m].functions.emplace(&mod, call.function);
    }
  }
  struct Ranked {
    const database::Model* model;
    std::size_t score;
  };
  std::vector<Ranked> ranked;
  for (const auto& m : schema.models) {
    if (m.abstract) continue;
    const auto& t = touch[&m];
    ranked.push_back({&m, t.related.size() + t.modules.size() + t.functions.size()});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.model->qualname < b.model->qualname;
  });
  json entities = json::array();
  for (const auto& [m, score] : ranked) {
    const auto& t = touch[m];
    std::vector<std::string> related(t.related.begin(), t.related.end());
    if (related.size() > kMaxRelated) related.resize(kMaxRelated);
    entities.push_back({{"name", m->name},
                        {"qualname", m->qualname},
                        {"file", m->file},
                        {"line", m->line},
                        {"orm", m->orm},
                        {"score", score},
                        {"related", related},
                        {"related_models", t.related.size()},
                        {"modules", t.modules.size()},
                        {"functions", t.functions.size()},
                        {"docstring", m->docstring}});
  }
  facts["entities"] = std::move(entities);

  // The glossary: every model or enum whose docstring says what it is, by term.
  struct Term {
    std::string term, kind, qualname, file, definition;
    std::uint32_t line;
  };
  std::vector<Term> terms;
  std::size_t undocumented = 0;
  for (const auto& m : schema.models) {
    if (m.docstring.empty()) {
      ++undocumented;
      continue;
    }
    terms.push_back({m.name, "model", m.qualname, m.file, m.docstring, m.line});
  }
  for (const auto& e : schema.enums) {
    if (e.docstring.empty()) {
      ++undocumented;
      continue;
    }
    terms.push_back({e.name, "enum", e.qualname, e.file, e.docstring, e.line});
  }
  std::stable_sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
    const auto la = lower(a.term), lb = lower(b.term);
    return la != lb ? la < lb : a.qualname < b.qualname;
  });
  json glossary = json::array();
  for (const auto& t : terms) {
    glossary.push_back({{"name", t.term},
                        {"kind", t.kind},
                        {"definition", t.definition},
                        {"qualname", t.qualname},
                        {"file", t.file},
                        {"line", t.line}});
  }
  facts["glossary"] = std::move(glossary);
  if (undocumented > 0) facts["undocumented_terms"] = undocumented;
  json enums = json::array();
  for (const auto& e : schema.enums) {
    enums.push_back(
        {{"name", e.name}, {"qualname", e.qualname}, {"file", e.file}, {"line", e.line}, {"members", e.members}});
  }
  if (!enums.empty()) facts["enums"] = std::move(enums);
}

}  // namespace onramp::checks::domain
