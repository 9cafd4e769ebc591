// .gitignore patterns against paths: the first line of the input is the path, the rest the .gitignore.
#include <string>

#include "fuzz_support.hpp"
#include "onramp/scan/gitignore.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = onramp::fuzz::as_text(data, size);
  const auto nl = text.find('\n');
  const auto path = text.substr(0, nl == std::string_view::npos ? text.size() : nl);
  const auto patterns = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  const auto file = onramp::scan::IgnoreFile::parse(patterns, "sub");
  (void)file.match(path, false);
  (void)file.match(path, true);
  (void)onramp::scan::wildmatch(patterns.substr(0, patterns.find('\n')), path);
  return 0;
}
