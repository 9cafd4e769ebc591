#pragma once
// Just enough PEP 440 (and Poetry's `^`/`~`) to place a declared or locked version on a major line.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onramp::checks::stack {

/// The release part of a version (`2.0.30` -> {2, 0, 30}); pre/post/dev suffixes are dropped.
using Release = std::vector<int>;

std::optional<Release> parse_release(std::string_view version);
/// Compares releases as PEP 440 does (missing parts are zero).
int compare(const Release& a, const Release& b);

/// A specifier set: every clause must hold. Poetry `^1.4`, `~1.4` and a bare `1.4` are turned into PEP 440 clauses.
class Specifier {
public:
  static Specifier parse(std::string_view text);
  bool contains(const Release& v) const;
  /// The lowest release the set admits when it states one (`>=1.4`, `==2.0.1`, `^1.4`); nullopt otherwise.
  std::optional<Release> lowest() const;
  bool has_upper_bound() const;
  bool empty() const { return clauses_.empty(); }

private:
  struct Clause {
    std::string op;  // ==, !=, <, <=, >, >=, ~=, ===
    Release release;
    bool wildcard = false;
  };
  std::vector<Clause> clauses_;
};

}  // namespace onramp::checks::stack
