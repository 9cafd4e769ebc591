// Unit tests for the .gitignore matcher: git's wildmatch (t3070 cases) and gitignore(5) semantics.
#include "onramp/scan/gitignore.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using onramp::scan::IgnoreFile;
using onramp::scan::IgnoreStack;
using onramp::scan::wildmatch;
using Verdict = IgnoreFile::Verdict;

/// One row of git's t/t3070-wildmatch.sh, first column (wildmatch with WM_PATHNAME, case sensitive).
struct WildCase {
  const char* text;
  const char* pattern;
  bool expected;
};

// Transcribed mechanically from git's t/t3070-wildmatch.sh (v2.52 era); raw strings keep the backslashes as the shell sees them.
const WildCase t3070_cases[] = {
    // Basic wildmatch features
    {R"(foo)", R"(foo)", true},
    {R"(foo)", R"(bar)", false},
    {R"()", R"()", true},
    {R"(foo)", R"(???)", true},
    {R"(foo)", R"(??)", false},
    {R"(foo)", R"(*)", true},
    {R"(foo)", R"(f*)", true},
    {R"(foo)", R"(*f)", false},
    {R"(foo)", R"(*foo*)", true},
    {R"(foobar)", R"(*ob*a*r*)", true},
    {R"(aaaaaaabababab)", R"(*ab)", true},
    {R"(foo*)", R"(foo\*)", true},
    {R"(foobar)", R"(foo\*bar)", false},
    {R"(f\oo)", R"(f\\oo)", true},
    {R"(foo\)", R"(foo\)", false},
    {R"(ball)", R"(*[al]?)", true},
    {R"(ten)", R"([ten])", false},
    {R"(ten)", R"(**[!te])", true},
    {R"(ten)", R"(**[!ten])", false},
    {R"(ten)", R"(t[a-g]n)", true},
    {R"(ten)", R"(t[!a-g]n)", false},
    {R"(ton)", R"(t[!a-g]n)", true},
    {R"(ton)", R"(t[^a-g]n)", true},
    {R"(a]b)", R"(a[]]b)", true},
    {R"(a-b)", R"(a[]-]b)", true},
    {R"(a]b)", R"(a[]-]b)", true},
    {R"(aab)", R"(a[]-]b)", false},
    {R"(aab)", R"(a[]a-]b)", true},
    {R"(])", R"(])", true},
    // Extended slash-matching features
    {R"(foo/baz/bar)", R"(foo*bar)", false},
    {R"(foo/baz/bar)", R"(foo**bar)", false},
    {R"(foobazbar)", R"(foo**bar)", true},
    {R"(foo/baz/bar)", R"(foo/**/bar)", true},
    {R"(foo/baz/bar)", R"(foo/**/**/bar)", true},
    {R"(foo/b/a/z/bar)", R"(foo/**/bar)", true},
    {R"(foo/b/a/z/bar)", R"(foo/**/**/bar)", true},
    {R"(foo/bar)", R"(foo/**/bar)", true},
    {R"(foo/bar)", R"(foo/**/**/bar)", true},
    {R"(foo/bar)", R"(foo?bar)", false},
    {R"(foo/bar)", R"(foo[/]bar)", false},
    {R"(foo/bar)", R"(foo[^a-z]bar)", false},
    {R"(foo/bar)", R"(f[^eiu][^eiu][^eiu][^eiu][^eiu]r)", false},
    {R"(foo-bar)", R"(f[^eiu][^eiu][^eiu][^eiu][^eiu]r)", true},
    {R"(foo)", R"(**/foo)", true},
    {R"(XXX/foo)", R"(**/foo)", true},
    {R"(bar/baz/foo)", R"(**/foo)", true},
    {R"(bar/baz/foo)", R"(*/foo)", false},
    {R"(foo/bar/baz)", R"(**/bar*)", false},
    {R"(deep/foo/bar/baz)", R"(**/bar/*)", true},
    {R"(deep/foo/bar/baz/)", R"(**/bar/*)", false},
    {R"(deep/foo/bar/baz/)", R"(**/bar/**)", true},
    {R"(deep/foo/bar)", R"(**/bar/*)", false},
    {R"(deep/foo/bar/)", R"(**/bar/**)", true},
    {R"(foo/bar/baz)", R"(**/bar**)", false},
    {R"(foo/bar/baz/x)", R"(*/bar/**)", true},
    {R"(deep/foo/bar/baz/x)", R"(*/bar/**)", false},
    {R"(deep/foo/bar/baz/x)", R"(**/bar/*/*)", true},
    // Various additional tests
    {R"(acrt)", R"(a[c-c]st)", false},
    {R"(acrt)", R"(a[c-c]rt)", true},
    {R"(])", R"([!]-])", false},
    {R"(a)", R"([!]-])", true},
    {R"()", R"(\)", false},
    {R"(\)", R"(\)", false},
    {R"(XXX/\)", R"(*/\)", false},
    {R"(XXX/\)", R"(*/\\)", true},
    {R"(foo)", R"(foo)", true},
    {R"(@foo)", R"(@foo)", true},
    {R"(foo)", R"(@foo)", false},
    {R"([ab])", R"(\[ab])", true},
    {R"([ab])", R"([[]ab])", true},
    {R"([ab])", R"([[:]ab])", true},
    {R"([ab])", R"([[::]ab])", false},
    {R"([ab])", R"([[:digit]ab])", true},
    {R"([ab])", R"([\[:]ab])", true},
    {R"(?a?b)", R"(\??\?b)", true},
    {R"(abc)", R"(\a\b\c)", true},
    {R"(foo)", R"()", false},
    {R"(foo/bar/baz/to)", R"(**/t[o])", true},
    // Character class tests
    {R"(a1B)", R"([[:alpha:]][[:digit:]][[:upper:]])", true},
    {R"(a)", R"([[:digit:][:upper:][:space:]])", false},
    {R"(A)", R"([[:digit:][:upper:][:space:]])", true},
    {R"(1)", R"([[:digit:][:upper:][:space:]])", true},
    {R"(1)", R"([[:digit:][:upper:][:spaci:]])", false},
    {R"( )", R"([[:digit:][:upper:][:space:]])", true},
    {R"(.)", R"([[:digit:][:upper:][:space:]])", false},
    {R"(.)", R"([[:digit:][:punct:][:space:]])", true},
    {R"(5)", R"([[:xdigit:]])", true},
    {R"(f)", R"([[:xdigit:]])", true},
    {R"(D)", R"([[:xdigit:]])", true},
    {R"(_)",
     R"([[:alnum:][:alpha:][:blank:][:cntrl:][:digit:][:graph:][:lower:][:print:][:punct:][:space:][:upper:][:xdigit:]])",
     true},
    {R"(.)", R"([^[:alnum:][:alpha:][:blank:][:cntrl:][:digit:][:lower:][:space:][:upper:][:xdigit:]])", true},
    {R"(5)", R"([a-c[:digit:]x-z])", true},
    {R"(b)", R"([a-c[:digit:]x-z])", true},
    {R"(y)", R"([a-c[:digit:]x-z])", true},
    {R"(q)", R"([a-c[:digit:]x-z])", false},
    // Additional tests, including some malformed wildmatch patterns
    {R"(])", R"([\\-^])", true},
    {R"([)", R"([\\-^])", false},
    {R"(-)", R"([\-_])", true},
    {R"(])", R"([\]])", true},
    {R"(\])", R"([\]])", false},
    {R"(\)", R"([\]])", false},
    {R"(ab)", R"(a[]b)", false},
    {R"(a[]b)", R"(a[]b)", false},
    {R"(ab[)", R"(ab[)", false},
    {R"(ab)", R"([!)", false},
    {R"(ab)", R"([-)", false},
    {R"(-)", R"([-])", true},
    {R"(-)", R"([a-)", false},
    {R"(-)", R"([!a-)", false},
    {R"(-)", R"([--A])", true},
    {R"(5)", R"([--A])", true},
    {R"( )", R"([ --])", true},
    {R"($)", R"([ --])", true},
    {R"(-)", R"([ --])", true},
    {R"(0)", R"([ --])", false},
    {R"(-)", R"([---])", true},
    {R"(-)", R"([------])", true},
    {R"(j)", R"([a-e-n])", false},
    {R"(-)", R"([a-e-n])", true},
    {R"(a)", R"([!------])", true},
    {R"([)", R"([]-a])", false},
    {R"(^)", R"([]-a])", true},
    {R"(^)", R"([!]-a])", false},
    {R"([)", R"([!]-a])", true},
    {R"(^)", R"([a^bc])", true},
    {R"(-b])", R"([a-]b])", true},
    {R"(\)", R"([\])", false},
    {R"(\)", R"([\\])", true},
    {R"(\)", R"([!\\])", false},
    {R"(G)", R"([A-\\])", true},
    {R"(aaabbb)", R"(b*a)", false},
    {R"(aabcaa)", R"(*ba*)", false},
    {R"(,)", R"([,])", true},
    {R"(,)", R"([\\,])", true},
    {R"(\)", R"([\\,])", true},
    {R"(-)", R"([,-.])", true},
    {R"(+)", R"([,-.])", false},
    {R"(-.])", R"([,-.])", false},
    {R"(2)", R"([\1-\3])", true},
    {R"(3)", R"([\1-\3])", true},
    {R"(4)", R"([\1-\3])", false},
    {R"(\)", R"([[-\]])", true},
    {R"([)", R"([[-\]])", true},
    {R"(])", R"([[-\]])", true},
    {R"(-)", R"([[-\]])", false},
    // Test recursion
    {R"(-adobe-courier-bold-o-normal--12-120-75-75-m-70-iso8859-1)", R"(-*-*-*-*-*-*-12-*-*-*-m-*-*-*)", true},
    {R"(-adobe-courier-bold-o-normal--12-120-75-75-X-70-iso8859-1)", R"(-*-*-*-*-*-*-12-*-*-*-m-*-*-*)", false},
    {R"(-adobe-courier-bold-o-normal--12-120-75-75-/-70-iso8859-1)", R"(-*-*-*-*-*-*-12-*-*-*-m-*-*-*)", false},
    {R"(XXX/adobe/courier/bold/o/normal//12/120/75/75/m/70/iso8859/1)", R"(XXX/*/*/*/*/*/*/12/*/*/*/m/*/*/*)", true},
    {R"(XXX/adobe/courier/bold/o/normal//12/120/75/75/X/70/iso8859/1)", R"(XXX/*/*/*/*/*/*/12/*/*/*/m/*/*/*)", false},
    {R"(abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txt)", R"(**/*a*b*g*n*t)", true},
    {R"(abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txtz)", R"(**/*a*b*g*n*t)", false},
    {R"(foo)", R"(*/*/*)", false},
    {R"(foo/bar)", R"(*/*/*)", false},
    {R"(foo/bba/arr)", R"(*/*/*)", true},
    {R"(foo/bb/aa/rr)", R"(*/*/*)", false},
    {R"(foo/bb/aa/rr)", R"(**/**/**)", true},
    {R"(abcXdefXghi)", R"(*X*i)", true},
    {R"(ab/cXd/efXg/hi)", R"(*X*i)", false},
    {R"(ab/cXd/efXg/hi)", R"(*/*X*/*/*i)", true},
    {R"(ab/cXd/efXg/hi)", R"(**/*X*/**/*i)", true},
    // Extra pathmatch tests
    {R"(foo)", R"(fo)", false},
    {R"(foo/bar)", R"(foo/bar)", true},
    {R"(foo/bar)", R"(foo/*)", true},
    {R"(foo/bba/arr)", R"(foo/*)", false},
    {R"(foo/bba/arr)", R"(foo/**)", true},
    {R"(foo/bba/arr)", R"(foo*)", false},
    {R"(foo/bba/arr)", R"(foo**)", false},
    {R"(foo/bba/arr)", R"(foo/*arr)", false},
    {R"(foo/bba/arr)", R"(foo/**arr)", false},
    {R"(foo/bba/arr)", R"(foo/*z)", false},
    {R"(foo/bba/arr)", R"(foo/**z)", false},
    {R"(foo/bar)", R"(foo?bar)", false},
    {R"(foo/bar)", R"(foo[/]bar)", false},
    {R"(foo/bar)", R"(foo[^a-z]bar)", false},
    {R"(ab/cXd/efXg/hi)", R"(*Xg*i)", false},
    // Extra case-sensitivity tests
    {R"(a)", R"([A-Z])", false},
    {R"(A)", R"([A-Z])", true},
    {R"(A)", R"([a-z])", false},
    {R"(a)", R"([a-z])", true},
    {R"(a)", R"([[:upper:]])", false},
    {R"(A)", R"([[:upper:]])", true},
    {R"(A)", R"([[:lower:]])", false},
    {R"(a)", R"([[:lower:]])", true},
    {R"(A)", R"([B-Za])", false},
    {R"(a)", R"([B-Za])", true},
    {R"(A)", R"([B-a])", false},
    {R"(a)", R"([B-a])", true},
    {R"(z)", R"([Z-y])", false},
    {R"(Z)", R"([Z-y])", true},
};

