#pragma once
#include <optional>
#include <string>
#include <vector>

#include "onramp/checks/check.hpp"

namespace onramp::checks::local_setup {

/// Records what only the syntax tells about environment variables: `os.environ[...]` reads, writes and membership
/// tests, and pydantic BaseSettings classes with their fields and config. Produces no findings; env-reading calls
/// (os.getenv, django-environ, decouple, starlette, Dynaconf) are read from the resolved calls by the inventory.
class EnvReadsCollector final : public Check {
public:
  std::vector<std::string_view> node_types() const override { return {"subscript", "comparison_operator", "class_definition"}; }
  void begin_file(FileContext& ctx) override;
  void enter(TSNode node, FileContext& ctx) override;
  void check_module(FileContext& ctx) override;

private:
  /// `R[key]` or `key in R` with R a dotted name, resolved after the walk.
  struct Access {
    std::string receiver;
    std::optional<std::string> key;  // the literal name, if it is one
    std::string key_text;            // as written
    std::string mode;                // read, set, delete, check
    bool conditional = false;
    core::Location location;
    core::Location function;  // the enclosing def (line 0: module or class level)
  };
  /// A class body's settings-relevant notes, kept when its bases turn out to be settings classes.
  struct ClassNotes {
    std::size_t class_index = 0;
    std::vector<facts::Note> notes;
  };
  std::vector<Access> accesses_;
  std::vector<ClassNotes> classes_;
};

}  // namespace onramp::checks::local_setup
