#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include "onramp/core/embedded_rules.hpp"
#include "onramp/core/knowledge.hpp"

TEST_SUITE("core::knowledge") {
  TEST_CASE("core::knowledge files parse") {
    for (const auto& file : onramp::core::embedded_rule_files()) {
      if (!onramp::core::is_knowledge_file(file.path)) continue;
      CAPTURE(std::string(file.path));
      try {
        const auto doc = YAML::Load(std::string(file.text));
        CHECK(doc.IsMap());
      } catch (const YAML::Exception& e) {
        FAIL(e.what());
      }
    }
  }

  TEST_CASE("core::knowledge of an unknown name is a null node") {
    CHECK(onramp::core::knowledge("no-such-knowledge-base").IsNull());
    CHECK(onramp::core::is_knowledge_file("rules/knowledge/packages.yaml"));
    CHECK_FALSE(onramp::core::is_knowledge_file("rules/stack/unused-dependency.yaml"));
  }
}