/// Shorthand: does a single .gitignore ignore the path?
bool ignores(const IgnoreFile& file, std::string_view path, bool is_dir = false) {
  return file.match(path, is_dir) == Verdict::ignored;
}

/// Mimics the scan walker: descends from the root, never into an ignored directory, pushing each
/// directory's .gitignore on the way down, and reports whether `path` ends up excluded.
bool walked_ignored(const std::vector<IgnoreFile>& files, std::string_view path, bool is_dir) {
  IgnoreStack stack;
  const auto push_files_of = [&](std::string_view dir) {
    for (const IgnoreFile& f : files)
      if (f.base_dir() == dir) stack.push(f);
  };
  push_files_of("");
  std::size_t slash = path.find('/');
  while (slash != std::string_view::npos) {
    const std::string_view dir = path.substr(0, slash);
    if (stack.ignored(dir, true)) return true;
    push_files_of(dir);
    slash = path.find('/', slash + 1);
  }
  return stack.ignored(path, is_dir);
}

}  // namespace

TEST_SUITE("scan::gitignore") {
  TEST_CASE("scan::wildmatch") {
    SUBCASE("git t3070 table") {
      for (const WildCase& c : t3070_cases) {
        CAPTURE(c.text);
        CAPTURE(c.pattern);
        CHECK(wildmatch(c.pattern, c.text) == c.expected);
      }
    }
    SUBCASE("literals, ? and single star stay inside one component") {
      CHECK(wildmatch("foo.py", "foo.py"));
      CHECK_FALSE(wildmatch("foo.py", "foo.pyc"));
      CHECK(wildmatch("*.py", "setup.py"));
      CHECK_FALSE(wildmatch("*.py", "pkg/setup.py"));
      CHECK(wildmatch("?.py", "a.py"));
      CHECK_FALSE(wildmatch("a?b", "a/b"));
      CHECK(wildmatch("*/*.py", "pkg/mod.py"));
      CHECK_FALSE(wildmatch("*/*.py", "a/pkg/mod.py"));
      CHECK_FALSE(wildmatch("", "x"));
    }
    SUBCASE("double star in every position") {
      CHECK(wildmatch("**/foo", "foo"));
      CHECK(wildmatch("**/foo", "a/b/foo"));
      CHECK_FALSE(wildmatch("**/foo", "a/foox"));
      CHECK(wildmatch("abc/**", "abc/x"));
      CHECK(wildmatch("abc/**", "abc/x/y/z"));
      CHECK_FALSE(wildmatch("abc/**", "abc"));
      CHECK(wildmatch("a/**/b", "a/b"));
      CHECK(wildmatch("a/**/b", "a/x/b"));
      CHECK(wildmatch("a/**/b", "a/x/y/b"));
      CHECK_FALSE(wildmatch("a/**/b", "a/xb"));
      CHECK(wildmatch("**", "any/depth/at/all"));
      // Not a whole component: "**" degrades to "*" and cannot cross '/'.
      CHECK(wildmatch("foo**bar", "fooxbar"));
      CHECK_FALSE(wildmatch("foo**bar", "foo/x/bar"));
      CHECK_FALSE(wildmatch("a**/b", "ax/y/b"));
    }
    SUBCASE("bracket expressions and POSIX classes") {
      CHECK(wildmatch("*.py[cod]", "m.pyc"));
      CHECK_FALSE(wildmatch("*.py[cod]", "m.pyx"));
      CHECK(wildmatch("[Bb]uild", "Build"));
      CHECK(wildmatch("file[0-9].txt", "file7.txt"));
      CHECK_FALSE(wildmatch("file[!0-9].txt", "file7.txt"));
      CHECK(wildmatch("file[^0-9].txt", "fileX.txt"));
      CHECK(wildmatch("[[:alpha:]][[:digit:]]", "x9"));
      CHECK_FALSE(wildmatch("[[:space:]]", "\v"));  // git's isspace() is only " \t\n\r"
      CHECK_FALSE(wildmatch("[[:bogus:]]", "b"));
      CHECK_FALSE(wildmatch("a[/]b", "a/b"));
      CHECK_FALSE(wildmatch("[abc", "a"));  // unterminated class never matches
    }
    SUBCASE("backslash escapes") {
      CHECK(wildmatch("\\*", "*"));
      CHECK_FALSE(wildmatch("\\*", "x"));
      CHECK(wildmatch("\\#x", "#x"));
      CHECK(wildmatch("a\\[b]", "a[b]"));
      CHECK_FALSE(wildmatch("a\\", "a"));  // a dangling backslash matches nothing
    }
  }

  TEST_CASE("scan::wildmatch pathological patterns stay fast" * doctest::timeout(10.0)) {
    const std::string long_a(20000, 'a');
    SUBCASE("many single stars") {
      CHECK_FALSE(wildmatch("a*a*a*a*a*a*a*b", long_a));
      CHECK(wildmatch("a*a*a*a*a*a*a*a", long_a));
      CHECK_FALSE(wildmatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a", std::string(60, 'a') + "b"));
    }
    SUBCASE("many double stars over a deep path") {
      std::string deep;
      for (int i = 0; i < 300; ++i) deep += "a/";
      deep += "a";
      CHECK_FALSE(wildmatch("**/a/**/a/**/a/**/a/**/a/**/b", deep));
      CHECK(wildmatch("**/a/**/a/**/a/**/a/**/a", deep));
      CHECK_FALSE(wildmatch("**/*a*a*a*a*a*b", deep + "/" + long_a));
    }
  }

  TEST_CASE("scan::gitignore parsing") {
    SUBCASE("comments and blank lines") {
      const IgnoreFile f = IgnoreFile::parse("# a comment\n\n   \n#*.py\n", "");
      CHECK(f.empty());
      CHECK(f.match("x.py", false) == Verdict::none);
      CHECK(f.match("# a comment", false) == Verdict::none);
    }
    SUBCASE("escaped hash and bang are literal patterns") {
      const IgnoreFile f = IgnoreFile::parse("\\#notes\n\\!important\n", "");
      CHECK_FALSE(f.empty());
      CHECK(ignores(f, "#notes"));
      CHECK(ignores(f, "!important"));
      CHECK(f.match("important", false) == Verdict::none);
    }
    SUBCASE("trailing spaces are trimmed unless escaped") {
      const IgnoreFile f = IgnoreFile::parse("plain   \nkept\\ \nmixed\\  \ntab\t\n", "");
      CHECK(ignores(f, "plain"));
      CHECK_FALSE(ignores(f, "plain "));
      CHECK(ignores(f, "kept "));
      CHECK_FALSE(ignores(f, "kept"));
      CHECK(ignores(f, "mixed "));
      CHECK(ignores(f, "tab\t"));  // only ' ' is trimmed, as in git
      CHECK_FALSE(ignores(f, "tab"));
    }
    SUBCASE("CRLF line endings, a UTF-8 BOM and a missing final newline") {
      const IgnoreFile f = IgnoreFile::parse("\xEF\xBB\xBF*.log\r\nbuild/ \r\n#c\r\nlast.txt", "");
      CHECK(ignores(f, "debug.log"));
      CHECK(ignores(f, "build", true));
      CHECK(ignores(f, "last.txt"));
      CHECK(f.match("#c", false) == Verdict::none);
      const IgnoreFile bom_comment = IgnoreFile::parse("\xEF\xBB\xBF# only a comment\r\n", "");
      CHECK(bom_comment.empty());
    }
    SUBCASE("degenerate lines") {
      const IgnoreFile f = IgnoreFile::parse("!\n/\n\\\n", "");
      CHECK(f.match("x", false) == Verdict::none);
      CHECK(f.match("x", true) == Verdict::none);
    }
    SUBCASE("base_dir is kept") {
      CHECK(IgnoreFile::parse("*.pyc", "pkg/sub").base_dir() == "pkg/sub");
      CHECK(IgnoreFile::parse("*.pyc", "").base_dir().empty());
    }
  }

  TEST_CASE("scan::gitignore matching") {
    SUBCASE("a pattern without a slash matches the basename at any depth") {
      const IgnoreFile f = IgnoreFile::parse("*.pyc\n__pycache__\n", "");
      CHECK(ignores(f, "m.pyc"));
      CHECK(ignores(f, "pkg/deep/m.pyc"));
      CHECK(ignores(f, "pkg/__pycache__", true));
      CHECK(ignores(f, "__pycache__", false));
      CHECK(f.match("pkg/m.py", false) == Verdict::none);
    }
    SUBCASE("a leading or middle slash anchors to the .gitignore's directory") {
      const IgnoreFile f = IgnoreFile::parse("/build\ndoc/frotz\nsrc/*.py\n", "");
      CHECK(ignores(f, "build", true));
      CHECK(ignores(f, "build"));
      CHECK_FALSE(ignores(f, "src/build", true));
      CHECK(ignores(f, "doc/frotz"));
      CHECK_FALSE(ignores(f, "a/doc/frotz"));
      CHECK(ignores(f, "src/a.py"));
      CHECK_FALSE(ignores(f, "src/x/a.py"));
      CHECK_FALSE(ignores(f, "lib/src/a.py"));
    }
    SUBCASE("anchoring is relative to a nested base_dir") {
      const IgnoreFile f = IgnoreFile::parse("/build\ndoc/*.md\n*.tmp\n", "pkg");
      CHECK(ignores(f, "pkg/build", true));
      CHECK_FALSE(ignores(f, "pkg/x/build", true));
      CHECK_FALSE(ignores(f, "build", true));
      CHECK(ignores(f, "pkg/doc/a.md"));
      CHECK_FALSE(ignores(f, "doc/a.md"));
      CHECK(ignores(f, "pkg/x/y/z.tmp"));
    }
    SUBCASE("paths outside base_dir never match") {
      const IgnoreFile f = IgnoreFile::parse("*\n", "sub");
      CHECK(ignores(f, "sub/a"));
      CHECK(ignores(f, "sub/a/b", true));
      CHECK(f.match("sub", true) == Verdict::none);
      CHECK(f.match("subway/a", false) == Verdict::none);
      CHECK(f.match("other/a", false) == Verdict::none);
      CHECK(f.match("a", false) == Verdict::none);
      const IgnoreFile root = IgnoreFile::parse("*\n", "");
      CHECK(root.match("", true) == Verdict::none);
    }
    SUBCASE("a trailing slash matches directories only") {
      const IgnoreFile f = IgnoreFile::parse("frotz/\ndoc/frotz/\n", "");
      CHECK(ignores(f, "frotz", true));
      CHECK(ignores(f, "a/frotz", true));
      CHECK_FALSE(ignores(f, "frotz", false));
      CHECK(ignores(f, "doc/frotz", true));
      CHECK_FALSE(ignores(f, "doc/frotz", false));
    }
    SUBCASE("negation: the last matching pattern wins") {
      const IgnoreFile f = IgnoreFile::parse("*.log\n!keep.log\n", "");
      CHECK(ignores(f, "a.log"));
      CHECK(f.match("keep.log", false) == Verdict::included);
      CHECK(f.match("x/keep.log", false) == Verdict::included);
      const IgnoreFile reversed = IgnoreFile::parse("!keep.log\n*.log\n", "");
      CHECK(ignores(reversed, "keep.log"));
      const IgnoreFile dirs_back = IgnoreFile::parse("*\n!*/\n", "");
      CHECK(dirs_back.match("src", true) == Verdict::included);
      CHECK(ignores(dirs_back, "src/a.py"));
    }
    SUBCASE("double star patterns") {
      const IgnoreFile f = IgnoreFile::parse("**/logs\n**/cfg/local.py\nout/**\na/**/b\n", "");
      CHECK(ignores(f, "logs", true));
      CHECK(ignores(f, "x/y/logs", true));
      CHECK(ignores(f, "cfg/local.py"));
      CHECK(ignores(f, "x/cfg/local.py"));
      CHECK_FALSE(ignores(f, "cfg/x/local.py"));
      CHECK(ignores(f, "out/a"));
      CHECK(ignores(f, "out/a/b.py"));
      CHECK_FALSE(ignores(f, "out", true));
      CHECK(ignores(f, "a/b"));
      CHECK(ignores(f, "a/x/y/b"));
      CHECK_FALSE(ignores(f, "x/a/b"));
      const IgnoreFile nested = IgnoreFile::parse("/**/gen.py\n", "pkg");
      CHECK(ignores(nested, "pkg/gen.py"));
      CHECK(ignores(nested, "pkg/a/b/gen.py"));
      CHECK_FALSE(ignores(nested, "gen.py"));
    }
    SUBCASE("a double star glued to the literal prefix is not a component wildcard (git >= 2.52)") {
      const IgnoreFile f = IgnoreFile::parse("foo**/bar\n", "");
      CHECK(ignores(f, "fooxx/bar"));
      CHECK_FALSE(ignores(f, "foobar"));
      CHECK_FALSE(ignores(f, "foox/y/bar"));
    }
    SUBCASE("character classes and escapes in patterns") {
      const IgnoreFile f = IgnoreFile::parse("*.py[cod]\n[Bb]uild/\nreport[0-9].csv\nlit\\*eral\n", "");
      CHECK(ignores(f, "m.pyo"));
      CHECK_FALSE(ignores(f, "m.py"));
      CHECK(ignores(f, "Build", true));
      CHECK(ignores(f, "sub/build", true));
      CHECK(ignores(f, "report3.csv"));
      CHECK_FALSE(ignores(f, "reportX.csv"));
      CHECK(ignores(f, "lit*eral"));
      CHECK_FALSE(ignores(f, "litXeral"));
    }
  }

  TEST_CASE("scan::IgnoreStack") {
    SUBCASE("a deeper !keep.log overrides the root *.log") {
      IgnoreStack stack;
      stack.push(IgnoreFile::parse("*.log\n", ""));
      stack.push(IgnoreFile::parse("!keep.log\n", "sub"));
      CHECK_FALSE(stack.ignored("sub/keep.log", false));
      CHECK_FALSE(stack.ignored("sub/deeper/keep.log", false));
      CHECK(stack.ignored("sub/other.log", false));
      CHECK(stack.ignored("keep.log", false));
      CHECK(stack.ignored("elsewhere/keep.log", false));
      stack.pop();
      CHECK(stack.ignored("sub/keep.log", false));
    }
    SUBCASE("a deeper positive pattern overrides a shallower negation") {
      IgnoreStack stack;
      stack.push(IgnoreFile::parse("*.txt\n!readme.txt\n", ""));
      stack.push(IgnoreFile::parse("readme.txt\n", "docs"));
      CHECK(stack.ignored("docs/readme.txt", false));
      CHECK_FALSE(stack.ignored("readme.txt", false));
      CHECK(stack.ignored("notes.txt", false));
    }
    SUBCASE("empty stack and over-popping are harmless") {
      IgnoreStack stack;
      CHECK_FALSE(stack.ignored("a.py", false));
      stack.pop();
      stack.push(IgnoreFile::parse("", ""));
      CHECK_FALSE(stack.ignored("a.py", false));
    }
  }

  TEST_CASE("scan::gitignore(5) examples") {
    SUBCASE("hello.* and /hello.*") {
      const IgnoreFile any = IgnoreFile::parse("hello.*\n", "");
      CHECK(ignores(any, "hello.txt"));
      CHECK(ignores(any, "a/hello.java"));
      const IgnoreFile anchored = IgnoreFile::parse("/hello.*\n", "");
      CHECK(ignores(anchored, "hello.txt"));
      CHECK_FALSE(ignores(anchored, "a/hello.java"));
    }
    SUBCASE("foo/* matches one level only") {
      const IgnoreFile f = IgnoreFile::parse("foo/*\n", "");
      CHECK(ignores(f, "foo/test.json"));
      CHECK(ignores(f, "foo/bar", true));
      CHECK_FALSE(ignores(f, "foo/bar/hello.c"));
    }
    SUBCASE("exclude everything except foo/bar") {
      const std::vector<IgnoreFile> files{IgnoreFile::parse("/*\n!/foo\n/foo/*\n!/foo/bar\n", "")};
      CHECK(walked_ignored(files, "top.py", false));
      CHECK_FALSE(walked_ignored(files, "foo", true));
      CHECK(walked_ignored(files, "foo/other.py", false));
      CHECK_FALSE(walked_ignored(files, "foo/bar", true));
      CHECK_FALSE(walked_ignored(files, "foo/bar/keep.py", false));
    }
    SUBCASE("a file cannot be re-included under an excluded directory") {
      const std::vector<IgnoreFile> files{IgnoreFile::parse("build/\n!build/keep.txt\n", ""),
                                          IgnoreFile::parse("!keep.txt\n", "build")};
      CHECK(walked_ignored(files, "build/keep.txt", false));
      CHECK(walked_ignored(files, "build/x.o", false));
    }
  }
}
