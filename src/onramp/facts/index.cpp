#include "onramp/facts/index.hpp"

namespace onramp::facts {

namespace {
constexpr int kMaxRewrites = 8;
const std::vector<int> kNoCalls;
}  // namespace

ProjectIndex::ProjectIndex(const std::vector<Module>& modules) {
  for (const auto& m : modules) {
    modules_.emplace(m.name, &m);
    auto& per_function = calls_by_function_[&m];
    per_function.resize(m.functions.size());
    for (std::size_t i = 0; i < m.functions.size(); ++i)
      functions_.emplace(m.functions[i].qualname, FunctionRef{&m, static_cast<int>(i)});
    for (std::size_t i = 0; i < m.calls.size(); ++i) {
      const auto& c = m.calls[i];
      if (c.function >= 0 && !c.in_lambda)
        per_function[static_cast<std::size_t>(c.function)].push_back(static_cast<int>(i));
    }
    for (const auto& g : m.globals) {
      const std::string key = m.name.empty() ? g.name : m.name + "." + g.name;
      if (g.target != key && globals_.emplace(key, g.target).second) global_heads_.insert(key.substr(0, key.find('.')));
    }
  }
}

const Module* ProjectIndex::module(std::string_view name) const {
  const auto it = modules_.find(std::string(name));
  return it == modules_.end() ? nullptr : it->second;
}

std::optional<FunctionRef> ProjectIndex::function(std::string_view qualname) const {
  const auto it = functions_.find(std::string(canonical(qualname)));
  if (it == functions_.end()) return std::nullopt;
  return it->second;
}

std::string ProjectIndex::canonical(std::string_view qualname) const {
  std::string name(qualname);
  // Most names (builtins, libraries, `self.x`) start outside every module-level name of the repository.
  if (!global_heads_.contains(name.substr(0, name.find_first_of(".(")))) return name;
  for (int step = 0; step < kMaxRewrites; ++step) {
    // The longest dotted prefix that is a known module-level name wins.
    bool rewritten = false;
    // The longest prefix that ends before a `.` or a `(` (`app.db.SessionLocal().query`) and is a known name.
    for (std::size_t end = name.size(); end != std::string::npos && end > 0; end = name.find_last_of(".(", end - 1)) {
      const auto it = globals_.find(name.substr(0, end));
      if (it != globals_.end()) {
        name = it->second + name.substr(end);
        rewritten = true;
        break;
      }
    }
    if (!rewritten) break;
  }
  return name;
}

const std::vector<int>& ProjectIndex::calls_of(const FunctionRef& fn) const {
  const auto it = calls_by_function_.find(fn.module);
  if (it == calls_by_function_.end() || fn.index < 0) return kNoCalls;
  return it->second[static_cast<std::size_t>(fn.index)];
}

bool ProjectIndex::derives_from(std::string_view qualname, std::string_view base) const {
  std::vector<std::string> todo{std::string(qualname)};
  std::unordered_set<std::string> seen;
  // Only classes of the repository: a name that is not one is not a subclass here, whatever it is called.
  if (!class_bases_.contains(todo.front())) return false;
  while (!todo.empty()) {
    auto cur = std::move(todo.back());
    todo.pop_back();
    if (cur == base) return true;
    if (!seen.insert(cur).second || seen.size() > 32) continue;
    if (const auto it = class_bases_.find(cur); it != class_bases_.end())
      todo.insert(todo.end(), it->second.begin(), it->second.end());
  }
  return false;
}

std::shared_ptr<const ProjectIndex> index_project(std::vector<Module>& modules) {
  auto index = std::make_shared<ProjectIndex>(modules);
  const auto canonical = [&](const std::string& name) { return name.empty() ? name : index->canonical(name); };
  for (auto& m : modules) {
    for (auto& call : m.calls) {
      auto canon = canonical(call.callee);
      if (canon != call.callee) call.canonical = std::move(canon);
    }
    for (auto& fn : m.functions) {
      fn.canonical_decorators.clear();
      for (const auto& d : fn.decorators) fn.canonical_decorators.push_back(canonical(d));
    }
    for (auto& c : m.classes) {
      c.canonical_bases.clear();
      for (const auto& b : c.bases) c.canonical_bases.push_back(canonical(b));
      index->class_bases_[c.qualname] = c.canonical_bases;
    }
  }
  return index;
}

}  // namespace onramp::facts
