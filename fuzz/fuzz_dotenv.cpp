// .env files.
#include "fuzz_support.hpp"
#include "onramp/parse/dotenv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)onramp::parse::read_env_file(onramp::fuzz::as_text(data, size));
  return 0;
}
