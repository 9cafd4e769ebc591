#pragma once
// A project-wide index over the modules' facts: what cross-file analysis uses instead of trees.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "onramp/facts/module.hpp"

namespace onramp::facts {

class ProjectIndex;
std::shared_ptr<const ProjectIndex> index_project(std::vector<Module>& modules);

/// Where a function of this repository is defined.
struct FunctionRef {
  const Module* module = nullptr;
  int index = -1;
  const Function& function() const { return module->functions[static_cast<std::size_t>(index)]; }
};

/// Looks up modules, functions and module-level names by qualified name, across files.
class ProjectIndex {
public:
  explicit ProjectIndex(const std::vector<Module>& modules);
  const Module* module(std::string_view name) const;
  /// The repository function with this qualified name (`app.services.users.load`), if any.
  std::optional<FunctionRef> function(std::string_view qualname) const;
  /// Rewrites a qualified name through other modules' imports and module-level values, so that
  /// `app.log.logger.info` becomes `logging.getLogger().info` and `app.services.load` (a re-export)
  /// becomes `app.services.users.load`. Bounded, so cycles of re-exports end.
  std::string canonical(std::string_view qualname) const;
  /// The calls made directly in a function's body (not in nested defs or lambdas).
  const std::vector<int>& calls_of(const FunctionRef& fn) const;
  /// True if `qualname` is a class of this repository that derives from `base` (canonical names), directly or
  /// through other classes of the repository.
  bool derives_from(std::string_view qualname, std::string_view base) const;

private:
  friend std::shared_ptr<const ProjectIndex> index_project(std::vector<Module>& modules);
  /// The names canonical() may rewrite start with one of these (the first dotted part of a module-level name).
  std::unordered_set<std::string> global_heads_;
  /// Every class of the repository with its bases as canonical names.
  std::unordered_map<std::string, std::vector<std::string>> class_bases_;
  std::unordered_map<std::string, const Module*> modules_;
  std::unordered_map<std::string, FunctionRef> functions_;
  std::unordered_map<std::string, std::string> globals_;
  std::unordered_map<const Module*, std::vector<std::vector<int>>> calls_by_function_;
};

/// Indexes the modules once they are all parsed, and stores in them the canonical name of every call, decorator and
/// base (Call::canonical, Function::canonical_decorators, Class::canonical_bases), so that every check matches on
/// the same name: resolution happens here once, not in each check.
std::shared_ptr<const ProjectIndex> index_project(std::vector<Module>& modules);

}  // namespace onramp::facts
