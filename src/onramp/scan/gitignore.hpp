#pragma once
// .gitignore matching with git's own semantics (gitignore(5), dir.c and wildmatch.c), so the scan skips what git skips.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace onramp::scan {

/// One .gitignore file's patterns, anchored at the directory that holds it.
class IgnoreFile {
public:
  /// Parses the text of a .gitignore found in `base_dir` ("" for the scan root, else "a/b" relative, '/' separators, no trailing slash).
  static IgnoreFile parse(std::string_view text, std::string base_dir);
  /// Match result for one path: the last matching pattern decides.
  enum class Verdict { none, ignored, included };
  /// `rel_path` is relative to the scan root, '/' separators ("a/b/c.py"); is_dir says whether it is a directory.
  Verdict match(std::string_view rel_path, bool is_dir) const;
  /// The directory the patterns are anchored at, as given to parse().
  const std::string& base_dir() const;
  /// True when the file holds no pattern that could ever match (blank, comments only).
  bool empty() const;

private:
  /// One non-blank, non-comment line, pre-digested the way git's parse_path_pattern() does it.
  struct Pattern {
    std::string glob;             // without the leading '!' and the trailing '/'
    std::size_t literal_len = 0;  // length of the leading part free of glob specials (git's nowildcardlen)
    bool negated = false;         // "!pattern"
    bool dir_only = false;        // "pattern/"
    bool basename_only = false;   // no '/' left: matches the last component at any depth
    bool ends_with = false;       // "*literal": a suffix compare is enough
  };

  void add_line(std::string_view line);
  bool covers(std::string_view rel_path) const;
  bool match_pathname(const Pattern& pattern, std::string_view rel_path) const;

  std::string base_dir_;
  std::vector<Pattern> patterns_;
};

/// The stack of .gitignore files that apply to a directory during a top-down walk (root first).
class IgnoreStack {
public:
  /// Call when entering a directory that has a .gitignore.
  void push(IgnoreFile f);
  /// Call when leaving it; popping an empty stack does nothing.
  void pop();
  /// True if the path is ignored: deeper files take precedence over shallower ones; within a file the last matching pattern wins; a negation re-includes.
  bool ignored(std::string_view rel_path, bool is_dir) const;

private:
  std::vector<IgnoreFile> files_;
};

/// git's wildmatch with WM_PATHNAME semantics: '*' and '?' do not match '/', '**' rules, [...] classes incl. ranges, negation [!..]/[^..], POSIX classes like [[:alpha:]], backslash escapes.
bool wildmatch(std::string_view pattern, std::string_view text);

}  // namespace onramp::scan
