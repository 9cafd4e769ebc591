#include "onramp/report/report.hpp"

#include "onramp/util/jsonc.hpp"
#include "onramp/util/strings.hpp"

namespace onramp::report {

void make_printable(engine::Analysis& analysis) {
  auto& project = analysis.project;
  project.display_root = util::printable(project.display_root);
  for (auto& r : project.roots) r = util::printable(r);
  for (auto& p : project.problems) {
    p.path = util::printable(p.path);
    p.message = util::printable(p.message);
  }
  for (auto& f : analysis.findings) {
    f.path = util::printable(f.path);
    f.message = util::printable(f.message);
    f.symbol = util::printable(f.symbol);
    for (auto& c : f.chain) c = util::printable(c);
  }
  for (auto& facts : analysis.step_facts) util::transform_strings(facts, util::printable, /*keys=*/true);
}

}  // namespace onramp::report
