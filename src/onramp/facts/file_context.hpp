#pragma once
// What the fact collector and the checks see of the file being walked, and where checks report.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <tree_sitter/api.h>

#include "onramp/core/config.hpp"
#include "onramp/core/finding.hpp"
#include "onramp/core/rules.hpp"
#include "onramp/facts/module.hpp"
#include "onramp/parse/source.hpp"

namespace onramp::facts {

class Walker;

/// Per-file state shared by the fact collector and the checks during one walk and after it.
struct FileContext {
  const parse::SourceText& source;
  Module& module;
  const core::RuleSet& rules;
  const core::Config& config;
  const Walker* walker = nullptr;
  std::vector<core::Finding> findings;
  /// The file's syntax tree, for checks that run tree-sitter queries after the walk.
  const TSTree* tree = nullptr;
  /// Set by a check that stopped at a work limit on this file (what was not done); the pipeline lists it as a
  /// too-complex problem row, so that a partial analysis is never silent.
  std::optional<std::string> incomplete = std::nullopt;

  /// The nodes above the one being visited (valid only during the walk).
  std::span<const TSNode> ancestors() const;
  /// Records a finding for `rule` (looked up by id; unknown ids are a programming error caught by tests).
  /// `symbol` names the definition it belongs to (see core::Finding::symbol).
  void report(std::string_view rule_id, core::Location location, std::string message, std::string code,
              std::string symbol = {});
};

}  // namespace onramp::facts
