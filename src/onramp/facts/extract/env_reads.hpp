#pragma once
#include <optional>
#include <string>
#include <vector>

#include "onramp/facts/extract/extractor.hpp"
#include "onramp/facts/file_context.hpp"

namespace onramp::facts::extract {

/// Records what only the syntax tells about environment variables: `os.environ[...]` reads, writes and membership
/// tests, and pydantic BaseSettings classes with their fields and config. env-reading calls
/// (os.getenv, django-environ, decouple, starlette, Dynaconf) are read from the resolved calls by the inventory.
class EnvReadsExtractor final : public Extractor {
public:
  std::vector<std::string_view> node_types() const override {
    return {"subscript", "comparison_operator", "class_definition"};
  }
  void begin_file(FileContext& ctx) override;
  void enter(TSNode node, FileContext& ctx) override;
  void finish(FileContext& ctx) override;

private:
  /// `R[key]` or `key in R` with R a dotted name, resolved after the walk.
  struct Access {
    std::string receiver;
    std::optional<std::string> key;  // the literal name, if it is one
    std::string key_text;            // as written
    EnvAccess::Mode mode = EnvAccess::Mode::read;
    bool conditional = false;
    core::Location location;
    core::Location function;  // the enclosing def (line 0: module or class level)
  };
  /// A class body's settings configuration and fields, kept when its bases turn out to be settings classes.
  struct PendingClass {
    SettingsClass config;
    std::vector<SettingsField> fields;
  };
  std::vector<Access> accesses_;
  std::vector<PendingClass> classes_;
};

}  // namespace onramp::facts::extract
