// requirements.txt lines, PEP 508 specifiers and version specs.
#include "fuzz_support.hpp"
#include "onramp/parse/manifests.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = onramp::fuzz::as_text(data, size);
  const auto deps = onramp::parse::read_requirements(text, "requirements.txt");
  for (const auto& d : deps) onramp::fuzz::require(d.name == onramp::parse::normalize_package_name(d.name));
  (void)onramp::parse::parse_requirement(text.substr(0, text.find('\n')));
  (void)onramp::parse::interpret_spec(text.substr(0, 256));
  return 0;
}
