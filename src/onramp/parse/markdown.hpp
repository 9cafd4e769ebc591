#pragma once
// Markdown documents (README.md, CONTRIBUTING.md, docs/*.md) read into sections and fenced code blocks with a
// hand-written reader (CommonMark's ATX and setext headings, backtick and tilde fences); nothing is rendered.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onramp::parse {

/// A ``` or ~~~ fenced code block.
struct MarkdownCodeBlock {
  /// The info string's first word, lower-cased (`bash`, `console`, `python`); "" when none is given.
  std::string language;
  /// The lines between the fences, as written (the fence's indentation removed, as CommonMark does).
  std::string code;
  std::uint32_t line = 0;      // the opening fence
  std::uint32_t end_line = 0;  // the closing fence (the last line when the block is never closed)
  /// The section it is in (index into MarkdownDoc::sections).
  std::size_t section = 0;
};

/// A heading and what follows it up to the next heading of any level.
struct MarkdownSection {
  /// 1-6; 0 for the text before the first heading.
  int level = 0;
  /// The heading's text, trimmed, closing `#`s removed; "" for the text before the first heading.
  std::string title;
  std::uint32_t line = 0;      // the heading's line (1 for the text before the first heading)
  std::uint32_t end_line = 0;  // the last line before the next heading
  /// Titles of the enclosing sections, outermost first (`Development` > `Running locally`).
  std::vector<std::string> parents;
};

struct MarkdownDoc {
  /// Always at least one: the text before the first heading, even when empty.
  std::vector<MarkdownSection> sections;
  std::vector<MarkdownCodeBlock> code_blocks;  // in file order
};

MarkdownDoc read_markdown(std::string_view text);

}  // namespace onramp::parse
