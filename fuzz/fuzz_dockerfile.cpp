// Dockerfiles: instructions, continuations, heredocs, shell words, key=value arguments.
#include "fuzz_support.hpp"
#include "onramp/parse/dockerfile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = onramp::fuzz::as_text(data, size);
  const auto file = onramp::parse::read_dockerfile(text);
  for (const auto& stage : file.stages) {
    for (const auto& ins : stage.instructions) {
      (void)onramp::parse::shell_words(ins.arguments);
      (void)onramp::parse::parse_key_values(ins.arguments);
    }
  }
  return 0;
}
