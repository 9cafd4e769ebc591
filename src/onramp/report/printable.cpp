#include "onramp/report/report.hpp"

#include <algorithm>

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
  // Facts nest; walked with a stack, not recursion. Keys are rebuilt only when one needs escaping.
  std::vector<nlohmann::ordered_json*> todo;
  for (auto& facts : analysis.step_facts) todo.push_back(&facts);
  while (!todo.empty()) {
    auto* j = todo.back();
    todo.pop_back();
    if (j->is_string()) {
      auto& s = j->get_ref<std::string&>();
      s = util::printable(s);
    } else if (j->is_object()) {
      const bool keys_clean = std::all_of(j->items().begin(), j->items().end(),
                                          [](const auto& kv) { return util::printable(kv.key()) == kv.key(); });
      if (!keys_clean) {
        nlohmann::ordered_json rebuilt = nlohmann::ordered_json::object();
        for (auto& [key, value] : j->items()) rebuilt[util::printable(key)] = std::move(value);
        *j = std::move(rebuilt);
      }
      for (auto& [key, value] : j->items()) todo.push_back(&value);
    } else if (j->is_array()) {
      for (auto& child : *j) todo.push_back(&child);
    }
  }
}

}  // namespace onramp::report
