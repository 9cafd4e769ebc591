#include "onramp/checks/stack/versions.hpp"

#include <algorithm>

#include "onramp/util/strings.hpp"

namespace onramp::checks::stack {

std::optional<Release> parse_release(std::string_view v) {
  v = util::trim(v);
  if (!v.empty() && (v.front() == 'v' || v.front() == 'V')) v.remove_prefix(1);
  if (const auto bang = v.find('!'); bang != std::string_view::npos) v = v.substr(bang + 1);  // epoch
  Release out;
  std::size_t i = 0;
  while (i < v.size()) {
    if (v[i] < '0' || v[i] > '9') break;
    int n = 0;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') {
      n = n * 10 + (v[i] - '0');
      if (n > 1000000) n = 1000000;
      ++i;
    }
    out.push_back(n);
    if (i < v.size() && v[i] == '.' && i + 1 < v.size() && v[i + 1] >= '0' && v[i + 1] <= '9') ++i;
    else break;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

int compare(const Release& a, const Release& b) {
  const auto n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int x = i < a.size() ? a[i] : 0;
    const int y = i < b.size() ? b[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

namespace {

/// The upper bound of a caret or tilde: bump the first non-zero part (caret) or the minor part (tilde).
Release bump(const Release& r, std::size_t index) {
  Release out(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(std::min(index + 1, r.size())));
  while (out.size() < index + 1) out.push_back(0);
  ++out[index];
  return out;
}

}  // namespace

Specifier Specifier::parse(std::string_view text) {
  Specifier s;
  std::string spaced;
  // Poetry allows `>=1.2 <2.0`; PEP 440 uses commas. Treat a space after a version as a separator.
  for (auto part : util::split(text, ',')) {
    std::string cur(util::trim(part));
    std::string clause;
    for (std::size_t i = 0; i < cur.size(); ++i) {
      const char c = cur[i];
      if (c == ' ') {
        if (clause.find_first_of("0123456789*") != std::string::npos) {
          spaced += clause + ",";
          clause.clear();
        }
        continue;
      }
      clause += c;
    }
    if (!clause.empty()) spaced += clause + ",";
  }
  for (auto raw : util::split(spaced, ',')) {
    auto c = util::trim(raw);
    if (c.empty() || c == "*") continue;
    Clause cl;
    for (const char* op : {"===", "==", "!=", "<=", ">=", "~=", "<", ">", "^", "~", "="}) {
      if (c.substr(0, std::string_view(op).size()) == op) {
        cl.op = op;
        break;
      }
    }
    auto v = util::trim(c.substr(cl.op.size()));
    if (cl.op.empty() || cl.op == "=") cl.op = "==";
    if (v.ends_with(".*")) {
      cl.wildcard = true;
      v.remove_suffix(2);
    } else if (v == "*") {
      continue;
    }
    auto r = parse_release(v);
    if (!r) continue;
    if (cl.op == "^" || cl.op == "~") {
      std::size_t idx = 0;
      if (cl.op == "^") {
        while (idx + 1 < r->size() && (*r)[idx] == 0) ++idx;
      } else {
        idx = r->size() >= 2 ? 1 : 0;
      }
      s.clauses_.push_back({">=", *r, false});
      s.clauses_.push_back({"<", bump(*r, idx), false});
      continue;
    }
    cl.release = std::move(*r);
    s.clauses_.push_back(std::move(cl));
  }
  return s;
}

bool Specifier::contains(const Release& v) const {
  for (const auto& c : clauses_) {
    const int cmp = compare(v, c.release);
    bool ok = true;
    if (c.op == "==" || c.op == "===") {
      if (c.wildcard) {
        for (std::size_t i = 0; i < c.release.size(); ++i) ok = ok && (i < v.size() ? v[i] : 0) == c.release[i];
      } else {
        ok = cmp == 0;
      }
    } else if (c.op == "!=") {
      ok = cmp != 0;
    } else if (c.op == "<") {
      ok = cmp < 0;
    } else if (c.op == "<=") {
      ok = cmp <= 0;
    } else if (c.op == ">") {
      ok = cmp > 0;
    } else if (c.op == ">=") {
      ok = cmp >= 0;
    } else if (c.op == "~=") {
      // ~=2.2 means >=2.2,==2.*; ~=1.4.5 means >=1.4.5,==1.4.*
      ok = cmp >= 0;
      const auto prefix = c.release.size() > 1 ? c.release.size() - 1 : 1;
      for (std::size_t i = 0; i < prefix; ++i) ok = ok && (i < v.size() ? v[i] : 0) == c.release[i];
    }
    if (!ok) return false;
  }
  return true;
}

std::optional<Release> Specifier::lowest() const {
  std::optional<Release> best;
  for (const auto& c : clauses_) {
    if (c.op == "==" || c.op == "===" || c.op == ">=" || c.op == ">" || c.op == "~=") {
      if (!best || compare(c.release, *best) > 0) best = c.release;
    }
  }
  return best;
}

bool Specifier::has_upper_bound() const {
  return std::any_of(clauses_.begin(), clauses_.end(), [](const Clause& c) {
    return c.op == "<" || c.op == "<=" || c.op == "~=" || c.op == "==" || c.op == "===";
  });
}

}  // namespace onramp::checks::stack
