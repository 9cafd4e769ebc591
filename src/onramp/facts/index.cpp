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
    for (std::size_t i = 0; i < m.functions.size(); ++i) functions_.emplace(m.functions[i].qualname, FunctionRef{&m, static_cast<int>(i)});
    for (std::size_t i = 0; i < m.calls.size(); ++i) {
      const auto& c = m.calls[i];
      if (c.function >= 0 && !c.in_lambda) per_function[static_cast<std::size_t>(c.function)].push_back(static_cast<int>(i));
    }
    for (const auto& g : m.globals) {
      const std::string key = m.name.empty() ? g.name : m.name + "." + g.name;
      if (g.target != key) globals_.emplace(key, g.target);
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

}  // namespace onramp::facts
