#include "onramp/scan/gitignore.hpp"

#include <cstdint>
#include <unordered_map>
#include <utility>

namespace onramp::scan {

namespace {

// Results of one wildmatch step, as in git: the two abort codes let an outer '*' give up early
// instead of retrying every split point, which is what keeps "*a*a*a*b" from going exponential.
enum class Wild : std::uint8_t { match, no_match, abort_all, abort_to_starstar };

/// The characters git's is_glob_special() knows; anything else can be compared literally.
bool is_glob_special(unsigned char c) { return c == '*' || c == '?' || c == '[' || c == '\\'; }

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
bool is_graph(unsigned char c) { return c >= 0x21 && c <= 0x7e; }

/// Evaluates a POSIX class name the way git does: ASCII only, and git's own isspace() (no \v, \f). -1: unknown class.
int class_matches(std::string_view name, unsigned char c) {
  bool hit = false;
  if (name == "alnum") {
    hit = is_alpha(c) || is_digit(c);
  } else if (name == "alpha") {
    hit = is_alpha(c);
  } else if (name == "blank") {
    hit = c == ' ' || c == '\t';
  } else if (name == "cntrl") {
    hit = c < 0x20 || c == 0x7f;
  } else if (name == "digit") {
    hit = is_digit(c);
  } else if (name == "graph") {
    hit = is_graph(c);
  } else if (name == "lower") {
    hit = is_lower(c);
  } else if (name == "print") {
    hit = c >= 0x20 && c <= 0x7e;
  } else if (name == "punct") {
    hit = is_graph(c) && !is_alpha(c) && !is_digit(c);
  } else if (name == "space") {
    hit = c == ' ' || c == '\t' || c == '\n' || c == '\r';
  } else if (name == "upper") {
    hit = is_upper(c);
  } else if (name == "xdigit") {
    hit = is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  } else {
    return -1;
  }
  return hit ? 1 : 0;
}

/// A transcription of git's dowild() over indices, with every recursive result memoised: the outcome of a
/// sub-match depends only on (pattern index, text index), so no pair is ever solved twice.
class WildMatcher {
public:
  WildMatcher(std::string_view pattern, std::string_view text) : pattern_(pattern), text_(text) {}

  // The top call is never repeated, so it skips the memo: star-free patterns allocate nothing.
  bool matches() { return dowild(0, 0) == Wild::match; }

private:
  // Reading past the end yields NUL, which is how the C original detects the ends of its strings.
  unsigned char pat(std::size_t i) const { return i < pattern_.size() ? static_cast<unsigned char>(pattern_[i]) : 0; }
  unsigned char txt(std::size_t i) const { return i < text_.size() ? static_cast<unsigned char>(text_[i]) : 0; }

  Wild solve(std::size_t p, std::size_t t);
  Wild dowild(std::size_t p, std::size_t t);
  Wild match_class(std::size_t& p, unsigned char t_ch) const;

