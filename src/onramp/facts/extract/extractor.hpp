#pragma once
// Walk-time extractors: each records domain facts (facts/records.hpp) during the one walk of a file, beside the
// Collector, and reports nothing. The check registry holds only what reports findings.
#include <memory>
#include <string_view>
#include <vector>

#include "onramp/facts/walker.hpp"

namespace onramp::facts::extract {

/// One extractor: watches nodes during the walk, may finish after names are resolved. One instance per worker
/// thread, so per-file state may live in members (reset in begin_file).
class Extractor : public facts::NodeVisitor {
public:
  std::vector<std::string_view> node_types() const override { return {}; }
  void enter(TSNode /*node*/, FileContext& /*ctx*/) override {}
  virtual void begin_file(FileContext& /*ctx*/) {}
  /// After the walk, with names resolved, before any check reads the module.
  virtual void finish(FileContext& /*ctx*/) {}
};

/// A fresh set of every extractor (one set per worker thread).
std::vector<std::unique_ptr<Extractor>> make_extractors();

}  // namespace onramp::facts::extract
