#pragma once
// The interface every check implements; the registry lists them explicitly.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "onramp/checks/context.hpp"
#include "onramp/facts/walker.hpp"
#include "onramp/model/project.hpp"

namespace onramp::checks {

/// A check: may watch nodes during the walk, then reads the module's resolved facts, then the whole project.
/// One instance per worker thread, so per-file state may live in members (reset in begin_file).
class Check : public facts::NodeVisitor {
public:
  /// The rule ids this check implements: every finding it reports has one of them. Empty for a check that only
  /// gathers facts. When the team's select/ignore turns all of them off, check_module and check_project do not run
  /// (the walk hooks still do: they gather facts that inventories read), so those two hooks only decide findings.
  virtual std::vector<std::string> rule_ids(const core::RuleSet& /*rules*/) const { return declared_ids_; }
  /// Set by the registry, which names each check's rules beside it.
  void declare(std::vector<std::string> ids) { declared_ids_ = std::move(ids); }
  /// Node types wanted during the walk; most checks need none and work on facts.
  std::vector<std::string_view> node_types() const override { return {}; }
  void enter(TSNode /*node*/, FileContext& /*ctx*/) override {}
  virtual void begin_file(FileContext& /*ctx*/) {}
  /// After the walk, with names resolved: per-file findings.
  virtual void check_module(FileContext& /*ctx*/) {}
  /// Once, after every file: cross-file findings go to `out`.
  virtual void check_project(const model::Project& /*project*/, const core::RuleSet& /*rules*/,
                             std::vector<core::Finding>& /*out*/) const {}

private:
  std::vector<std::string> declared_ids_;
};

/// Builds a step's inventory (its `facts` object) from the project model; knows nothing of output formats.
class Inventory {
public:
  virtual ~Inventory() = default;
  virtual std::string_view step_key() const = 0;
  virtual void collect(const model::Project& project, nlohmann::ordered_json& facts) const = 0;
};

/// A fresh set of every check, in registry order (one set per worker thread), each with its rule ids declared.
std::vector<std::unique_ptr<Check>> make_checks();
/// Rule ids implemented outside the checks, by the pipeline itself (check/unused-suppression).
std::vector<std::string> pipeline_rule_ids();
/// True if the check has work to do under `config`: it declares no rule (it gathers facts) or one that is on.
bool check_runs(const Check& check, const core::RuleSet& rules, const core::Config& config);
/// Every inventory, in registry order.
std::vector<std::unique_ptr<Inventory>> make_inventories();

}  // namespace onramp::checks
