#include "onramp/parse/ini.hpp"

#include "onramp/util/strings.hpp"

namespace onramp::parse {

namespace {

char fold(char c) {
  if (c == '_') return '-';
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c;
}

bool same_key(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

/// Drops an inline comment (` ;` or ` #` after white space), as configparser's inline_comment_prefixes
/// do for flake8 and mypy.
std::string_view strip_inline_comment(std::string_view value) {
  for (std::size_t i = 1; i < value.size(); ++i) {
    if ((value[i] == '#' || value[i] == ';') && (value[i - 1] == ' ' || value[i - 1] == '\t'))
      return value.substr(0, i);
  }
  return value;
}

}  // namespace

const IniEntry* IniSection::find(std::string_view key) const {
  for (const auto& e : entries) {
    if (same_key(e.key, key)) return &e;
  }
  return nullptr;
}

std::vector<IniSection> read_ini(std::string_view text) {
  std::vector<IniSection> out;
  std::uint32_t line_no = 0;
  IniEntry* last = nullptr;
  for (auto raw : util::split(text, '\n')) {
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    const auto line = util::trim(raw);
    if (line.empty()) continue;  // configparser keeps blank lines in multi-line values; they carry nothing here
    if (line[0] == '#' || line[0] == ';') continue;
    const bool indented = raw[0] == ' ' || raw[0] == '\t';
    if (indented && last != nullptr) {
      last->value += '\n';
      last->value += util::trim(strip_inline_comment(line));
      continue;
    }
    if (line.front() == '[' && line.back() == ']') {
      out.push_back(IniSection{std::string(util::trim(line.substr(1, line.size() - 2))), line_no, {}});
      last = nullptr;
      continue;
    }
    const auto eq = line.find_first_of("=:");
    if (eq == std::string_view::npos || out.empty()) {
      last = nullptr;
      continue;
    }
    out.back().entries.push_back(IniEntry{std::string(util::trim(line.substr(0, eq))),
                                          std::string(util::trim(strip_inline_comment(line.substr(eq + 1)))), line_no});
    last = &out.back().entries.back();
  }
  return out;
}

const IniSection* find_section(const std::vector<IniSection>& sections, std::string_view name) {
  for (const auto& s : sections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  std::string current;
  for (char c : value) {
    if (c == ',' || c == '\n') {
      const auto item = util::trim(current);
      if (!item.empty()) out.emplace_back(item);
      current.clear();
    } else {
      current += c;
    }
  }
  const auto item = util::trim(current);
  if (!item.empty()) out.emplace_back(item);
  return out;
}

}  // namespace onramp::parse
