#pragma once
#include <ostream>

namespace onramp::cli {

/// The whole command line: parses arguments, runs, prints. The only place exceptions are caught.
/// Returns the process exit code: 0 fine, 1 findings at or above --fail-on (check mode), 2 usage or input error.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace onramp::cli