  // Dense table for ordinary sizes; a map when pattern x text would be too big to allocate up front.
  static constexpr std::size_t dense_limit = std::size_t{1} << 22;
  std::string_view pattern_;
  std::string_view text_;
  std::vector<std::uint8_t> dense_;  // 0 = unknown, else Wild + 1
  std::unordered_map<std::size_t, Wild> sparse_;
};

Wild WildMatcher::solve(std::size_t p, std::size_t t) {
  const std::size_t width = text_.size() + 1;
  const std::size_t cells = (pattern_.size() + 1) * width;
  const std::size_t key = p * width + t;
  if (cells <= dense_limit) {
    if (dense_.empty()) dense_.assign(cells, 0);
    if (dense_[key] != 0) return static_cast<Wild>(dense_[key] - 1);
    const Wild result = dowild(p, t);
    dense_[key] = static_cast<std::uint8_t>(static_cast<std::uint8_t>(result) + 1);
    return result;
  }
  if (const auto it = sparse_.find(key); it != sparse_.end()) return it->second;
  const Wild result = dowild(p, t);
  sparse_.emplace(key, result);
  return result;
}

// `p` points just past the '['; on success it is left on the closing ']'.
Wild WildMatcher::match_class(std::size_t& p, unsigned char t_ch) const {
  unsigned char p_ch = pat(p);
  if (p_ch == '^') p_ch = '!';
  const bool negated = p_ch == '!';
  if (negated) p_ch = pat(++p);
  unsigned char prev_ch = 0;
  bool matched = false;
  // The first character is never the terminator, so "[]a]" and "[!]a]" hold a literal ']'.
  for (;;) {
    if (p_ch == 0) return Wild::abort_all;
    if (p_ch == '\\') {
      p_ch = pat(++p);
      if (p_ch == 0) return Wild::abort_all;
      if (t_ch == p_ch) matched = true;
    } else if (p_ch == '-' && prev_ch != 0 && pat(p + 1) != 0 && pat(p + 1) != ']') {
      p_ch = pat(++p);
      if (p_ch == '\\') {
        p_ch = pat(++p);
        if (p_ch == 0) return Wild::abort_all;
      }
      if (t_ch <= p_ch && t_ch >= prev_ch) matched = true;
      p_ch = 0;  // a range cannot start another range: "[a-e-n]" has a literal '-'
    } else if (p_ch == '[' && pat(p + 1) == ':') {
      const std::size_t name_start = p + 2;
      std::size_t q = name_start;
      while (pat(q) != 0 && pat(q) != ']') ++q;
      if (pat(q) == 0) return Wild::abort_all;
      if (q == name_start || pat(q - 1) != ':') {
        // No ":]" before the next ']': the '[' is just a member of the set.
        p_ch = '[';
        if (t_ch == p_ch) matched = true;
      } else {
        const int hit = class_matches(pattern_.substr(name_start, q - name_start - 1), t_ch);
        if (hit < 0) return Wild::abort_all;
        if (hit == 1) matched = true;
        p = q;
        p_ch = 0;
      }
    } else if (t_ch == p_ch) {
      matched = true;
    }
    prev_ch = p_ch;
    p_ch = pat(++p);
    if (p_ch == ']') break;
  }
  if (matched == negated || t_ch == '/') return Wild::no_match;
  return Wild::match;
}

Wild WildMatcher::dowild(std::size_t p, std::size_t t) {
  const std::size_t pattern_start = p;
  for (; pat(p) != 0; ++t, ++p) {
    unsigned char p_ch = pat(p);
    unsigned char t_ch = txt(t);
    if (t_ch == 0 && p_ch != '*') return Wild::abort_all;
    switch (p_ch) {
      case '\\':
        // A trailing backslash compares NUL against a real character and fails, as in git.
        p_ch = pat(++p);
        [[fallthrough]];
      default:
        if (t_ch != p_ch) return Wild::no_match;
        continue;
      case '?':
        if (t_ch == '/') return Wild::no_match;
        continue;
      case '[': {
        ++p;
        const Wild r = match_class(p, t_ch);
        if (r != Wild::match) return r;
        continue;
      }
      case '*': break;
    }

    bool match_slash = false;
    if (pat(++p) == '*') {
      // Only a "**" that fills a whole path component is special; "a**b" behaves like "a*b".
      const bool starts_component = p - 1 == pattern_start || pat(p - 2) == '/';
      while (pat(++p) == '*') {}
      if (starts_component && (pat(p) == 0 || pat(p) == '/' || (pat(p) == '\\' && pat(p + 1) == '/'))) {
        // "**/" may stand for no directory at all: "a/**/b" matches "a/b".
        if (pat(p) == '/' && solve(p + 1, t) == Wild::match) return Wild::match;
        match_slash = true;
      }
    }
    if (pat(p) == 0) {
      if (!match_slash && text_.find('/', t) != std::string_view::npos) return Wild::abort_to_starstar;
      return Wild::match;
    }
    if (!match_slash && pat(p) == '/') {
      // A lone '*' before '/' must swallow exactly the rest of this component.
      const std::size_t slash = text_.find('/', t);
      if (slash == std::string_view::npos) return Wild::abort_all;
      t = slash;  // the loop's ++t/++p then pairs this '/' with the pattern's '/'
      continue;
    }
    for (;;) {
      if (t_ch == 0) break;
      if (!is_glob_special(pat(p))) {
        // Skip ahead to the literal that must follow the star; a single '*' may not cross '/'.
        p_ch = pat(p);
        while ((t_ch = txt(t)) != 0 && (match_slash || t_ch != '/')) {
          if (t_ch == p_ch) break;
          ++t;
        }
        // No later split point can find the literal either, so tell the outer stars to stop too.
        if (t_ch != p_ch) return match_slash ? Wild::abort_all : Wild::abort_to_starstar;
      }
      const Wild sub = solve(p, t);
      if (sub != Wild::no_match) {
        if (!match_slash || sub != Wild::abort_to_starstar) return sub;
      } else if (!match_slash && t_ch == '/') {
        return Wild::abort_to_starstar;
      }
      t_ch = txt(++t);
    }
    return Wild::abort_all;
  }
  return txt(t) != 0 ? Wild::no_match : Wild::match;
}

/// git reads patterns and paths as C strings: an embedded NUL ends them.
std::string_view up_to_nul(std::string_view s) { return s.substr(0, s.find('\0')); }

/// Length of the leading run without glob specials (git's simple_length()).
std::size_t simple_length(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && !is_glob_special(static_cast<unsigned char>(s[n]))) ++n;
  return n;
}

/// git's trim_trailing_spaces(): only ' ' is trimmed, and a backslash protects the character after it.
std::string_view trim_trailing_spaces(std::string_view line) {
  std::size_t cut = std::string_view::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == ' ') {
      if (cut == std::string_view::npos) cut = i;
      continue;
    }
    if (line[i] == '\\') {
      ++i;
      if (i == line.size()) return line;  // a dangling backslash keeps the spaces before it
    }
    cut = std::string_view::npos;
  }
  return cut == std::string_view::npos ? line : line.substr(0, cut);
}

}  // namespace

