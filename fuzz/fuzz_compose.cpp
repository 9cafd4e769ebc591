// compose files (YAML with anchors, merge keys and extends) and CI workflows, read from one YAML text.
#include <map>
#include <string>

#include "fuzz_support.hpp"
#include "onramp/parse/compose.hpp"
#include "onramp/parse/documents.hpp"
#include "onramp/parse/workflow.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto doc = onramp::parse::parse_yaml(onramp::fuzz::as_text(data, size));
  // `extends: {file: other.yaml}` loads the same text again: chains across files are exercised too.
  const auto load = [&](std::string_view) -> const onramp::parse::YamlDocument* { return &doc; };
  (void)onramp::parse::read_compose(load, "compose.yaml");
  (void)onramp::parse::read_workflow(doc, ".github/workflows/ci.yml");
  (void)onramp::parse::read_workflow(doc, ".gitlab-ci.yml");
  return 0;
}
