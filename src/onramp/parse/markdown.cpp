#include "onramp/parse/markdown.hpp"

#include <algorithm>

#include "onramp/util/strings.hpp"

namespace onramp::parse {

namespace {

/// Up to three spaces of indentation (more makes an indented code block, not a heading or fence).
std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

/// `## Title ##` -> (2, "Title"); level 0 when the line is no ATX heading.
std::pair<int, std::string_view> atx_heading(std::string_view line) {
  if (indent_of(line) > 3) return {0, {}};
  line = line.substr(indent_of(line));
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[static_cast<std::size_t>(level)] == '#') ++level;
  if (level == 0 || level > 6) return {0, {}};
  auto rest = line.substr(static_cast<std::size_t>(level));
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') return {0, {}};
  rest = util::trim(rest);
  // a closing sequence of `#`s, preceded by a space (or making up the whole rest)
  auto end = rest.size();
  while (end > 0 && rest[end - 1] == '#') --end;
  if (end == 0) rest = {};
  else if (end < rest.size() && (rest[end - 1] == ' ' || rest[end - 1] == '\t')) rest = util::trim(rest.substr(0, end));
  return {level, rest};
}

/// `===` (level 1) or `---` (level 2) under a paragraph line; 0 otherwise.
int setext_level(std::string_view line) {
  if (indent_of(line) > 3) return 0;
  const auto t = util::trim(line);
  if (t.empty() || (t.front() != '=' && t.front() != '-')) return 0;
  if (!std::all_of(t.begin(), t.end(), [&](char c) { return c == t.front(); })) return 0;
  return t.front() == '=' ? 1 : 2;
}

struct Fence {
  char ch = 0;
  std::size_t length = 0;
  std::size_t indent = 0;
};

/// An opening fence: three or more backticks or tildes (a backtick fence's info string has no backtick). Inside a list
/// item the fence may be indented as far as the item's content (`max_indent`), as CommonMark nests it there.
bool opening_fence(std::string_view line, Fence& fence, std::string& language, std::size_t max_indent) {
  const auto indent = indent_of(line);
  if (indent > max_indent) return false;
  const auto rest = line.substr(indent);
  if (rest.empty() || (rest.front() != '`' && rest.front() != '~')) return false;
  std::size_t n = 0;
  while (n < rest.size() && rest[n] == rest.front()) ++n;
  if (n < 3) return false;
  const auto info = util::trim(rest.substr(n));
  if (rest.front() == '`' && info.find('`') != std::string_view::npos) return false;
  fence = {rest.front(), n, indent};
  auto word = info.substr(0, std::min(info.find_first_of(" \t{,"), info.size()));
  if (!word.empty() && word.front() == '{') word = {};
  language = util::to_lower(word);
  return true;
}

bool closing_fence(std::string_view line, const Fence& fence) {
  if (indent_of(line) > fence.indent + 3) return false;
  const auto t = util::trim(line);
  if (t.size() < fence.length) return false;
  return std::all_of(t.begin(), t.end(), [&](char c) { return c == fence.ch; });
}

/// The indentation of a list item's content (`1.  text` -> 4, `- text` -> 2), or 0 when the line is no list item.
std::size_t list_content_indent(std::string_view line) {
  const auto indent = indent_of(line);
  const auto rest = line.substr(indent);
  std::size_t n = 0;
  if (!rest.empty() && (rest.front() == '-' || rest.front() == '*' || rest.front() == '+')) {
    n = 1;
  } else {
    while (n < rest.size() && n < 9 && rest[n] >= '0' && rest[n] <= '9') ++n;
    if (n == 0 || n >= rest.size() || (rest[n] != '.' && rest[n] != ')')) return 0;
    ++n;
  }
  std::size_t spaces = 0;
  while (n + spaces < rest.size() && rest[n + spaces] == ' ') ++spaces;
  if (spaces == 0 || n + spaces == rest.size()) return 0;
  return indent + n + std::min<std::size_t>(spaces, 4);
}

}  // namespace

MarkdownDoc read_markdown(std::string_view text) {
  MarkdownDoc doc;
  doc.sections.push_back({0, "", 1, 0, {}});
  std::vector<std::string_view> lines;
  for (auto l : util::split(text, '\n')) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
  }
  if (!lines.empty() && lines.back().empty() && !text.empty() && text.back() == '\n') lines.pop_back();

  const auto open_section = [&](int level, std::string_view title, std::uint32_t line) {
    doc.sections.back().end_line = line - 1;
    MarkdownSection s{level, std::string(title), line, 0, {}};
    // the enclosing sections: the nearest earlier heading of each lower level
    std::vector<std::string> parents;
    int want = level - 1;
    for (auto it = doc.sections.rbegin(); it != doc.sections.rend() && want > 0; ++it) {
      if (it->level > 0 && it->level <= want) {
        parents.push_back(it->title);
        want = it->level - 1;
      }
    }
    std::reverse(parents.begin(), parents.end());
    s.parents = std::move(parents);
    doc.sections.push_back(std::move(s));
  };

  bool paragraph = false;       // the previous line is paragraph text (a setext underline may follow)
  std::size_t list_indent = 0;  // the content indentation of the list item the lines are in, 0 outside lists
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line_no = static_cast<std::uint32_t>(i + 1);
    const auto line = lines[i];
    Fence fence;
    std::string language;
    if (const auto item = list_content_indent(line); item > 0) {
      list_indent = item;
    } else if (!util::trim(line).empty() && indent_of(line) < std::min<std::size_t>(list_indent, 2)) {
      list_indent = 0;  // a line back at the margin ends the list
    }
    if (opening_fence(line, fence, language, list_indent + 3)) {
      MarkdownCodeBlock block;
      block.language = std::move(language);
      block.line = line_no;
      block.section = doc.sections.size() - 1;
      std::size_t j = i + 1;
      for (; j < lines.size() && !closing_fence(lines[j], fence); ++j) {
        auto body = lines[j];
        body.remove_prefix(std::min(indent_of(body), fence.indent));
        block.code += body;
        block.code += '\n';
      }
      block.end_line = static_cast<std::uint32_t>(std::min(j, lines.size() - 1) + 1);
      doc.code_blocks.push_back(std::move(block));
      i = j;
      paragraph = false;
      continue;
    }
    if (const auto [level, title] = atx_heading(line); level > 0) {
      open_section(level, title, line_no);
      paragraph = false;
      list_indent = 0;
      continue;
    }
    if (paragraph) {
      if (const int level = setext_level(line); level > 0) {
        // the paragraph line above is the heading
        open_section(level, util::trim(lines[i - 1]), line_no - 1);
        paragraph = false;
        continue;
      }
    }
    const auto t = util::trim(line);
    paragraph = !t.empty() && indent_of(line) <= 3 && t.front() != '>' && t.front() != '|' && !t.starts_with("<");
  }
  doc.sections.back().end_line = static_cast<std::uint32_t>(lines.size());
  return doc;
}

}  // namespace onramp::parse
