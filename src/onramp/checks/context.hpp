#pragma once
// What a check sees of the file being analysed, and where it reports.
#include <span>
#include <string>
#include <vector>

#include <tree_sitter/api.h>

#include "onramp/core/finding.hpp"
#include "onramp/core/config.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/facts/module.hpp"
#include "onramp/parse/source.hpp"

namespace onramp::parse {
class Walker;
}

namespace onramp::checks {

/// The one way a call appears in messages: as written, with the name it resolved to when that says more
/// (`` `st()` (pdb.set_trace) ``; `` `open()` ``, not `builtins.open()`).
std::string show_call(std::string_view written, std::string_view resolved);

/// Per-file state shared by the fact collector and the checks during one walk and after it.
struct FileContext {
  const parse::SourceText& source;
  facts::Module& module;
  const core::RuleSet& rules;
  const core::Config& config;
  const parse::Walker* walker = nullptr;
  std::vector<core::Finding> findings;
  /// The file's syntax tree, for checks that run tree-sitter queries after the walk.
  const TSTree* tree = nullptr;

  /// The nodes above the one being visited (valid only during the walk).
  std::span<const TSNode> ancestors() const;
  /// Records a finding for `rule` (looked up by id; unknown ids are a programming error caught by tests).
  /// `symbol` names the definition it belongs to (see core::Finding::symbol).
  void report(std::string_view rule_id, core::Location location, std::string message, std::string code,
              std::string symbol = {});
};

}  // namespace onramp::checks