bool wildmatch(std::string_view pattern, std::string_view text) {
  WildMatcher matcher(up_to_nul(pattern), up_to_nul(text));
  return matcher.matches();
}

IgnoreFile IgnoreFile::parse(std::string_view text, std::string base_dir) {
  IgnoreFile file;
  while (!base_dir.empty() && base_dir.back() == '/') base_dir.pop_back();
  file.base_dir_ = std::move(base_dir);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t newline = text.find('\n', pos);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    // As in git, the comment test looks at the raw line: " #x" is a pattern, "\#x" matches "#x".
    if (line.empty() || line.front() == '#') continue;
    if (line.back() == '\r') line.remove_suffix(1);
    file.add_line(trim_trailing_spaces(up_to_nul(line)));
  }
  return file;
}

void IgnoreFile::add_line(std::string_view line) {
  Pattern pattern;
  if (!line.empty() && line.front() == '!') {
    pattern.negated = true;
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    pattern.dir_only = true;
    line.remove_suffix(1);
  }
  // An empty pattern ("", "!", "/") can never match a non-empty path component, so git's no-op is dropped here.
  if (line.empty()) return;
  pattern.basename_only = line.find('/') == std::string_view::npos;
  pattern.literal_len = simple_length(line);
  pattern.ends_with = line.front() == '*' && simple_length(line.substr(1)) == line.size() - 1;
  pattern.glob = std::string(line);
  patterns_.push_back(std::move(pattern));
}

const std::string& IgnoreFile::base_dir() const { return base_dir_; }

bool IgnoreFile::empty() const { return patterns_.empty(); }

// A .gitignore governs what lies below its directory, never the directory itself or its siblings.
bool IgnoreFile::covers(std::string_view rel_path) const {
  if (base_dir_.empty()) return !rel_path.empty();
  return rel_path.size() > base_dir_.size() && rel_path[base_dir_.size()] == '/' && rel_path.starts_with(base_dir_);
}

// git's match_pathname(): a cheap compare of the literal prefix first. The whole pattern then goes to wildmatch
// (git >= 2.52 keeps one char of context for the same reason) so "foo**/bar" cannot treat "**" as a component.
bool IgnoreFile::match_pathname(const Pattern& pattern, std::string_view rel_path) const {
  std::string_view glob = pattern.glob;
  std::size_t prefix = pattern.literal_len;
  if (glob.front() == '/') {
    glob.remove_prefix(1);
    --prefix;  // a leading '/' is never special, so literal_len >= 1 here
  }
  std::string_view name = base_dir_.empty() ? rel_path : rel_path.substr(base_dir_.size() + 1);
  if (prefix > 0) {
    if (prefix > name.size() || name.substr(0, prefix) != glob.substr(0, prefix)) return false;
    if (prefix == glob.size()) return prefix == name.size();
  }
  return wildmatch(glob, name);
}

IgnoreFile::Verdict IgnoreFile::match(std::string_view rel_path, bool is_dir) const {
  rel_path = up_to_nul(rel_path);
  if (patterns_.empty() || !covers(rel_path)) return Verdict::none;
  const std::size_t slash = rel_path.rfind('/');
  const std::string_view basename = slash == std::string_view::npos ? rel_path : rel_path.substr(slash + 1);
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    const Pattern& pattern = *it;
    if (pattern.dir_only && !is_dir) continue;
    bool hit = false;
    if (!pattern.basename_only) {
      hit = match_pathname(pattern, rel_path);
    } else if (pattern.literal_len == pattern.glob.size()) {
      hit = basename == pattern.glob;
    } else if (pattern.ends_with) {
      hit = basename.ends_with(std::string_view(pattern.glob).substr(1));
    } else {
      // git matches basenames without WM_PATHNAME; with no '/' on either side that changes nothing.
      hit = wildmatch(pattern.glob, basename);
    }
    if (hit) return pattern.negated ? Verdict::included : Verdict::ignored;
  }
  return Verdict::none;
}

void IgnoreStack::push(IgnoreFile f) { files_.push_back(std::move(f)); }

void IgnoreStack::pop() {
  if (!files_.empty()) files_.pop_back();
}

bool IgnoreStack::ignored(std::string_view rel_path, bool is_dir) const {
  // Deepest file first: the first file with any opinion decides, even when a shallower one would disagree.
  for (auto it = files_.rbegin(); it != files_.rend(); ++it) {
    const IgnoreFile::Verdict verdict = it->match(rel_path, is_dir);
    if (verdict != IgnoreFile::Verdict::none) return verdict == IgnoreFile::Verdict::ignored;
  }
  return false;
}

}  // namespace onramp::scan
