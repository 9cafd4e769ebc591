#pragma once
// The interface every check implements; the registry lists them explicitly.
#include <memory>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "onramp/checks/context.hpp"
#include "onramp/core/project.hpp"
#include "onramp/parse/walker.hpp"

namespace onramp::checks {

/// A check: may watch nodes during the walk, then reads the module's resolved facts, then the whole project.
/// One instance per worker thread, so per-file state may live in members (reset in begin_file).
class Check : public parse::NodeVisitor {
public:
  /// Node types wanted during the walk; most checks need none and work on facts.
  std::vector<std::string_view> node_types() const override { return {}; }
  void enter(TSNode /*node*/, FileContext& /*ctx*/) override {}
  virtual void begin_file(FileContext& /*ctx*/) {}
  /// After the walk, with names resolved: per-file findings.
  virtual void check_module(FileContext& /*ctx*/) {}
  /// Once, after every file: cross-file findings go to `out`.
  virtual void check_project(const core::Project& /*project*/, const core::RuleSet& /*rules*/,
                             std::vector<core::Finding>& /*out*/) const {}
};

/// Builds a step's inventory (its `facts` object) from the project model; knows nothing of output formats.
class Inventory {
public:
  virtual ~Inventory() = default;
  virtual std::string_view step_key() const = 0;
  virtual void collect(const core::Project& project, nlohmann::ordered_json& facts) const = 0;
};

/// A fresh set of every check, in registry order (one set per worker thread).
std::vector<std::unique_ptr<Check>> make_checks();
/// Every inventory, in registry order.
std::vector<std::unique_ptr<Inventory>> make_inventories();

}  // namespace onramp::checks
